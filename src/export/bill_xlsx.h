// The bill table (report/bill_csv.h) as an XLSX workbook: the same columns in the same order,
// kWh and euros as numbers with formats, ratios as percentages, the month as a date.
#pragma once

#include <string>
#include <vector>

#include "report/bill_csv.h"

namespace reparto {

// Writes the workbook at `path`, all or nothing.
Status WriteBillXlsx(const std::vector<BillRow>& rows, const std::string& path);

}  // namespace reparto
