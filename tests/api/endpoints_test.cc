// Functional tests of the API on the demo database: series against the monthly export, coefficient
// versions (422 and nothing stored when they do not sum to 1), imports (422 naming the line and
// nothing stored), the OpenAPI document against the Router, the live feed's replay and filter.
#include <gmock/gmock.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "api/handler.h"
#include "api/live_feed.h"
#include "api_fixture.h"
#include "fileio/read_file.h"
#include "jobs/export_job.h"

namespace reparto::api::testing {
namespace {

using nlohmann::json;

// One column of the monthly export of `participant` for 2025, per month: kWh with 6 decimals as
// mWh (columns cm_kwh, imputed_kwh, missing_intervals, ...).
std::vector<std::int64_t> ExportedMonthly(const std::string& participant,
                                          const std::string& column) {
  DemoWorld& world = World();
  const std::string path = world.folder + "/monthly_" + participant + ".csv";
  auto exported = jobs::ExportResults(*world.store, world.community,
                                      {.kind = jobs::ExportKind::kMonthly,
                                       .format = jobs::ExportFormat::kCsv,
                                       .participant = participant,
                                       .from = CivilDate{2025, 1, 1},
                                       .to = CivilDate{2025, 12, 31},
                                       .path = path});
  EXPECT_TRUE(exported.ok()) << exported.status().message();
  auto text = ReadWholeFile(path);
  std::istringstream lines(*text);
  std::string line;
  std::getline(lines, line);
  std::vector<std::string> header;
  for (std::stringstream s(line); std::getline(s, line, ',');) header.push_back(line);
  const auto index = std::find(header.begin(), header.end(), column) - header.begin();
  const bool kwh = column.ends_with("_kwh");
  std::vector<std::int64_t> out;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    for (std::stringstream s(line); std::getline(s, line, ',');) fields.push_back(line);
    if (fields.empty() || fields[0] != participant) continue;
    const double value = std::stod(fields[static_cast<std::size_t>(index)]);
    out.push_back(std::llround(kwh ? value * 1e6 : value));
  }
  return out;
}

TEST(Series, YearlySumMatchesTheMonthlyExport) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/participants/" +
                           world.participant_a + "/series?year=2025&resolution=";
  http::Response months = Send("GET", path + "month", "member_a");
  ASSERT_EQ(months.status, 200) << months.body;
  json m = json::parse(months.body);
  ASSERT_EQ(m["labels"].size(), 12u);
  EXPECT_EQ(m["labels"][0], "2025-01");
  // Month by month, each month's Wh is the export's mWh rounded once; the series leaves out
  // (null) the intervals computed with missing readings, which the export counts: the demo has
  // two of them in May.
  const auto cm = ExportedMonthly(world.participant_a, "cm_kwh");
  const auto ei = ExportedMonthly(world.participant_a, "imputed_kwh");
  const auto missing = ExportedMonthly(world.participant_a, "missing_intervals");
  ASSERT_EQ(cm.size(), 12u);
  std::int64_t consumption_wh = 0;
  int months_compared = 0;
  for (std::size_t k = 0; k < 12; ++k) {
    const auto series_cm = m["consumption_wh"][k].get<std::int64_t>();
    const auto series_ei = m["imputed_wh"][k].get<std::int64_t>();
    consumption_wh += series_cm;
    if (missing[k] != 0) {
      EXPECT_LT(series_cm, WhFromMwh(cm[k])) << m["labels"][k];
      continue;
    }
    ++months_compared;
    EXPECT_EQ(series_cm, WhFromMwh(cm[k])) << m["labels"][k];
    EXPECT_EQ(series_ei, WhFromMwh(ei[k])) << m["labels"][k];
  }
  EXPECT_EQ(months_compared, 11);
  EXPECT_GT(consumption_wh, 100000);  // a household's year: well over 100 kWh

