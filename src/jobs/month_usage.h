// An AllocationSink that keeps, for every participant, the per-interval values a bill needs over
// a grid of local days (normally one month): CM, EHCR, EHEX, EA, EI, quality and membership.
// Fed by the engine or by results_replay.h; read by billing_job.h.
//
// Units: mWh per interval of the grid (interval 0 = the grid's first interval).
#pragma once

#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/time.h"

namespace reparto::jobs {

struct ParticipantUsage {
  std::vector<MilliWh> consumption;    // CM
  std::vector<MilliWh> supplier;       // EHCR
  std::vector<MilliWh> surplus;        // EHEX
  std::vector<MilliWh> self_consumed;  // EA
  std::vector<MilliWh> imputed;        // EI
  std::vector<Quality> quality;        // kMissing where no result was stored
  std::vector<std::uint8_t> member;    // 1 where the participant was a member
};

class MonthUsage final : public AllocationSink {
 public:
  MonthUsage(int participants, const DayGrid& grid);

  void BeginRun(std::int64_t, int) override {}
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun&) override {}

  const ParticipantUsage& of(int participant) const { return usage_[participant]; }
  // Σ EI of every participant over the grid (to turn a month's imputed energy into a share).
  MilliWh total_imputed() const;

 private:
  std::int64_t first_interval_;
  std::vector<ParticipantUsage> usage_;
};

}  // namespace reparto::jobs
