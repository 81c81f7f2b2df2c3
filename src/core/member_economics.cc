// A member's month (spec/tariffs.md §4): energy totals, both retailer bills, the community fee,
// savings, self-consumption and self-sufficiency, avoided CO₂; and months added up.
//
// Units: energy mWh, money Cents, ratios ppm, CO₂ grams (emission factors g/kWh).
#include <string>

#include "core/bill.h"
#include "core/internal/bill_math.h"

namespace reparto {
namespace {

// The emission factor in force on `day` (the last entry with from <= day), or 0 when none.
std::int64_t EmissionFactorOn(const std::vector<DatedEmissionFactor>& factors, CivilDate day) {
  std::int64_t grams = 0;
  for (const DatedEmissionFactor& factor : factors) {
    if (factor.from <= day) grams = factor.grams_per_kwh;
  }
  return grams;
}

MilliWh Sum(const std::vector<MilliWh>& values) {
  MilliWh sum = 0;
  for (const MilliWh v : values) sum += v;
  return sum;
}

void AddMessage(std::string& message, const std::string& prefix, const RetailBill& bill) {
  if (!bill.incomplete) return;
  if (!message.empty()) message += "; ";
  message += prefix + bill.message;
}

}  // namespace

Result<MemberEconomics> ComputeMemberEconomics(const MemberPeriod& period,
                                               const SupplyContract& contract,
                                               const BillingConfig& config) {
  MemberEconomics out;
  auto with = ComputeRetailBill(period, contract, config, BillScenario::kWithCommunity);
  if (!with.ok()) return with.status();
  auto without = ComputeRetailBill(period, contract, config, BillScenario::kWithoutCommunity);
  if (!without.ok()) return without.status();
  auto fee = ComputeCommunityFee(period, config.fee);
  if (!fee.ok()) return fee.status().WithContext(contract.participant);
  out.with_community = std::move(*with);
  out.without_community = std::move(*without);
  out.fee_lines = std::move(*fee);
  out.fee = SumFeeLines(out.fee_lines);
  out.days = out.with_community.days;
  out.quality_counts = out.with_community.quality_counts;

  out.energy.consumption = Sum(period.consumption);
  out.energy.supplier = Sum(period.supplier);
  out.energy.surplus = Sum(period.surplus);
  out.energy.self_consumed = Sum(period.self_consumed);
  out.energy.imputed = Sum(period.imputed);

  out.savings = out.without_community.total - out.with_community.total - out.fee.total;
  const CivilDate first_day = period.grid.days.front().date;
  for (const ExpectedSaving& expected : config.expected_savings) {
    if (expected.participant != contract.participant || expected.month != first_day.month) continue;
    out.expected_savings = static_cast<Cents>(bill_internal::RoundDiv(
        static_cast<__int128>(expected.amount) * out.days, bill_internal::DaysInMonth(first_day)));
  }
  out.self_consumption = MakeRatio(out.energy.self_consumed, out.energy.imputed);
  out.self_sufficiency = MakeRatio(out.energy.self_consumed, out.energy.consumption);

  // Avoided CO₂: Σ_days EA(day) mWh × g/kWh / 1e6, rounded once to grams.
  __int128 co2 = 0;  // mWh × g/kWh = 1e-6 g
  for (const LocalDay& day : period.grid.days) {
    MilliWh self_consumed = 0;
    for (std::int64_t i = day.first_interval; i < day.first_interval + day.n_intervals; ++i) {
      self_consumed += period.self_consumed[static_cast<std::size_t>(i)];
    }
    co2 +=
        static_cast<__int128>(self_consumed) * EmissionFactorOn(config.emission_factor, day.date);
  }
  out.avoided_co2_g = static_cast<std::int64_t>(bill_internal::RoundDiv(co2, kMilliWhPerKWh));

  out.incomplete = out.with_community.incomplete || out.without_community.incomplete;
  AddMessage(out.message, "with the community: ", out.with_community);
  AddMessage(out.message, "without the community: ", out.without_community);
  return out;
}

void Accumulate(CumulativeEconomics& total, const MemberEconomics& month) {
  ++total.months;
  total.days += month.days;
  total.energy.consumption += month.energy.consumption;
  total.energy.supplier += month.energy.supplier;
  total.energy.surplus += month.energy.surplus;
  total.energy.self_consumed += month.energy.self_consumed;
  total.energy.imputed += month.energy.imputed;
  total.without_community += month.without_community.total;
  total.with_community += month.with_community.total;
  total.fee += month.fee.total;
  total.savings += month.savings;
  if (month.expected_savings) {
    total.expected_savings += *month.expected_savings;
    ++total.months_with_expected;
  }
  total.compensation_lost += month.with_community.compensation_lost;
  total.avoided_co2_g += month.avoided_co2_g;
  for (int q = 0; q < kQualityCount; ++q) total.quality_counts[q] += month.quality_counts[q];
  if (month.incomplete) ++total.incomplete_months;
  total.self_consumption = MakeRatio(total.energy.self_consumed, total.energy.imputed);
  total.self_sufficiency = MakeRatio(total.energy.self_consumed, total.energy.consumption);
}

}  // namespace reparto
