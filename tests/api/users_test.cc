// The accounts endpoints (docs/api.md "Accounts (admin)") over the demo world's real auth store:
// adding an account with grants, changing role / name / language, a new password ending that
// user's sessions (and only theirs), deleting, the validation messages naming the field, an admin
// unable to delete or demote themself, and non-admins changing nothing. The password hasher is a
// stand-in ("$test$" + password): Argon2id itself is the auth module's and tested there.
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace reparto::api::testing {
namespace {

using json = nlohmann::json;
using ::testing::HasSubstr;

constexpr UtcSeconds kNow = 1773576000;  // the fixture's clock

class UsersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DemoWorld& world = World();
    // The demo's admin account, signed in as "acc_admin" (the fixture's "admin" has no stored
    // account).
    auto admin = Auth().FindUserByEmail("admin@reparto.demo");
    ASSERT_TRUE(admin.ok() && admin->has_value());
    admin_id_ = (*admin)->user.id;
    Principal who;
    who.user = (*admin)->user;
    world.principals["acc_admin"] = who;
  }
  void TearDown() override {
    DemoWorld& world = World();
    world.principals.erase("acc_admin");
  }

  AuthStore& Auth() { return World().store->Auth(); }

  // Adds an account through the API; returns its id.
  std::int64_t Add(const std::string& email, const std::string& extra = "") {
    http::Response r =
        Send("POST", "/api/users", "acc_admin",
             R"({"email":")" + email + R"(","password":"first-pass-123")" + extra + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return 0;
    return json::parse(r.body)["id"].get<std::int64_t>();
  }

  void AddSession(const std::string& token_hash, std::int64_t user) {
    ASSERT_TRUE(Auth()
                    .AddSession({.token_hash = token_hash,
                                 .user_id = user,
                                 .created_at = kNow,
                                 .expires_at = kNow + 3600})
                    .ok());
  }
  bool HasSession(const std::string& token_hash) {
    auto found = Auth().FindSession(token_hash, kNow + 1);
    return found.ok() && found->has_value();
  }

  // Everything an /api/users call could change.
  std::string Fingerprint() {
    std::string out;
    auto users = Auth().ListUsers();
    for (const User& u : *users) {
      auto stored = Auth().FindUser(u.id);
      out += std::to_string(u.id) + u.email + "|" + u.display_name + "|" +
             std::string(UserRoleName(u.role)) + "|" + u.language + "|" + (*stored)->password_hash +
             "|";
      auto grants = Auth().LoadGrants(u.id);
      for (const Grant& g : *grants) out += g.community + "/" + g.participant;
      out += "\n";
    }
    return out;
  }

  std::int64_t admin_id_ = 0;
};

TEST_F(UsersTest, AddsAnAccountWithItsGrantsAndListsIt) {
  DemoWorld& world = World();
  http::Response r =
      Send("POST", "/api/users", "acc_admin",
           R"({"email":"New.Member@Example.org","password":"sunny-days-2025",)"
           R"("display_name":"Nuria","role":"member","language":"es",)"
           R"("grants":[{"community":")" +
               world.community + R"(","participant":")" + world.participant_a + R"("}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  json created = json::parse(r.body);
  EXPECT_EQ(created["email"], "new.member@example.org");  // stored lower case
  EXPECT_EQ(created["role"], "member");
  EXPECT_EQ(created["language"], "es");
  ASSERT_EQ(created["grants"].size(), 1u);
  EXPECT_EQ(created["grants"][0]["participant"], world.participant_a);
  const std::int64_t id = created["id"];
  auto stored = Auth().FindUser(id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->password_hash, "$test$sunny-days-2025");  // hashed, never kept in clear
  EXPECT_EQ(*Auth().LoadGrants(id), (std::vector<Grant>{{world.community, world.participant_a}}));

  http::Response list = Send("GET", "/api/users", "acc_admin");
  ASSERT_EQ(list.status, 200) << list.body;
  bool listed = false;
  const json listed_users = json::parse(list.body)["users"];
  for (const json& u : listed_users) {
    if (u["id"] != id) continue;
    listed = true;
    EXPECT_EQ(u["display_name"], "Nuria");
    EXPECT_EQ(u["grants"][0]["community"], world.community);
  }
  EXPECT_TRUE(listed);
  EXPECT_EQ(list.body.find("$test$"), std::string::npos);  // no hashes in the list
  // The same e-mail again: 422 naming the field, nothing added.
  http::Response again = Send("POST", "/api/users", "acc_admin",
                              R"({"email":"new.member@example.org","password":"0123456789"})");
  EXPECT_EQ(again.status, 422);
  EXPECT_THAT(again.body, HasSubstr("email:"));
}

