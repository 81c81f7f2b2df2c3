// The monthly summary as an XLSX workbook: the columns and rows of the monthly CSV
// (report/monthly_csv.h, docs/outputs.md §2) in one sheet "monthly", with numbers as numbers.
//
// Units: energies kWh (shown with 3 decimals, stored to the mWh), max_demand_kw kW, ratios as
// fractions shown as percentages (empty when the denominator is 0; the same rounded value as the
// CSV), counts as whole numbers, `month` a date cell (first of the local month) shown yyyy-mm.
//
//   Status s = WriteMonthlyXlsx(community, totals, "out/monthly.xlsx");
#pragma once

#include <string>
#include <string_view>

#include "core/community.h"
#include "core/monthly_totals.h"
#include "core/status.h"
#include "export/xlsx_workbook.h"

namespace reparto {

// Adds the summary as sheet `sheet_name` to an open workbook (to combine it with other sheets).
// Errors: the community's number of participants is not the totals'; cell errors.
Status AddMonthlySheet(XlsxWorkbook& workbook, const Community& community,
                       const MonthlyTotals& totals, std::string_view sheet_name = "monthly");

// Writes a workbook holding the summary at `path`, all or nothing (see xlsx_workbook.h).
Status WriteMonthlyXlsx(const Community& community, const MonthlyTotals& totals,
                        const std::string& path);

}  // namespace reparto
