// Members joining and leaving and coefficient versions added to a stored community, on every
// adapter (jobs/membership_job.h, jobs/coefficient_version_job.h): dates round-trip as local
// midnights across daylight saving, a leave before the join is refused, bad tables are refused
// naming file and line with nothing stored, Spain's 4-month rule warns, and every change bumps
// the community's revision so that `allocate` recomputes.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "config/community_file.h"
#include "core/series_codec.h"
#include "core/supply_point.h"
#include "jobs/allocate_job.h"
#include "jobs/coefficient_version_job.h"
#include "jobs/import_job.h"
#include "jobs/membership_job.h"
#include "store/store_factories.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

// A valid CUPS with the distributor code 0021 and serial `n`.
std::string Cups(int n) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "0021%012d", n);
  return "ES" + std::string(digits) + *CupsControlLetters(digits);
}

const std::string kA = Cups(1);
const std::string kB = Cups(2);

// València-like: a producer and two consumers at 0.5 each from 1 January 2025, hourly steps.
std::string SpanishToml() {
  return "id = \"ES-TEST\"\ncountry = \"ES\"\ntimezone = \"Europe/Madrid\"\n[sharing]\n"
         "method = \"fixed\"\n[[sharing.periods]]\nfrom = \"2025-01-01\"\n"
         "coefficients = { \"" +
         kA + "\" = 0.5, \"" + kB +
         "\" = 0.5 }\n[[participants]]\nid = \"PV\"\nrole = \"producer\"\n"
         "[[participants]]\nid = \"" +
         kA + "\"\n[[participants]]\nid = \"" + kB + "\"\n";
}

UtcSeconds Instant(const char* iso) { return *ParseIsoInstant(iso); }

class Membership : public ::testing::TestWithParam<const StoreFactory*> {
 protected:
  void SetUp() override {
    auto store = GetParam()->open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    dir_ = NewTempDir();
  }

