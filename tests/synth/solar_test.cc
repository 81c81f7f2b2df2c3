// Tests of solar geometry, clear sky and transposition (src/synth/solar.h) against values worked
// out by hand from astronomy, not from the code.
// Units: degrees, W/m², minutes, UTC instants.
//
// Hand-worked references (Madrid, 40.4168 N, 3.7038 W):
//   - noon elevation = 90 − latitude + declination: June solstice (δ = +23.44°) 73.02°, December
//     solstice (δ = −23.44°) 26.14°, March equinox 2024 (03:06 UTC on the 20th; δ rises about
//     0.39° a day, so +0.15° by noon) 49.73°;
//   - solar noon in UTC = 12:00 − 4 min/° × longitude − equation of time: on 2024-06-20 the
//     equation of time is −1.5 min, so 12:00 + 14.8 + 1.5 = 12:16.3 UTC;
//   - sunrise azimuth on the June solstice: cos A = sin δ / cos φ = 0.3978 / 0.7615, A = 58.5°;
//   - equation of time: +16.4 min about 3 November, −14.2 min about 11 February (almanac);
//   - extraterrestrial irradiance: 1361 / r², r = 0.98329 AU at perihelion (3 January) gives
//     1407.6 W/m², r = 1.01671 AU at aphelion (5 July) gives 1316.6 W/m².
#include "synth/solar.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace reparto::synth {
namespace {

constexpr GeoPoint kMadrid{.latitude_deg = 40.4168, .longitude_deg = -3.7038, .altitude_m = 650};

UtcSeconds At(CivilDate date, int hour, int minute = 0) {
  return DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60;
}

// Highest elevation of the UTC day and the minute it happens.
struct Noon {
  double elevation_deg = -90;
  int minute = 0;
};
Noon SolarNoon(const GeoPoint& site, CivilDate date) {
  Noon noon;
  for (int m = 0; m < 24 * 60; ++m) {
    const double e = SolarPosition(site, At(date, 0, m)).elevation_deg;
    if (e > noon.elevation_deg) noon = {e, m};
  }
  return noon;
}

TEST(SolarPosition, NoonElevationAtMadridOnSolsticesAndEquinox) {
  EXPECT_NEAR(SolarNoon(kMadrid, {2024, 6, 20}).elevation_deg, 73.02, 0.25);
  EXPECT_NEAR(SolarNoon(kMadrid, {2024, 12, 21}).elevation_deg, 26.14, 0.25);
  EXPECT_NEAR(SolarNoon(kMadrid, {2024, 3, 20}).elevation_deg, 49.73, 0.25);
}

TEST(SolarPosition, SolarNoonTimeAndAzimuth) {
  const Noon noon = SolarNoon(kMadrid, {2024, 6, 20});
  EXPECT_NEAR(noon.minute, 12 * 60 + 16, 2);
  const SunPosition sun = SolarPosition(kMadrid, At({2024, 6, 20}, 0, noon.minute));
  EXPECT_NEAR(sun.azimuth_deg, 180, 1.5);
  EXPECT_NEAR(sun.hour_angle_deg, 0, 0.5);
  // Morning: east of south; afternoon: west.
  EXPECT_LT(SolarPosition(kMadrid, At({2024, 6, 20}, 8)).azimuth_deg, 180);
  EXPECT_GT(SolarPosition(kMadrid, At({2024, 6, 20}, 16)).azimuth_deg, 180);
}

TEST(SolarPosition, SunriseAzimuthOnTheJuneSolstice) {
  for (int m = 3 * 60; m < 6 * 60; ++m) {
    const SunPosition sun = SolarPosition(kMadrid, At({2024, 6, 20}, 0, m));
    if (sun.elevation_deg >= 0) {
      EXPECT_NEAR(sun.azimuth_deg, 58.5, 0.6);
      // Geometric sunrise about 04:45 UTC (06:45 CEST).
      EXPECT_NEAR(m, 4 * 60 + 45, 5);
      return;
    }
  }
  FAIL() << "no sunrise found";
}

TEST(SolarPosition, EquationOfTimeAndDeclination) {
  EXPECT_NEAR(SolarPosition(kMadrid, At({2024, 11, 3}, 12)).equation_of_time_min, 16.4, 0.6);
  EXPECT_NEAR(SolarPosition(kMadrid, At({2024, 2, 11}, 12)).equation_of_time_min, -14.2, 0.6);
  EXPECT_NEAR(SolarPosition(kMadrid, At({2024, 6, 20}, 12)).declination_deg, 23.44, 0.15);
  EXPECT_NEAR(SolarPosition(kMadrid, At({2024, 12, 21}, 12)).declination_deg, -23.44, 0.15);
}

TEST(SolarPosition, ExtraterrestrialIrradianceFollowsTheEarthSunDistance) {
  EXPECT_NEAR(SolarPosition(kMadrid, At({2025, 1, 3}, 12)).extraterrestrial_w_m2, 1407.6, 2.5);
  EXPECT_NEAR(SolarPosition(kMadrid, At({2025, 7, 5}, 12)).extraterrestrial_w_m2, 1316.6, 2.5);
}

TEST(ClearSky, ZeroAtNightAndPlausibleAtNoon) {
  EXPECT_EQ(ClearSkyGhi(SolarPosition(kMadrid, At({2024, 6, 20}, 1)), 650, 3.5), 0);
  // By hand for zenith 17°, 650 m, TL 3.5: air mass 0.969, cg1 0.901, cg2 0.0642, fh1 0.922,
  // fh2 0.595: 0.901 × 1322 × 0.956 × exp(−0.0642 × 0.969 × 2.408) = 980 W/m².
  const SunPosition noon = SolarPosition(kMadrid, At({2024, 6, 20}, 12, 16));
  EXPECT_NEAR(ClearSkyGhi(noon, 650, 3.5), 980, 15);
  // Murkier air, less light.
  EXPECT_LT(ClearSkyGhi(noon, 650, 5), ClearSkyGhi(noon, 650, 3));
  EXPECT_NEAR(RelativeAirMass(0), 1.0, 0.001);
  EXPECT_NEAR(RelativeAirMass(60), 2.0, 0.01);
}

TEST(Erbs, DiffuseFractionBranches) {
  EXPECT_NEAR(ErbsDiffuseFraction(0.1), 1 - 0.009, 1e-12);
  // 0.9511 − 0.0802 + 1.097 − 2.07975 + 0.771 = 0.65915.
  EXPECT_NEAR(ErbsDiffuseFraction(0.5), 0.65915, 1e-4);
  EXPECT_EQ(ErbsDiffuseFraction(0.9), 0.165);
}

TEST(Transposition, TiltedPlaneGainsInWinterAndSplitAddsUp) {
  const SunPosition winter_noon = SolarPosition(kMadrid, At({2024, 12, 21}, 12, 15));
  const double ghi = ClearSkyGhi(winter_noon, 650, 2.7);
  const Irradiance split = SplitErbs(winter_noon, ghi);
  EXPECT_NEAR(split.dhi + split.dni * winter_noon.cos_zenith, ghi, 1e-9);
  const double horizontal = PlaneOfArray(winter_noon, split, {.tilt_deg = 0});
  const double tilted = PlaneOfArray(winter_noon, split, {.tilt_deg = 40});
  EXPECT_NEAR(horizontal, ghi, 1e-9);
  EXPECT_GT(tilted, 1.5 * horizontal);  // low winter sun: a steep plane catches far more
  // A north-facing plane sees only diffuse light at noon.
  EXPECT_LT(PlaneOfArray(winter_noon, split, {.tilt_deg = 40, .azimuth_deg = 0}), split.dhi);
}

}  // namespace
}  // namespace reparto::synth
