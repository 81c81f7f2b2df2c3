// Tests of MonthlyTotals: per participant and local-month sums (mWh), max demand, quality counts
// and community totals, fed by hand-made runs over a grid that crosses a month boundary.
#include "core/monthly_totals.h"

#include <gtest/gtest.h>

#include <vector>

#include "support/fake_runs.h"

namespace reparto {
namespace {

using testing::FakeParticipant;
using testing::FakePool;

class MonthlyTotalsTest : public ::testing::Test {
 protected:
  // Local days 2024-01-31 and 2024-02-01 at UTC+1, hourly: 48 intervals, 24 per month.
  // Participant 0 consumes, participant 1 produces; see the values below.
  void SetUp() override {
    auto grid = MakeDayGrid(zone_, {2024, 1, 31}, {2024, 2, 2}, 3600);
    ASSERT_TRUE(grid.ok()) << grid.status().message();
    grid_ = *grid;
    ASSERT_EQ(grid_.interval_count(), 48);
    for (std::size_t i = 0; i < 48; ++i) {
      consumer_.cr[i] = consumer_.cm[i] = 2000;
      consumer_.imputed[i] = consumer_.self_consumed[i] = 500;
      consumer_.supplier[i] = 1500;
      consumer_.by_origin[0][i] = 300;  // internal
      consumer_.by_origin[1][i] = 200;  // LV
      producer_.ir[i] = producer_.im[i] = producer_.shared[i] = 4000;
      pool_.pool[i] = 4000;
      pool_.unallocated[i] = 3500;
    }
    // Peaks: 7 Wh in January (interval 5), 9 Wh in February (interval 30).
    consumer_.cr[5] = consumer_.cm[5] = 7000;
    consumer_.supplier[5] = 6500;
    consumer_.cr[30] = consumer_.cm[30] = 9000;
    consumer_.supplier[30] = 8500;
    consumer_.quality[10] = Quality::kEstimated;
    consumer_.quality[40] = Quality::kMissing;
    producer_.quality[0] = Quality::kEstimated;
    pool_.consumption = consumer_.cm;
    pool_.quality[24] = Quality::kEstimated;
  }

  // Runs [0,20) and [20,28) (crossing into February) with both members, then [28,48) in which
  // the producer is no longer a member (its arrays still hold 4000: they must be ignored).
  void Feed(MonthlyTotals& totals) {
    struct Span {
      std::int64_t first;
      int n;
      bool producer_member;
    };
    for (const Span& span : {Span{0, 20, true}, Span{20, 8, true}, Span{28, 20, false}}) {
      totals.BeginRun(span.first, span.n);
      totals.Consume(consumer_.Run(0, span.first, span.n, true));
      totals.Consume(producer_.Run(1, span.first, span.n, span.producer_member));
      totals.EndRun(pool_.Run(span.first, span.n));
    }
  }

