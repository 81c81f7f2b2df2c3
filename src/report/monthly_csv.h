// Monthly summary CSV: MonthlyTotals written one row per participant and local month, plus one
// `*community*` row per month. Layout (one line; docs/outputs.md describes every column):
//
//   participant,month,cr_kwh,ir_kwh,cm_kwh,im_kwh,imputed_kwh,self_consumed_kwh,supplier_kwh,
//   surplus_kwh,shared_kwh,sc_internal_kwh,sc_lv_kwh,sc_mv_kwh,sc_hv_kwh,sc_ehv_kwh,
//   max_demand_kw,self_consumption_ratio,self_sufficiency_ratio,intervals,estimated_intervals,
//   missing_intervals,pool_kwh,unallocated_kwh
//
// Rows go month by month (oldest first); inside a month the participants in community order, then
// the community row. A participant that was a member in no interval of a month has no row for it.
// Participant rows leave pool_kwh and unallocated_kwh empty.
//
// Units: energies kWh with exactly 6 decimals (exact from mWh); max_demand_kw is the month's
// largest interval CM as average kW (6 decimals); ratios are fractions (0.750000), empty when the
// denominator is 0; month is the local month YYYY-MM.
//
//   Status s = WriteMonthlyCsv(totals, ids, file, "monthly.csv");
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/monthly_totals.h"
#include "core/status.h"
#include "report/columns.h"

namespace reparto {

// The header line, from kMonthlyColumns (report/columns.h).
inline constexpr std::string_view kMonthlyCsvHeader = kCsvHeader<kMonthlyColumns>;

// Writes the summary to `out` (not closed; flushed) and returns the first write error, naming
// `name`. `participant_ids[i]` is the id of participant i; their number must be
// totals.participant_count().
Status WriteMonthlyCsv(const MonthlyTotals& totals, const std::vector<std::string>& participant_ids,
                       std::FILE* out, const std::string& name);

// The same text in memory.
Result<std::string> FormatMonthlyCsv(const MonthlyTotals& totals,
                                     const std::vector<std::string>& participant_ids);

}  // namespace reparto