  void AddCommunity(const std::string& toml) {
    auto community = ParseCommunityToml(toml, "test.toml", "");
    ASSERT_TRUE(community.ok()) << community.status().message();
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->SaveCommunity(FromCommunity(*community, "test", 1, "test")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  StoredCommunity Load(const std::string& id = "ES-TEST") {
    auto c = store_->LoadCommunity(id);
    EXPECT_TRUE(c.ok() && c->has_value());
    return c.ok() && c->has_value() ? **c : StoredCommunity{};
  }

  const StoredParticipant* Find(const StoredCommunity& c, const std::string& id) {
    for (const StoredParticipant& p : c.participants) {
      if (p.participant.id == id) return &p;
    }
    return nullptr;
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  Result<jobs::AddedVersion> AddVersion(const std::string& table, CivilDate from,
                                        const std::string& id = "ES-TEST") {
    jobs::VersionRequest request;
    request.table = table;
    request.from = from;
    request.now = Instant("2024-12-01T12:00:00Z");
    return jobs::AddCoefficientVersion(*store_, id, request);
  }

  std::unique_ptr<Store> store_;
  std::string dir_;
};

bool Mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const std::string& w : warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_P(Membership, JoinAndLeaveAreLocalMidnightsAcrossDaylightSaving) {
  AddCommunity(SpanishToml());
  const std::int64_t revision = Load().revision;
  const std::string c = Cups(3);
  jobs::JoinRequest join;
  join.participant = c;
  join.date = {2025, 3, 15};  // winter time, +01:00
  join.name = "Piso 3.º B";
  join.email = "c@example.org";
  join.latitude = 39.47;
  join.longitude = -0.376;
  auto joined = jobs::JoinMember(*store_, "ES-TEST", join);
  ASSERT_TRUE(joined.ok()) << joined.status().message();
  EXPECT_TRUE(joined->added);
  EXPECT_GT(joined->revision, revision);
  EXPECT_TRUE(Mentions(joined->warnings, "has no coefficient in coefficient version 1"));
  auto left = jobs::LeaveMember(*store_, "ES-TEST", c, {2025, 4, 15});  // summer time, +02:00
  ASSERT_TRUE(left.ok()) << left.status().message();
  EXPECT_GT(left->revision, joined->revision);
  EXPECT_TRUE(Mentions(left->warnings, "results from 2025-04-15 on are now stale"));

  const StoredCommunity stored = Load();
  const StoredParticipant* p = Find(stored, c);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->participant.member_from, Instant("2025-03-14T23:00:00Z"));
  EXPECT_EQ(p->participant.member_to, Instant("2025-04-14T22:00:00Z"));
  EXPECT_EQ(p->name, "Piso 3.º B");
  EXPECT_EQ(p->email, "c@example.org");
  EXPECT_DOUBLE_EQ(p->longitude, -0.376);
  auto zone = IanaZone::Load("Europe/Madrid");
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(jobs::MembershipBound(**zone, p->participant.member_from, ""), "2025-03-15");
  EXPECT_EQ(jobs::MembershipBound(**zone, p->participant.member_to, ""), "2025-04-15");

  // The Azores change at midnight: 30 March 2025 has no 00:00 and starts at 01:00 local, the
  // instant 29 March ends (01:00 UTC).
  AddCommunity(
      "id = \"AZ\"\ncountry = \"PT\"\ntimezone = \"Atlantic/Azores\"\n"
      "[[participants]]\nid = \"PV\"\nrole = \"producer\"\n[[participants]]\nid = \"A\"\n");
  jobs::JoinRequest azores;
  azores.participant = "B";
  azores.date = {2025, 3, 30};
  auto az = jobs::JoinMember(*store_, "AZ", azores);
  ASSERT_TRUE(az.ok()) << az.status().message();
  EXPECT_EQ(az->participant.participant.member_from, Instant("2025-03-30T01:00:00Z"));
  auto az_zone = IanaZone::Load("Atlantic/Azores");
  ASSERT_TRUE(az_zone.ok());
  EXPECT_EQ(jobs::MembershipBound(**az_zone, az->participant.participant.member_from, ""),
            "2025-03-30");
}

TEST_P(Membership, BadJoinsAndLeavesAreRefusedWithNothingStored) {
  AddCommunity(SpanishToml());
  const StoredCommunity before = Load();
  jobs::JoinRequest bad;
  bad.participant = "ES0021000000000003XX";
  bad.date = {2025, 3, 1};
  auto wrong_letters = jobs::JoinMember(*store_, "ES-TEST", bad);
  ASSERT_FALSE(wrong_letters.ok());
  EXPECT_NE(wrong_letters.status().message().find("control letters"), std::string::npos)
      << wrong_letters.status().message();
  bad.participant = "PV2";
  auto not_cups = jobs::JoinMember(*store_, "ES-TEST", bad);
  ASSERT_FALSE(not_cups.ok());
  EXPECT_NE(not_cups.status().message().find("Spanish community"), std::string::npos)
      << not_cups.status().message();

  jobs::JoinRequest join;
  join.participant = Cups(3);
  join.date = {2025, 3, 15};
  ASSERT_TRUE(jobs::JoinMember(*store_, "ES-TEST", join).ok());
  const std::int64_t revision = Load().revision;
  auto early = jobs::LeaveMember(*store_, "ES-TEST", Cups(3), {2025, 3, 1});
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("joined on 2025-03-15; the leave date 2025-03-01 must "
                                          "be after it"),
            std::string::npos)
      << early.status().message();
  EXPECT_FALSE(jobs::LeaveMember(*store_, "ES-TEST", Cups(3), {2025, 3, 15}).ok())
      << "an empty membership";
  EXPECT_FALSE(jobs::LeaveMember(*store_, "ES-TEST", Cups(9), {2025, 3, 15}).ok());
  EXPECT_EQ(Load().revision, revision);
  EXPECT_EQ(Load().participants.size(), before.participants.size() + 1);
}

// Hourly canonical readings of February 2025 (+01:00): PV injects 1 kWh 10:00-15:00, each
// consumer uses 0.4 kWh an hour.
std::string FebruaryReadings(const std::vector<std::string>& ids, int first_day, int days) {
  std::string csv = "participant,start,consumption_kwh,injection_kwh,quality\n";
  char line[160];
  for (int d = first_day; d < first_day + days; ++d) {
    for (int h = 0; h < 24; ++h) {
      for (const std::string& id : ids) {
        const bool pv = id == "PV";
        std::snprintf(line, sizeof line, "%s,2025-02-%02dT%02d:00:00+01:00,%s,%s,real\n",
                      id.c_str(), d, h, pv ? "0" : "0.4", pv && h >= 10 && h < 15 ? "1" : "0");
        csv += line;
      }
    }
  }
  return csv;
}

TEST_P(Membership, AllocationAfterALeaveRecomputesTheDays) {
  AddCommunity(SpanishToml());
  jobs::ImportOptions options;
  options.now = 1'700'000'000;
  auto imported =
      jobs::ImportFiles(*store_, "ES-TEST",
                        {{Write("feb.csv", FebruaryReadings({"PV", kA, kB}, 10, 3)), ""}}, options);
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  auto first = jobs::AllocateStored(*store_, "ES-TEST", {});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->days_computed, 3);

