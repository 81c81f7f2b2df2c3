// Feeds stored allocation results back to any AllocationSink (the CSV and XLSX writers,
// MonthlyTotals, the Italian incentive) as if the engine were running: day by day, participants in
// community order, segments cut where membership or sharing changes, then the community values.
// So every report of a fresh allocation can be made from the store without recomputing.
//
// Units: mWh; days are the community's local days.
#pragma once

#include <cstdint>
#include <string>

#include "core/allocation.h"
#include "core/store.h"
#include "jobs/community_context.h"

namespace reparto::jobs {

struct ReplaySummary {
  std::int64_t days = 0;                  // days of the grid
  std::int64_t days_replayed = 0;         // days with results
  std::int64_t days_without_results = 0;  // never allocated: left out
};

// Replays [grid's first day, last day]. `participant` empty = everyone; otherwise only that
// participant's runs are handed over (the community values still are).
Result<ReplaySummary> ReplayResults(Store& store, const CommunityContext& context,
                                    const DayGrid& grid, const std::string& participant,
                                    AllocationSink& sink);

}  // namespace reparto::jobs
