// Default Mediterranean climate and the temperature and turbidity curves (see climate.h).
#include "synth/climate.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reparto::synth {
namespace {

// cos of the phase of `day_of_year` relative to `peak_day` over a 365-day cycle (1 at the peak).
double SeasonalCosine(int day_of_year, int peak_day) {
  return std::cos(2 * std::numbers::pi * (day_of_year - peak_day) / 365.0);
}

}  // namespace

Climate MediterraneanClimate() {
  Climate c;
  // Shares of clear / partly cloudy / overcast days per month. Chosen so that the yearly mean
  // clear-sky index is about 0.78 and summer about 0.9, as in PVGIS-SARAH for Valencia and Madrid
  // (annual GHI about 1 750 kWh/m² against a clear-sky 2 250).
  c.sky_share = {{
      {0.52, 0.28, 0.20},  // Jan
      {0.50, 0.30, 0.20},  // Feb
      {0.48, 0.32, 0.20},  // Mar
      {0.42, 0.38, 0.20},  // Apr
      {0.50, 0.37, 0.13},  // May
      {0.66, 0.28, 0.06},  // Jun
      {0.80, 0.18, 0.02},  // Jul
      {0.75, 0.22, 0.03},  // Aug
      {0.60, 0.32, 0.08},  // Sep
      {0.50, 0.32, 0.18},  // Oct
      {0.48, 0.30, 0.22},  // Nov
      {0.50, 0.28, 0.22},  // Dec
  }};
  c.persistence = 0.5;
  c.fluctuation = {{
      {.mean = 0.98, .sd = 0.03, .lag1_15min = 0.90},  // clear: thin haze only
      {.mean = 0.75, .sd = 0.20, .lag1_15min = 0.65},  // broken clouds passing
      {.mean = 0.35, .sd = 0.12, .lag1_15min = 0.85},  // overcast, some brighter spells
  }};
  return c;
}

double AirTemperatureC(const Climate& climate, int day_of_year, double solar_hour,
                       double clear_sky_index) {
  const double daily_mean =
      climate.mean_temperature_c +
      climate.seasonal_amplitude_c * SeasonalCosine(day_of_year, climate.warmest_day);
  const double swing =
      climate.diurnal_amplitude_c * (0.5 + 0.5 * std::clamp(clear_sky_index, 0.0, 1.0));
  // Warmest at 15 h, coldest at 3 h on this cosine; close enough to the real 6 h minimum.
  return daily_mean + swing * std::cos(2 * std::numbers::pi * (solar_hour - 15) / 24);
}

double LinkeTurbidity(const Climate& climate, int day_of_year) {
  const double mid = (climate.linke_winter + climate.linke_summer) / 2;
  const double half = (climate.linke_summer - climate.linke_winter) / 2;
  return mid + half * SeasonalCosine(day_of_year, climate.warmest_day);
}

}  // namespace reparto::synth
