// DiagramCsvWriter: load-diagram CSV (spec/formats.md §1.3), energies in kWh with 6 decimals from
// exact mWh, local-offset timestamps. See diagram_csv.h.
#include "report/diagram_csv.h"

namespace reparto {

DiagramCsvWriter::DiagramCsvWriter(std::FILE* out, std::string name, const DayGrid& grid,
                                   const TimeZone& zone,
                                   const std::vector<std::string>& participant_ids)
    : grid_(grid), zone_(zone), out_(out, std::move(name)), run_(participant_ids.size()) {
  ids_.reserve(participant_ids.size());
  for (const std::string& id : participant_ids) ids_.push_back(CsvBuffer::EscapeField(id));
  out_.Append(kHeader);
}

void DiagramCsvWriter::BeginRun(std::int64_t first_interval, int n_intervals) {
  run_.Begin(first_interval, n_intervals);
}

void DiagramCsvWriter::Consume(const ParticipantRun& run) {
  if (status_.ok()) status_ = run_.Add(run);
}

void DiagramCsvWriter::EndRun(const PoolRun&) {
  const std::size_t n = run_.length();
  const std::size_t slots = run_.slots();
  if (slots == 0 || !status_.ok() || !out_.status().ok()) return;
  std::string start;
  for (std::size_t t = 0; t < n; ++t) {
    const auto interval =
        StartOfInterval(grid_, zone_, run_.first_interval() + static_cast<std::int64_t>(t));
    if (!interval.ok()) {
      status_ = interval.status();
      return;
    }
    start = FormatIsoInstant(interval->instant, interval->offset_seconds);
    for (std::size_t s = 0; s < slots; ++s) {
      out_.Append(ids_[static_cast<std::size_t>(run_.participant(s))]);
      out_.Append(',');
      out_.Append(start);
      const bool own_missing = run_.own_missing(s, t);
      for (int f = 0; f < DiagramRun::kFields; ++f) {
        out_.Append(',');
        if (!own_missing || f == DiagramRun::kImputedField) out_.AppendKwh(run_.value(s, f, t));
      }
      out_.Append(',');
      out_.Append(QualityName(run_.quality(s, t)));
      out_.Append('\n');
    }
  }
  run_.Clear();
}

Status DiagramCsvWriter::Finish() {
  Status flushed = out_.Flush();
  if (!status_.ok()) return status_;
  return flushed;
}

}  // namespace reparto