  // The interval series of the same year: one value an hour (the Spanish demo is hourly), 8 760.
  http::Response intervals = Send("GET", path + "interval", "member_a");
  ASSERT_EQ(intervals.status, 200);
  json i = json::parse(intervals.body);
  EXPECT_EQ(i["step_seconds"], 3600);
  EXPECT_EQ(i["start"], "2025-01-01T00:00:00+01:00");
  ASSERT_EQ(i["consumption_wh"].size(), 8760u);
  std::int64_t interval_sum = 0;
  for (const json& v : i["consumption_wh"]) {
    if (!v.is_null()) interval_sum += v.get<std::int64_t>();
  }
  // Rounded per hour: at most 0.5 Wh per hour away.
  EXPECT_NEAR(static_cast<double>(interval_sum), static_cast<double>(consumption_wh), 4380.0);
  // grid = consumption − self-consumed, surplus = imputed − self-consumed, hour by hour.
  for (std::size_t k = 0; k < 8760; k += 997) {
    if (i["consumption_wh"][k].is_null()) continue;
    const auto hour_cm = i["consumption_wh"][k].get<std::int64_t>();
    const auto hour_ea = i["self_consumed_wh"][k].get<std::int64_t>();
    EXPECT_NEAR(static_cast<double>(i["grid_wh"][k].get<std::int64_t>()),
                static_cast<double>(hour_cm - hour_ea), 1.0);
  }
  // The second answer comes from the cache and is the same.
  EXPECT_EQ(Send("GET", path + "interval", "manager").body, intervals.body);
}

// The community's series for its manager: generation = allocated + unallocated hour by hour (each
// rounded to the Wh once), daylight hours generate, night hours do not; members get generation
// only.
TEST(Series, CommunityGenerationIsAllocatedPlusUnallocated) {
  DemoWorld& world = World();
  const std::string path =
      "/api/communities/" + world.community + "/series?from=2025-06-01&to=2025-06-30";
  http::Response r = Send("GET", path, "manager");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  json s = json::parse(r.body);
  ASSERT_EQ(s["generation_wh"].size(), 30u * 24u);
  std::int64_t noon = 0, midnight = 0;
  for (std::size_t k = 0; k < s["generation_wh"].size(); ++k) {
    if (s["generation_wh"][k].is_null()) continue;
    const auto g = s["generation_wh"][k].get<std::int64_t>();
    const auto a = s["allocated_wh"][k].get<std::int64_t>();
    const auto u = s["unallocated_wh"][k].get<std::int64_t>();
    EXPECT_NEAR(static_cast<double>(g), static_cast<double>(a + u), 1.0) << "hour " << k;
    if (k % 24 == 13) noon += g;  // 13:00-14:00 local (the series starts at local midnight)
    if (k % 24 == 2) midnight += g;
  }
  EXPECT_GT(noon, 30 * 10'000);  // 100 kWp in June: well over 10 kWh at 13:00 on average
  EXPECT_EQ(midnight, 0);
  json member = json::parse(Send("GET", path, "member_a").body);
  EXPECT_FALSE(member.contains("allocated_wh"));
  EXPECT_EQ(member["generation_wh"], s["generation_wh"]);
}

TEST(Series, BadParametersAre400) {
  DemoWorld& world = World();
  const std::string base =
      "/api/communities/" + world.community + "/participants/" + world.participant_a + "/series";
  EXPECT_EQ(Send("GET", base, "manager").status, 400);
  EXPECT_EQ(Send("GET", base + "?from=2025-13-01&to=2025-12-31", "manager").status, 400);
  EXPECT_EQ(Send("GET", base + "?year=2025&resolution=week", "manager").status, 400);
  EXPECT_EQ(Send("GET", base + "?from=2025-02-01&to=2025-01-01", "manager").status, 400);
  // Four years at most (1 461 days, as many hourly values as a leap year of quarter-hours).
  http::Response five = Send("GET", base + "?from=2020-01-01&to=2024-01-05", "manager");
  EXPECT_EQ(five.status, 400);
  EXPECT_NE(five.body.find("at most four years"), std::string::npos) << five.body.substr(0, 200);
  http::Response four = Send("GET", base + "?from=2022-01-01&to=2025-12-31", "manager");
  ASSERT_EQ(four.status, 200) << four.body;
  const auto values = nlohmann::json::parse(four.body)["consumption_wh"];
  EXPECT_EQ(values.size(), 1461u * 24u);  // DST days included: 23 + 25 hours each year
  http::Response missing = Send(
      "GET",
      "/api/communities/" + world.community + "/participants/ES0000000000000000XX/series?year=2025",
      "manager");
  EXPECT_EQ(missing.status, 404);
}

TEST(Coefficients, NotSummingToOneIs422AndStoresNothing) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/coefficients";
  const auto before = (*world.store->LoadCommunity(world.community))->versions.size();
  const std::string body =
      R"({"valid_from":"2026-09-01","accept_warnings":true,"coefficients":{")" +
      world.participant_a + R"(":"0.5",")" + world.participant_b + R"(":"0.4"}})";
  http::Response r = Send("POST", path, "manager", body);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, ::testing::HasSubstr("0.9"));
  EXPECT_EQ(r.body.find("/tmp"), std::string::npos);  // no server paths in messages
  http::Response unknown =
      Send("POST", path, "manager",
           R"({"valid_from":"2026-09-01","coefficients":{"ES0000NOBODY":"1"}})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_THAT(unknown.body, ::testing::HasSubstr("unknown participant 'ES0000NOBODY'"));
  EXPECT_EQ(Send("POST", path, "manager", R"({"valid_from":"2026-09-01","coefficients":{"a":[]}})")
                .status,
            400);
  http::Response malformed = Send("POST", path, "manager", R"({"valid_from":)");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_THAT(malformed.body, ::testing::HasSubstr("malformed JSON at byte"));
  EXPECT_EQ((*world.store->LoadCommunity(world.community))->versions.size(), before);
}

