// DiagramCsvWriter: an AllocationSink writing the load diagrams of spec/formats.md §1.3, the CSV
// output of `reparto allocate`:
//
//   participant,start,cr_kwh,ir_kwh,cm_kwh,im_kwh,imputed_kwh,self_consumed_kwh,supplier_kwh,
//   surplus_kwh,shared_kwh,sc_internal_kwh,sc_lv_kwh,sc_mv_kwh,sc_hv_kwh,sc_ehv_kwh,quality
//
// (one line). One row per participant and interval, in time order then participant order: the
// engine hands over a run one participant at a time, so the run is buffered and written transposed
// at EndRun. Rows of a participant that is not a member during the run are not written.
//
// Units: energies are printed in kWh with exactly 6 decimals, exactly from the integer mWh
// (120000 mWh -> 0.120000); `start` is the interval's UTC start shown at the community's local
// offset at that instant ("2024-03-31T02:00:00+01:00"); quality is real | estimated | missing.
// docs/outputs.md describes every column.
//
//   DiagramCsvWriter writer(file, "diagram.csv", grid, *zone, ids);
//   allocator->AllocateAll(readings, writer);
//   if (Status s = writer.Finish(); !s.ok()) return s;
//
// Errors (a failed write such as a full disk, a zone offset that cannot be computed, a participant
// index without an id) are kept: the first one stops further output and is returned by Finish().
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/status.h"
#include "core/time.h"
#include "report/columns.h"
#include "report/csv_buffer.h"
#include "report/diagram_run.h"

namespace reparto {

class DiagramCsvWriter final : public AllocationSink {
 public:
  // The header line of the file (ends with '\n'), from kDiagramColumns (report/columns.h).
  static constexpr std::string_view kHeader = kCsvHeader<kDiagramColumns>;

  // Writes the header at once. `out` is not owned (null: keep the text in memory, for tests);
  // `name` names it in errors; `grid` and `zone` must outlive the writer; `participant_ids[i]` is
  // the id printed for participant i (quoted as CSV requires).
  DiagramCsvWriter(std::FILE* out, std::string name, const DayGrid& grid, const TimeZone& zone,
                   const std::vector<std::string>& participant_ids);

  void BeginRun(std::int64_t first_interval, int n_intervals) override;
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun& pool) override;

  // Writes what is buffered and flushes `out` (without closing it); returns the first error.
  Status Finish();
  const Status& status() const { return status_.ok() ? out_.status() : status_; }
  // Everything written so far when constructed with a null FILE.
  std::string_view contents() const { return out_.contents(); }

 private:
  const DayGrid& grid_;
  const TimeZone& zone_;
  std::vector<std::string> ids_;  // CSV-escaped
  CsvBuffer out_;
  Status status_;  // errors other than writing
  DiagramRun run_;
};

}  // namespace reparto
