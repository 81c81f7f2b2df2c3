// Italian hourly shared energy and incentive (see italy.h).
#include "core/italy.h"

#include <algorithm>

#include "core/internal/exact_math.h"

namespace reparto {

PriceE4 IncentiveRate(double plant_kw, PriceE4 zonal_price, PriceE4 bonus) {
  PriceE4 fixed = 60 * kPriceE4PerEuro;
  PriceE4 cap = 100 * kPriceE4PerEuro;
  if (plant_kw <= 200) {
    fixed = 80 * kPriceE4PerEuro;
    cap = 120 * kPriceE4PerEuro;
  } else if (plant_kw <= 600) {
    fixed = 70 * kPriceE4PerEuro;
    cap = 110 * kPriceE4PerEuro;
  }
  const PriceE4 variable = std::max<PriceE4>(0, 180 * kPriceE4PerEuro - zonal_price);
  return std::min(cap, fixed + variable) + bonus;
}

ItalianIncentive::ItalianIncentive(const Community& community, const DayGrid& grid,
                                   std::vector<PriceE4> zonal_prices)
    : participants_(community.participants.size()),
      bonus_(static_cast<PriceE4>(community.italy.bonus_eur_per_mwh * kPriceE4PerEuro + 0.5)),
      plant_kw_(community.italy.plant_kw),
      prices_(std::move(zonal_prices)) {
  month_of_interval_.resize(static_cast<std::size_t>(grid.interval_count()));
  for (const LocalDay& day : grid.days) {
    const CivilDate month{day.date.year, day.date.month, 1};
    if (months_.empty() || months_.back() != month) months_.push_back(month);
    std::fill_n(month_of_interval_.begin() + day.first_interval, day.n_intervals,
                static_cast<int>(months_.size()) - 1);
  }
  community_.assign(months_.size(), {});
  members_.assign(participants_ * months_.size(), {});
}

void ItalianIncentive::BeginRun(std::int64_t first_interval, int n_intervals) {
  run_first_ = first_interval;
  run_n_ = n_intervals;
  run_withdrawal_.clear();
  run_members_.clear();
}

void ItalianIncentive::Consume(const ParticipantRun& run) {
  if (!run.member) return;
  run_members_.push_back(run.participant);
  run_withdrawal_.insert(run_withdrawal_.end(), run.cm, run.cm + run.n_intervals);
}

void ItalianIncentive::EndRun(const PoolRun& pool) {
  // The community's hourly shared energy and incentive.
  run_shared_.assign(static_cast<std::size_t>(run_n_), 0);
  run_incentive_.assign(static_cast<std::size_t>(run_n_), 0);
  for (int t = 0; t < run_n_; ++t) {
    const std::int64_t i = run_first_ + t;
    const MilliWh shared = std::min(pool.pool[t], pool.consumption[t]);
    const PriceE4 rate = IncentiveRate(plant_kw_, prices_[static_cast<std::size_t>(i)], bonus_);
    // mWh x (1e-4 €/MWh) = 1e-13 €; to micro-euros divide by 1e7 (floored, per hour).
    const std::int64_t micro = internal::MulDivFloor(shared, rate, 10'000'000);
    run_shared_[t] = shared;
    run_incentive_[t] = micro;
    ItalianMonth& month = community_[static_cast<std::size_t>(month_of_interval_[i])];
    month.shared += shared;
    month.incentive_micro += micro;
    Finalise(month);
  }
  // Each member's part, pro rata to its hourly withdrawal.
  const std::size_t count = run_members_.size();
  std::vector<std::int64_t> weights(count);
  std::vector<MilliWh> energy_parts(count), money_parts(count);
  for (int t = 0; t < run_n_; ++t) {
    for (std::size_t k = 0; k < count; ++k) weights[k] = run_withdrawal_[k * run_n_ + t];
    SplitByCumulativeFloor(run_shared_[t], weights, energy_parts);
    SplitByCumulativeFloor(run_incentive_[t], weights, money_parts);
    const int m = month_of_interval_[static_cast<std::size_t>(run_first_ + t)];
    for (std::size_t k = 0; k < count; ++k) {
      ItalianMonth& month =
          members_[static_cast<std::size_t>(run_members_[k]) * months_.size() + m];
      month.shared += energy_parts[k];
      month.incentive_micro += money_parts[k];
      Finalise(month);
    }
  }
}

void ItalianIncentive::Finalise(ItalianMonth& month) const {
  month.incentive_cents = (month.incentive_micro + 5'000) / 10'000;
}

}  // namespace reparto
