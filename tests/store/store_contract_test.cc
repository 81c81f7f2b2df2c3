// The contract every store adapter must keep (core/store.h), run against each adapter: SQLite on a
// real file, PostgreSQL on a real server (when its factory is registered in store_factories.cc).
#include <gtest/gtest.h>

#include "core/series_codec.h"
#include "core/store.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

constexpr UtcSeconds kJan2025 = 1735689600;  // 2025-01-01T00:00:00Z

StoredCommunity SmallCommunity(std::string id) {
  StoredCommunity c;
  c.id = std::move(id);
  c.name = "Bairro Solar";
  c.timezone = "Europe/Lisbon";
  c.rules = RulesFor(Country::kPortugal);
  auto add = [&](std::string pid, Role role, std::string name) {
    StoredParticipant sp;
    sp.participant.id = std::move(pid);
    sp.participant.role = role;
    sp.participant.building = "B1";
    sp.name = std::move(name);
    sp.email = "a@example.org";
    sp.latitude = 38.72;
    sp.longitude = -9.14;
    c.participants.push_back(std::move(sp));
  };
  add("PT0002000000000001AB", Role::kProducer, "Telhado");
  add("PT0002000000000002CD", Role::kConsumer, "Piso 1");
  add("PT0002000000000003EF", Role::kConsumer, "Piso 2");
  c.participants[2].participant.member_from = kJan2025 + 10 * 86400;
  CoefficientVersion v;
  v.valid_from = kBeginningOfTime;
  v.created_at = kJan2025;
  v.note = "initial";
  v.period.method = Method::kFixed;
  v.period.fixed = {0, 600'000'000, 400'000'000};
  for (const auto& p : c.participants) v.participant_ids.push_back(p.participant.id);
  c.versions.push_back(v);
  c.suspensions.push_back(Suspension{.participant = 1, .from = kJan2025, .to = kJan2025 + 3600});
  return c;
}

ImportRecord MinimalImport(std::string community) {
  ImportRecord record;
  record.community = std::move(community);
  record.source = "x.csv";
  return record;
}

DayReadings SomeDay(MilliWh base, std::int64_t source) {
  DayReadings day = DayReadings::Empty(96);
  for (int i = 0; i < 96; ++i) {
    day.cr[i] = base + i * 7;
    day.cr_quality[i] = day.ir_quality[i] = Quality::kReal;
    day.source[i] = source;
  }
  return day;
}

class StoreContract : public ::testing::TestWithParam<const StoreFactory*> {
 protected:
  void SetUp() override {
    auto store = GetParam()->open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }
  StoredCommunity Save(const StoredCommunity& c) {
    auto tx = store_->Begin();
    EXPECT_TRUE(tx.ok()) << tx.status().message();
    auto saved = (*tx)->SaveCommunity(c);
    EXPECT_TRUE(saved.ok()) << saved.status().message();
    EXPECT_TRUE((*tx)->Commit().ok());
    return *saved;
  }
  std::int64_t Import(const std::string& community, const std::vector<StoredDay>& days) {
    auto tx = store_->Begin();
    EXPECT_TRUE(tx.ok());
    auto id = (*tx)->AddImport(ImportRecord{.community = community,
                                            .source = "f.csv",
                                            .format = "canonical",
                                            .content_hash = "00",
                                            .imported_at = kJan2025 + 99,
                                            .rows = 96});
    EXPECT_TRUE(id.ok()) << id.status().message();
    Status s = (*tx)->PutReadings(community, days, *id);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE((*tx)->Commit().ok());
    return *id;
  }
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, CommunityRoundTripsWithEveryField) {
  const StoredCommunity c = SmallCommunity("PT-CAU-1");
  const StoredCommunity saved = Save(c);
  auto loaded = store_->LoadCommunity("PT-CAU-1");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ASSERT_TRUE(loaded->has_value());
  const StoredCommunity& l = **loaded;
  EXPECT_EQ(l.name, "Bairro Solar");
  EXPECT_EQ(l.rules, c.rules);
  EXPECT_EQ(l.participants, c.participants);
  EXPECT_EQ(l.suspensions, c.suspensions);
  ASSERT_EQ(l.versions.size(), 1u);
  EXPECT_EQ(l.versions[0].version, 1);
  EXPECT_EQ(l.versions[0].valid_from, kBeginningOfTime);
  EXPECT_EQ(l.versions[0].period.fixed, c.versions[0].period.fixed);
  EXPECT_EQ(l.versions[0].participant_ids, c.versions[0].participant_ids);
  EXPECT_EQ(saved.revision, l.revision);
  EXPECT_TRUE(ToCommunity(l).ok());

  auto none = store_->LoadCommunity("nope");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(StoreContract, VersionsAreAddedNeverChangedAndChangesBumpTheRevision) {
  StoredCommunity c = Save(SmallCommunity("PT-CAU-2"));
  const std::int64_t r0 = c.revision;
  EXPECT_EQ(Save(c).revision, r0) << "saving the same data is not a change";

  c.participants[1].participant.member_to = kJan2025 + 40 * 86400;  // leaves
  c = Save(c);
  EXPECT_EQ(c.revision, r0 + 1);

  CoefficientVersion v2 = c.versions[0];
  v2.version = 0;
  v2.valid_from = kJan2025 + 30 * 86400;
  v2.period.fixed = {0, 500'000'000, 500'000'000};
  c.versions[0].period.fixed = {0, 1, 999'999'999};  // an attempt to rewrite history: ignored
  c.versions.push_back(v2);
  c = Save(c);
  EXPECT_EQ(c.revision, r0 + 2);
  ASSERT_EQ(c.versions.size(), 2u);
  EXPECT_EQ(c.versions[0].period.fixed, (std::vector<Coefficient>{0, 600'000'000, 400'000'000}));
  EXPECT_EQ(c.versions[1].version, 2);
  auto community = ToCommunity(c);
  ASSERT_TRUE(community.ok()) << community.status().message();
  ASSERT_EQ(community->periods.size(), 2u);
  EXPECT_EQ(community->periods[0].to, kJan2025 + 30 * 86400);
}

TEST_P(StoreContract, ParticipantsCannotBeRemoved) {
  StoredCommunity c = Save(SmallCommunity("PT-CAU-3"));
  c.participants.pop_back();
  auto tx = store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto saved = (*tx)->SaveCommunity(c);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.status().message().find("PT0002000000000003EF"), std::string::npos);
  EXPECT_FALSE((*tx)->Commit().ok()) << "a failed transaction cannot commit";
}