TEST(Coefficients, AValidVersionIsStoredAndListed) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/coefficients";
  const auto before = (*world.store->LoadCommunity(world.community))->versions.size();
  const std::string table =
      R"({")" + world.participant_a + R"(":"0.75",")" + world.participant_b + R"(":"0.25"})";
  // Close to an earlier version in a Spanish community: refused without accept_warnings.
  http::Response near =
      Send("POST", path, "manager", R"({"valid_from":"2025-02-01","coefficients":)" + table + "}");
  http::Response added = Send(
      "POST", path, "manager",
      R"({"valid_from":"2027-01-01","accept_warnings":true,"note":"assembly","coefficients":)" +
          table + "}");
  ASSERT_EQ(added.status, 201) << added.body;
  json v = json::parse(added.body);
  EXPECT_EQ(v["version"]["coefficients"][world.participant_a], "0.750000");
  EXPECT_EQ(v["version"]["valid_from"], "2027-01-01");
  const auto after = (*world.store->LoadCommunity(world.community))->versions.size();
  EXPECT_EQ(after, before + 1 + (near.status == 201 ? 1 : 0));
  if (near.status != 201) {
    EXPECT_EQ(near.status, 422);
    EXPECT_THAT(near.body, ::testing::HasSubstr("accept_warnings"));
  }
  http::Response list = Send("GET", path, "manager");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body)["versions"].size(), after);
  http::Response file = Send("GET", path + "/distributor-file?year=2025", "manager");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.download_name, world.community + "_2025.txt");
  EXPECT_NE(file.body.find(world.participant_a), std::string::npos);
}

TEST(Imports, MalformedFileIs422NamingTheLineAndStoresNothing) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/imports";
  const auto before = world.store->ListImports(world.community)->size();
  const std::string file = "participant,start,consumption_kwh,injection_kwh,quality\n" +
                           world.participant_a + ",2025-06-01T00:00:00+02:00,0.5,0,real\n" +
                           world.participant_a + ",2025-06-01T01:00:00+02:00,-0.5,0,real\n";
  http::Request request = MakeRequest("POST", path, "manager", file);
  request.headers["x-file-name"] = "june.csv";
  http::Response r = World().router.Dispatch(request);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, ::testing::HasSubstr("june.csv:3"));
  EXPECT_EQ(world.store->ListImports(world.community)->size(), before);
  // Without a name: 400.
  EXPECT_EQ(Send("POST", path, "manager", file).status, 400);
}