  FixedOffsetZone zone_{3600};
  DayGrid grid_;
  FakeParticipant consumer_{48}, producer_{48};
  FakePool pool_{48};
};

TEST_F(MonthlyTotalsTest, MonthsFollowLocalDates) {
  MonthlyTotals totals(2, grid_);
  ASSERT_EQ(totals.month_count(), 2);
  EXPECT_EQ(totals.month(0), (CivilDate{2024, 1, 1}));
  EXPECT_EQ(totals.month(1), (CivilDate{2024, 2, 1}));
  // The local day 2024-02-01 starts at 2024-01-31T23:00Z, still January in UTC: February anyway.
  EXPECT_EQ(totals.month_begin(1), 24);
  EXPECT_EQ(totals.month_end(1), 48);
  EXPECT_EQ(grid_.days[1].utc_start, DaysFromCivil({2024, 1, 31}) * 86400 + 23 * 3600);
}

TEST_F(MonthlyTotalsTest, SumsPerParticipantAndMonth) {
  MonthlyTotals totals(2, grid_);
  Feed(totals);

  const ParticipantMonth& jan = totals.participant(0, 0);
  EXPECT_EQ(jan.sum(Quantity::kCr), 23 * 2000 + 7000);  // 53 000
  EXPECT_EQ(jan.sum(Quantity::kCm), 53000);
  EXPECT_EQ(jan.sum(Quantity::kIr), 0);
  EXPECT_EQ(jan.sum(Quantity::kImputed), 24 * 500);
  EXPECT_EQ(jan.sum(Quantity::kSelfConsumed), 12000);
  EXPECT_EQ(jan.sum(Quantity::kSupplier), 23 * 1500 + 6500);  // 41 000
  EXPECT_EQ(jan.sum(Quantity::kSurplus), 0);
  EXPECT_EQ(jan.sum(Quantity::kScInternal), 24 * 300);
  EXPECT_EQ(jan.sum(Quantity::kScLV), 24 * 200);
  EXPECT_EQ(jan.sum(Quantity::kScMV), 0);
  EXPECT_EQ(jan.max_cm, 7000);
  EXPECT_EQ(jan.intervals(), 24);
  EXPECT_EQ(jan.count(Quality::kReal), 23);
  EXPECT_EQ(jan.count(Quality::kEstimated), 1);
  EXPECT_EQ(jan.count(Quality::kMissing), 0);

  const ParticipantMonth& feb = totals.participant(0, 1);
  EXPECT_EQ(feb.sum(Quantity::kCr), 23 * 2000 + 9000);        // 55 000
  EXPECT_EQ(feb.sum(Quantity::kSupplier), 23 * 1500 + 8500);  // 43 000
  EXPECT_EQ(feb.sum(Quantity::kSelfConsumed), 12000);
  EXPECT_EQ(feb.max_cm, 9000);
  EXPECT_EQ(feb.count(Quality::kReal), 23);
  EXPECT_EQ(feb.count(Quality::kMissing), 1);  // summed anyway, but flagged

  // The producer: all of January, then only intervals 24..27 of February as a member.
  const ParticipantMonth& pv_jan = totals.participant(1, 0);
  EXPECT_EQ(pv_jan.sum(Quantity::kIr), 24 * 4000);
  EXPECT_EQ(pv_jan.sum(Quantity::kShared), 96000);
  EXPECT_EQ(pv_jan.sum(Quantity::kCm), 0);
  EXPECT_EQ(pv_jan.max_cm, 0);
  EXPECT_EQ(pv_jan.count(Quality::kEstimated), 1);
  const ParticipantMonth& pv_feb = totals.participant(1, 1);
  EXPECT_EQ(pv_feb.sum(Quantity::kIr), 4 * 4000);
  EXPECT_EQ(pv_feb.sum(Quantity::kIm), 16000);
  EXPECT_EQ(pv_feb.intervals(), 4);
}

TEST_F(MonthlyTotalsTest, CommunityTotals) {
  MonthlyTotals totals(2, grid_);
  Feed(totals);
  const CommunityMonth& jan = totals.community(0);
  EXPECT_EQ(jan.pool, 96000);
  EXPECT_EQ(jan.unallocated, 84000);
  EXPECT_EQ(jan.consumption, 53000);
  EXPECT_EQ(jan.max_consumption, 7000);
  EXPECT_EQ(jan.intervals(), 24);
  EXPECT_EQ(jan.count(Quality::kEstimated), 0);
  const CommunityMonth& feb = totals.community(1);
  EXPECT_EQ(feb.consumption, 55000);
  EXPECT_EQ(feb.max_consumption, 9000);
  EXPECT_EQ(feb.count(Quality::kEstimated), 1);
  EXPECT_EQ(feb.count(Quality::kReal), 23);

  const ParticipantMonth sum = totals.SumOfParticipants(1);
  EXPECT_EQ(sum.sum(Quantity::kCr), 55000);
  EXPECT_EQ(sum.sum(Quantity::kIr), 16000);
  EXPECT_EQ(sum.intervals(), 24 + 4);
  EXPECT_EQ(sum.max_cm, 9000);
}

TEST_F(MonthlyTotalsTest, DemandAsAverageKw) {
  MonthlyTotals hourly(2, grid_);
  Feed(hourly);
  // 9 000 mWh in one hour = 9 W average = 0.009 kW.
  EXPECT_EQ(hourly.AverageMilliWatts(9000), 9000);
  EXPECT_DOUBLE_EQ(hourly.MaxDemandKw(hourly.participant(0, 1)), 0.009);

  auto quarter_grid = MakeDayGrid(zone_, {2024, 1, 31}, {2024, 2, 1}, 900);
  ASSERT_TRUE(quarter_grid.ok());
  MonthlyTotals quarter(1, *quarter_grid);
  // 250 mWh in a quarter-hour = 1 W = 0.001 kW; 1.25 kWh in 15 min = 5 kW.
  EXPECT_EQ(quarter.AverageMilliWatts(250), 1000);
  EXPECT_EQ(quarter.AverageMilliWatts(1'250'000), 5'000'000);

  // A step that does not divide the hour (90 min): 1 mWh -> 0.667 mW -> 1; 2 -> 1.333 -> 1;
  // 3 -> 2 exactly.
  DayGrid odd;
  odd.step_seconds = 5400;
  odd.days.push_back(LocalDay{{2024, 1, 1}, 0, 16, 0});
  MonthlyTotals odd_totals(1, odd);
  EXPECT_EQ(odd_totals.AverageMilliWatts(1), 1);
  EXPECT_EQ(odd_totals.AverageMilliWatts(2), 1);
  EXPECT_EQ(odd_totals.AverageMilliWatts(3), 2);
}

TEST_F(MonthlyTotalsTest, EmptyUntilFed) {
  MonthlyTotals totals(2, grid_);
  EXPECT_EQ(totals.participant(0, 0).intervals(), 0);
  EXPECT_EQ(totals.participant(1, 1).sum(Quantity::kIr), 0);
  EXPECT_EQ(totals.community(1).intervals(), 0);
}

TEST(MonthlyTotalsYear, WholeLeapYear) {
  // A whole leap year at UTC+1 with quarter-hours: 12 months, 366 days of 96 intervals.
  FixedOffsetZone zone(3600);
  auto grid = MakeDayGrid(zone, {2024, 1, 1}, {2025, 1, 1}, 900);
  ASSERT_TRUE(grid.ok());
  MonthlyTotals totals(1, *grid);
  ASSERT_EQ(totals.month_count(), 12);
  EXPECT_EQ(totals.month(11), (CivilDate{2024, 12, 1}));
  // February 2024 has 29 days: intervals [31 * 96, 60 * 96).
  EXPECT_EQ(totals.month_begin(1), 31 * 96);
  EXPECT_EQ(totals.month_end(1), 60 * 96);
  EXPECT_EQ(totals.month_end(11), 366 * 96);
}

}  // namespace
}  // namespace reparto
