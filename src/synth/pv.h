// Photovoltaic plant model: AC power from plane-of-array irradiance and cell temperature, and the
// power series of a plant over a grid of local days given the sky.
//
// Units: power in kW (AC), peak power in kWp (DC at standard test conditions, 1000 W/m² and
// 25 °C), irradiance in W/m², temperatures in °C, angles in degrees.
//
// Model: P = kWp · G_poa / 1000 · (1 + γ (T_cell − 25)) · η_system, clipped to the inverter's AC
// limit, with T_cell = T_air + (NOCT − 20) / 800 · G_poa (the NOCT model). The sun is placed at
// each interval's midpoint; irradiance = clear-sky GHI (Ineichen-Perez) × clear-sky index, split by
// Erbs and transposed with Liu-Jordan (see solar.h).
//
//   const PvPlant roof{.site = {39.47, -0.38, 15}, .plane = {.tilt_deg = 15}, .peak_kw = 60};
//   std::vector<double> kw = PvSeriesKw(roof, climate, grid, sky.clear_sky_index);
#pragma once

#include <span>
#include <vector>

#include "core/time.h"
#include "synth/climate.h"
#include "synth/solar.h"

namespace reparto::synth {

struct PvPlant {
  GeoPoint site{};
  PlaneOrientation plane{};
  double peak_kw = 10;                       // kWp (DC, STC)
  double inverter_kw = 0;                    // AC limit in kW; 0 = no limit
  double system_efficiency = 0.88;           // 1 − (wiring, soiling, mismatch, inverter) losses
  double temperature_coefficient = -0.0037;  // of power, per K (crystalline silicon)
  double noct_c = 45;                        // nominal operating cell temperature
};

// AC power (kW, >= 0) for plane-of-array irradiance `poa_w_m2` and air temperature.
[[nodiscard]] double PvPowerKw(const PvPlant& plant, double poa_w_m2, double air_temperature_c);

// Mean AC power (kW) of every interval of `grid`, given one clear-sky index per interval (e.g.
// SkySeries::clear_sky_index). Zero while the sun is down.
[[nodiscard]] std::vector<double> PvSeriesKw(const PvPlant& plant, const Climate& climate,
                                             const DayGrid& grid,
                                             std::span<const double> clear_sky_index);

}  // namespace reparto::synth
