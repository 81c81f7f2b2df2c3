// Report column lists as XLSX sheets: header, widths and number formats per column kind (see
// xlsx_table.h).
#include "export/xlsx_table.h"

#include <algorithm>
#include <vector>

namespace reparto {
namespace {

// Characters wide enough for a column's values (the header may ask for more).
double ValueWidth(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return 14;
    case ColumnKind::kInstant:
      return 17;  // 2024-03-31 02:00
    case ColumnKind::kMonth:
      return 9;
    case ColumnKind::kKwh:
    case ColumnKind::kKw:
    case ColumnKind::kEuro:
      return 12;
    case ColumnKind::kRatio:
    case ColumnKind::kCount:
      return 8;
  }
  return 10;
}

}  // namespace

XlsxTableFormats XlsxTableFormats::Register(XlsxWorkbook& workbook) {
  XlsxTableFormats formats;
  formats.kwh = workbook.NumberFormat("#,##0.000");
  formats.kw = formats.kwh;
  formats.ratio = workbook.NumberFormat("0.0%");
  formats.euro = workbook.NumberFormat("#,##0.00 \"€\"");
  formats.local_time = workbook.NumberFormat("yyyy-mm-dd hh:mm");
  formats.month = workbook.NumberFormat("yyyy-mm");
  return formats;
}

Result<XlsxSheet*> AddTableSheet(XlsxWorkbook& workbook, std::string_view name,
                                 std::span<const Column> columns) {
  std::vector<XlsxHeaderCell> header;
  for (const Column& column : columns) {
    const double width =
        std::max(ValueWidth(column.kind), static_cast<double>(column.name.size()) + 2);
    header.push_back({column.name, width});
    if (column.kind == ColumnKind::kInstant) header.push_back({kUtcOffsetColumn, 11});
  }
  return workbook.AddSheet(name, header, /*frozen_columns=*/1);
}

std::vector<std::string> ParticipantIds(const Community& community) {
  std::vector<std::string> ids;
  ids.reserve(community.participants.size());
  for (const Participant& participant : community.participants) ids.push_back(participant.id);
  return ids;
}

void ParticipantCell(XlsxSheet& sheet, const std::vector<std::string>& ids, int index) {
  sheet.Text(index < 0 ? kCommunityRowId : std::string_view(ids[static_cast<std::size_t>(index)]));
}

}  // namespace reparto
