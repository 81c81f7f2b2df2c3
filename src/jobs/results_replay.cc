// Stored results back into a sink: see results_replay.h.
#include "jobs/results_replay.h"

#include <algorithm>
#include <map>

#include "core/series_codec.h"

namespace reparto::jobs {
namespace {

// Arrays of one participant-day, with the derived quantities filled in.
struct ReplayDay {
  DayResults stored;
  std::vector<MilliWh> supplier, surplus, shared;
};

ReplayDay Derive(DayResults stored, const std::vector<char>& active, bool is_source) {
  ReplayDay day;
  const int n = stored.n_intervals;
  day.supplier.resize(n);
  day.surplus.resize(n);
  day.shared.assign(n, 0);
  for (int t = 0; t < n; ++t) {
    day.supplier[t] = stored.cm[t] - stored.self_consumed[t];
    day.surplus[t] = stored.imputed[t] - stored.self_consumed[t];
    if (is_source && active[t]) day.shared[t] = stored.im[t];
  }
  day.stored = std::move(stored);
  return day;
}

class DayReplayer {
 public:
  DayReplayer(const Community& community, const DayGrid& grid, AllocationSink& sink)
      : community_(community), grid_(grid), sink_(sink) {}

  // Hands one participant's day to the sink, one run per stretch of equal membership and sharing.
  void Participant(std::size_t p, const LocalDay& day, const DayResults* stored) {
    const int n = day.n_intervals;
    std::vector<char> member(n), active(n);
    for (int t = 0; t < n; ++t) {
      const UtcSeconds at = day.utc_start + static_cast<UtcSeconds>(t) * grid_.step_seconds;
      member[t] = community_.participants[p].IsMemberAt(at);
      active[t] = IsActiveAt(community_, p, at);
    }
    const bool is_source = community_.participants[p].IsSource();
    ReplayDay values = stored ? Derive(*stored, active, is_source) : ReplayDay{};
    if (zeros_.size() < static_cast<std::size_t>(n)) {
      zeros_.assign(n, 0);
      missing_.assign(n, Quality::kMissing);
    }
    for (int begin = 0; begin < n;) {
      int end = begin + 1;
      while (end < n && member[end] == member[begin] && active[end] == active[begin]) ++end;
      ParticipantRun run;
      run.participant = static_cast<int>(p);
      run.first_interval = day.first_interval + begin;
      run.n_intervals = end - begin;
      run.member = member[begin] && stored != nullptr;
      if (run.member) {
        const DayResults& d = values.stored;
        run.cr = d.cr.data() + begin;
        run.ir = d.ir.data() + begin;
        run.cm = d.cm.data() + begin;
        run.im = d.im.data() + begin;
        run.imputed = d.imputed.data() + begin;
        run.self_consumed = d.self_consumed.data() + begin;
        run.supplier = values.supplier.data() + begin;
        run.surplus = values.surplus.data() + begin;
        run.shared = values.shared.data() + begin;
        for (int o = 0; o < kOriginCount; ++o) {
          run.self_consumed_by_origin[o] = d.by_origin[o].data() + begin;
        }
        run.quality = d.quality.data() + begin;
        run.own_quality = d.own_quality.data() + begin;
        run.shares = is_source && active[begin];
      } else {
        run.cr = run.ir = run.cm = run.im = run.imputed = run.self_consumed = zeros_.data();
        run.supplier = run.surplus = run.shared = zeros_.data();
        for (auto& o : run.self_consumed_by_origin) o = zeros_.data();
        run.quality = run.own_quality = missing_.data();
        run.origin_mask = 0;
        run.shares = false;
      }
      sink_.Consume(run);
      begin = end;
    }
  }

 private:
  const Community& community_;
  const DayGrid& grid_;
  AllocationSink& sink_;
  std::vector<MilliWh> zeros_;
  std::vector<Quality> missing_;
};

}  // namespace

Result<ReplaySummary> ReplayResults(Store& store, const CommunityContext& context,
                                    const DayGrid& grid, const std::string& participant,
                                    AllocationSink& sink) {
  ReplaySummary summary;
  summary.days = static_cast<std::int64_t>(grid.days.size());
  if (grid.days.empty()) return summary;
  const Community& community = context.community;
  int only = -1;
  if (!participant.empty()) {
    only = community.IndexOf(participant);
    if (only < 0) {
      return Status::Error("no participant '" + participant + "' in community '" + community.id +
                           "'");
    }
  }
  const CivilDate first = grid.days.front().date;
  const CivilDate end = AddDays(grid.days.back().date, 1);
  auto pools = store.LoadCommunityResults(community.id, first, end);
  if (!pools.ok()) return pools.status();
  auto results = store.LoadResults(community.id, participant, first, end);
  if (!results.ok()) return results.status();
  std::map<CivilDate, const StoredDay*> pool_of;
  for (const StoredDay& d : *pools) pool_of[d.day] = &d;
  // Results are ordered by day: walk them alongside the grid.
  std::size_t next = 0;
  DayReplayer replayer(community, grid, sink);
  for (const LocalDay& day : grid.days) {
    auto pool_row = pool_of.find(day.date);
    std::map<int, DayResults> of_day;
    while (next < results->size() && (*results)[next].day < day.date) ++next;
    for (; next < results->size() && (*results)[next].day == day.date; ++next) {
      auto decoded = DecodeDayResults((*results)[next].packed);
      if (!decoded.ok()) return decoded.status();
      const int p = community.IndexOf((*results)[next].participant);
      if (p < 0 || decoded->n_intervals != day.n_intervals) {
        return Status::Error("stored results of " + (*results)[next].participant + " on " +
                             FormatDate(day.date) + " do not match the community");
      }
      of_day.emplace(p, std::move(*decoded));
    }
    if (pool_row == pool_of.end()) {
      ++summary.days_without_results;
      continue;
    }
    auto pool = DecodeDayPool(pool_row->second->packed);
    if (!pool.ok()) return pool.status();
    if (pool->n_intervals != day.n_intervals) {
      return Status::Error("stored community values of " + FormatDate(day.date) +
                           " do not match the community's intervals");
    }
    sink.BeginRun(day.first_interval, day.n_intervals);
    for (std::size_t p = 0; p < community.participants.size(); ++p) {
      if (only >= 0 && static_cast<int>(p) != only) continue;
      auto found = of_day.find(static_cast<int>(p));
      replayer.Participant(p, day, found == of_day.end() ? nullptr : &found->second);
    }
    PoolRun run{.first_interval = day.first_interval,
                .n_intervals = day.n_intervals,
                .pool = pool->pool.data(),
                .unallocated = pool->unallocated.data(),
                .consumption = pool->consumption.data(),
                .quality = pool->quality.data()};
    sink.EndRun(run);
    ++summary.days_replayed;
  }
  return summary;
}

}  // namespace reparto::jobs
