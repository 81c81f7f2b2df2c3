// Tests of the sky generator (src/synth/clouds.h): determinism, bounds, seasonal shares of the
// regimes and intra-day autocorrelation. The clear-sky index has no unit.
#include "synth/clouds.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace reparto::synth {
namespace {

DayGrid Years(int first, int count) {
  static const FixedOffsetZone kCet(3600);
  auto grid = MakeDayGrid(kCet, {first, 1, 1}, {first + count, 1, 1}, 900);
  EXPECT_TRUE(grid.ok());
  return grid.ok() ? *grid : DayGrid{};
}

TEST(GenerateSky, DeterministicPerSeed) {
  const DayGrid grid = Years(2025, 1);
  const Climate climate = MediterraneanClimate();
  const SkySeries a = GenerateSky(grid, climate, 5);
  const SkySeries b = GenerateSky(grid, climate, 5);
  const SkySeries c = GenerateSky(grid, climate, 6);
  EXPECT_EQ(a.clear_sky_index, b.clear_sky_index);
  EXPECT_EQ(a.day_regime, b.day_regime);
  EXPECT_NE(a.clear_sky_index, c.clear_sky_index);
  EXPECT_EQ(a.day_regime.size(), grid.days.size());
  EXPECT_EQ(a.clear_sky_index.size(), static_cast<std::size_t>(grid.interval_count()));
}

TEST(GenerateSky, BoundedToPhysicalValues) {
  const Climate climate = MediterraneanClimate();
  const SkySeries sky = GenerateSky(Years(2025, 1), climate, 1);
  const auto [lo, hi] = std::minmax_element(sky.clear_sky_index.begin(), sky.clear_sky_index.end());
  EXPECT_GE(*lo, climate.min_clear_sky_index);
  EXPECT_LE(*hi, climate.max_clear_sky_index);
  EXPECT_LT(*lo, 0.2);  // some dark overcast moments
  EXPECT_GT(*hi, 1.0);  // some cloud-edge enhancement
}

TEST(GenerateSky, SummersAreClearWintersChangeable) {
  // Twenty years so that the shares are estimated well (about 620 days per month).
  const DayGrid grid = Years(2001, 20);
  const Climate climate = MediterraneanClimate();
  const SkySeries sky = GenerateSky(grid, climate, 11);
  int days[12] = {}, clear[12] = {}, overcast[12] = {};
  for (std::size_t d = 0; d < grid.days.size(); ++d) {
    const int m = grid.days[d].date.month - 1;
    ++days[m];
    clear[m] += sky.day_regime[d] == Sky::kClear;
    overcast[m] += sky.day_regime[d] == Sky::kOvercast;
  }
  for (int m = 0; m < 12; ++m) {
    // The chain keeps the month's shares as its long-run frequencies (persistence aside, which
    // carries a little of the previous month into the first days).
    EXPECT_NEAR(static_cast<double>(clear[m]) / days[m], climate.sky_share[m][0], 0.07) << m;
  }
  EXPECT_GT(static_cast<double>(clear[6]) / days[6], static_cast<double>(clear[0]) / days[0] + 0.2);
  EXPECT_LT(overcast[6], overcast[0] / 4);
}

TEST(GenerateSky, ConsecutiveQuarterHoursAreCorrelated) {
  const DayGrid grid = Years(2025, 1);
  const SkySeries sky = GenerateSky(grid, MediterraneanClimate(), 3);
  // Mean absolute step change is far smaller than the spread of the whole series.
  double step = 0;
  for (std::size_t t = 1; t < sky.clear_sky_index.size(); ++t) {
    step += std::abs(sky.clear_sky_index[t] - sky.clear_sky_index[t - 1]);
  }
  step /= static_cast<double>(sky.clear_sky_index.size() - 1);
  EXPECT_LT(step, 0.08);
}

}  // namespace
}  // namespace reparto::synth
