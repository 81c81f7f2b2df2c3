// MonthlyTotals: an AllocationSink that sums the engine's results per participant and per LOCAL
// calendar month, plus community totals per month. Pure core: no I/O.
//
// Units: every sum is mWh; the power demand is kept as the month's largest CM of one interval
// (mWh) and converted to an average power on request (kW = mWh x 3600 / step_seconds / 1e6).
// Months are the civil months of the grid's local days (LocalDay::date), so a day belongs to the
// month of its local date even when its UTC start lies in the previous month.
//
//   auto grid = MakeDayGrid(zone, {2024, 1, 1}, {2025, 1, 1}, 900);
//   MonthlyTotals totals(static_cast<int>(community.participants.size()), *grid);
//   allocator->AllocateAll(readings, totals);
//   const ParticipantMonth& jan = totals.participant(0, 0);
//   MilliWh consumed = jan.sum(Quantity::kCm);
//   double demand_kw = totals.MaxDemandKw(jan);
//
// Quality: the engine gives a number for every cell ("computed with what is known", spec
// allocation.md §2/§3) and a quality per interval. Every computed value is summed whatever its
// quality; the intervals are also counted by quality so that a report can flag a month holding
// estimated or missing intervals. Runs of a participant that is not a member
// (ParticipantRun::member false) are ignored entirely: they add nothing, not even to the interval
// counts.
//
// Speed: this is the sink of the full-year benchmark. All storage is sized in the constructor;
// Consume does no allocation and no lookup beyond one array index per month touched. A run inside
// one month (always, for day runs) is summed from the engine's run totals alone (TotalsOnly), so
// the engine need not write the arrays; a run across months is summed from the arrays, month by
// month. Not thread-safe: feed it from one thread (or merge several).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/energy.h"
#include "core/time.h"

namespace reparto {

// The summed quantities of spec/allocation.md §2, in the column order of the output files.
enum class Quantity : std::uint8_t {
  kCr = 0,
  kIr,
  kCm,
  kIm,
  kImputed,
  kSelfConsumed,
  kSupplier,
  kSurplus,
  kShared,
  kScInternal,  // self-consumed by origin, in Origin order
  kScLV,
  kScMV,
  kScHV,
  kScEHV,
};
inline constexpr int kQuantityCount = 14;

// One participant's totals over one month. Sums in mWh.
struct ParticipantMonth {
  std::array<MilliWh, kQuantityCount> sums{};
  MilliWh max_cm = 0;  // largest CM of one interval (mWh); 0 when no interval
  std::array<std::int64_t, kQualityCount> quality_counts{};  // indexed by Quality

  MilliWh sum(Quantity q) const { return sums[static_cast<int>(q)]; }
  std::int64_t count(Quality q) const { return quality_counts[static_cast<int>(q)]; }
  // Intervals in which the participant was a member.
  std::int64_t intervals() const {
    return quality_counts[0] + quality_counts[1] + quality_counts[2];
  }
};

// The community's totals over one month (from PoolRun). Sums in mWh.
struct CommunityMonth {
  MilliWh pool = 0;             // Σ shared energy of sources
  MilliWh unallocated = 0;      // pool − Σ imputed
  MilliWh consumption = 0;      // Σ CM of members
  MilliWh max_consumption = 0;  // largest Σ CM of one interval (mWh): the community's demand
  std::array<std::int64_t, kQualityCount> quality_counts{};  // pool quality, by Quality

  std::int64_t count(Quality q) const { return quality_counts[static_cast<int>(q)]; }
  // Intervals of the month that the engine allocated.
  std::int64_t intervals() const {
    return quality_counts[0] + quality_counts[1] + quality_counts[2];
  }
};

class MonthlyTotals final : public AllocationSink {
 public:
  // Sizes everything for `n_participants` over `grid` (copied: the months and step are kept).
  MonthlyTotals(int n_participants, const DayGrid& grid);

  void BeginRun(std::int64_t first_interval, int n_intervals) override;
  // A run inside one month needs only the engine's run totals.
  bool TotalsOnly() const override { return segments_.size() == 1; }
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun& pool) override;

  int participant_count() const { return n_participants_; }
  int month_count() const { return static_cast<int>(months_.size()); }
  int step_seconds() const { return step_seconds_; }
  // The local month `m` (0-based, in grid order) as a date with day = 1.
  CivilDate month(int m) const { return months_[m]; }
  // First grid interval of month `m`, and one past its last.
  std::int64_t month_begin(int m) const { return month_first_interval_[m]; }
  std::int64_t month_end(int m) const { return month_first_interval_[m + 1]; }

  const ParticipantMonth& participant(int p, int m) const {
    // Month-major, so that the participants of a run are consecutive in memory.
    return participants_[static_cast<std::size_t>(m) * n_participants_ + p];
  }
  const CommunityMonth& community(int m) const { return community_[m]; }
  // Σ over participants of month `m` (every quantity and count; max_cm is the largest of theirs).
  ParticipantMonth SumOfParticipants(int m) const;

  // Average power of `mwh` over one interval, in mW (exact when the step divides an hour;
  // otherwise rounded half away from zero). kW = result / 1e6.
  std::int64_t AverageMilliWatts(MilliWh mwh) const;
  // The month's power demand (spec allocation.md §2 #10): max CM as average kW.
  double MaxDemandKw(const ParticipantMonth& totals) const {
    return static_cast<double>(AverageMilliWatts(totals.max_cm)) / 1e6;
  }

 private:
  // The part of the current run inside one month.
  struct Segment {
    int month = 0;
    int offset = 0;  // first interval of the segment, relative to the run's first interval
    int length = 0;
  };
  void AddSegment(const ParticipantRun& run, const Segment& segment);

  int n_participants_;
  int step_seconds_;
  std::vector<CivilDate> months_;
  std::vector<std::int64_t> month_first_interval_;  // months_.size() + 1 entries
  std::vector<ParticipantMonth> participants_;      // [participant][month]
  std::vector<CommunityMonth> community_;
  // Segments of the run begun last (normally one); capacity reserved for every month.
  std::vector<Segment> segments_;
  std::int64_t run_first_ = 0;
  int run_length_ = 0;
};

}  // namespace reparto
