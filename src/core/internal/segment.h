// The engine's internal view of one segment: a run of intervals during which the sharing period,
// the members and the suspensions do not change, plus the scratch memory the methods fill.
//
// Units: energies in mWh per interval; arrays indexed [participant * n + t] where n is the
// segment's interval count and t the interval inside the segment.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"

namespace reparto {

struct AllocationWorkspace {
  // Community level, [t].
  std::vector<MilliWh> pool, unallocated, consumption;
  // The smallest [pool_begin, pool_end) holding every interval with a non-zero pool (the sunny
  // hours): outside it nobody is imputed anything, so the share loops skip it.
  int pool_begin = 0, pool_end = 0;
  std::vector<Quality> pool_quality, consumption_quality;
  // Participant x interval, [p * n + t].
  std::vector<MilliWh> cm, im, imputed;
  // Pairwise: imputed energy by origin, [(p * kOriginCount + o) * n + t].
  std::vector<MilliWh> imputed_by_origin;
  // Pool by origin as seen from each building view, [(v * kOriginCount + o) * n + t].
  std::vector<MilliWh> pool_by_origin;
  // Cumulative-floor scratch, [t]: the floor reached so far, the running coefficient (variable
  // tables), and the pool split as pool = whole · 10^9 + rest for the fixed path.
  std::vector<MilliWh> previous_floor;
  std::vector<Coefficient> cumulative;
  std::vector<MilliWh> pool_whole, pool_rest;
  // Variable tables: the coefficient row of every interval of the segment.
  std::vector<const std::vector<Coefficient>*> rows;
  // One participant's netting and share, [t] (the one-participant-at-a-time path).
  std::vector<MilliWh> cm_row, im_row, imputed_row;
  // One participant's narrow readings (RunInput::cr32, ir32) widened to MilliWh, [t].
  std::vector<MilliWh> cr_wide, ir_wide;
  // Origin mix of each slot (a building view, or a pairwise participant's own): for the k-th
  // origin used, the cumulative energy of origins 0..k, [(slot * kOriginCount + k) * n + t], and
  // its ratio to the total as a double (an estimate that MulDivFloorWithRatio makes exact).
  std::vector<MilliWh> origin_cumulative;
  std::vector<double> origin_ratio;
  std::vector<MilliWh> origin_total;          // [slot * n + t], at least 1
  std::vector<MilliWh> origin_largest_total;  // [slot]: the largest total of the segment
  std::vector<std::array<std::uint8_t, kOriginCount>> view_origins;  // [v]: the used origins
  std::vector<int> view_origin_count;                                // [v]: how many
  // One participant's derived quantities, [t].
  std::vector<MilliWh> self_consumed, supplier, surplus, shared, zeros;
  std::vector<MilliWh> by_origin[kOriginCount];
  std::vector<Quality> quality, own_quality, missing;
  // Water-filling scratch, one entry per candidate participant.
  std::vector<int> candidates;
  std::vector<std::int64_t> weights;
  std::vector<MilliWh> needs, parts;
};

namespace internal {

// What holds during one segment.
struct Segment {
  std::int64_t first_interval = 0;  // in the grid
  int n = 0;
  UtcSeconds utc_start = 0;
  int step_seconds = 900;
  const SharingPeriod* period = nullptr;
  std::vector<std::uint8_t> member;  // [p]
  std::vector<std::uint8_t> active;  // [p] member and not suspended
  bool no_imputation_to_net_injectors = false;
};

// True when each participant's share depends only on the pool and the participants before it
// (fixed or variable coefficients, no redistribution): the engine can then net, share and emit
// one participant at a time, never holding a participants x intervals matrix.
bool SharesOneAtATime(const Segment& segment);

// Fixed or variable coefficients without redistribution, one participant at a time: cumulative
// flooring over the participants in community order. Construct once per segment (after ws.pool is
// known), then call Impute for every participant, in order, members or not.
class CoefficientImputer {
 public:
  CoefficientImputer(const Community& community, const Segment& segment, AllocationWorkspace& ws);
  // Participant p's share of each interval into `imputed` ([t]); `im` is its net injection (the
  // Portuguese rule gives nothing to a net injector under fixed coefficients).
  void Impute(std::size_t p, const MilliWh* im, MilliWh* imputed);

  // Fixed coefficients summing to kCoefficientScale: every floor is ScaledFloor(ws.pool_whole[t],
  // ws.pool_rest[t], running, ratio_below), which a caller may compute itself (the fused path of
  // AllocateSegment) through Step instead of Impute.
  bool ScaledFixed() const { return fixed_ && total_ == kCoefficientScale; }
  struct FixedStep {
    bool shares = false;    // p has a coefficient: its share is floor − ws.previous_floor
    bool receives = false;  // active and not a producer: is imputed its share
    bool skips_net_injectors = false;  // ... except in the intervals where IM > 0
    Coefficient running = 0;           // the running sum of coefficients up to p
    double ratio_below = 0;            // running / kCoefficientScale · kBelow, for ScaledFloor
  };
  // Moves on to participant p, as Impute does (only for ScaledFixed), and says how its share
  // follows; the caller must then update ws.previous_floor when `shares`.
  FixedStep Step(std::size_t p);

 private:
  bool Receives(std::size_t p) const;

  const Community& community_;
  const Segment& segment_;
  AllocationWorkspace& ws_;
  bool fixed_;
  Coefficient total_ = 0;  // fixed: sum of the weights (kCoefficientScale once validated)
  Coefficient running_ = 0;
};

// Fills ws.imputed (and ws.imputed_by_origin for pairwise) for every participant from ws.pool,
// ws.cm and ws.im, following the segment's period.
void ComputeImputed(const Community& community, const Segment& segment, AllocationWorkspace& ws);

// What a segment needs from the allocator: the community and, for the origin split, each
// participant's building view and a representative participant of each view.
struct SegmentContext {
  const Community& community;
  const std::vector<int>& view_of;
  const std::vector<const Participant*>& view_participant;
};

// Allocates one segment: `input` holds the run's readings, the segment starting `offset`
// intervals into it. Calls sink.BeginRun, Consume for every participant, then EndRun.
void AllocateSegment(const SegmentContext& context, const RunInput& input, int offset,
                     const Segment& segment, AllocationWorkspace& ws, AllocationSink& sink);

// Shares `total` among `ws.candidates` with `ws.weights`, each capped at its `ws.needs` entry, the
// part above a cap re-shared among the others pro rata to their weights (water-filling). Writes
// each candidate's part to `ws.parts`; returns what is left when everyone is capped.
MilliWh WaterFill(MilliWh total, AllocationWorkspace& ws);

}  // namespace internal
}  // namespace reparto
