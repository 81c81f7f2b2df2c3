// DiagramXlsxWriter: an AllocationSink writing the load diagrams (docs/outputs.md §1) as an XLSX
// workbook, with the columns and rows of the diagram CSV (report/diagram_csv.h): one row per
// member participant and interval, in time order then participant order.
//
// Excel holds at most 1 048 576 rows per sheet. Longer diagrams continue on further sheets,
// "diagrams", "diagrams (2)", "diagrams (3)", ..., each with the header row, cut between rows only
// (the rows of one interval may span two sheets): read the sheets in order for the whole table.
// One sheet per participant was not chosen: a thousand members would make a thousand sheets.
//
// Units and cells: `start` is a date-time cell in the community's local time, followed by
// `utc_offset` ("+01:00"), which tells the repeated hour of the autumn DST change apart; energies
// are kWh numbers (stored to the mWh, shown with 3 decimals); `quality` is text. Where the
// participant's own reading is missing, only imputed_kwh is written (as in the CSV).
//
//   auto writer = DiagramXlsxWriter::Create("out/diagrams.xlsx", community, grid, *zone);
//   if (!writer.ok()) return writer.status();
//   allocator->AllocateAll(readings, **writer);       // or through a TeeSink
//   if (Status s = (*writer)->Finish(); !s.ok()) return s;   // written and renamed here
//
// Errors (no temporary file, a zone offset that cannot be computed, a participant index without
// an id, a cell or write failure) are kept; the first one stops further output and is returned by
// Finish(), which then leaves nothing at the path. The file is large: about 50 bytes per row
// after compression (96 000 rows: 4.6 MB, 3.5 s, memory flat).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/status.h"
#include "core/time.h"
#include "export/xlsx_table.h"
#include "export/xlsx_workbook.h"
#include "report/diagram_run.h"

namespace reparto {

struct DiagramXlsxOptions {
  // Rows per sheet, header included (at least 2). Smaller values are for tests.
  std::uint32_t max_rows_per_sheet = kXlsxMaxRows;
  // Name of the first sheet; the next ones add " (2)", " (3)", ...
  std::string sheet_name = "diagrams";
};

class DiagramXlsxWriter final : public AllocationSink {
 public:
  // Creates the workbook's temporary file and the first sheet. `grid` and `zone` must outlive
  // the writer; the community gives the participants' ids (index i -> participants[i].id).
  static Result<std::unique_ptr<DiagramXlsxWriter>> Create(std::string path,
                                                           const Community& community,
                                                           const DayGrid& grid,
                                                           const TimeZone& zone,
                                                           DiagramXlsxOptions options = {});

  void BeginRun(std::int64_t first_interval, int n_intervals) override;
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun& pool) override;

  // Writes the workbook and renames it over the path; returns the first error.
  Status Finish();
  const Status& status() const { return status_.ok() ? workbook_.status() : status_; }
  // Sheets so far.
  int sheet_count() const { return sheets_; }

 private:
  DiagramXlsxWriter(XlsxWorkbook workbook, const DayGrid& grid, const TimeZone& zone,
                    std::vector<std::string> ids, DiagramXlsxOptions options);
  // The sheet to write the next row to (a new one when the current is full); null on error.
  XlsxSheet* SheetForNextRow();

  XlsxWorkbook workbook_;
  const DayGrid& grid_;
  const TimeZone& zone_;
  std::vector<std::string> ids_;
  DiagramXlsxOptions options_;
  XlsxTableFormats formats_;
  XlsxSheet* sheet_ = nullptr;
  int sheets_ = 0;
  Status status_;  // errors other than cells
  DiagramRun run_;
};

}  // namespace reparto
