// The access-control matrix (issue 5, requirement 2): every route registered in the Router (so a
// new route cannot escape: an unknown one fails the test) × roles {anonymous, member of A, member
// of B (same community), manager of the demo, manager of another community, admin} × target (the
// demo community / another one; supply point A). Refused requests must answer 401 (anonymous) or
// 403 and change nothing in the store; allowed reads answer 2xx.
#include <gmock/gmock.h>

#include <set>

#include "api_fixture.h"

namespace reparto::api::testing {
namespace {

// Who may call a route, written here independently of the handlers' own table.
enum class Rule { kPublic, kSignedIn, kCommunity, kParticipant, kInvoice, kManager, kAdmin };

const std::map<std::string, Rule>& Rules() {
  static const std::map<std::string, Rule> rules = {
      {"GET /api/openapi.json", Rule::kPublic},
      {"GET /api/communities", Rule::kSignedIn},
      {"GET /api/communities/{community}", Rule::kCommunity},
      {"GET /api/communities/{community}/series", Rule::kCommunity},
      {"GET /api/communities/{community}/live", Rule::kCommunity},
      {"GET /api/communities/{community}/participants/{participant}/series", Rule::kParticipant},
      {"GET /api/communities/{community}/participants/{participant}/economics", Rule::kParticipant},
      {"GET /api/communities/{community}/participants/{participant}/best-hours",
       Rule::kParticipant},
      {"GET /api/communities/{community}/participants/{participant}/invoices", Rule::kParticipant},
      {"GET /api/communities/{community}/invoices/{invoice}/pdf", Rule::kInvoice},
      {"GET /api/communities/{community}/invoices", Rule::kManager},
      {"POST /api/communities/{community}/payments", Rule::kManager},
      {"GET /api/communities/{community}/payments/balances", Rule::kManager},
      {"GET /api/communities/{community}/members", Rule::kManager},
      {"POST /api/communities/{community}/members/{participant}/join", Rule::kManager},
      {"POST /api/communities/{community}/members/{participant}/leave", Rule::kManager},
      {"GET /api/communities/{community}/coefficients", Rule::kManager},
      {"POST /api/communities/{community}/coefficients", Rule::kManager},
      {"GET /api/communities/{community}/coefficients/distributor-file", Rule::kManager},
      {"GET /api/communities/{community}/billing-config", Rule::kManager},
      {"PUT /api/communities/{community}/billing-config", Rule::kManager},
      {"GET /api/communities/{community}/bills", Rule::kManager},
      {"GET /api/communities/{community}/billing/runs", Rule::kManager},
      {"POST /api/communities/{community}/billing/preview", Rule::kManager},
      {"POST /api/communities/{community}/billing/runs/{run}/finalise", Rule::kManager},
      {"GET /api/communities/{community}/imports", Rule::kManager},
      {"POST /api/communities/{community}/imports", Rule::kManager},
      {"GET /api/communities/{community}/alerts", Rule::kManager},
      {"GET /api/users", Rule::kAdmin},
      {"POST /api/users", Rule::kAdmin},
      {"PUT /api/users/{user}", Rule::kAdmin},
      {"DELETE /api/users/{user}", Rule::kAdmin},
      {"PUT /api/users/{user}/password", Rule::kAdmin},
      {"PUT /api/users/{user}/grants", Rule::kAdmin},
  };
  return rules;
}

// Query strings that make an allowed GET succeed.
std::string QueryFor(const std::string& pattern) {
  if (pattern.ends_with("/series")) return "?from=2025-06-01&to=2025-06-02&resolution=interval";
  if (pattern.ends_with("/economics")) return "?year=2025";
  if (pattern.ends_with("/best-hours")) return "?date=2025-06-10";
  if (pattern.ends_with("/distributor-file")) return "?year=2025";
  if (pattern.ends_with("/bills")) return "?month=2025-06";
  if (pattern.ends_with("/alerts")) return "?from=2025-06-01&to=2025-06-30";
  return "";
}

// A valid body for a state-changing route (sent to roles that must be refused: nothing may
// change).
std::string ValidBody(const std::string& pattern, const DemoWorld& world) {
  if (pattern.ends_with("/payments")) {
    return R"({"invoice":")" + world.invoice_a + R"(","date":"2025-07-10","amount":"1.00"})";
  }
  if (pattern.ends_with("/join")) return R"({"date":"2025-01-01"})";
  if (pattern.ends_with("/leave")) return R"({"date":"2025-12-01"})";
  if (pattern.ends_with("/coefficients")) {
    return R"({"valid_from":"2026-09-01","accept_warnings":true,"coefficients":{")" +
           world.participant_a + R"(":"1"}})";
  }
  if (pattern.ends_with("/billing-config")) return R"({"valid_from":"2026-01-01","text":""})";
  if (pattern.ends_with("/preview")) return R"({"month":"2025-08"})";
  if (pattern.ends_with("/finalise")) return R"({"issue_date":"2025-08-01"})";
  if (pattern.ends_with("/imports")) {
    return "participant,start,consumption_kwh,injection_kwh,quality\n" + world.participant_a +
           ",2025-06-01T00:00:00+02:00,0.5,0,real\n";
  }
  if (pattern == "/api/users") return R"({"email":"x@test","password":"0123456789ab"})";
  if (pattern.ends_with("/grants")) return R"({"grants":[]})";
  if (pattern.ends_with("/password")) return R"({"password":"0123456789ab"})";
  if (pattern == "/api/users/{user}") return R"({"role":"member","display_name":"x"})";
  return "{}";
}

