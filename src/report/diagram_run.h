// DiagramRun: one allocation run buffered for the load-diagram writers (CSV in diagram_csv.h,
// XLSX in src/export). The engine hands a run over one participant at a time, but the diagram is
// written in time order then participant order, so the run's member rows are kept here and read
// back transposed at EndRun.
//
// Units: energies mWh, in the order of kQuantityColumns (report/columns.h); instants UTC.
//
//   run.Begin(first, n);                          // AllocationSink::BeginRun
//   if (Status s = run.Add(participant_run); ...)  // AllocationSink::Consume
//   for (t...) for (slot...) run.value(slot, field, t) ...   // AllocationSink::EndRun
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/monthly_totals.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

class DiagramRun {
 public:
  static constexpr int kFields = kQuantityCount;  // energy columns
  static constexpr int kImputedField = static_cast<int>(Quantity::kImputed);

  // `n_participants`: how many participants have ids (a larger index is an error).
  explicit DiagramRun(std::size_t n_participants) : n_participants_(n_participants) {}

  void Begin(std::int64_t first_interval, int n_intervals);
  // Keeps the run of a member (a non-member's run is ignored). Errors: a participant index
  // without an id, a run that does not match the one begun.
  Status Add(const ParticipantRun& run);
  // Forgets the rows (after they were written).
  void Clear();

  std::int64_t first_interval() const { return first_; }
  std::size_t length() const { return length_; }
  // Kept member rows ("slots"), in the order they were added.
  std::size_t slots() const { return participants_.size(); }
  int participant(std::size_t slot) const { return participants_[slot]; }
  MilliWh value(std::size_t slot, int field, std::size_t t) const {
    return values_[(slot * kFields + static_cast<std::size_t>(field)) * length_ + t];
  }
  Quality quality(std::size_t slot, std::size_t t) const { return qualities_[slot * length_ + t]; }
  // The participant's own reading is missing: only the imputed share is known, the other energy
  // cells are left empty rather than showing a zero that looks measured.
  bool own_missing(std::size_t slot, std::size_t t) const {
    return own_missing_[slot * length_ + t] != 0;
  }

 private:
  std::size_t n_participants_;
  std::int64_t first_ = 0;
  std::size_t length_ = 0;
  std::vector<int> participants_;
  std::vector<MilliWh> values_;            // [slot][field][interval]
  std::vector<Quality> qualities_;         // [slot][interval]
  std::vector<std::uint8_t> own_missing_;  // [slot][interval]
};

// The UTC start of grid interval `interval` and the zone's offset (seconds) at that instant.
struct IntervalStart {
  UtcSeconds instant = 0;
  int offset_seconds = 0;
};
Result<IntervalStart> StartOfInterval(const DayGrid& grid, const TimeZone& zone,
                                      std::int64_t interval);

}  // namespace reparto
