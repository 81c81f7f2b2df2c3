// The Italian incentive as an XLSX sheet, row for row the incentive CSV (see incentive_xlsx.h).
#include "export/incentive_xlsx.h"

#include "export/xlsx_table.h"
#include "report/columns.h"
#include "report/incentive_rows.h"

namespace reparto {

Status AddIncentiveSheet(XlsxWorkbook& workbook, const Community& community,
                         const ItalianIncentive& incentive, std::string_view sheet_name) {
  static_assert(kIncentiveColumns.size() == 7);
  const XlsxTableFormats formats = XlsxTableFormats::Register(workbook);
  auto sheet = AddTableSheet(workbook, sheet_name, kIncentiveColumns);
  if (!sheet.ok()) return sheet.status();
  const std::vector<std::string> ids = ParticipantIds(community);
  for (const IncentiveRow& row : IncentiveRows(incentive, ids.size())) {
    XlsxSheet& out = **sheet;
    out.NextRow();
    ParticipantCell(out, ids, row.participant);
    out.Date(row.month, formats.month);
    out.Number(KwhValue(row.values->shared), formats.kwh);
    for (std::int64_t cents : {row.values->incentive_cents, row.values->valorisation_cents,
                               row.values->retained_cents, row.values->total_cents()}) {
      out.Number(EuroValue(cents), formats.euro);
    }
  }
  return workbook.status();
}

Status WriteIncentiveXlsx(const Community& community, const ItalianIncentive& incentive,
                          const std::string& path) {
  return WriteXlsx(path, [&](XlsxWorkbook& workbook) {
    return AddIncentiveSheet(workbook, community, incentive);
  });
}

}  // namespace reparto
