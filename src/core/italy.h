// Italian renewable energy communities (CER, DM 414/2023; spec/allocation.md §5): the hourly
// shared energy of a virtual community and the incentive it earns, split among the members.
//
// Italy is virtual: members keep their meters and bills. Per hour, the shared energy is
//   E(h) = min(Σ injection of eligible plants, Σ withdrawal of members)
// and is summed over the month (never the minimum of monthly totals). The incentive rate is
//   rate(h) = min(cap, fixed + max(0, 180 − Pz(h))) + bonus   [€/MWh]
// with (fixed, cap) = (80, 120) up to 200 kW, (70, 110) up to 600 kW, (60, 100) above, and the
// PV bonus +4 (Centre) or +10 (North). The valorisation of the hour (core/italy_terms.h) is
//   valorisation(h) = E(h) × (CUAf + avoided_losses × max(0, Pz(h))).
// Of each hour's incentive and valorisation the community keeps its `retained` share (floored to
// the micro-euro); the rest is split among the members pro rata to their hourly withdrawal (the
// usual default) or equally, as the month's ItalianTerms say. The members' shared energy is always
// attributed pro rata to their hourly withdrawal.
//
// Units: energy mWh; prices in ten-thousandths of a euro per MWh (95.43 €/MWh = 954300); money in
// micro-euros inside (each hour's amounts floored to the micro-euro, then split exactly: the
// members' parts plus the retained part are the hour's amount), and rounded once, half up, to
// whole cents per member and month (so cents may differ from the community's by rounding).
//
//   ItalianIncentive incentive(community, grid, zonal_prices, TermsOfMonth);  // an AllocationSink
//   allocator->AllocateAll(readings, incentive);
//   incentive.member_month(p, m).incentive_cents;
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/italy_terms.h"
#include "core/time.h"

namespace reparto {

// Prices in ten-thousandths of a euro per MWh.
using PriceE4 = std::int64_t;
inline constexpr PriceE4 kPriceE4PerEuro = 10'000;

// The incentive rate of one hour for a plant of `plant_kw` (€/MWh in PriceE4 units).
PriceE4 IncentiveRate(double plant_kw, PriceE4 zonal_price, PriceE4 bonus);

// The valorisation of one hour's shared energy, floored to the micro-euro.
std::int64_t HourlyValorisationMicro(MilliWh shared, PriceE4 zonal_price,
                                     const ItalianTerms& terms);

// One month of the community (totals) or of one member (its part). Money in micro-euros, and in
// cents rounded half up once.
struct ItalianMonth {
  MilliWh shared = 0;                // Σ hourly shared energy (community) or attributed (member)
  std::int64_t incentive_micro = 0;  // community: the whole incentive; member: its part
  std::int64_t valorisation_micro = 0;  // community: the whole valorisation; member: its part
  std::int64_t retained_micro = 0;      // community only: the part of both it keeps
  std::int64_t incentive_cents = 0;
  std::int64_t valorisation_cents = 0;
  std::int64_t retained_cents = 0;
  // What the member receives (or, for the community, incentive + valorisation), in cents: the sum
  // of the two rounded parts.
  std::int64_t total_cents() const { return incentive_cents + valorisation_cents; }
};

// The terms in force in a month (day = 1); the default is no valorisation, nothing retained,
// split pro rata to withdrawal.
using ItalianTermsOfMonth = std::function<ItalianTerms(CivilDate month)>;

class ItalianIncentive final : public AllocationSink {
 public:
  // `zonal_prices[i]` is Pz of grid interval i (the grid must be hourly).
  ItalianIncentive(const Community& community, const DayGrid& grid,
                   std::vector<PriceE4> zonal_prices, const ItalianTermsOfMonth& terms = {});

  void BeginRun(std::int64_t first_interval, int n_intervals) override;
  void Consume(const ParticipantRun& run) override;
  void EndRun(const PoolRun& pool) override;

  int month_count() const { return static_cast<int>(months_.size()); }
  CivilDate month(int m) const { return months_[m]; }
  const ItalianMonth& community_month(int m) const { return community_[m]; }
  const ItalianMonth& member_month(int p, int m) const {
    return members_[static_cast<std::size_t>(p) * months_.size() + m];
  }
  const ItalianTerms& terms(int m) const { return terms_[static_cast<std::size_t>(m)]; }

 private:
  static void Finalise(ItalianMonth& month);
  std::size_t participants_;
  PriceE4 bonus_;
  double plant_kw_;
  std::vector<PriceE4> prices_;
  std::vector<CivilDate> months_;
  std::vector<ItalianTerms> terms_;  // per month
  std::vector<int> month_of_interval_;
  std::vector<ItalianMonth> community_, members_;
  // The run in progress: hourly shared energy and incentive, and each member's withdrawal.
  std::int64_t run_first_ = 0;
  int run_n_ = 0;
  std::vector<MilliWh> run_shared_;
  std::vector<std::int64_t> run_incentive_, run_valorisation_;  // after the retained part
  std::vector<MilliWh> run_withdrawal_;                         // [slot * n + t]
  std::vector<int> run_members_;
};

}  // namespace reparto
