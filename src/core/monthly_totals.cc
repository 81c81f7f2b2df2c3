// MonthlyTotals: per participant and local month sums of the allocation results (mWh), the
// month's largest interval CM (mWh) and interval counts by quality. See monthly_totals.h.
#include "core/monthly_totals.h"

#include <algorithm>
#include <cassert>

namespace reparto {
namespace {

MilliWh Sum(const MilliWh* values, int begin, int end) {
  MilliWh sum = 0;
  for (int i = begin; i < end; ++i) sum += values[i];
  return sum;
}

MilliWh Max(const MilliWh* values, int begin, int end, MilliWh start) {
  MilliWh max = start;
  for (int i = begin; i < end; ++i) max = std::max(max, values[i]);
  return max;
}

}  // namespace

MonthlyTotals::MonthlyTotals(int n_participants, const DayGrid& grid)
    : n_participants_(std::max(0, n_participants)), step_seconds_(grid.step_seconds) {
  for (const LocalDay& day : grid.days) {
    const CivilDate month{day.date.year, day.date.month, 1};
    if (months_.empty() || months_.back() != month) {
      months_.push_back(month);
      month_first_interval_.push_back(day.first_interval);
    }
  }
  month_first_interval_.push_back(grid.interval_count());
  participants_.resize(static_cast<std::size_t>(n_participants_) * months_.size());
  community_.resize(months_.size());
  segments_.reserve(months_.size());
}

void MonthlyTotals::BeginRun(std::int64_t first_interval, int n_intervals) {
  segments_.clear();
  run_first_ = first_interval;
  run_length_ = n_intervals;
  const std::int64_t run_end = first_interval + n_intervals;
  if (n_intervals <= 0 || first_interval < 0 || run_end > month_first_interval_.back()) {
    assert(n_intervals == 0 && "run outside the grid of MonthlyTotals");
    run_length_ = 0;
    return;
  }
  // The month holding the first interval: the last month starting at or before it.
  int month = static_cast<int>(std::upper_bound(month_first_interval_.begin(),
                                                month_first_interval_.end() - 1, first_interval) -
                               month_first_interval_.begin()) -
              1;
  std::int64_t at = first_interval;
  while (at < run_end) {
    const std::int64_t end = std::min(run_end, month_first_interval_[month + 1]);
    segments_.push_back(
        Segment{month, static_cast<int>(at - first_interval), static_cast<int>(end - at)});
    at = end;
    ++month;
  }
}

void MonthlyTotals::EndRun(const PoolRun& pool) {
  if (pool.first_interval != run_first_ || pool.n_intervals != run_length_) {
    assert(false && "pool run does not match the run begun");
    return;
  }
  for (const Segment& segment : segments_) {
    CommunityMonth& c = community_[segment.month];
    const int b = segment.offset;
    const int e = segment.offset + segment.length;
    c.pool += Sum(pool.pool, b, e);
    c.unallocated += Sum(pool.unallocated, b, e);
    c.consumption += Sum(pool.consumption, b, e);
    c.max_consumption = Max(pool.consumption, b, e, c.max_consumption);
    CountQualities(pool.quality + b, e - b, c.quality_counts);
  }
}

void MonthlyTotals::Consume(const ParticipantRun& run) {
  if (!run.member) return;
  if (run.participant < 0 || run.participant >= n_participants_ ||
      run.first_interval != run_first_ || run.n_intervals != run_length_) {
    assert(false && "participant run does not match the run begun or the participant count");
    return;
  }
  for (const Segment& segment : segments_) AddSegment(run, segment);
}

void MonthlyTotals::AddSegment(const ParticipantRun& run, const Segment& segment) {
  ParticipantMonth& t =
      participants_[static_cast<std::size_t>(segment.month) * n_participants_ + run.participant];
  const int b = segment.offset;
  const int e = segment.offset + segment.length;
  // The identities of the engine's results (CM = EA + EF, EI = EA + EX, CM − IM = CR − IR, ES =
  // IM or 0, Σ origins = EA) hold exactly, so only CR, IR, CM, EI, EA and all origins but the last
  // used one are summed; the rest is derived, exactly. When the run lies in one month, the
  // engine's run totals are the month's part and the arrays are not read at all.
  RunTotals sums;
  if (run.totals != nullptr && b == 0 && e == run.n_intervals) {
    sums = *run.totals;
  } else {
    const MilliWh *cr = run.cr, *ir = run.ir, *cm = run.cm, *ei = run.imputed,
                  *ea = run.self_consumed;
    for (int i = b; i < e; ++i) {
      sums.cr += cr[i];
      sums.ir += ir[i];
      sums.cm += cm[i];
      sums.imputed += ei[i];
      sums.self_consumed += ea[i];
      sums.max_cm = std::max(sums.max_cm, cm[i]);
    }
    int last_origin = -1;
    for (int o = 0; o < kOriginCount; ++o) {
      if (run.origin_mask & (1u << o)) last_origin = o;
    }
    MilliWh origins = 0;
    for (int o = 0; o < last_origin; ++o) {
      if (!(run.origin_mask & (1u << o))) continue;
      sums.by_origin[o] = Sum(run.self_consumed_by_origin[o], b, e);
      origins += sums.by_origin[o];
    }
    if (last_origin >= 0) sums.by_origin[last_origin] = sums.self_consumed - origins;
    CountQualities(run.quality + b, e - b, sums.quality_counts);
  }
  const MilliWh im = sums.ir - sums.cr + sums.cm;
  const MilliWh derived[] = {sums.cr,
                             sums.ir,
                             sums.cm,
                             im,
                             sums.imputed,
                             sums.self_consumed,
                             sums.cm - sums.self_consumed,
                             sums.imputed - sums.self_consumed,
                             run.shares ? im : 0};
  for (int q = 0; q < 9; ++q) t.sums[q] += derived[q];
  for (int o = 0; o < kOriginCount; ++o) {
    t.sums[static_cast<int>(Quantity::kScInternal) + o] += sums.by_origin[o];
  }
  t.max_cm = std::max(t.max_cm, sums.max_cm);
  for (int q = 0; q < kQualityCount; ++q) t.quality_counts[q] += sums.quality_counts[q];
}

ParticipantMonth MonthlyTotals::SumOfParticipants(int m) const {
  ParticipantMonth total;
  for (int p = 0; p < n_participants_; ++p) {
    const ParticipantMonth& one = participant(p, m);
    for (int q = 0; q < kQuantityCount; ++q) total.sums[q] += one.sums[q];
    for (int q = 0; q < kQualityCount; ++q) total.quality_counts[q] += one.quality_counts[q];
    total.max_cm = std::max(total.max_cm, one.max_cm);
  }
  return total;
}

std::int64_t MonthlyTotals::AverageMilliWatts(MilliWh mwh) const {
  if (step_seconds_ <= 0) return 0;
  const std::int64_t scaled = mwh * 3600;
  if (scaled % step_seconds_ == 0) return scaled / step_seconds_;
  // Round half away from zero.
  const std::int64_t half = step_seconds_ / 2;
  return scaled >= 0 ? (scaled + half) / step_seconds_ : (scaled - half) / step_seconds_;
}

}  // namespace reparto
