// The monthly summary as an XLSX sheet, row for row and column for column the monthly CSV (see
// monthly_xlsx.h).
#include "export/monthly_xlsx.h"

#include "export/xlsx_table.h"
#include "report/columns.h"
#include "report/csv_buffer.h"
#include "report/monthly_rows.h"

namespace reparto {
namespace {

// Numerator over denominator as the CSV prints it; an empty cell when the denominator is 0.
void RatioCell(XlsxSheet& sheet, MilliWh num, MilliWh den, XlsxFormat format) {
  if (den == 0) {
    sheet.Skip();
  } else {
    sheet.Number(MicrosValue(RatioMicros(num, den)), format);
  }
}

void Row(XlsxSheet& sheet, const XlsxTableFormats& formats, const std::vector<std::string>& ids,
         const MonthlyRow& row) {
  static_assert(kMonthlyColumns.size() == 2 + kQuantityCount + 8);
  sheet.NextRow();
  ParticipantCell(sheet, ids, row.participant);
  sheet.Date(row.month, formats.month);
  for (MilliWh sum : row.sums) sheet.Number(KwhValue(sum), formats.kwh);
  sheet.Number(MicrosValue(row.max_demand_mw), formats.kw);
  const MilliWh self_consumed = row.sum(Quantity::kSelfConsumed);
  RatioCell(sheet, self_consumed, row.self_consumption_den, formats.ratio);
  RatioCell(sheet, self_consumed, row.sum(Quantity::kCm), formats.ratio);
  sheet.Integer(row.intervals);
  sheet.Integer(row.estimated_intervals);
  sheet.Integer(row.missing_intervals);
  if (row.community()) {
    sheet.Number(KwhValue(row.pool), formats.kwh);
    sheet.Number(KwhValue(row.unallocated), formats.kwh);
  }
}

}  // namespace

Status AddMonthlySheet(XlsxWorkbook& workbook, const Community& community,
                       const MonthlyTotals& totals, std::string_view sheet_name) {
  if (community.participants.size() != static_cast<std::size_t>(totals.participant_count())) {
    return Status::Error(workbook.path() +
                         ": monthly summary: " + std::to_string(community.participants.size()) +
                         " participants in the community, " +
                         std::to_string(totals.participant_count()) + " in the totals");
  }
  const XlsxTableFormats formats = XlsxTableFormats::Register(workbook);
  auto sheet = AddTableSheet(workbook, sheet_name, kMonthlyColumns);
  if (!sheet.ok()) return sheet.status();
  const std::vector<std::string> ids = ParticipantIds(community);
  for (const MonthlyRow& row : MonthlyRows(totals)) Row(**sheet, formats, ids, row);
  return workbook.status();
}

Status WriteMonthlyXlsx(const Community& community, const MonthlyTotals& totals,
                        const std::string& path) {
  return WriteXlsx(
      path, [&](XlsxWorkbook& workbook) { return AddMonthlySheet(workbook, community, totals); });
}

}  // namespace reparto