TEST_P(StoreContract, ReadingsReplaceKeepsHistoryAndBumpsTheDay) {
  Save(SmallCommunity("PT-CAU-4"));
  const CivilDate d{2025, 1, 2};
  const std::int64_t first =
      Import("PT-CAU-4", {{"PT0002000000000002CD", d, EncodeDayReadings(SomeDay(100, 1))}});
  auto states = store_->LoadDayStates("PT-CAU-4", d, AddDays(d, 1));
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->size(), 1u);
  EXPECT_EQ((*states)[0].readings_revision, 1);
  EXPECT_EQ((*states)[0].results_revision, -1);

  const std::int64_t second =
      Import("PT-CAU-4", {{"PT0002000000000002CD", d, EncodeDayReadings(SomeDay(200, 2))}});
  EXPECT_GT(second, first);
  auto now = store_->LoadReadings("PT-CAU-4", "", d, AddDays(d, 1));
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ(*DecodeDayReadings((*now)[0].packed), SomeDay(200, 2));
  auto history = store_->LoadHistory("PT-CAU-4", "PT0002000000000002CD", d);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(*DecodeDayReadings((*history)[0].packed), SomeDay(100, 1));
  EXPECT_EQ((*history)[0].replaced_by, second);
  EXPECT_EQ((*history)[0].replaced_at, kJan2025 + 99);
  states = store_->LoadDayStates("PT-CAU-4", d, AddDays(d, 1));
  EXPECT_EQ((*states)[0].readings_revision, 2);
  auto imports = store_->ListImports("PT-CAU-4");
  ASSERT_TRUE(imports.ok());
  EXPECT_EQ(imports->size(), 2u);
}

TEST_P(StoreContract, AnAbandonedTransactionWritesNothing) {
  Save(SmallCommunity("PT-CAU-5"));
  {
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto id = (*tx)->AddImport(MinimalImport("PT-CAU-5"));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(
        (*tx)
            ->PutReadings(
                "PT-CAU-5",
                {{"PT0002000000000002CD", {2025, 1, 3}, EncodeDayReadings(SomeDay(1, *id))}}, *id)
            .ok());
  }  // destroyed without Commit
  auto readings = store_->LoadReadings("PT-CAU-5", "", {2025, 1, 1}, {2026, 1, 1});
  ASSERT_TRUE(readings.ok());
  EXPECT_TRUE(readings->empty());
  EXPECT_TRUE(store_->ListImports("PT-CAU-5")->empty());
}

