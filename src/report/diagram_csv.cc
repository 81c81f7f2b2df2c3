// DiagramCsvWriter: load-diagram CSV (spec/formats.md §1.3), energies in kWh with 6 decimals from
// exact mWh, local-offset timestamps. See diagram_csv.h.
#include "report/diagram_csv.h"

#include <algorithm>

namespace reparto {

DiagramCsvWriter::DiagramCsvWriter(std::FILE* out, std::string name, const DayGrid& grid,
                                   const TimeZone& zone,
                                   const std::vector<std::string>& participant_ids)
    : grid_(grid), zone_(zone), out_(out, std::move(name)) {
  ids_.reserve(participant_ids.size());
  for (const std::string& id : participant_ids) ids_.push_back(CsvBuffer::EscapeField(id));
  out_.Append(kHeader);
}

void DiagramCsvWriter::BeginRun(std::int64_t first_interval, int n_intervals) {
  run_first_ = first_interval;
  run_length_ = std::max(0, n_intervals);
  slot_participant_.clear();
  values_.clear();
  qualities_.clear();
  own_missing_.clear();
}

void DiagramCsvWriter::Consume(const ParticipantRun& run) {
  if (!run.member || !status_.ok()) return;
  if (run.participant < 0 || static_cast<std::size_t>(run.participant) >= ids_.size()) {
    status_ = Status::Error("diagram: participant index " + std::to_string(run.participant) +
                            " has no id (" + std::to_string(ids_.size()) + " participants)");
    return;
  }
  if (run.first_interval != run_first_ || run.n_intervals != run_length_) {
    status_ =
        Status::Error("diagram: participant run [" + std::to_string(run.first_interval) + ", +" +
                      std::to_string(run.n_intervals) + ") does not match the run begun [" +
                      std::to_string(run_first_) + ", +" + std::to_string(run_length_) + ")");
    return;
  }
  const std::size_t n = static_cast<std::size_t>(run_length_);
  slot_participant_.push_back(run.participant);
  const MilliWh* fields[kFields] = {run.cr,
                                    run.ir,
                                    run.cm,
                                    run.im,
                                    run.imputed,
                                    run.self_consumed,
                                    run.supplier,
                                    run.surplus,
                                    run.shared,
                                    run.self_consumed_by_origin[0],
                                    run.self_consumed_by_origin[1],
                                    run.self_consumed_by_origin[2],
                                    run.self_consumed_by_origin[3],
                                    run.self_consumed_by_origin[4]};
  for (const MilliWh* field : fields) values_.insert(values_.end(), field, field + n);
  qualities_.insert(qualities_.end(), run.quality, run.quality + n);
  for (std::size_t t = 0; t < n; ++t) {
    own_missing_.push_back(run.own_quality != nullptr && run.own_quality[t] == Quality::kMissing);
  }
}

void DiagramCsvWriter::EndRun(const PoolRun&) {
  const std::size_t n = static_cast<std::size_t>(run_length_);
  const std::size_t slots = slot_participant_.size();
  if (slots == 0 || !status_.ok() || !out_.status().ok()) return;
  std::string start;
  for (std::size_t t = 0; t < n; ++t) {
    const UtcSeconds instant =
        grid_.utc_start() + (run_first_ + static_cast<std::int64_t>(t)) * grid_.step_seconds;
    const Result<int> offset = zone_.OffsetAt(instant);
    if (!offset.ok()) {
      status_ = offset.status().WithContext("diagram: local offset of interval " +
                                            FormatIsoInstant(instant, 0, true));
      return;
    }
    start = FormatIsoInstant(instant, *offset);
    for (std::size_t s = 0; s < slots; ++s) {
      out_.Append(ids_[static_cast<std::size_t>(slot_participant_[s])]);
      out_.Append(',');
      out_.Append(start);
      const MilliWh* values = values_.data() + s * kFields * n + t;
      // Without the participant's own reading only the imputed share is known: the other cells
      // stay empty rather than showing a zero that looks measured.
      const bool own_missing = own_missing_[s * n + t] != 0;
      for (int f = 0; f < kFields; ++f) {
        out_.Append(',');
        if (!own_missing || f == kImputedField)
          out_.AppendKwh(values[static_cast<std::size_t>(f) * n]);
      }
      out_.Append(',');
      out_.Append(QualityName(qualities_[s * n + t]));
      out_.Append('\n');
    }
  }
  slot_participant_.clear();
  own_missing_.clear();
}

Status DiagramCsvWriter::Finish() {
  Status flushed = out_.Flush();
  if (!status_.ok()) return status_;
  return flushed;
}

}  // namespace reparto