// The stored id of the demo's first member account.
std::int64_t MemberAccountId() {
  auto found = World().store->Auth().FindUserByEmail("member1@reparto.demo");
  return found.ok() && found->has_value() ? (*found)->user.id : -1;
}

// Everything a refused request could have changed.
std::string Fingerprint(DemoWorld& world) {
  Store& store = *world.store;
  std::string out;
  auto community = store.LoadCommunity(world.community);
  out += std::to_string((*community)->revision) + "/" +
         std::to_string((*community)->versions.size()) + "/";
  for (const StoredParticipant& p : (*community)->participants) {
    out += std::to_string(p.participant.member_from) + "-" +
           std::to_string(p.participant.member_to) + ",";
  }
  out += "/" + std::to_string(store.ListImports(world.community)->size());
  auto runs = store.Billing().ListRuns(world.community);
  for (const BillingRun& run : *runs) {
    out += "/run" + std::to_string(run.id) + (run.state == RunState::kFinal ? "F" : "D") +
           run.created_at;
  }
  out += "/" + std::to_string(store.Billing().ListPayments(world.community)->size());
  out += "/" + std::to_string(store.Billing().LoadBillingConfigs(world.community)->size());
  auto states = store.LoadDayStates(world.community, {2025, 6, 1}, {2025, 6, 2});
  for (const DayState& s : *states) out += "/" + std::to_string(s.readings_revision);
  const auto users = store.Auth().ListUsers();
  for (const User& user : *users) {
    const auto stored = store.Auth().FindUser(user.id);
    out += "/u" + std::to_string(user.id) + user.email + std::string(UserRoleName(user.role)) +
           user.display_name + user.language + (*stored)->password_hash + "g" +
           std::to_string(store.Auth().LoadGrants(user.id)->size());
  }
  return out;
}

struct Case {
  std::string role;
  bool other_community;
};

bool ShouldAllow(Rule rule, const std::string& role, bool other, bool invoice_of_a) {
  if (role.empty()) return rule == Rule::kPublic;
  switch (rule) {
    case Rule::kPublic:
    case Rule::kSignedIn:
      return true;
    case Rule::kAdmin:
      return role == "admin";
    case Rule::kCommunity:
      if (other) return role == "admin" || role == "other_manager";
      return role != "other_manager";
    case Rule::kParticipant:  // supply point A
      if (other) return role == "admin" || role == "other_manager";
      return role == "admin" || role == "manager" || role == "member_a";
    case Rule::kInvoice:  // an invoice of A
      if (other) return role == "admin" || role == "other_manager";
      return role == "admin" || role == "manager" || (role == "member_a" && invoice_of_a);
    case Rule::kManager:
      if (other) return role == "admin" || role == "other_manager";
      return role == "admin" || role == "manager";
  }
  return false;
}

