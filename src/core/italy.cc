// Italian hourly shared energy and incentive (see italy.h).
#include "core/italy.h"

#include <algorithm>

#include "core/internal/exact_math.h"
#include "core/split.h"

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

std::string_view ItalianSplitName(ItalianSplit split) {
  return split == ItalianSplit::kEqual ? "equal" : "withdrawal";
}

std::int64_t HourlyValorisationMicro(MilliWh shared, PriceE4 zonal_price,
                                     const ItalianTerms& terms) {
  if (shared <= 0) return 0;
  // In 1e-4 €/MWh × 1e10: the CUAf (µ€/kWh = 10 × 1e-4 €/MWh) and the losses share of Pz. Times
  // mWh, that is 1e-13 € × 1e10, so micro-euros are the product / 1e17.
  const std::int64_t rate = terms.valorisation * 10 * kRateScale +
                            std::max<PriceE4>(0, zonal_price) * terms.avoided_losses;
  if (rate <= 0) return 0;
  return internal::MulDivFloor(shared, rate, 100'000'000'000'000'000);
}

namespace {

// The community's retained part of an hour's amount (floored), to be taken off before the split.
std::int64_t RetainedPart(std::int64_t amount, RateE10 retained) {
  if (amount <= 0 || retained <= 0) return 0;
  return internal::MulDivFloor(amount, retained, kRateScale);
}

}  // namespace

ItalianIncentive::ItalianIncentive(const Community& community, const DayGrid& grid,
                                   std::vector<PriceE4> zonal_prices,
                                   const ItalianTermsOfMonth& terms)
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
  for (const CivilDate& month : months_) terms_.push_back(terms ? terms(month) : ItalianTerms{});
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
  const auto n = static_cast<std::size_t>(run_n_);
  run_shared_.assign(n, 0);
  run_incentive_.assign(n, 0);
  run_valorisation_.assign(n, 0);
  for (int t = 0; t < run_n_; ++t) {
    const std::int64_t i = run_first_ + t;
    const MilliWh shared = std::min(pool.pool[t], pool.consumption[t]);
    const PriceE4 zonal_price = prices_[static_cast<std::size_t>(i)];
    const PriceE4 rate = IncentiveRate(plant_kw_, zonal_price, bonus_);
    const ItalianTerms& terms = terms_[static_cast<std::size_t>(month_of_interval_[i])];
    // mWh x (1e-4 €/MWh) = 1e-13 €; to micro-euros divide by 1e7 (floored, per hour).
    const std::int64_t incentive = internal::MulDivFloor(shared, rate, 10'000'000);
    const std::int64_t valorisation = HourlyValorisationMicro(shared, zonal_price, terms);
    const std::int64_t retained_incentive = RetainedPart(incentive, terms.retained);
    const std::int64_t retained_valorisation = RetainedPart(valorisation, terms.retained);
    run_shared_[t] = shared;
    run_incentive_[t] = incentive - retained_incentive;
    run_valorisation_[t] = valorisation - retained_valorisation;
    ItalianMonth& month = community_[static_cast<std::size_t>(month_of_interval_[i])];
    month.shared += shared;
    month.incentive_micro += incentive;
    month.valorisation_micro += valorisation;
    month.retained_micro += retained_incentive + retained_valorisation;
    Finalise(month);
  }
  // Each member's part: energy pro rata to its hourly withdrawal, money by the month's rule.
  const std::size_t count = run_members_.size();
  std::vector<std::int64_t> withdrawal(count), money_weights(count);
  std::vector<std::int64_t> energy_parts(count), incentive_parts(count), valorisation_parts(count);
  for (int t = 0; t < run_n_; ++t) {
    const int m = month_of_interval_[static_cast<std::size_t>(run_first_ + t)];
    for (std::size_t k = 0; k < count; ++k) withdrawal[k] = run_withdrawal_[k * n + t];
    const bool equal = terms_[static_cast<std::size_t>(m)].split == ItalianSplit::kEqual;
    for (std::size_t k = 0; k < count; ++k) money_weights[k] = equal ? 1 : withdrawal[k];
    SplitByCumulativeFloor(run_shared_[t], withdrawal, energy_parts);
    SplitByCumulativeFloor(run_incentive_[t], money_weights, incentive_parts);
    SplitByCumulativeFloor(run_valorisation_[t], money_weights, valorisation_parts);
    for (std::size_t k = 0; k < count; ++k) {
      ItalianMonth& month =
          members_[static_cast<std::size_t>(run_members_[k]) * months_.size() + m];
      month.shared += energy_parts[k];
      month.incentive_micro += incentive_parts[k];
      month.valorisation_micro += valorisation_parts[k];
      Finalise(month);
    }
  }
}

void ItalianIncentive::Finalise(ItalianMonth& month) {
  const auto cents = [](std::int64_t micro) { return (micro + 5'000) / 10'000; };
  month.incentive_cents = cents(month.incentive_micro);
  month.valorisation_cents = cents(month.valorisation_micro);
  month.retained_cents = cents(month.retained_micro);
}

}  // namespace reparto
