// The XLSX shape of a report column list (report/columns.h): a sheet whose header is the list's
// names, with one number format per column kind, so that an XLSX table has the columns of its CSV
// twin in the same order. The one difference: an instant column (the diagram's `start`) becomes
// two, a local date-time cell and a `utc_offset` text cell ("+01:00"), so that the repeated hour
// of a DST change stays unambiguous while the date-time stays a real, sortable date.
//
// Units (what the cells hold): kWh and kW as numbers shown with 3 decimals, ratios as fractions
// shown as percentages, euros with 2 decimals, months as the date of their first day shown as
// yyyy-mm, local date-times shown as yyyy-mm-dd hh:mm.
//
//   XlsxTableFormats formats = XlsxTableFormats::Register(book);
//   auto sheet = AddTableSheet(book, "monthly", kMonthlyColumns);
//   (*sheet)->Number(KwhValue(mwh), formats.kwh);
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/energy.h"
#include "core/status.h"
#include "export/xlsx_workbook.h"
#include "report/columns.h"

namespace reparto {

// The header of the column after an instant column.
inline constexpr std::string_view kUtcOffsetColumn = "utc_offset";

struct XlsxTableFormats {
  XlsxFormat kwh, kw, ratio, euro, local_time, month;
  static XlsxTableFormats Register(XlsxWorkbook& workbook);
};

// Adds a sheet with the header of `columns`, the first column (the participant) frozen.
Result<XlsxSheet*> AddTableSheet(XlsxWorkbook& workbook, std::string_view name,
                                 std::span<const Column> columns);

// mWh as kWh, mW as kW, millionths as a fraction, cents as euros.
inline double KwhValue(MilliWh mwh) { return static_cast<double>(mwh) / 1e6; }
inline double MicrosValue(std::int64_t micros) { return static_cast<double>(micros) / 1e6; }
inline double EuroValue(std::int64_t cents) { return static_cast<double>(cents) / 100; }

// The participants' ids in community order.
std::vector<std::string> ParticipantIds(const Community& community);

// The participant column: the id of participant `index`, or kCommunityRowId for -1.
void ParticipantCell(XlsxSheet& sheet, const std::vector<std::string>& ids, int index);

}  // namespace reparto
