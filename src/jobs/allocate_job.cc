// Allocation of stored readings: see allocate_job.h.
#include "jobs/allocate_job.h"

#include <map>

#include "core/allocation.h"
#include "core/readings.h"
#include "core/series_codec.h"
#include "jobs/community_context.h"
#include "jobs/result_collector.h"

namespace reparto::jobs {
namespace {

// Allocates the consecutive days [first, last] and stores their results.
Status AllocateChunk(Store& store, const CommunityContext& context, CivilDate first, CivilDate last,
                     const std::vector<DayState>& states) {
  const Community& community = context.community;
  auto grid = CommunityGrid(context, first, AddDays(last, 1));
  if (!grid.ok()) return grid.status();
  auto stored = store.LoadReadings(community.id, "", first, AddDays(last, 1));
  if (!stored.ok()) return stored.status();
  ReadingTable table(community.participants.size(), *grid);
  std::map<CivilDate, const LocalDay*> day_of;
  for (const LocalDay& d : grid->days) day_of[d.date] = &d;
  for (const StoredDay& row : *stored) {
    auto readings = DecodeDayReadings(row.packed);
    if (!readings.ok()) return readings.status();
    const int p = community.IndexOf(row.participant);
    const LocalDay* day = day_of.at(row.day);
    if (p < 0 || readings->n_intervals != day->n_intervals) {
      return Status::Error("stored readings of " + row.participant + " on " + FormatDate(row.day) +
                           " do not match the community");
    }
    for (int i = 0; i < day->n_intervals; ++i) {
      table.Set(static_cast<std::size_t>(p), day->first_interval + i, readings->cr[i],
                readings->cr_quality[i], readings->ir[i], readings->ir_quality[i]);
    }
  }
  auto allocator = Allocator::Create(community, *grid);
  if (!allocator.ok()) return allocator.status();
  ResultCollector collector(community, *grid);
  (*allocator)->AllocateAll(table, collector);

  auto tx = store.Begin();
  if (!tx.ok()) return tx.status();
  REPARTO_RETURN_IF_ERROR((*tx)->PutResults(community.id, collector.participant_days(),
                                            collector.community_days(), states,
                                            context.stored.revision));
  return (*tx)->Commit();
}

}  // namespace

Result<AllocateSummary> AllocateStored(Store& store, std::string_view community,
                                       const AllocateOptions& options) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  const CivilDate from = options.from.value_or(kFirstPossibleDay);
  const CivilDate to_exclusive = options.to ? AddDays(*options.to, 1) : kLastPossibleDay;
  if (!(from < to_exclusive)) return Status::Error("the period is empty (--from after --to)");
  auto states = store.LoadDayStates(community, from, to_exclusive);
  if (!states.ok()) return states.status();

  AllocateSummary summary;
  std::vector<DayState> todo;
  for (const DayState& s : *states) {
    if (!s.has_readings) continue;
    ++summary.days_with_readings;
    if (!summary.first_day) summary.first_day = s.day;
    summary.last_day = s.day;
    if (options.force || ResultsStale(s, context->stored.revision)) {
      todo.push_back(s);
    } else {
      ++summary.days_up_to_date;
    }
  }
  // Chunks of consecutive days, at most chunk_days long.
  std::size_t begin = 0;
  while (begin < todo.size()) {
    std::size_t end = begin + 1;
    while (end < todo.size() && static_cast<int>(end - begin) < options.chunk_days &&
           todo[end].day == AddDays(todo[end - 1].day, 1)) {
      ++end;
    }
    Report(options.progress, "allocating", summary.days_computed,
           static_cast<std::int64_t>(todo.size()));
    std::vector<DayState> chunk(todo.begin() + static_cast<std::ptrdiff_t>(begin),
                                todo.begin() + static_cast<std::ptrdiff_t>(end));
    REPARTO_RETURN_IF_ERROR(
        AllocateChunk(store, *context, chunk.front().day, chunk.back().day, chunk));
    summary.days_computed += static_cast<std::int64_t>(end - begin);
    begin = end;
  }
  Report(options.progress, "allocating", summary.days_computed,
         static_cast<std::int64_t>(todo.size()));
  return summary;
}

}  // namespace reparto::jobs
