// An AllocationSink that packs the engine's results one local day at a time for the store: one
// DayResults per participant that was a member for at least part of the day (segments of a day
// cut by a membership change are put together; the part outside membership stays zero and
// missing), and one DayPool per day.
//
// Units: mWh, as the engine gives them.
#pragma once

#include <map>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/series_codec.h"
#include "core/store.h"
#include "core/time.h"

namespace reparto::jobs {

class ResultCollector final : public AllocationSink {
 public:
  ResultCollector(const Community& community, const DayGrid& grid);

  void BeginRun(std::int64_t first_interval, int n_intervals) override;
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun& pool) override;

  // Packed rows collected so far.
  std::vector<StoredDay>& participant_days() { return participant_days_; }
  std::vector<StoredDay>& community_days() { return community_days_; }

 private:
  const Community& community_;
  const DayGrid& grid_;
  const LocalDay* day_ = nullptr;
  std::map<int, DayResults> open_;  // participants of the current day
  std::vector<StoredDay> participant_days_;
  std::vector<StoredDay> community_days_;
};

}  // namespace reparto::jobs
