// Price lookup over billing intervals: hourly on quarter-hours, quarter-hours averaged on hours
// (rounded half away from zero), gaps reported per local day, never read as zero prices.
#include "core/price_lookup.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

// 2024-07-01T00:00:00Z.
constexpr UtcSeconds kJuly1 = 1719792000;

PriceSeries Hourly(UtcSeconds first, std::vector<MicroPrice> prices) {
  PriceSeries series{.name = "hourly", .step_seconds = 3600, .points = {}};
  for (std::size_t i = 0; i < prices.size(); ++i) {
    series.points.push_back({first + static_cast<UtcSeconds>(i) * 3600, prices[i]});
  }
  return series;
}

TEST(PriceLookup, HourlySeriesAppliesToEachQuarterHourOfItsHour) {
  FixedOffsetZone utc(0);
  const PriceSeries series = Hourly(kJuly1, {116'330, 120'000});
  // Two hours as eight quarter-hours, starting at 00:15 to check the offset inside the hour.
  PriceCoverage cover = PricesForIntervals(series, utc, kJuly1 + 900, 900, 7);
  ASSERT_TRUE(cover.complete());
  EXPECT_EQ(cover.prices, (std::vector<MicroPrice>{116'330, 116'330, 116'330, 120'000, 120'000,
                                                   120'000, 120'000}));
  EXPECT_EQ(cover.missing, std::vector<std::uint8_t>(7, 0));
  EXPECT_TRUE(RequireComplete(cover, "hourly").ok());
}

TEST(PriceLookup, QuarterHourSeriesOnHoursIsTheMeanRoundedHalfAwayFromZero) {
  FixedOffsetZone utc(0);
  PriceSeries quarters{.name = "omie", .step_seconds = 900, .points = {}};
  // Hour 0: 100, 100, 100, 102 → 100.5 → 101. Hour 1: -100, -100, -100, -102 → -100.5 → -101.
  // Hour 2: 1, 2, 3, 4 → 2.5 → 3. Hour 3: 10, 10, 10, 11 → 10.25 → 10.
  const std::vector<MicroPrice> prices = {100, 100, 100, 102, -100, -100, -100, -102,
                                          1,   2,   3,   4,   10,   10,   10,   11};
  for (std::size_t i = 0; i < prices.size(); ++i) {
    quarters.points.push_back({kJuly1 + static_cast<UtcSeconds>(i) * 900, prices[i]});
  }
  PriceCoverage cover = PricesForIntervals(quarters, utc, kJuly1, 3600, 4);
  ASSERT_TRUE(cover.complete());
  EXPECT_EQ(cover.prices, (std::vector<MicroPrice>{101, -101, 3, 10}));

  // An hour with one quarter missing is missing as a whole.
  quarters.points.erase(quarters.points.begin() + 6);  // hour 1, third quarter
  cover = PricesForIntervals(quarters, utc, kJuly1, 3600, 4);
  EXPECT_EQ(cover.missing, (std::vector<std::uint8_t>{0, 1, 0, 0}));
  EXPECT_EQ(cover.prices[1], 0);
  EXPECT_EQ(cover.prices[2], 3);
  EXPECT_FALSE(cover.complete());
  EXPECT_EQ(cover.missing_count(), 1);
}