TEST(Imports, AValidFileIsImportedAndAllocated) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/imports";
  const auto before = world.store->ListImports(world.community)->size();
  const std::string file = "participant,start,consumption_kwh,injection_kwh,quality\n" +
                           world.participant_b + ",2025-06-03T10:00:00+02:00,1.234,0,real\n";
  http::Request request = MakeRequest("POST", path, "manager", file);
  request.headers["x-file-name"] = "fix.csv";
  http::Response r = World().router.Dispatch(request);
  ASSERT_EQ(r.status, 201) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["days_changed"], 1);
  EXPECT_EQ(j["days_allocated"], 1);
  EXPECT_EQ(world.store->ListImports(world.community)->size(), before + 1);
  http::Response series = Send("GET",
                               "/api/communities/" + world.community + "/participants/" +
                                   world.participant_b + "/series?from=2025-06-03&to=2025-06-03",
                               "member_b");
  ASSERT_EQ(series.status, 200);
  EXPECT_EQ(json::parse(series.body)["consumption_wh"][10], 1234);
}

TEST(Tables, MembersAsCsvAndXlsx) {
  DemoWorld& world = World();
  const std::string path = "/api/communities/" + world.community + "/members";
  http::Response csv = Send("GET", path + "?format=csv", "manager");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("participant,name,role,joined,left", 0), 0u);
  EXPECT_NE(csv.body.find(world.participant_b), std::string::npos);
  http::Response xlsx = Send("GET", path + "?format=xlsx", "manager");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  EXPECT_EQ(Send("GET", path + "?format=pdf", "manager").status, 400);
}

TEST(Billing, BillsRunsAndBalances) {
  DemoWorld& world = World();
  const std::string base = "/api/communities/" + world.community;
  http::Response bills = Send("GET", base + "/bills?month=2025-06", "manager");
  ASSERT_EQ(bills.status, 200) << bills.body;
  json b = json::parse(bills.body);
  ASSERT_FALSE(b["bills"].empty());
  // Money is a string with two decimals, as everywhere in the API ("2.04", never 2.04 or 0.0).
  ASSERT_TRUE(b["bills"][0]["savings"].is_string()) << b["bills"][0]["savings"];
  EXPECT_THAT(b["bills"][0]["savings"].get<std::string>(),
              ::testing::MatchesRegex("-?[0-9]+\\.[0-9][0-9]"));
  http::Response balances = Send("GET", base + "/payments/balances", "manager");
  ASSERT_EQ(balances.status, 200) << balances.body;
  json first = json::parse(balances.body)["balances"][0];
  for (const char* field : {"total", "credited", "paid", "outstanding"}) {
    ASSERT_TRUE(first[field].is_string()) << field << ": " << first[field];
    EXPECT_THAT(first[field].get<std::string>(), ::testing::MatchesRegex("-?[0-9]+\\.[0-9][0-9]"))
        << field;
  }
  http::Response runs = Send("GET", base + "/billing/runs", "manager");
  ASSERT_EQ(runs.status, 200);
  EXPECT_EQ(json::parse(runs.body)["runs"].size(), 2u);
  // A final run cannot be finalised again: 409.
  const auto final_id = json::parse(runs.body)["runs"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(Send("POST", base + "/billing/runs/" + std::to_string(final_id) + "/finalise",
                 "manager", "{}")
                .status,
            409);
  http::Response own =
      Send("GET", base + "/participants/" + world.participant_a + "/invoices", "member_a");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(json::parse(own.body)["invoices"][0]["number"], world.invoice_a);
  http::Response economics = Send(
      "GET", base + "/participants/" + world.participant_a + "/economics?year=2025", "member_a");
  ASSERT_EQ(economics.status, 200) << economics.body;
  EXPECT_EQ(json::parse(economics.body)["months"].size(), 12u);
}

TEST(BestHours, MiddayHoursRankFirst) {
  DemoWorld& world = World();
  http::Response r = Send("GET",
                          "/api/communities/" + world.community + "/participants/" +
                              world.participant_a + "/best-hours?date=2025-06-15",
                          "member_a");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["days"], 28);
  const int best = j["best"][0];
  EXPECT_GE(best, 11);  // solar noon in Spain is around 14:00 local in summer
  EXPECT_LE(best, 16);
  for (const json& h : j["hours"]) EXPECT_NE(h["hour"], 3);  // no sun at 3 a.m.
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedPathRouted) {
  DemoWorld& world = World();
  http::Response r = Send("GET", "/api/openapi.json", "");
  ASSERT_EQ(r.status, 200);
  json doc = json::parse(r.body);
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.0", 0), 0u);
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path);
    }
  }
  std::set<std::string> routed;
  for (const http::Router::Route& route : world.router.routes()) {
    routed.insert(route.method + " " + route.pattern);
  }
  for (const std::string& r2 : routed) EXPECT_TRUE(documented.contains(r2)) << r2;
  // Login, logout and me are the auth module's routes (src/auth), added by the server.
  const std::set<std::string> auth = {"POST /api/login", "POST /api/logout", "GET /api/me"};
  for (const std::string& d : documented) {
    EXPECT_TRUE(routed.contains(d) || auth.contains(d)) << d << " is documented, not routed";
  }
}

