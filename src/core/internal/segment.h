// The engine's internal view of one segment: a run of intervals during which the sharing period,
// the members and the suspensions do not change, plus the scratch memory the methods fill.
//
// Units: energies in mWh per interval; arrays indexed [participant * n + t] where n is the
// segment's interval count and t the interval inside the segment.
#pragma once

#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"

namespace reparto {

struct AllocationWorkspace {
  // Community level, [t].
  std::vector<MilliWh> pool, unallocated, consumption;
  std::vector<Quality> pool_quality, consumption_quality;
  // Participant x interval, [p * n + t].
  std::vector<MilliWh> cm, im, imputed;
  // Pairwise: imputed energy by origin, [(p * kOriginCount + o) * n + t].
  std::vector<MilliWh> imputed_by_origin;
  // Pool by origin as seen from each building view, [(v * kOriginCount + o) * n + t].
  std::vector<MilliWh> pool_by_origin;
  // Cumulative-floor scratch, [t].
  std::vector<MilliWh> previous_floor;
  std::vector<Coefficient> cumulative;
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

// Fills ws.imputed (and ws.imputed_by_origin for pairwise) for every participant, and
// ws.unallocated, from ws.pool, ws.cm and ws.im, following the segment's period.
void ComputeImputed(const Community& community, const Segment& segment, AllocationWorkspace& ws);

// Shares `total` among `ws.candidates` with `ws.weights`, each capped at its `ws.needs` entry, the
// part above a cap re-shared among the others pro rata to their weights (water-filling). Writes
// each candidate's part to `ws.parts`; returns what is left when everyone is capped.
MilliWh WaterFill(MilliWh total, AllocationWorkspace& ws);

}  // namespace internal
}  // namespace reparto