TEST_P(StoreContract, UnknownParticipantFailsTheWholeWrite) {
  Save(SmallCommunity("PT-CAU-6"));
  auto tx = store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto id = (*tx)->AddImport(MinimalImport("PT-CAU-6"));
  ASSERT_TRUE(id.ok());
  Status s = (*tx)->PutReadings(
      "PT-CAU-6",
      {{"PT0002000000000002CD", {2025, 1, 3}, EncodeDayReadings(SomeDay(1, *id))},
       {"PT0002000000000099ZZ", {2025, 1, 3}, EncodeDayReadings(SomeDay(1, *id))}},
      *id);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("PT0002000000000099ZZ"), std::string::npos);
  tx->reset();
  EXPECT_TRUE(store_->LoadReadings("PT-CAU-6", "", {2025, 1, 1}, {2026, 1, 1})->empty());
}

TEST_P(StoreContract, ResultsAreReplacedPerDayAndMarkTheDayComputed) {
  StoredCommunity c = Save(SmallCommunity("PT-CAU-7"));
  const CivilDate d{2025, 1, 2};
  Import("PT-CAU-7", {{"PT0002000000000002CD", d, EncodeDayReadings(SomeDay(100, 1))}});
  auto states = store_->LoadDayStates("PT-CAU-7", d, AddDays(d, 1));
  ASSERT_TRUE(states.ok());
  DayPool pool{.n_intervals = 96,
               .pool = std::vector<MilliWh>(96, 5),
               .unallocated = std::vector<MilliWh>(96, 0),
               .consumption = std::vector<MilliWh>(96, 9),
               .quality = std::vector<Quality>(96, Quality::kReal)};
  DayResults r;
  r.n_intervals = 96;
  for (auto* v : {&r.cr, &r.ir, &r.cm, &r.im, &r.imputed, &r.self_consumed}) v->assign(96, 3);
  for (auto& v : r.by_origin) v.assign(96, 0);
  r.by_origin[0].assign(96, 3);
  r.quality.assign(96, Quality::kEstimated);
  r.own_quality.assign(96, Quality::kReal);
  for (int round = 0; round < 2; ++round) {  // a second write replaces the first
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    Status s = (*tx)->PutResults("PT-CAU-7",
                                 {{"PT0002000000000001AB", d, EncodeDayResults(r)},
                                  {"PT0002000000000002CD", d, EncodeDayResults(r)}},
                                 {{"", d, EncodeDayPool(pool)}}, *states, c.revision);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto one = store_->LoadResults("PT-CAU-7", "PT0002000000000002CD", d, AddDays(d, 1));
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(*DecodeDayResults((*one)[0].packed), r);
  EXPECT_EQ(store_->LoadResults("PT-CAU-7", "", d, AddDays(d, 1))->size(), 2u);
  auto pools = store_->LoadCommunityResults("PT-CAU-7", d, AddDays(d, 1));
  ASSERT_TRUE(pools.ok());
  ASSERT_EQ(pools->size(), 1u);
  EXPECT_EQ(*DecodeDayPool((*pools)[0].packed), pool);
  states = store_->LoadDayStates("PT-CAU-7", d, AddDays(d, 1));
  EXPECT_EQ((*states)[0].results_revision, (*states)[0].readings_revision);
  EXPECT_EQ((*states)[0].results_community_revision, c.revision);
}

TEST_P(StoreContract, CommunitiesAreIsolated) {
  Save(SmallCommunity("PT-CAU-8"));
  Save(SmallCommunity("PT-CAU-9"));  // same participant ids, another community
  Import("PT-CAU-8", {{"PT0002000000000002CD", {2025, 1, 2}, EncodeDayReadings(SomeDay(1, 1))}});
  EXPECT_EQ(store_->LoadReadings("PT-CAU-8", "", {2025, 1, 1}, {2026, 1, 1})->size(), 1u);
  EXPECT_TRUE(store_->LoadReadings("PT-CAU-9", "", {2025, 1, 1}, {2026, 1, 1})->empty());
  auto list = store_->ListCommunities();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(*list, (std::vector<std::string>{"PT-CAU-8", "PT-CAU-9"}));
  auto unknown = store_->LoadReadings("PT-CAU-X", "", {2025, 1, 1}, {2026, 1, 1});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("PT-CAU-X"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Adapters, StoreContract, ::testing::ValuesIn(StoreFactories()),
                         [](const auto& adapter) { return adapter.param->name; });

}  // namespace
}  // namespace reparto
