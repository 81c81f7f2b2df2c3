// DiagramRun: a run of the engine kept for the load-diagram writers (see diagram_run.h).
#include "report/diagram_run.h"

#include <algorithm>
#include <string>

namespace reparto {

void DiagramRun::Begin(std::int64_t first_interval, int n_intervals) {
  first_ = first_interval;
  length_ = static_cast<std::size_t>(std::max(0, n_intervals));
  Clear();
}

void DiagramRun::Clear() {
  participants_.clear();
  own_missing_.clear();
  values_.clear();
  qualities_.clear();
}

Status DiagramRun::Add(const ParticipantRun& run) {
  if (!run.member) return Status::Ok();
  if (run.participant < 0 || static_cast<std::size_t>(run.participant) >= n_participants_) {
    return Status::Error("diagram: participant index " + std::to_string(run.participant) +
                         " has no id (" + std::to_string(n_participants_) + " participants)");
  }
  if (run.first_interval != first_ || run.n_intervals < 0 ||
      static_cast<std::size_t>(run.n_intervals) != length_) {
    return Status::Error("diagram: participant run [" + std::to_string(run.first_interval) + ", +" +
                         std::to_string(run.n_intervals) + ") does not match the run begun [" +
                         std::to_string(first_) + ", +" + std::to_string(length_) + ")");
  }
  const std::size_t n = length_;
  participants_.push_back(run.participant);
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
  return Status::Ok();
}

Result<IntervalStart> StartOfInterval(const DayGrid& grid, const TimeZone& zone,
                                      std::int64_t interval) {
  const UtcSeconds instant = grid.utc_start() + interval * grid.step_seconds;
  const Result<int> offset = zone.OffsetAt(instant);
  if (!offset.ok()) {
    return offset.status().WithContext("diagram: local offset of interval " +
                                       FormatIsoInstant(instant, 0, true));
  }
  return IntervalStart{instant, *offset};
}

}  // namespace reparto
