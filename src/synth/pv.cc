// PV power model and series (see pv.h).
#include "synth/pv.h"

#include <algorithm>

namespace reparto::synth {

double PvPowerKw(const PvPlant& plant, double poa_w_m2, double air_temperature_c) {
  if (poa_w_m2 <= 0) return 0;
  const double cell_c = air_temperature_c + (plant.noct_c - 20) / 800 * poa_w_m2;
  const double dc_kw =
      plant.peak_kw * poa_w_m2 / 1000 * (1 + plant.temperature_coefficient * (cell_c - 25));
  double ac_kw = std::max(0.0, dc_kw * plant.system_efficiency);
  if (plant.inverter_kw > 0) ac_kw = std::min(ac_kw, plant.inverter_kw);
  return ac_kw;
}

std::vector<double> PvSeriesKw(const PvPlant& plant, const Climate& climate, const DayGrid& grid,
                               std::span<const double> clear_sky_index) {
  std::vector<double> kw(static_cast<std::size_t>(grid.interval_count()), 0.0);
  const int half_step = grid.step_seconds / 2;
  for (const LocalDay& day : grid.days) {
    const int day_of_year =
        static_cast<int>(DaysFromCivil(day.date) - DaysFromCivil({day.date.year, 1, 1})) + 1;
    const double linke = LinkeTurbidity(climate, day_of_year);
    for (int i = 0; i < day.n_intervals; ++i) {
      const auto t = static_cast<std::size_t>(day.first_interval + i);
      const UtcSeconds mid =
          day.utc_start + static_cast<UtcSeconds>(i) * grid.step_seconds + half_step;
      const SunPosition sun = SolarPosition(plant.site, mid);
      if (sun.cos_zenith <= 0) continue;
      const double sky = t < clear_sky_index.size() ? clear_sky_index[t] : 1.0;
      const double ghi = sky * ClearSkyGhi(sun, plant.site.altitude_m, linke);
      const double poa = PlaneOfArray(sun, SplitErbs(sun, ghi), plant.plane);
      const double solar_hour = 12 + sun.hour_angle_deg / 15;
      kw[t] = PvPowerKw(plant, poa, AirTemperatureC(climate, day_of_year, solar_hour, sky));
    }
  }
  return kw;
}

}  // namespace reparto::synth
