// DiagramXlsxWriter: load diagrams as XLSX, split into continuation sheets at Excel's row limit
// (see diagram_xlsx.h).
#include "export/diagram_xlsx.h"

#include <string_view>

#include "report/columns.h"

namespace reparto {

Result<std::unique_ptr<DiagramXlsxWriter>> DiagramXlsxWriter::Create(std::string path,
                                                                     const Community& community,
                                                                     const DayGrid& grid,
                                                                     const TimeZone& zone,
                                                                     DiagramXlsxOptions options) {
  if (options.max_rows_per_sheet < 2 || options.max_rows_per_sheet > kXlsxMaxRows) {
    return Status::Error(path + ": rows per sheet must be 2 to " + std::to_string(kXlsxMaxRows) +
                         ", not " + std::to_string(options.max_rows_per_sheet));
  }
  auto workbook = XlsxWorkbook::Create(std::move(path));
  if (!workbook.ok()) return workbook.status();
  std::unique_ptr<DiagramXlsxWriter> writer(new DiagramXlsxWriter(
      std::move(*workbook), grid, zone, ParticipantIds(community), std::move(options)));
  if (writer->SheetForNextRow() == nullptr) return writer->status();
  return writer;
}

DiagramXlsxWriter::DiagramXlsxWriter(XlsxWorkbook workbook, const DayGrid& grid,
                                     const TimeZone& zone, std::vector<std::string> ids,
                                     DiagramXlsxOptions options)
    : workbook_(std::move(workbook)),
      grid_(grid),
      zone_(zone),
      ids_(std::move(ids)),
      options_(std::move(options)),
      formats_(XlsxTableFormats::Register(workbook_)),
      run_(ids_.size()) {}

XlsxSheet* DiagramXlsxWriter::SheetForNextRow() {
  if (sheet_ != nullptr && sheet_->rows() < options_.max_rows_per_sheet) return sheet_;
  std::string name = options_.sheet_name;
  if (sheets_ > 0) name += " (" + std::to_string(sheets_ + 1) + ")";
  auto sheet = AddTableSheet(workbook_, name, kDiagramColumns);
  if (!sheet.ok()) {
    status_ = sheet.status();
    sheet_ = nullptr;
    return nullptr;
  }
  ++sheets_;
  sheet_ = *sheet;
  return sheet_;
}

void DiagramXlsxWriter::BeginRun(std::int64_t first_interval, int n_intervals) {
  run_.Begin(first_interval, n_intervals);
}

void DiagramXlsxWriter::Consume(const ParticipantRun& run) {
  if (status_.ok()) status_ = run_.Add(run);
}

void DiagramXlsxWriter::EndRun(const PoolRun&) {
  static_assert(kDiagramColumns.size() == kDiagramFirstEnergyColumn + DiagramRun::kFields + 1);
  if (run_.slots() == 0 || !status().ok()) return;
  for (std::size_t t = 0; t < run_.length(); ++t) {
    const auto start =
        StartOfInterval(grid_, zone_, run_.first_interval() + static_cast<std::int64_t>(t));
    if (!start.ok()) {
      status_ = start.status();
      return;
    }
    const std::string iso = FormatIsoInstant(start->instant, start->offset_seconds);
    const std::string_view offset = std::string_view(iso).substr(iso.size() - 6);  // "+01:00"
    for (std::size_t s = 0; s < run_.slots(); ++s) {
      XlsxSheet* sheet = SheetForNextRow();
      if (sheet == nullptr) return;
      sheet->NextRow();
      sheet->Text(ids_[static_cast<std::size_t>(run_.participant(s))]);
      sheet->LocalTime(start->instant + start->offset_seconds, formats_.local_time);
      sheet->Text(offset);
      const bool own_missing = run_.own_missing(s, t);
      for (int f = 0; f < DiagramRun::kFields; ++f) {
        if (own_missing && f != DiagramRun::kImputedField) {
          sheet->Skip();
        } else {
          sheet->Number(KwhValue(run_.value(s, f, t)), formats_.kwh);
        }
      }
      sheet->Text(QualityName(run_.quality(s, t)));
    }
  }
  run_.Clear();
}

Status DiagramXlsxWriter::Finish() {
  if (!status_.ok()) {
    workbook_.Abandon();
    return status_;
  }
  return workbook_.Close();
}

}  // namespace reparto
