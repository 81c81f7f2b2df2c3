// Packing the engine's results per local day: see result_collector.h.
#include "jobs/result_collector.h"

#include <algorithm>

namespace reparto::jobs {
namespace {

DayResults EmptyDay(int n) {
  DayResults day;
  day.n_intervals = n;
  for (auto* v : {&day.cr, &day.ir, &day.cm, &day.im, &day.imputed, &day.self_consumed}) {
    v->assign(n, 0);
  }
  for (auto& v : day.by_origin) v.assign(n, 0);
  day.quality.assign(n, Quality::kMissing);
  day.own_quality.assign(n, Quality::kMissing);
  return day;
}

template <typename T>
void CopyAt(const T* from, int n, std::vector<T>& to, int offset) {
  std::copy(from, from + n, to.begin() + offset);
}

}  // namespace

ResultCollector::ResultCollector(const Community& community, const DayGrid& grid)
    : community_(community), grid_(grid) {}

void ResultCollector::BeginRun(std::int64_t first_interval, int n_intervals) {
  auto day = std::lower_bound(
      grid_.days.begin(), grid_.days.end(), first_interval,
      [](const LocalDay& d, std::int64_t first) { return d.first_interval < first; });
  // The engine's runs are whole local days (Allocator::AllocateAll).
  day_ = day != grid_.days.end() && day->first_interval == first_interval &&
                 day->n_intervals == n_intervals
             ? &*day
             : nullptr;
  open_.clear();
}

void ResultCollector::Consume(const ParticipantRun& run) {
  if (!run.member || day_ == nullptr) return;
  auto [it, inserted] = open_.try_emplace(run.participant);
  DayResults& day = it->second;
  if (inserted) day = EmptyDay(day_->n_intervals);
  const int offset = static_cast<int>(run.first_interval - day_->first_interval);
  const int n = run.n_intervals;
  CopyAt(run.cr, n, day.cr, offset);
  CopyAt(run.ir, n, day.ir, offset);
  CopyAt(run.cm, n, day.cm, offset);
  CopyAt(run.im, n, day.im, offset);
  CopyAt(run.imputed, n, day.imputed, offset);
  CopyAt(run.self_consumed, n, day.self_consumed, offset);
  for (int o = 0; o < kOriginCount; ++o) {
    CopyAt(run.self_consumed_by_origin[o], n, day.by_origin[o], offset);
  }
  CopyAt(run.quality, n, day.quality, offset);
  CopyAt(run.own_quality, n, day.own_quality, offset);
}

void ResultCollector::EndRun(const PoolRun& pool) {
  if (day_ == nullptr) return;
  for (auto& [p, day] : open_) {
    participant_days_.push_back(
        StoredDay{community_.participants[p].id, day_->date, EncodeDayResults(day)});
  }
  community_days_.push_back(StoredDay{"", day_->date, EncodeDayPool(ToDayPool(pool))});
  open_.clear();
}

}  // namespace reparto::jobs
