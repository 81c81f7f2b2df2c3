// Hourly zonal price CSV: exact conversion, negative prices, gaps and duplicates reported.
#include "ingest/zonal_prices.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

DayGrid TwoHours() {
  FixedOffsetZone utc(0);
  DayGrid grid = *MakeDayGrid(utc, {2024, 7, 1}, {2024, 7, 2}, 3600);
  grid.days[0].n_intervals = 2;  // only the first two hours matter here
  return grid;
}

TEST(ZonalPrices, ParsesExactlyIncludingNegativePrices) {
  auto prices = ParseZonalPrices(
      "start,price_eur_per_mwh\n2024-07-01T02:00:00+02:00,95.43\n2024-07-01T01:00:00Z,-3.5\n",
      "pz.csv", TwoHours());
  ASSERT_TRUE(prices.ok()) << prices.status().message();
  EXPECT_EQ((*prices)[0], 954300);
  EXPECT_EQ((*prices)[1], -35000);
}

TEST(ZonalPrices, ReportsGapsDuplicatesAndBadNumbers) {
  auto gap =
      ParseZonalPrices("start,price_eur_per_mwh\n2024-07-01T00:00:00Z,90\n", "pz.csv", TwoHours());
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.status().message(), "pz.csv: no price for the hour starting 2024-07-01T01:00:00Z");
  auto dup = ParseZonalPrices(
      "start,price_eur_per_mwh\n2024-07-01T00:00:00Z,90\n2024-07-01T02:00:00+02:00,91\n", "pz.csv",
      TwoHours());
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("lines 2 and 3"), std::string::npos);
  auto bad =
      ParseZonalPrices("start,price_eur_per_mwh\n2024-07-01T00:00:00Z,9x\n", "pz.csv", TwoHours());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("pz.csv:2:"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace reparto
