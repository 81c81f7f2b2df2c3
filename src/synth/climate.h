// Climate parameters of a site for the generators: how often each kind of sky occurs per month,
// how the clear-sky index fluctuates within a day, air temperature and atmospheric turbidity.
//
// Units: temperatures in °C; days of year 1..366; the clear-sky index is GHI / clear-sky GHI (no
// unit); probabilities in [0, 1]. The defaults describe the Spanish Mediterranean coast and the
// central plateau well enough for demonstration data (values and sources in docs/synth.md).
//
//   const Climate climate = MediterraneanClimate();
//   double t = AirTemperatureC(climate, /*day_of_year=*/200, /*solar_hour=*/15, /*sky=*/1.0);
#pragma once

#include <array>

namespace reparto::synth {

enum class Sky : unsigned char { kClear = 0, kPartlyCloudy = 1, kOvercast = 2 };
inline constexpr int kSkyCount = 3;

// Clear-sky index within a day of one sky regime: an AR(1) process around `mean`.
struct SkyFluctuation {
  double mean = 1;
  double sd = 0;          // standard deviation of the stationary process
  double lag1_15min = 0;  // autocorrelation between consecutive quarter-hours
};

struct Climate {
  // Long-run share of days of each regime, per month (January first); each row sums to 1.
  std::array<std::array<double, kSkyCount>, 12> sky_share{};
  // Chance that a day simply repeats the previous day's regime; otherwise the regime is drawn
  // from the month's shares. Weather comes in spells; the shares stay the long-run frequencies.
  double persistence = 0.5;
  std::array<SkyFluctuation, kSkyCount> fluctuation{};
  double min_clear_sky_index = 0.05;  // thick overcast still lets some diffuse light through
  double max_clear_sky_index = 1.10;  // cloud-edge enhancement, averaged over a quarter-hour

  // Air temperature: annual mean, half the difference between the warmest and coldest days,
  // the warmest day, and half the day-night difference on a clear day (halved when overcast).
  double mean_temperature_c = 17;
  double seasonal_amplitude_c = 8;
  int warmest_day = 205;
  double diurnal_amplitude_c = 6;

  // Linke turbidity (air mass 2) for the Ineichen-Perez clear sky: low in winter, high in summer.
  double linke_winter = 2.7;
  double linke_summer = 3.7;
};

// Spanish Mediterranean climate (Valencia, Madrid, Murcia, Almería): mostly clear summers,
// changeable winters and springs.
[[nodiscard]] Climate MediterraneanClimate();

// Air temperature at local solar hour `solar_hour` (12 = solar noon) of `day_of_year`;
// `clear_sky_index` (0..1.1) scales the day-night swing (clouds damp it). A cosine warmest at
// 15 h and coldest at 3 h solar time.
[[nodiscard]] double AirTemperatureC(const Climate& climate, int day_of_year, double solar_hour,
                                     double clear_sky_index);

// Linke turbidity of `day_of_year`: a cosine between the winter and summer values, highest on
// the warmest day.
[[nodiscard]] double LinkeTurbidity(const Climate& climate, int day_of_year);

}  // namespace reparto::synth