TEST(AccessMatrix, EveryRouteEveryRoleEveryTarget) {
  DemoWorld& world = World();
  ASSERT_FALSE(world.invoice_a.empty());
  const std::vector<std::string> roles = {"",        "member_a",      "member_b",
                                          "manager", "other_manager", "admin"};
  int checked = 0;
  for (const http::Router::Route& route : world.router.routes()) {
    const std::string key = route.method + " " + route.pattern;
    auto rule = Rules().find(key);
    ASSERT_NE(rule, Rules().end()) << key << " is not in the access matrix: add it";
    for (bool other : {false, true}) {
      if (other && route.pattern.find("{community}") == std::string::npos) continue;
      std::string path = route.pattern;
      auto replace = [&path](const std::string& what, const std::string& with) {
        if (auto at = path.find(what); at != std::string::npos) path.replace(at, what.size(), with);
      };
      replace("{community}", other ? kOtherCommunity : world.community);
      replace("{participant}", world.participant_a);
      replace("{invoice}", world.invoice_a);
      replace("{run}", world.draft_run);
      const std::string with_user = path;
      const bool reads = route.method == "GET";
      for (const std::string& role : roles) {
        const bool allow = ShouldAllow(rule->second, role, other, true);
        // Refused requests target a real account (the demo's first member); an allowed DELETE,
        // which takes no body to spoil, targets an id that does not exist.
        path = with_user;
        replace("{user}",
                allow && route.method == "DELETE" ? "999999" : std::to_string(MemberAccountId()));
        SCOPED_TRACE(key + " as '" + role + "'" + (other ? " on another community" : ""));
        const std::string before = reads ? "" : Fingerprint(world);
        // Refused: a valid body, nothing may change. Allowed writes: a malformed body, so that
        // the matrix itself changes nothing either (the functional tests change things).
        std::string body = reads ? "" : (allow ? "{" : ValidBody(route.pattern, world));
        if (!reads && allow && route.pattern.ends_with("/imports")) body.clear();
        if (route.pattern.ends_with("/live") && allow) continue;  // a stream: see LiveTest
        http::Response response =
            Send(route.method, path + (reads ? QueryFor(route.pattern) : ""), role, body);
        ++checked;
        if (!allow) {
          EXPECT_EQ(response.status, role.empty() ? 401 : 403) << response.body;
          EXPECT_EQ(response.body.find(world.participant_b), std::string::npos);
        } else {
          EXPECT_NE(response.status, 401) << response.body;
          EXPECT_NE(response.status, 403) << response.body;
          if (reads && !other) {
            EXPECT_GE(response.status, 200) << response.body;
            EXPECT_LT(response.status, 300) << response.body;
          }
          if (other || (route.method == "DELETE" && route.pattern.ends_with("{user}"))) {
            EXPECT_EQ(response.status, 404) << response.body;  // it does not exist
          }
        }
        if (!reads) {
          EXPECT_EQ(Fingerprint(world), before);
        }
      }
    }
  }
  EXPECT_GT(checked, 250);
}

// A member of B asking for A's invoice PDF, or a member asking for an invoice number that does
// not exist, gets 403 either way (members never learn which invoices exist); a manager gets 404.
TEST(AccessMatrix, InvoicesOfOthersAreForbiddenAndMissingOnesLookTheSame) {
  DemoWorld& world = World();
  const std::string base = "/api/communities/" + world.community + "/invoices/";
  EXPECT_EQ(Send("GET", base + world.invoice_a + "/pdf", "member_b").status, 403);
  EXPECT_EQ(Send("GET", base + "F-1999-000001/pdf", "member_b").status, 403);
  EXPECT_EQ(Send("GET", base + "F-1999-000001/pdf", "manager").status, 404);
  http::Response pdf = Send("GET", base + world.invoice_a + "/pdf?lang=en", "member_a");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
}

// Members see only their supply points in the community's detail, without contacts.
TEST(AccessMatrix, MembersSeeOnlyTheirSupplyPoints) {
  DemoWorld& world = World();
  http::Response r = Send("GET", "/api/communities/" + world.community, "member_a");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(world.participant_a), std::string::npos);
  EXPECT_EQ(r.body.find(world.participant_b), std::string::npos);
  EXPECT_EQ(r.body.find("\"email\""), std::string::npos);
  http::Response m = Send("GET", "/api/communities/" + world.community, "manager");
  EXPECT_NE(m.body.find(world.participant_b), std::string::npos);
  EXPECT_NE(m.body.find("\"email\""), std::string::npos);
  // The community series: generation only for members.
  http::Response s =
      Send("GET", "/api/communities/" + world.community + "/series?from=2025-06-01&to=2025-06-01",
           "member_b");
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_NE(s.body.find("generation_wh"), std::string::npos);
  EXPECT_EQ(s.body.find("consumption_wh"), std::string::npos);
}

}  // namespace
}  // namespace reparto::api::testing
