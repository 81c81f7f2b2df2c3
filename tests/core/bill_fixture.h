// Small builders for the bill tests (core/bill.h): a grid of local days, a member period of
// zeros, a 2.0TD contract, a config with Spain's taxes. Units as in core/bill.h (mWh, µ€, W).
#pragma once

#include <vector>

#include "core/bill.h"

namespace reparto::bill_test {

inline constexpr MilliWh kWh = kMilliWhPerKWh;
inline constexpr RateE10 kIee = 511'269'632;      // 5.11269632 %
inline constexpr RateE10 kVat21 = 2'100'000'000;  // 21 %
inline constexpr RateE10 kVat10 = 1'000'000'000;  // 10 %

// `n_days` local days from `first`, each of `per_day` intervals of `step` seconds (UTC starts are
// not used by the bill and are only made consistent).
inline DayGrid Days(CivilDate first, int n_days, int per_day, int step = 3600) {
  DayGrid grid;
  grid.step_seconds = step;
  for (int k = 0; k < n_days; ++k) {
    const CivilDate date = AddDays(first, k);
    grid.days.push_back({.date = date,
                         .utc_start = DaysFromCivil(date) * 86400,
                         .n_intervals = per_day,
                         .first_interval = static_cast<std::int64_t>(k) * per_day});
  }
  return grid;
}

// A period over `grid` with every energy 0, quality real, every interval in energy period P1.
inline MemberPeriod Zeros(DayGrid grid) {
  MemberPeriod p;
  const auto n = static_cast<std::size_t>(grid.interval_count());
  p.grid = std::move(grid);
  p.consumption.assign(n, 0);
  p.supplier.assign(n, 0);
  p.surplus.assign(n, 0);
  p.self_consumed.assign(n, 0);
  p.imputed.assign(n, 0);
  p.quality.assign(n, Quality::kReal);
  p.energy_period.assign(n, 1);
  return p;
}

// A 2.0TD contract with no power, no charges, fixed prices per period, no compensation.
inline SupplyContract Fixed(std::vector<MicroPrice> period_prices) {
  SupplyContract c;
  c.participant = "ES0021000000000001AA";
  c.energy.period_prices = std::move(period_prices);
  return c;
}

// 4.6 kW in both power periods at 0.084034 and 0.003585 €/kW/day; meter rental 0.026667 €/day
// (not subject to the electricity tax).
inline void AddPowerAndRental(SupplyContract& c) {
  c.power_w = {4'600, 4'600};
  c.power_price = {84'034, 3'585};
  c.charges.push_back({.name = "Meter rental", .per_day = 26'667});
}

// Electricity tax 5.11269632 % and VAT 21 % from 2020.
inline BillingConfig SpanishTaxes() {
  BillingConfig config;
  config.electricity_tax = {{.from = {2020, 1, 1}, .rate = kIee}};
  config.vat = {{.from = {2020, 1, 1}, .rate = kVat21}};
  return config;
}

}  // namespace reparto::bill_test
