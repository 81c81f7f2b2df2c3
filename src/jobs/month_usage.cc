// MonthUsage (month_usage.h): copies each run's arrays into per-participant month arrays.
#include "jobs/month_usage.h"

#include <algorithm>

namespace reparto::jobs {

MonthUsage::MonthUsage(int participants, const DayGrid& grid)
    : first_interval_(grid.days.empty() ? 0 : grid.days.front().first_interval),
      usage_(static_cast<std::size_t>(participants)) {
  const auto n = static_cast<std::size_t>(grid.interval_count());
  for (auto& u : usage_) {
    for (auto* v : {&u.consumption, &u.supplier, &u.surplus, &u.self_consumed, &u.imputed}) {
      v->assign(n, 0);
    }
    u.quality.assign(n, Quality::kMissing);
    u.member.assign(n, 0);
  }
}

void MonthUsage::Consume(const ParticipantRun& run) {
  ParticipantUsage& u = usage_[static_cast<std::size_t>(run.participant)];
  const auto at = static_cast<std::size_t>(run.first_interval - first_interval_);
  const auto n = static_cast<std::size_t>(run.n_intervals);
  if (at + n > u.quality.size()) return;  // outside the grid: not ours
  if (!run.member) return;
  const auto copy = [&](const MilliWh* from, std::vector<MilliWh>& to) {
    std::copy(from, from + n, to.begin() + static_cast<std::ptrdiff_t>(at));
  };
  copy(run.cm, u.consumption);
  copy(run.supplier, u.supplier);
  copy(run.surplus, u.surplus);
  copy(run.self_consumed, u.self_consumed);
  copy(run.imputed, u.imputed);
  std::copy(run.quality, run.quality + n, u.quality.begin() + static_cast<std::ptrdiff_t>(at));
  std::fill_n(u.member.begin() + static_cast<std::ptrdiff_t>(at), n, std::uint8_t{1});
}

MilliWh MonthUsage::total_imputed() const {
  MilliWh total = 0;
  for (const auto& u : usage_) {
    for (MilliWh v : u.imputed) total += v;
  }
  return total;
}

}  // namespace reparto::jobs
