// Load profiles of community members: households, shops, a school and a small office, as mean
// power per interval of a grid of local days, scaled to an annual consumption.
//
// Units: power in kW; annual consumption in kWh; hours are local clock hours (from
// LocalCalendar). Each profile is a deterministic shape of the local hour, the kind of day
// (working day, Saturday, Sunday or holiday, school holidays) and the season, multiplied by
// log-normal AR(1) noise (and, for homes, appliance cycles), then scaled so that the grid's total
// energy is `annual_kwh` × (grid days / days of the first day's year): a calendar-year grid gets
// exactly `annual_kwh`.
//
//   LoadSpec home{.kind = LoadKind::kHousehold, .annual_kwh = 3200, .stream = 12};
//   home.household = DrawHouseholdTraits(rng);
//   std::vector<double> kw = LoadSeriesKw(home, grid, calendar, /*seed=*/7);
#pragma once

#include <cstdint>
#include <vector>

#include "core/time.h"
#include "synth/calendar.h"
#include "synth/random.h"

namespace reparto::synth {

enum class LoadKind : unsigned char { kHousehold, kShop, kSchool, kOffice };

struct HouseholdTraits {
  bool electric_heating = false;  // heat pump or radiators: winter mornings and evenings
  bool air_conditioning = true;   // summer afternoons and evenings
  bool home_by_day = false;       // retired or working from home: higher daytime use
  double routine_shift_h = 0;     // wakes up and dines earlier (<0) or later (>0)
  int august_holiday_start = 0;   // day of August the family leaves for two weeks; 0 = stays
};

// Random traits of one home: 30 % electric heating, 65 % air conditioning, 25 % at home by day,
// routines ±0.5 h, 60 % away two weeks in August.
[[nodiscard]] HouseholdTraits DrawHouseholdTraits(Rng& rng);

struct ShopHours {
  double open_h = 9.5;  // Monday to Friday, and Saturday morning
  double close_h = 20.5;
  double lunch_from_h = 14;  // closed for lunch [from, to); equal values: open all day
  double lunch_to_h = 17;
  double saturday_close_h = 14;  // 0: closed on Saturdays
  double standby = 0.15;         // share of the open-hours power drawn while closed (fridges)
  bool bakery_ovens = false;     // ovens from 5 to 8 in the morning
};

struct LoadSpec {
  LoadKind kind = LoadKind::kHousehold;
  double annual_kwh = 3000;
  std::uint64_t stream = 0;     // random stream: one per series
  HouseholdTraits household{};  // kHousehold only
  ShopHours shop{};             // kShop only
};

// Mean power (kW, >= 0) of every interval of `grid`. `calendar` must come from the same grid.
// Deterministic in (spec, grid, calendar, seed).
[[nodiscard]] std::vector<double> LoadSeriesKw(const LoadSpec& spec, const DayGrid& grid,
                                               const LocalCalendar& calendar, std::uint64_t seed);

}  // namespace reparto::synth
