// The rows of the monthly summary, computed once for every output format (CSV in monthly_csv.h,
// XLSX in src/export): which rows exist, in which order, and the value of every column of
// kMonthlyColumns (report/columns.h).
//
// Units: energies mWh; max demand mW (kW = value / 1e6); ratios as numerator and denominator
// (printed as num / den, empty when den is 0); months are local calendar months.
//
//   for (const MonthlyRow& row : MonthlyRows(totals)) Print(row);
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/monthly_totals.h"

namespace reparto {

struct MonthlyRow {
  int participant = -1;  // participant index, or -1 for the community row (kCommunityRowId)
  CivilDate month;       // day = 1
  std::array<MilliWh, kQuantityCount> sums{};  // cr_kwh .. sc_ehv_kwh
  std::int64_t max_demand_mw = 0;              // max_demand_kw in mW
  // self_consumption_ratio = self_consumed / self_consumption_den (imputed; pool on community
  // rows); self_sufficiency_ratio = self_consumed / cm.
  MilliWh self_consumption_den = 0;
  std::int64_t intervals = 0, estimated_intervals = 0, missing_intervals = 0;
  MilliWh pool = 0, unallocated = 0;  // community rows only

  bool community() const { return participant < 0; }
  MilliWh sum(Quantity q) const { return sums[static_cast<int>(q)]; }
};

// Months oldest first; in each, the participants that were members in some interval of it, in
// community order, then the community row (when the month has allocated intervals).
std::vector<MonthlyRow> MonthlyRows(const MonthlyTotals& totals);

}  // namespace reparto
