// Tests of the demonstration community (src/synth/demo_community.h): a valid Spanish community
// with valid CUPS, membership changes, coefficients, a year of readings that places into a
// ReadingTable, a few gaps flagged missing, plausible totals, determinism.
// Units: mWh, kWh, kW, kWp, UTC instants.
#include "synth/demo_community.h"

#include <gtest/gtest.h>

#include <chrono>
#include <numeric>
#include <set>

#include "core/readings.h"
#include "core/supply_point.h"
#include "test_support.h"

namespace reparto::synth {
namespace {

const DemoCommunity& Demo2025() {
  static const DemoCommunity demo = [] {
    auto built = BuildDemoCommunity(Madrid(), 2025, 1);
    EXPECT_TRUE(built.ok()) << built.status().message();
    return built.ok() ? std::move(*built) : DemoCommunity{};
  }();
  return demo;
}

double Kwh(const std::vector<MilliWh>& mwh) {
  return static_cast<double>(std::accumulate(mwh.begin(), mwh.end(), MilliWh{0})) / 1e6;
}

TEST(DemoCommunity, IsAValidSpanishCommunity) {
  const DemoCommunity& demo = Demo2025();
  const Community& c = demo.community;
  Status valid = Validate(c);
  EXPECT_TRUE(valid.ok()) << valid.message();
  EXPECT_EQ(c.rules.country, Country::kSpain);
  EXPECT_EQ(c.timezone, "Europe/Madrid");
  EXPECT_EQ(c.id.size(), 26U);  // CAU: 22-character CUPS + "A" + 3 digits
  ASSERT_EQ(c.participants.size(), 41U);
  ASSERT_EQ(demo.members.size(), c.participants.size());
  ASSERT_EQ(demo.series.size(), c.participants.size());
  std::set<std::string> names;
  int counts[5] = {};
  for (std::size_t p = 0; p < c.participants.size(); ++p) {
    const Participant& who = c.participants[p];
    const DemoMember& member = demo.members[p];
    Status cups = ValidateCups(who.id);
    EXPECT_TRUE(cups.ok()) << cups.message();
    EXPECT_TRUE(names.insert(member.name).second) << member.name;
    ++counts[static_cast<int>(member.kind)];
    EXPECT_NEAR(member.latitude_deg, 39.4855, 0.01);
    EXPECT_NEAR(member.longitude_deg, -0.3590, 0.01);
    EXPECT_EQ(who.IsSource(), member.kind == MemberKind::kPvPlant);
    if (!who.IsSource()) {
      EXPECT_GT(who.contracted_power_kw, 3.0) << member.name;
    }
  }
  EXPECT_EQ(counts[static_cast<int>(MemberKind::kHome)], 32);
  EXPECT_EQ(counts[static_cast<int>(MemberKind::kShop)], 5);
  EXPECT_EQ(counts[static_cast<int>(MemberKind::kSchool)], 1);
  EXPECT_EQ(counts[static_cast<int>(MemberKind::kOffice)], 1);
  EXPECT_EQ(counts[static_cast<int>(MemberKind::kPvPlant)], 2);
}

TEST(DemoCommunity, OriginsMembershipAndCoefficients) {
  const DemoCommunity& demo = Demo2025();
  const Community& c = demo.community;
  const Participant& roof = c.participants[39];
  const Participant& school_plant = c.participants[40];
  EXPECT_EQ(demo.members[39].peak_kw, 60);
  EXPECT_EQ(demo.members[40].peak_kw, 40);
  // A flat draws from its own roof through the internal network, from the school's by LV.
  EXPECT_EQ(OriginBetween(roof, c.participants[0]), Origin::kInternal);
  EXPECT_EQ(OriginBetween(school_plant, c.participants[0]), Origin::kLV);
  EXPECT_EQ(OriginBetween(school_plant, c.participants[37]), Origin::kInternal);  // the school

  // One joins, one leaves; three fixed periods cover exactly the year.
  int joined = 0, left = 0;
  for (const Participant& p : c.participants) {
    joined += p.member_from != kBeginningOfTime;
    left += p.member_to != kEndOfTime;
  }
  EXPECT_EQ(joined, 1);
  EXPECT_EQ(left, 1);
  ASSERT_EQ(c.periods.size(), 3U);
  EXPECT_EQ(c.periods.front().from, demo.grid.utc_start());
  EXPECT_EQ(c.periods.back().to, demo.grid.utc_end());
  for (const SharingPeriod& period : c.periods) {
    EXPECT_EQ(period.method, Method::kFixed);
    EXPECT_EQ(std::accumulate(period.fixed.begin(), period.fixed.end(), Coefficient{0}),
              kCoefficientScale);
    for (std::size_t p = 0; p < c.participants.size(); ++p) {
      const Participant& who = c.participants[p];
      const bool member_all_period = who.member_from <= period.from && who.member_to >= period.to;
      EXPECT_EQ(period.fixed[p] > 0, member_all_period && !who.IsSource()) << p;
    }
  }
}

TEST(DemoCommunity, ReadingsPlaceIntoATableWithAFewGaps) {
  const DemoCommunity& demo = Demo2025();
  const ReadingBatch batch = DemoReadingBatch(demo);
  ASSERT_EQ(demo.grid.interval_count(), 35040);
  // The community settles hourly (Spain): quarter-hours are summed into hours.
  auto hourly =
      MakeDayGrid(Madrid(), {2025, 1, 1}, {2026, 1, 1}, demo.community.rules.step_seconds);
  ASSERT_TRUE(hourly.ok());
  ReadingTable table(demo.community.participants.size(), *hourly);
  PlacementStats stats;
  Status placed = PlaceReadings(demo.community, batch, table, &stats);
  ASSERT_TRUE(placed.ok()) << placed.message();
  table.Finish();
  EXPECT_EQ(stats.placed, static_cast<std::int64_t>(batch.records.size()));
  EXPECT_EQ(stats.outside_period, 0);
  EXPECT_EQ(stats.outside_membership, 0);
  // Missing cells: the gaps (a day, 6 h, 2 h) and the months outside membership (6B until 1 May:
  // 120 days; the florist from 1 October: 92 days).
  ASSERT_EQ(demo.gaps.size(), 3U);
  const std::int64_t missing = table.CountMissing();
  EXPECT_GT(missing, 24 + 6 + 2);
  EXPECT_LT(missing, 24 + 6 + 2 + 24 * 120 + 24 * 92 + 2);
  for (const DemoGap& gap : demo.gaps) {
    const std::int64_t hour = hourly->IndexOf(gap.from);
    ASSERT_GE(hour, 0);
    EXPECT_EQ(table.cr_quality(static_cast<std::size_t>(gap.participant))[hour], Quality::kMissing);
  }
  // Every record is real; a missing cell is never given as a zero record.
  for (const ReadingRecord& r : batch.records) {
    ASSERT_EQ(r.consumption_quality, Quality::kReal);
    ASSERT_GE(r.consumption, 0);
    ASSERT_GE(r.injection, 0);
  }
}

TEST(DemoCommunity, PlausibleYear) {
  const DemoCommunity& demo = Demo2025();
  const Community& c = demo.community;
  double homes_kwh = 0;
  for (std::size_t p = 0; p < 32; ++p) homes_kwh += Kwh(demo.series[p].consumption);
  EXPECT_GT(homes_kwh / 32, 2300);
  EXPECT_LT(homes_kwh / 32, 4200);
  for (std::size_t p = 0; p < c.participants.size(); ++p) {
    const DemoMember& m = demo.members[p];
    const DemoSeries& s = demo.series[p];
    if (m.kind == MemberKind::kPvPlant) {
      const double yield = Kwh(s.injection) / m.peak_kw;
      EXPECT_GT(yield, 1300) << m.name;
      EXPECT_LT(yield, 1800) << m.name;
      EXPECT_LT(Kwh(s.consumption), 200) << m.name;  // standby at night only
    } else {
      EXPECT_EQ(Kwh(s.injection), 0) << m.name;
      // Full-year members are within 1 % of their expected consumption (gaps aside).
      if (c.participants[p].member_from == kBeginningOfTime &&
          c.participants[p].member_to == kEndOfTime) {
        EXPECT_NEAR(Kwh(s.consumption), m.annual_kwh, 0.01 * m.annual_kwh) << m.name;
      }
    }
  }
}

TEST(DemoCommunity, DeterministicPerSeed) {
  auto again = BuildDemoCommunity(Madrid(), 2025, 1);
  auto other = BuildDemoCommunity(Madrid(), 2025, 2);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(other.ok());
  const DemoCommunity& demo = Demo2025();
  for (std::size_t p = 0; p < demo.series.size(); ++p) {
    EXPECT_EQ(demo.series[p].consumption, again->series[p].consumption) << p;
    EXPECT_EQ(demo.series[p].injection, again->series[p].injection) << p;
    EXPECT_EQ(demo.community.participants[p].id, again->community.participants[p].id);
    // Plants differ by their production (their night standby is the same), consumers by load.
    const bool plant = demo.community.participants[p].IsSource();
    EXPECT_NE(plant ? demo.series[p].injection : demo.series[p].consumption,
              plant ? other->series[p].injection : other->series[p].consumption)
        << p;
  }
  EXPECT_EQ(demo.members.size(), other->members.size());
}

TEST(DemoCommunity, RejectsOtherZonesAndUnsupportedYears) {
  EXPECT_FALSE(BuildDemoCommunity(FixedOffsetZone(3600), 2025, 1).ok());
  // The zone adapter refuses days from 2038-03-28 on.
  auto late = BuildDemoCommunity(Madrid(), 2038, 1);
  EXPECT_FALSE(late.ok());
}

}  // namespace
}  // namespace reparto::synth