TEST_F(UsersTest, AddRefusesInvalidFieldsNamingThemAndStoresNothing) {
  DemoWorld& world = World();
  const std::string before = Fingerprint();
  struct Bad {
    std::string body;
    std::string field;
  };
  const std::string grant_head = R"(,"grants":[{"community":")";
  const std::vector<Bad> cases = {
      {R"({"email":"a@x.org","password":"123456789"})", "password: at least 10"},
      {R"({"email":"a@x.org","password":"1234567890","role":"boss"})", "role:"},
      {R"({"email":"a@x.org","password":"1234567890","language":"fr"})", "language:"},
      {R"({"email":"ax.org","password":"1234567890"})", "email:"},
      {R"({"email":"a@x.org","password":"1234567890","display_name":")" + std::string(201, 'n') +
           "\"}",
       "display_name: at most 200"},
      {R"({"email":"a@x.org","password":"1234567890")" + grant_head + "ES0000NOPE\"}]}",
       "grants[0].community: no community ES0000NOPE"},
      {R"({"email":"a@x.org","password":"1234567890")" + grant_head + world.community +
           R"("},{"community":")" + world.community + R"(","participant":"ES0000NOSP"}]})",
       "grants[1].participant: no supply point ES0000NOSP"},
  };
  for (const Bad& bad : cases) {
    http::Response r = Send("POST", "/api/users", "acc_admin", bad.body);
    EXPECT_EQ(r.status, 422) << bad.body << " -> " << r.body;
    EXPECT_THAT(r.body, HasSubstr(bad.field)) << bad.body;
  }
  // Wrong types are 400s.
  EXPECT_EQ(Send("POST", "/api/users", "acc_admin", R"({"email":"a@x.org","password":1})").status,
            400);
  EXPECT_EQ(Send("POST", "/api/users", "acc_admin",
                 R"({"email":"a@x.org","password":"1234567890","grants":{}})")
                .status,
            400);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(UsersTest, PutChangesOnlyTheFieldsGivenAndKeepsSessions) {
  const std::int64_t id = Add("profile@example.org", R"(,"display_name":"Old","language":"pt")");
  ASSERT_GT(id, 0);
  AddSession("profile-session", id);
  const std::string path = "/api/users/" + std::to_string(id);
  http::Response r =
      Send("PUT", path, "acc_admin", R"({"role":"manager","display_name":"Paula Gomes"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto stored = Auth().FindUser(id);
  EXPECT_EQ((*stored)->user.role, UserRole::kManager);
  EXPECT_EQ((*stored)->user.display_name, "Paula Gomes");
  EXPECT_EQ((*stored)->user.language, "pt");  // not given: kept
  EXPECT_EQ((*stored)->password_hash, "$test$first-pass-123");
  EXPECT_TRUE(HasSession("profile-session"));  // a profile change is not a new password

  EXPECT_EQ(Send("PUT", path, "acc_admin", R"({"language":""})").status, 200);
  EXPECT_EQ((*Auth().FindUser(id))->user.language, "");
  http::Response lang = Send("PUT", path, "acc_admin", R"({"language":"de"})");
  EXPECT_EQ(lang.status, 422);
  EXPECT_THAT(lang.body, HasSubstr("language:"));
  http::Response role = Send("PUT", path, "acc_admin", R"({"role":"owner"})");
  EXPECT_EQ(role.status, 422);
  EXPECT_THAT(role.body, HasSubstr("role:"));
  EXPECT_EQ((*Auth().FindUser(id))->user.role, UserRole::kManager);
  EXPECT_EQ(Send("PUT", "/api/users/999999", "acc_admin", R"({"role":"member"})").status, 404);
  EXPECT_EQ(Send("PUT", "/api/users/abc", "acc_admin", R"({"role":"member"})").status, 404);
}

TEST_F(UsersTest, NewPasswordEndsThatUsersSessionsOnly) {
  const std::int64_t id = Add("reset@example.org");
  const std::int64_t other = Add("bystander@example.org");
  ASSERT_GT(id, 0);
  AddSession("reset-laptop", id);
  AddSession("reset-phone", id);
  AddSession("bystander-laptop", other);
  const std::string path = "/api/users/" + std::to_string(id) + "/password";
  http::Response shortp = Send("PUT", path, "acc_admin", R"({"password":"short"})");
  EXPECT_EQ(shortp.status, 422);
  EXPECT_THAT(shortp.body, HasSubstr("password: at least 10 characters"));
  EXPECT_TRUE(HasSession("reset-laptop"));  // refused: nothing changed

  http::Response r = Send("PUT", path, "acc_admin", R"({"password":"brand-new-pass"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["sessions_ended"], true);
  EXPECT_EQ((*Auth().FindUser(id))->password_hash, "$test$brand-new-pass");
  EXPECT_FALSE(HasSession("reset-laptop"));
  EXPECT_FALSE(HasSession("reset-phone"));
  EXPECT_TRUE(HasSession("bystander-laptop"));
  EXPECT_EQ(
      Send("PUT", "/api/users/999999/password", "acc_admin", R"({"password":"0123456789"})").status,
      404);
}

TEST_F(UsersTest, GrantsAreReplacedAndCheckedEntryByEntry) {
  DemoWorld& world = World();
  const std::int64_t id = Add("grants@example.org", R"(,"role":"manager")");
  const std::string path = "/api/users/" + std::to_string(id) + "/grants";
  http::Response ok =
      Send("PUT", path, "acc_admin", R"({"grants":[{"community":")" + world.community + "\"}]}");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(*Auth().LoadGrants(id), (std::vector<Grant>{{world.community, ""}}));
  http::Response bad =
      Send("PUT", path, "acc_admin",
           R"({"grants":[{"community":")" + world.community + R"(","participant":")" +
               world.participant_b + R"("},{"community":")" + world.community +
               R"(","participant":"ES9999"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("grants[1].participant: no supply point ES9999"));
  EXPECT_EQ(*Auth().LoadGrants(id), (std::vector<Grant>{{world.community, ""}}));  // unchanged
  EXPECT_EQ(Send("PUT", path, "acc_admin", R"({"grants":[]})").status, 200);
  EXPECT_TRUE(Auth().LoadGrants(id)->empty());
}