  // B's join cannot move after readings it already has.
  jobs::JoinRequest late;
  late.participant = kB;
  late.date = {2025, 2, 11};
  auto refused = jobs::JoinMember(*store_, "ES-TEST", late);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("readings stored before 2025-02-11: 1 day"),
            std::string::npos)
      << refused.status().message();

  auto left = jobs::LeaveMember(*store_, "ES-TEST", kB, {2025, 2, 12});
  ASSERT_TRUE(left.ok()) << left.status().message();
  EXPECT_TRUE(Mentions(left->warnings, "readings stored from 2025-02-12 on: 1 day"));
  EXPECT_TRUE(Mentions(left->warnings, "still has a coefficient of 0.5 in coefficient version 1"));
  auto second = jobs::AllocateStored(*store_, "ES-TEST", {});
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->days_computed, 3) << "the community changed: every day is recomputed";
  EXPECT_EQ(jobs::AllocateStored(*store_, "ES-TEST", {})->days_computed, 0);

  auto imputed = [&](CivilDate day) {
    auto rows = store_->LoadResults("ES-TEST", kB, day, AddDays(day, 1));
    EXPECT_TRUE(rows.ok());
    MilliWh sum = 0;
    if (!rows.ok() || rows->empty()) return sum;
    auto decoded = DecodeDayResults((*rows)[0].packed);
    EXPECT_TRUE(decoded.ok());
    for (MilliWh v : decoded->imputed) sum += v;
    return sum;
  };
  EXPECT_EQ(imputed({2025, 2, 11}), 2'500'000) << "half of 5 kWh while a member";
  EXPECT_EQ(imputed({2025, 2, 12}), 0) << "nothing after leaving";
  auto kept = store_->LoadResults("ES-TEST", kA, {2025, 2, 12}, {2025, 2, 13});
  EXPECT_EQ(kept->size(), 1u);
}

TEST_P(Membership, BadTablesNameFileAndLineAndStoreNothing) {
  AddCommunity(SpanishToml());
  const StoredCommunity before = Load();
  struct Case {
    const char* name;
    std::string text;
    std::string expected;
  };
  const std::string h = "participant,coefficient\n";
  const std::string hourly = "participant,start,coefficient\n";
  const std::vector<Case> cases = {
      {"unknown.csv", h + kA + ",0.5\nES0021000000000099ZZ,0.5\n",
       "unknown.csv:3: unknown participant 'ES0021000000000099ZZ'"},
      {"negative.csv", h + kA + ",-0.5\n" + kB + ",1.5\n", "negative.csv:2: negative coefficient"},
      {"duplicate.csv", h + kA + ",0.5\n" + kB + ",0.25\n" + kA + ",0.25\n",
       "duplicate.csv:4: duplicate coefficient for '" + kA + "' (also line 2)"},
      {"sum.csv", "# assembly of 2025-02-01\n" + h + kA + ",0.5\n" + kB + ",0.4\n",
       "sum.csv:3: coefficients sum to 0.9"},
      {"producer.csv", h + "PV,0.5\n" + kB + ",0.5\n", "producer.csv:2: 'PV' is a producer"},
      {"text.csv", h + kA + ",half\n" + kB + ",0.5\n", "text.csv:2: bad coefficient 'half'"},
      {"header.csv", "cups;coef\n" + kA + ";1\n", "header.csv:1: expected the header"},
      {"empty.csv", "", "empty.csv: empty file"},
      {"hourly-sum.csv",
       hourly + kA + ",2025-05-01T00:00:00+02:00,0.5\n" + kB + ",2025-05-01T00:00:00+02:00,0.4\n",
       "hourly-sum.csv:2: rows starting 2025-05-01T00:00:00+02:00: coefficients sum to 0.9"},
      {"hourly-unknown.csv", hourly + "Z,2025-05-01T00:00:00+02:00,1\n",
       "hourly-unknown.csv:2: unknown participant 'Z'"},
  };
  for (const Case& c : cases) {
    auto added = AddVersion(Write(c.name, c.text), {2025, 5, 1});
    ASSERT_FALSE(added.ok()) << c.name;
    EXPECT_NE(added.status().message().find(c.expected), std::string::npos)
        << c.name << ": " << added.status().message();
    EXPECT_EQ(added.status().message().find('\n'), std::string::npos)
        << c.name << ": one error, one line";
  }
  const StoredCommunity after = Load();
  EXPECT_EQ(after.versions.size(), before.versions.size());
  EXPECT_EQ(after.revision, before.revision);
}

