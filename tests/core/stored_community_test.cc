// Coefficient versions: which version is in force, how vectors follow participants by id, and
// Spain's rule of one change every 4 months (spec/allocation.md §3), with dates worked by hand.
#include "core/stored_community.h"

#include <gtest/gtest.h>

#include "core/period_codec.h"

namespace reparto {
namespace {

const FixedOffsetZone kUtc(0);
const FixedOffsetZone kMadridWinter(3600);

UtcSeconds Midnight(CivilDate d, const TimeZone& zone = kUtc) { return *zone.StartOfDay(d); }

StoredCommunity Spanish(const std::vector<std::string>& ids) {
  StoredCommunity c;
  c.id = "ES-TEST";
  c.rules = RulesFor(Country::kSpain);
  for (const auto& id : ids) {
    StoredParticipant sp;
    sp.participant.id = id;
    sp.participant.role = id == "PV" ? Role::kProducer : Role::kConsumer;
    c.participants.push_back(sp);
  }
  return c;
}

CoefficientVersion Fixed(int number, UtcSeconds from, std::vector<std::string> ids,
                         std::vector<Coefficient> k, Method method = Method::kFixed) {
  CoefficientVersion v;
  v.version = number;
  v.valid_from = from;
  v.period.method = method;
  v.period.fixed = std::move(k);
  v.participant_ids = std::move(ids);
  return v;
}

TEST(StoredCommunity, LaterVersionWithTheSameStartReplacesTheEarlierForTheFuture) {
  StoredCommunity c = Spanish({"PV", "A", "B"});
  const UtcSeconds jan = Midnight({2025, 1, 1}), may = Midnight({2025, 5, 1});
  c.versions = {Fixed(1, jan, {"PV", "A", "B"}, {0, 500'000'000, 500'000'000}),
                Fixed(2, may, {"PV", "A", "B"}, {0, 600'000'000, 400'000'000}),
                Fixed(3, may, {"PV", "A", "B"}, {0, 700'000'000, 300'000'000})};
  const auto spans = VersionsInForce(c);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].version->version, 1);
  EXPECT_EQ(spans[0].to, may);
  EXPECT_EQ(spans[1].version->version, 3);
  EXPECT_EQ(spans[1].to, kEndOfTime);
  auto community = ToCommunity(c);
  ASSERT_TRUE(community.ok()) << community.status().message();
  EXPECT_EQ(community->periods[1].fixed, (std::vector<Coefficient>{0, 700'000'000, 300'000'000}));
}

TEST(StoredCommunity, CoefficientsFollowParticipantsByIdNotPosition) {
  // The version was made when the community was PV, A, B; C joined later and B moved last.
  StoredCommunity c = Spanish({"PV", "A", "C", "B"});
  c.versions = {Fixed(1, kBeginningOfTime, {"PV", "A", "B"}, {0, 250'000'000, 750'000'000})};
  auto community = ToCommunity(c);
  ASSERT_TRUE(community.ok()) << community.status().message();
  EXPECT_EQ(community->periods[0].fixed,
            (std::vector<Coefficient>{0, 250'000'000, 0, 750'000'000}));
}