TEST(Live, ReplayInterpolatesAndFiltersPerMember) {
  DemoWorld& world = World();
  // 2026-06-15 12:00 and 12:30 local (+02:00) replay 2025-06-15: halfway between two hours.
  const UtcSeconds noon = 1781517600;
  auto a = ComputeLiveSnapshot(*world.store, world.community, noon);
  auto b = ComputeLiveSnapshot(*world.store, world.community, noon + 1800);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->replay_of, "2025-06-15T12:00:00+02:00");
  EXPECT_EQ(a->time, "2026-06-15T12:00:00+02:00");
  EXPECT_GT(a->community.generation_w, 0);
  EXPECT_NE(a->community.generation_w, b->community.generation_w);
  ASSERT_FALSE(a->participants.empty());
  for (const LivePoint& p : a->participants) {
    EXPECT_LE(p.self_consumed_w, p.imputed_w + 0.2);
    EXPECT_GE(p.used_percent, 0);
  }
  // Through the hub: member A's stream carries A only, the manager's everyone and the aggregate.
  LiveFeed feed(
      world.hub, [&]() -> Store& { return *world.store; }, [&] { return noon; },
      std::chrono::seconds(60));
  http::Response member = Send("GET", "/api/communities/" + world.community + "/live", "member_a");
  ASSERT_EQ(member.status, 200) << member.body;
  ASSERT_TRUE(member.events);
  world.context.live = &feed;
  http::Response manager = Send("GET", "/api/communities/" + world.community + "/live", "manager");
  http::Response member2 = Send("GET", "/api/communities/" + world.community + "/live", "member_a");
  std::vector<std::string> to_manager, to_member;
  manager.events->Start([&](std::string text) {
    to_manager.push_back(std::move(text));
    return true;
  });
  member2.events->Start([&](std::string text) {
    to_member.push_back(std::move(text));
    return true;
  });
  feed.PublishOnce();
  manager.events->Stop();
  member2.events->Stop();
  world.context.live = nullptr;
  ASSERT_FALSE(to_manager.empty());
  ASSERT_FALSE(to_member.empty());
  EXPECT_EQ(to_member.back().rfind("event: live\ndata: ", 0), 0u);
  EXPECT_NE(to_member.back().find(world.participant_a), std::string::npos);
  EXPECT_EQ(to_member.back().find(world.participant_b), std::string::npos);
  EXPECT_NE(to_member.back().find("\"community\":null"), std::string::npos);
  EXPECT_NE(to_manager.back().find(world.participant_b), std::string::npos);
  EXPECT_EQ(to_manager.back().find("\"community\":null"), std::string::npos);
}

TEST(Alerts, ListsDaysWithoutGeneration) {
  DemoWorld& world = World();
  http::Response r =
      Send("GET", "/api/communities/" + world.community + "/alerts?from=2025-06-01&to=2025-06-30",
           "manager");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  ASSERT_TRUE(j["alerts"].is_array());
  for (const json& a : j["alerts"]) EXPECT_NE(a["kind"], "no_readings");
}

}  // namespace
}  // namespace reparto::api::testing