TEST(PriceLookup, GapsAreReportedByLocalDayOfTheZone) {
  // Local time is UTC+1: the local day 2024-07-02 runs 2024-07-01T23:00Z .. 2024-07-02T23:00Z.
  FixedOffsetZone cet(3600);
  const UtcSeconds local_july1 = kJuly1 - 3600;
  // Three local days of hourly prices, the middle one absent except its first hour.
  std::vector<MicroPrice> prices(72, 50'000);
  PriceSeries series = Hourly(local_july1, prices);
  series.name = "pvpc-pcb";
  series.points.erase(series.points.begin() + 25, series.points.begin() + 48);
  PriceCoverage cover = PricesForIntervals(series, cet, local_july1, 3600, 72);
  ASSERT_FALSE(cover.complete());
  ASSERT_EQ(cover.missing_days.size(), 1u);
  EXPECT_EQ(cover.missing_days[0], (CivilDate{2024, 7, 2}));
  EXPECT_EQ(cover.missing_per_day[0], 23);
  EXPECT_EQ(cover.intervals_per_day[0], 24);
  EXPECT_EQ(cover.missing[24], 0);
  EXPECT_EQ(cover.missing[25], 1);
  EXPECT_EQ(cover.missing[47], 1);
  EXPECT_EQ(cover.missing[48], 0);
  EXPECT_EQ(cover.prices[48], 50'000);
  const Status status = RequireComplete(cover, series.name);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            "price series pvpc-pcb has no prices for 2024-07-02 (23 of 24 hours missing); import "
            "them or bill with --allow-incomplete");
}

TEST(PriceLookup, RangeBeyondTheSeriesIsMissingAndListsAtMostFiveDays) {
  FixedOffsetZone utc(0);
  const PriceSeries series = Hourly(kJuly1, std::vector<MicroPrice>(24, 1));
  // Eight days of quarter-hours, the series covers only the first one; the range starts two
  // hours before the series too.
  PriceCoverage cover = PricesForIntervals(series, utc, kJuly1 - 7200, 900, 8 + 96 * 8);
  ASSERT_EQ(cover.missing_days.size(), 8u);
  EXPECT_EQ(cover.missing_days[0], (CivilDate{2024, 6, 30}));
  EXPECT_EQ(cover.missing_per_day[0], 8);
  EXPECT_EQ(cover.intervals_per_day[0], 8);
  EXPECT_EQ(cover.missing_days[1], (CivilDate{2024, 7, 2}));
  EXPECT_EQ(cover.missing_count(), 8 + 7 * 96);
  const Status status = RequireComplete(cover, "s");
  EXPECT_EQ(status.message(),
            "price series s has no prices for 2024-06-30 (8 of 8 quarter-hours missing), "
            "2024-07-02 (96 of 96 quarter-hours missing), 2024-07-03 (96 of 96 quarter-hours "
            "missing), 2024-07-04 (96 of 96 quarter-hours missing), 2024-07-05 (96 of 96 "
            "quarter-hours missing) and 3 more days; import them or bill with --allow-incomplete");
}

TEST(PriceLookup, EmptySeriesAndEmptyRange) {
  FixedOffsetZone utc(0);
  PriceSeries empty{.name = "e", .step_seconds = 3600, .points = {}};
  PriceCoverage cover = PricesForIntervals(empty, utc, kJuly1, 3600, 24);
  EXPECT_EQ(cover.missing_count(), 24);
  ASSERT_EQ(cover.missing_days.size(), 1u);
  EXPECT_EQ(cover.prices, std::vector<MicroPrice>(24, 0));
  cover = PricesForIntervals(empty, utc, kJuly1, 3600, 0);
  EXPECT_TRUE(cover.complete());
  EXPECT_TRUE(cover.prices.empty());
}

TEST(PriceLookup, MisalignedIntervalIsTheTimeWeightedMean) {
  FixedOffsetZone utc(0);
  // Half-hour interval starting at 00:45 over hourly prices 100 and 201: (100·900 + 201·900)/1800
  // = 150.5 → 151.
  const PriceSeries series = Hourly(kJuly1, {100, 201});
  PriceCoverage cover = PricesForIntervals(series, utc, kJuly1 + 2700, 1800, 1);
  ASSERT_TRUE(cover.complete());
  EXPECT_EQ(cover.prices[0], 151);
  // Starting at 01:45 the second half is beyond the series: missing.
  cover = PricesForIntervals(series, utc, kJuly1 + 6300, 1800, 1);
  EXPECT_EQ(cover.missing[0], 1);
}

}  // namespace
}  // namespace reparto