TEST(StoredCommunity, SpainAllowsOneChangeEveryFourLocalMonths) {
  const std::vector<std::string> ids = {"PV", "A"};
  const std::vector<Coefficient> k = {0, kCoefficientScale};
  auto warnings = [&](std::vector<CoefficientVersion> versions, const TimeZone& zone) {
    StoredCommunity c = Spanish(ids);
    c.versions = std::move(versions);
    return ChangeFrequencyWarnings(c, zone);
  };
  // 1 January to 1 May local: exactly 4 months, allowed, even though in UTC (+01:00 then +02:00)
  // it is 31 Dec 23:00 to 30 Apr 22:00.
  EXPECT_TRUE(warnings({Fixed(1, Midnight({2025, 1, 1}, kMadridWinter), ids, k),
                        Fixed(2, Midnight({2025, 5, 1}, kMadridWinter), ids, k)},
                       kMadridWinter)
                  .empty());
  // 1 January to 30 April: one day short.
  auto short_by_a_day = warnings(
      {Fixed(1, Midnight({2025, 1, 1}), ids, k), Fixed(2, Midnight({2025, 4, 30}), ids, k)}, kUtc);
  ASSERT_EQ(short_by_a_day.size(), 1u);
  EXPECT_NE(short_by_a_day[0].find("2025-04-30, before 2025-05-01"), std::string::npos)
      << short_by_a_day[0];
  // 31 October + 4 months = 28 February (2025 is not a leap year): allowed from that day.
  EXPECT_TRUE(warnings({Fixed(1, Midnight({2024, 10, 31}), ids, k),
                        Fixed(2, Midnight({2025, 2, 28}), ids, k)},
                       kUtc)
                  .empty());
  // The first switch from fixed to hourly does not count; a second change soon after does.
  CoefficientVersion hourly = Fixed(2, Midnight({2025, 2, 1}), ids, {}, Method::kVariable);
  hourly.period.rows = {{Midnight({2025, 2, 1}), k}};
  EXPECT_TRUE(warnings({Fixed(1, Midnight({2025, 1, 1}), ids, k), hourly}, kUtc).empty());
  EXPECT_EQ(warnings({Fixed(1, Midnight({2025, 1, 1}), ids, k), hourly,
                      Fixed(3, Midnight({2025, 3, 1}), ids, k)},
                     kUtc)
                .size(),
            1u);
  // Other countries have no such rule.
  StoredCommunity pt = Spanish(ids);
  pt.rules = RulesFor(Country::kPortugal);
  pt.versions = {Fixed(1, Midnight({2025, 1, 1}), ids, k),
                 Fixed(2, Midnight({2025, 1, 2}), ids, k)};
  EXPECT_TRUE(ChangeFrequencyWarnings(pt, kUtc).empty());
}

TEST(PeriodCodec, RoundTripsEveryMethodAndRejectsCorruptBytes) {
  SharingPeriod p;
  p.method = Method::kPairwise;
  p.redistribution = Redistribution::kIterative;
  p.fixed = {1, 2, 999'999'997};
  p.group = {0, 1, 2};
  p.row_seconds = 900;
  p.rows = {{1'735'689'600, {5, 6, 7}}, {1'735'690'500, {8, 9, 10}}};
  p.pairs = {{0, 1, kBeginningOfTime, 400'000'000}, {0, 2, 1'735'689'600, 600'000'000}};
  const std::vector<std::string> ids = {"PV", "A", "B"};
  const std::string packed = EncodeRule(p, ids);
  auto back = DecodeRule(packed);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->participant_ids, ids);
  EXPECT_EQ(back->period.method, Method::kPairwise);
  EXPECT_EQ(back->period.redistribution, Redistribution::kIterative);
  EXPECT_EQ(back->period.fixed, p.fixed);
  EXPECT_EQ(back->period.group, p.group);
  EXPECT_EQ(back->period.row_seconds, 900);
  ASSERT_EQ(back->period.rows.size(), 2u);
  EXPECT_EQ(back->period.rows[1].start, 1'735'690'500);
  EXPECT_EQ(back->period.rows[1].coefficients, (std::vector<Coefficient>{8, 9, 10}));
  ASSERT_EQ(back->period.pairs.size(), 2u);
  EXPECT_EQ(back->period.pairs[0].start, kBeginningOfTime);
  EXPECT_EQ(back->period.pairs[1].coefficient, 600'000'000);
  for (std::size_t cut = 0; cut < packed.size(); ++cut) {
    EXPECT_FALSE(DecodeRule(packed.substr(0, cut)).ok()) << "truncated at " << cut;
  }
  EXPECT_FALSE(DecodeRule(packed + "x").ok()) << "trailing bytes";
}

}  // namespace
}  // namespace reparto
