// Load shapes, noise and scaling (see loads.h).
#include "synth/loads.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reparto::synth {
namespace {

constexpr double kPi = std::numbers::pi;

// Gaussian bump of height 1 centred on `center` (hours, circular over the day).
double Bump(double hour, double center, double width) {
  double d = std::fabs(hour - center);
  d = std::min(d, 24 - d);
  return std::exp(-0.5 * (d / width) * (d / width));
}

// 1 inside [from, to), 0 outside, with linear ramps of `ramp` hours centred on the edges.
double Plateau(double hour, double from, double to, double ramp = 0.5) {
  if (to <= from) return 0;
  const double up = std::clamp((hour - from) / ramp + 0.5, 0.0, 1.0);
  const double down = std::clamp((to - hour) / ramp + 0.5, 0.0, 1.0);
  return std::min(up, down);
}

// Seasonal weights in [0, 1]: heating peaks mid-January and is 0 from mid-April to mid-October;
// cooling peaks end of July and is 0 before June and after September.
double HeatingWeight(int day_of_year) {
  return std::max(0.0, std::cos(2 * kPi * (day_of_year - 15) / 365.0));
}
double CoolingWeight(int day_of_year) {
  const double x = std::max(0.0, std::cos(kPi * (day_of_year - 210) / 130.0));
  return x * x;
}
// Darker evenings: 1 at the winter solstice, 0 at the summer one.
double DarknessWeight(int day_of_year) {
  return 0.5 + 0.5 * std::cos(2 * kPi * (day_of_year - 355) / 365.0);
}

// Relative power of a home (about kW for a 3 500 kWh home) before noise and appliance cycles.
double HouseholdShape(const HouseholdTraits& home, double hour, const CalendarDay& day, bool away) {
  constexpr double kBase = 0.15;  // fridge, router, standby
  if (away) return kBase;
  const double h = hour - home.routine_shift_h;
  const double dark = DarknessWeight(day.day_of_year);
  double p = kBase;
  if (!day.IsRestDay()) {
    p += 0.45 * Bump(h, 7.5, 0.7) + 0.5 * Bump(h, 14.5, 1.0) +
         0.8 * (1 + 0.25 * dark) * Bump(h, 21.0, 1.6);
    if (home.home_by_day) p += 0.25 * Plateau(h, 10, 19, 1.5);
  } else {
    p += 0.5 * Bump(h, 10.0, 1.2) + 0.7 * Bump(h, 14.75, 1.1) +
         0.75 * (1 + 0.25 * dark) * Bump(h, 21.3, 1.6) + 0.15 * Plateau(h, 11, 19, 1.5);
  }
  if (home.electric_heating) {
    const double w = std::pow(HeatingWeight(day.day_of_year), 1.5);
    p += w * (0.6 * Bump(h, 8.0, 1.2) + 1.0 * Bump(h, 20.5, 2.5));
  }
  if (home.air_conditioning) {
    const double w = CoolingWeight(day.day_of_year);
    p += w * (0.5 * Bump(h, 16.5, 2.0) + 0.6 * Bump(h, 22.5, 1.8));
  }
  return p;
}

double ShopShape(const ShopHours& shop, double hour, const CalendarDay& day) {
  double open = 0;
  if (!day.holiday && day.weekday <= 4) {
    open = Plateau(hour, shop.open_h, shop.close_h, 0.25);
    if (shop.lunch_to_h > shop.lunch_from_h) {
      open *= 1 - Plateau(hour, shop.lunch_from_h, shop.lunch_to_h, 0.25);
    }
  } else if (!day.holiday && day.weekday == 5 && shop.saturday_close_h > shop.open_h) {
    open = Plateau(hour, shop.open_h, shop.saturday_close_h, 0.25);
  }
  double p = shop.standby + (1 - shop.standby) * open;
  p += open * (0.35 * CoolingWeight(day.day_of_year) + 0.15 * HeatingWeight(day.day_of_year));
  // Ovens on every day the shop opens, also for Saturday's bread.
  const bool opens =
      !day.holiday && (day.weekday <= 4 || (day.weekday == 5 && shop.saturday_close_h > 0));
  if (shop.bakery_ovens && opens) p += 1.5 * Plateau(hour, 5, 8, 0.5);
  return p;
}

double SchoolShape(double hour, const CalendarDay& day, int month) {
  constexpr double kBase = 0.06;  // fridges, a server, alarms, emergency lights
  if (day.IsRestDay()) return kBase;
  if (!day.school_holiday) {
    return kBase + 0.9 * Plateau(hour, 8.5, 17, 0.5) + 0.5 * Bump(hour, 13.5, 0.7) +
           0.3 * HeatingWeight(day.day_of_year) * Bump(hour, 8.5, 1.0) +
           0.3 * Plateau(hour, 17, 18.5, 0.5);
  }
  // Staff without pupils: late June, July and early September; nobody in August or at Christmas.
  double staff = 0;
  if (month == 6 || month == 9) staff = 0.35;
  if (month == 7) staff = 0.2;
  return kBase + staff * Plateau(hour, 9, 14, 0.5);
}

double OfficeShape(double hour, const CalendarDay& day, int month) {
  constexpr double kBase = 0.2;  // servers, network, fridge
  if (day.IsRestDay()) return kBase;
  const bool summer_hours = month == 7 || month == 8;  // "jornada intensiva" 8 to 15
  const double at_work = Plateau(hour, 8, summer_hours ? 15 : 18.5, 0.5);
  const double hvac = 0.4 * (CoolingWeight(day.day_of_year) + 0.6 * HeatingWeight(day.day_of_year));
  return kBase + (month == 8 ? 0.6 : 1.0) * at_work * (0.8 + hvac);
}

// Noise of each kind: log-normal AR(1) spread and quarter-hour autocorrelation.
struct NoiseParams {
  double sigma;
  double lag1_15min;
};
NoiseParams NoiseOf(LoadKind kind) {
  switch (kind) {
    case LoadKind::kHousehold:
      return {0.30, 0.7};
    case LoadKind::kShop:
      return {0.12, 0.8};
    case LoadKind::kSchool:
    case LoadKind::kOffice:
      return {0.10, 0.85};
  }
  return {0.1, 0.8};
}

}  // namespace

