// The Italian incentive as an XLSX workbook: the columns and rows of the incentive CSV
// (report/incentive_csv.h, docs/outputs.md §3b) in one sheet "incentives".
//
// Units: shared_kwh kWh (shown with 3 decimals, stored to the mWh), incentive_eur euros (whole
// cents, shown with 2 decimals and €), `month` a date cell (first of the local month).
//
//   Status s = WriteIncentiveXlsx(community, incentive, "out/incentives.xlsx");
#pragma once

#include <string>
#include <string_view>

#include "core/community.h"
#include "core/italy.h"
#include "core/status.h"
#include "export/xlsx_workbook.h"

namespace reparto {

// Adds the incentive table as sheet `sheet_name` to an open workbook. `community` must be the
// one the incentive was computed for (its participants give the ids).
Status AddIncentiveSheet(XlsxWorkbook& workbook, const Community& community,
                         const ItalianIncentive& incentive,
                         std::string_view sheet_name = "incentives");

// Writes a workbook holding the incentive table at `path`, all or nothing.
Status WriteIncentiveXlsx(const Community& community, const ItalianIncentive& incentive,
                          const std::string& path);

}  // namespace reparto
