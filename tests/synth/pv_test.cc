// Tests of the PV model (src/synth/pv.h): annual specific yield for Madrid and Valencia, zero at
// night, no negative power, and a comparison with a real plant measured in Almería in 2023
// (../shared/data/pv_weather, hourly, UTC hour starts, normalised to the plant's capacity).
// Units: kW per kWp (so kWh/kWp per year), W/m², °C.
#include "synth/pv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "synth/clouds.h"

namespace reparto::synth {
namespace {

DayGrid UtcYear(int year, int step_seconds) {
  static const FixedOffsetZone kUtc(0);
  auto grid = MakeDayGrid(kUtc, {year, 1, 1}, {year + 1, 1, 1}, step_seconds);
  EXPECT_TRUE(grid.ok());
  return grid.ok() ? *grid : DayGrid{};
}

double YieldKwhPerKwp(const PvPlant& plant, const DayGrid& grid, std::uint64_t seed) {
  const Climate climate = MediterraneanClimate();
  const SkySeries sky = GenerateSky(grid, climate, seed);
  const std::vector<double> kw = PvSeriesKw(plant, climate, grid, sky.clear_sky_index);
  return std::accumulate(kw.begin(), kw.end(), 0.0) * grid.step_seconds / 3600 / plant.peak_kw;
}

TEST(PvPower, TemperatureDeratesAndInverterClips) {
  const PvPlant plant{.peak_kw = 10, .inverter_kw = 8};
  EXPECT_EQ(PvPowerKw(plant, 0, 20), 0);
  EXPECT_EQ(PvPowerKw(plant, -5, 20), 0);
  // 500 W/m² at 20 °C air: cell 20 + 25/800 × 500 = 35.6 °C, 10 × 0.5 × (1 − 0.0037 × 10.6) ×
  // 0.88 = 4.227 kW.
  EXPECT_NEAR(PvPowerKw(plant, 500, 20), 4.227, 0.001);
  EXPECT_LT(PvPowerKw(plant, 800, 35), PvPowerKw(plant, 800, 5));
  EXPECT_EQ(PvPowerKw(plant, 1100, 0), 8);
}

TEST(PvSeries, ZeroAtNightNeverNegative) {
  const DayGrid grid = UtcYear(2025, 900);
  const PvPlant plant{.site = {40.4168, -3.7038, 650}, .plane = {.tilt_deg = 30}, .peak_kw = 1};
  const Climate climate = MediterraneanClimate();
  const SkySeries sky = GenerateSky(grid, climate, 3);
  const std::vector<double> kw = PvSeriesKw(plant, climate, grid, sky.clear_sky_index);
  ASSERT_EQ(kw.size(), static_cast<std::size_t>(grid.interval_count()));
  for (std::size_t t = 0; t < kw.size(); ++t) {
    ASSERT_GE(kw[t], 0.0);
    const UtcSeconds mid = grid.utc_start() + static_cast<UtcSeconds>(t) * 900 + 450;
    if (SolarPosition(plant.site, mid).elevation_deg < 0) {
      ASSERT_EQ(kw[t], 0.0) << t;
    }
  }
  // Midnight UTC is always dark in Spain; noon UTC in June is not.
  EXPECT_EQ(kw[0], 0.0);
  EXPECT_GT(
      kw[static_cast<std::size_t>(grid.IndexOf(DaysFromCivil({2025, 6, 21}) * 86400 + 12 * 3600))],
      0.3);
}

TEST(PvSeries, AnnualSpecificYieldOfMadridAndValencia) {
  // PVGIS-SARAH gives about 1 600 kWh/kWp for Madrid at 30° and 1 500 for Valencia at 15° with
  // 14 % losses; the generated years should stay in the 1 400 .. 1 800 band for any seed.
  const DayGrid grid = UtcYear(2025, 900);
  const PvPlant madrid{.site = {40.4168, -3.7038, 650}, .plane = {.tilt_deg = 30}, .peak_kw = 1};
  const PvPlant valencia{.site = {39.47, -0.376, 15}, .plane = {.tilt_deg = 15}, .peak_kw = 1};
  for (std::uint64_t seed : {1, 2, 3, 4}) {
    const double y_madrid = YieldKwhPerKwp(madrid, grid, seed);
    const double y_valencia = YieldKwhPerKwp(valencia, grid, seed);
    EXPECT_GT(y_madrid, 1400) << seed;
    EXPECT_LT(y_madrid, 1800) << seed;
    EXPECT_GT(y_valencia, 1400) << seed;
    EXPECT_LT(y_valencia, 1800) << seed;
  }
}

TEST(PvSeries, SameSeedSameSeriesOtherSeedOther) {
  const DayGrid grid = UtcYear(2025, 900);
  const PvPlant plant{.site = {39.47, -0.376, 15}, .peak_kw = 60};
  const Climate climate = MediterraneanClimate();
  const auto a = PvSeriesKw(plant, climate, grid, GenerateSky(grid, climate, 9).clear_sky_index);
  const auto b = PvSeriesKw(plant, climate, grid, GenerateSky(grid, climate, 9).clear_sky_index);
  const auto c = PvSeriesKw(plant, climate, grid, GenerateSky(grid, climate, 10).clear_sky_index);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// The measured Almería plant: 8 760 hourly values of 2023, UTC hour starts.
std::vector<double> ReadAlmeria() {
  std::ifstream in(std::string(REPARTO_SHARED_DATA) +
                   "/pv_weather/measured_PV_Almeria2023_hourly_normalized.csv");
  std::vector<double> values;
  std::string line;
  std::getline(in, line);  // time,hour_of_year,normalized_power_corrected
  while (std::getline(in, line)) values.push_back(std::stod(line.substr(line.rfind(',') + 1)));
  return values;
}

double Correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return ab / std::sqrt(aa * bb);
}

TEST(PvSeries, MatchesTheMeasuredAlmeriaPlant) {
  const std::vector<double> measured = ReadAlmeria();
  ASSERT_EQ(measured.size(), 8760U);
  const DayGrid grid = UtcYear(2023, 3600);
  // The plant: 36.931 N, 2.472 W, tilt 22°, azimuth 178°, normalised to 1 kW.
  const PvPlant plant{
      .site = {36.931, -2.472, 50}, .plane = {.tilt_deg = 22, .azimuth_deg = 178}, .peak_kw = 1};
  const Climate climate = MediterraneanClimate();
  const std::vector<double> clear_kc(measured.size(), 1.0);
  const std::vector<double> clear = PvSeriesKw(plant, climate, grid, clear_kc);
  const std::vector<double> model =
      PvSeriesKw(plant, climate, grid, GenerateSky(grid, climate, 1).clear_sky_index);

  // Mean daily profile (24 UTC hours): the same shape and timing.
  std::vector<double> day_measured(24, 0.0), day_model(24, 0.0);
  for (std::size_t t = 0; t < measured.size(); ++t) {
    day_measured[t % 24] += measured[t];
    day_model[t % 24] += model[t];
  }
  EXPECT_GT(Correlation(day_measured, day_model), 0.99);
  // Shifting the model by an hour must make it clearly worse (catches time-axis errors).
  std::vector<double> shifted(24, 0.0);
  for (std::size_t h = 0; h < 24; ++h) shifted[(h + 1) % 24] = day_model[h];
  EXPECT_LT(Correlation(day_measured, shifted), 0.97);

  // Annual energy: measured 2023 (a drought year, about 1 820 full-load hours) lies just below
  // the clear-sky model; the cloudy Mediterranean default climate yields 10-25 % less.
  const double e_measured = std::accumulate(measured.begin(), measured.end(), 0.0);
  const double e_clear = std::accumulate(clear.begin(), clear.end(), 0.0);
  const double e_model = std::accumulate(model.begin(), model.end(), 0.0);
  EXPECT_NEAR(e_measured, 1820, 10);
  EXPECT_GT(e_measured / e_clear, 0.9);
  EXPECT_LT(e_measured / e_clear, 1.02);
  EXPECT_GT(e_model / e_measured, 0.75);
  EXPECT_LT(e_model / e_measured, 0.95);
  // Capacity factors: measured 0.208, model between 0.16 and 0.20.
  EXPECT_NEAR(e_model / 8760, 0.18, 0.02);

  // Monthly energy of the clear-sky model follows the measured seasons.
  std::vector<double> month_measured(12, 0.0), month_clear(12, 0.0);
  for (std::size_t t = 0; t < measured.size(); ++t) {
    const auto m = static_cast<std::size_t>(grid.days[t / 24].date.month - 1);
    month_measured[m] += measured[t];
    month_clear[m] += clear[t];
  }
  EXPECT_GT(Correlation(month_measured, month_clear), 0.85);
  // No hour of the model exceeds the plant's capacity; the measured peak is 0.95.
  EXPECT_LE(*std::max_element(model.begin(), model.end()), 1.0);
}

}  // namespace
}  // namespace reparto::synth