HouseholdTraits DrawHouseholdTraits(Rng& rng) {
  HouseholdTraits home;
  home.electric_heating = rng.Bernoulli(0.30);
  home.air_conditioning = rng.Bernoulli(0.65);
  home.home_by_day = rng.Bernoulli(0.25);
  home.routine_shift_h = rng.Uniform(-0.5, 0.5);
  home.august_holiday_start = rng.Bernoulli(0.6) ? 1 + static_cast<int>(rng.Below(17)) : 0;
  return home;
}

std::vector<double> LoadSeriesKw(const LoadSpec& spec, const DayGrid& grid,
                                 const LocalCalendar& calendar, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(grid.interval_count());
  std::vector<double> kw(n, 0.0);
  if (grid.days.empty() || calendar.hour.size() != n) return kw;
  Rng rng(seed, spec.stream);
  const double step_h = grid.step_seconds / 3600.0;
  const NoiseParams noise = NoiseOf(spec.kind);
  const double phi = std::pow(noise.lag1_15min, grid.step_seconds / 900.0);
  const double innovation = std::sqrt(1 - phi * phi);
  double ar = 0;
  // Appliance cycles of homes (washing machine, dishwasher, oven): power left to run, and steps.
  double cycle_kw = 0;
  double cycle_steps_left = 0;

  for (std::size_t d = 0; d < grid.days.size(); ++d) {
    const LocalDay& day = grid.days[d];
    const CalendarDay& info = calendar.days[d];
    const int month = day.date.month;
    const bool away = spec.kind == LoadKind::kHousehold &&
                      spec.household.august_holiday_start > 0 && month == 8 &&
                      day.date.day >= spec.household.august_holiday_start &&
                      day.date.day < spec.household.august_holiday_start + 14;
    for (int i = 0; i < day.n_intervals; ++i) {
      const auto t = static_cast<std::size_t>(day.first_interval + i);
      const double hour = calendar.hour[t];
      double shape = 0;
      switch (spec.kind) {
        case LoadKind::kHousehold:
          shape = HouseholdShape(spec.household, hour, info, away);
          break;
        case LoadKind::kShop:
          shape = ShopShape(spec.shop, hour, info);
          break;
        case LoadKind::kSchool:
          shape = SchoolShape(hour, info, month);
          break;
        case LoadKind::kOffice:
          shape = OfficeShape(hour, info, month);
          break;
      }
      ar = phi * ar + innovation * rng.Normal();
      double p = shape * std::exp(noise.sigma * ar - noise.sigma * noise.sigma / 2);
      if (spec.kind == LoadKind::kHousehold) {
        // About 1.2 cycles a day when the home is active, more where the shape is high.
        const double activity = std::clamp((shape - 0.15) / 0.6, 0.0, 2.0);
        if (cycle_steps_left <= 0 && rng.Bernoulli(0.12 * step_h * activity)) {
          cycle_kw = rng.Uniform(1.2, 2.2);
          cycle_steps_left = rng.Uniform(0.5, 1.75) / step_h;
        }
        if (cycle_steps_left > 0) {
          p += cycle_kw * std::min(1.0, cycle_steps_left);
          cycle_steps_left -= 1;
        }
      }
      kw[t] = p;
    }
  }

  // Scale to the annual target over the grid's share of the year.
  double energy_kwh = 0;
  for (double p : kw) energy_kwh += p * step_h;
  const int year = grid.days.front().date.year;
  const double year_days = IsLeapYear(year) ? 366 : 365;
  const double target_kwh = spec.annual_kwh * static_cast<double>(grid.days.size()) / year_days;
  if (energy_kwh > 0) {
    const double scale = target_kwh / energy_kwh;
    for (double& p : kw) p *= scale;
  }
  return kw;
}

}  // namespace reparto::synth