TEST_F(UsersTest, DeleteRemovesTheAccountItsGrantsAndSessions) {
  DemoWorld& world = World();
  const std::int64_t id =
      Add("leaving@example.org", R"(,"grants":[{"community":")" + world.community +
                                     R"(","participant":")" + world.participant_b + "\"}]");
  ASSERT_GT(id, 0);
  AddSession("leaving-session", id);
  const std::string path = "/api/users/" + std::to_string(id);
  http::Response r = Send("DELETE", path, "acc_admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["email"], "leaving@example.org");
  EXPECT_FALSE(Auth().FindUser(id)->has_value());
  EXPECT_FALSE(HasSession("leaving-session"));
  EXPECT_TRUE(Auth().LoadGrants(id)->empty());
  EXPECT_EQ(Send("GET", "/api/users", "acc_admin").body.find("leaving@example.org"),
            std::string::npos);
  EXPECT_EQ(Send("DELETE", path, "acc_admin").status, 404);
}

TEST_F(UsersTest, AnAdminCannotDeleteOrDemoteThemself) {
  const std::string path = "/api/users/" + std::to_string(admin_id_);
  AddSession("admin-session", admin_id_);
  http::Response del = Send("DELETE", path, "acc_admin");
  EXPECT_EQ(del.status, 422);
  EXPECT_THAT(del.body, HasSubstr("user: you cannot delete your own account"));
  for (const char* role : {"member", "manager"}) {
    http::Response demote =
        Send("PUT", path, "acc_admin",
             R"({"role":")" + std::string(role) + R"(","display_name":"Demoted"})");
    EXPECT_EQ(demote.status, 422) << role;
    EXPECT_THAT(demote.body, HasSubstr("role: you cannot take the admin role"));
  }
  auto stored = Auth().FindUser(admin_id_);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->user.role, UserRole::kAdmin);
  EXPECT_NE((*stored)->user.display_name, "Demoted");  // all or nothing
  EXPECT_TRUE(HasSession("admin-session"));
  // Their own name and language they may change; and another admin they may demote.
  const std::string old_name = (*stored)->user.display_name;
  EXPECT_EQ(Send("PUT", path, "acc_admin", R"({"role":"admin","language":"en"})").status, 200);
  EXPECT_EQ((*Auth().FindUser(admin_id_))->user.language, "en");
  const std::int64_t second = Add("second.admin@example.org", R"(,"role":"admin")");
  EXPECT_EQ(Send("PUT", "/api/users/" + std::to_string(second), "acc_admin", R"({"role":"member"})")
                .status,
            200);
  EXPECT_EQ(Send("DELETE", "/api/users/" + std::to_string(second), "acc_admin").status, 200);
  EXPECT_EQ((*Auth().FindUser(admin_id_))->user.display_name, old_name);
}

// With the accounts store present (the matrix runs without it), nobody but an admin changes or
// reads anything under /api/users.
TEST_F(UsersTest, NonAdminsNeitherReadNorChangeAccounts) {
  const std::int64_t id = Add("target@example.org");
  AddSession("target-session", id);
  const std::string user = "/api/users/" + std::to_string(id);
  const std::string before = Fingerprint();
  struct Req {
    std::string method, path, body;
  };
  const std::vector<Req> calls = {
      {"GET", "/api/users", ""},
      {"POST", "/api/users", R"({"email":"intruder@example.org","password":"0123456789ab"})"},
      {"PUT", user, R"({"role":"admin"})"},
      {"PUT", user + "/password", R"({"password":"0123456789ab"})"},
      {"PUT", user + "/grants", R"({"grants":[]})"},
      {"DELETE", user, ""},
  };
  for (const char* role_name : {"", "member_a", "manager", "other_manager"}) {
    const std::string role = role_name;
    for (const Req& c : calls) {
      http::Response r = Send(c.method, c.path, role, c.body);
      EXPECT_EQ(r.status, role.empty() ? 401 : 403) << c.method << " " << c.path << " as " << role;
      EXPECT_EQ(r.body.find("target@example.org"), std::string::npos);
    }
  }
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_TRUE(HasSession("target-session"));
}

}  // namespace
}  // namespace reparto::api::testing
