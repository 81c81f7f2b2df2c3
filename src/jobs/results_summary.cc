// Totals of stored results: see results_summary.h.
#include "jobs/results_summary.h"

#include "core/monthly_totals.h"
#include "jobs/community_context.h"
#include "jobs/results_replay.h"

namespace reparto::jobs {

Result<ResultsSummary> SummariseResults(Store& store, std::string_view community) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  auto states = store.LoadDayStates(community, kFirstPossibleDay, kLastPossibleDay);
  if (!states.ok()) return states.status();
  ResultsSummary summary;
  for (const DayState& s : *states) {
    if (s.results_revision < 0) continue;
    if (!summary.first_day) summary.first_day = s.day;
    summary.last_day = s.day;
  }
  if (!summary.first_day) return summary;
  auto grid = CommunityGrid(*context, *summary.first_day, AddDays(*summary.last_day, 1));
  if (!grid.ok()) return grid.status();
  MonthlyTotals totals(static_cast<int>(context->community.participants.size()), *grid);
  auto replay = ReplayResults(store, *context, *grid, "", totals);
  if (!replay.ok()) return replay.status();
  summary.days = replay->days_replayed;
  for (int m = 0; m < totals.month_count(); ++m) {
    summary.pool += totals.community(m).pool;
    summary.consumption += totals.community(m).consumption;
    const ParticipantMonth all = totals.SumOfParticipants(m);
    summary.self_consumed += all.sum(Quantity::kSelfConsumed);
    summary.surplus += all.sum(Quantity::kSurplus);
    summary.missing_intervals += all.count(Quality::kMissing);
  }
  return summary;
}

}  // namespace reparto::jobs