TEST_P(Membership, VersionsKeepHistoryAndWarnOnSpainsFourMonths) {
  AddCommunity(SpanishToml());
  const std::int64_t revision = Load().revision;
  // 1/3 each of three written with ten decimals: exact ppb by the largest remainder.
  jobs::JoinRequest join;
  join.participant = Cups(3);
  join.date = {2025, 1, 1};
  ASSERT_TRUE(jobs::JoinMember(*store_, "ES-TEST", join).ok());
  const std::string thirds =
      Write("thirds.csv", "Participant,Coefficient\n" + kA + ",0.3333333333\n" + kB +
                              ",0.3333333333\n" + Cups(3) + ",0.3333333333\n");
  auto march = AddVersion(thirds, {2025, 3, 1});  // 2 months after 1 January
  ASSERT_TRUE(march.ok()) << march.status().message();
  EXPECT_EQ(march->version.version, 2);
  EXPECT_EQ(march->version.note, "thirds.csv");
  EXPECT_EQ(march->version.valid_from, Instant("2025-02-28T23:00:00Z"));
  EXPECT_EQ(march->version.period.fixed,
            (std::vector<Coefficient>{0, 333'333'334, 333'333'333, 333'333'333}));
  EXPECT_GT(march->revision, revision + 1);
  EXPECT_TRUE(Mentions(march->warnings, "less than 4 months after version 1 (2025-01-01)"));
  EXPECT_FALSE(Mentions(march->warnings, "in the past"));

  // Replacing March by a version from 1 May instead: exactly 4 months, no warning.
  const std::string halves =
      Write("halves.csv", "participant,coefficient\n" + kA + ",0.5\n" + kB + ",0.5\n");
  auto may = AddVersion(halves, {2025, 3, 1});
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(may->version.version, 3) << "a version from the same start replaces it";
  jobs::VersionRequest request;
  request.table = halves;
  request.from = {2025, 5, 1};
  request.note = "assembly of 2025-04-10";
  request.now = Instant("2025-06-01T10:00:00Z");
  // A fresh community: version 1 from 1 January, then 1 May.
  AddCommunity([] {
    std::string toml = SpanishToml();
    toml.replace(toml.find("ES-TEST"), 7, "ES-FOUR");
    return toml;
  }());
  auto four = jobs::AddCoefficientVersion(*store_, "ES-FOUR", request);
  ASSERT_TRUE(four.ok()) << four.status().message();
  EXPECT_FALSE(Mentions(four->warnings, "4 months"));
  EXPECT_TRUE(Mentions(four->warnings, "in the past")) << "1 May is before 1 June";
  EXPECT_EQ(four->version.note, "assembly of 2025-04-10");

  // History: every version, in force or replaced.
  const StoredCommunity stored = Load();
  const std::vector<jobs::VersionHistoryEntry> history = jobs::VersionHistory(stored);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_TRUE(history[0].in_force);
  EXPECT_EQ(history[0].in_force_to, Instant("2025-02-28T23:00:00Z"));
  EXPECT_FALSE(history[1].in_force);
  EXPECT_EQ(history[1].replaced_by, 3);
  EXPECT_TRUE(history[2].in_force);
  EXPECT_EQ(history[2].in_force_to, kEndOfTime);

  // An hourly version (the community file's table): the first switch to hourly is free.
  std::string rows = "participant,start,coefficient\n";
  for (int hour = 0; hour < 24; ++hour) {
    char start[40];
    std::snprintf(start, sizeof start, "2025-09-01T%02d:00:00+02:00", hour);
    rows += kA + "," + start + "," + (hour < 12 ? "1" : "0.25") + "\n";
    rows += kB + "," + start + "," + (hour < 12 ? "0" : "0.75") + "\n";
  }
  rows += kA + ",2025-08-31T23:00:00+02:00,1\n";  // before the version: ignored
  auto hourly = AddVersion(Write("september.csv", rows), {2025, 9, 1});
  ASSERT_TRUE(hourly.ok()) << hourly.status().message();
  EXPECT_EQ(hourly->version.period.method, Method::kVariable);
  EXPECT_EQ(hourly->version.period.rows.size(), 24u);
  EXPECT_EQ(hourly->version.period.rows[13].coefficients[1], 250'000'000);
  EXPECT_FALSE(Mentions(hourly->warnings, "version 4 starts"));
}

INSTANTIATE_TEST_SUITE_P(Adapters, Membership, ::testing::ValuesIn(StoreFactories()),
                         [](const auto& adapter) { return adapter.param->name; });

}  // namespace
}  // namespace reparto
