// The retailer's bill of one member and billing period, with or without the community
// (spec/tariffs.md §3-4; formulas in docs/billing.md "How a bill is computed").
//
// Units: energy mWh, prices µ€/kWh (MicroPrice), exact sums PicoEuros, lines Cents (each rounded
// once, half away from zero), rates RateE10.
#include <algorithm>
#include <string>

#include "core/bill.h"
#include "core/internal/bill_math.h"

namespace reparto {
namespace {

using bill_internal::ApplyDayWeightedRate;
using bill_internal::WeightRateByDays;

// mWh as kWh with six decimals ("12.345678").
std::string FormatKWh(MilliWh energy) {
  const bool negative = energy < 0;
  const MilliWh magnitude = negative ? -energy : energy;
  std::string fraction = std::to_string(magnitude % kMilliWhPerKWh);
  fraction.insert(0, 6 - fraction.size(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / kMilliWhPerKWh) + "." + fraction;
}

Status CheckPriceVectors(const std::vector<MicroPrice>& prices,
                         const std::vector<std::uint8_t>& missing, std::size_t n,
                         const std::string& what) {
  if (prices.size() != n) {
    return Status::Error(what + " prices: " + std::to_string(prices.size()) + " values for " +
                         std::to_string(n) + " intervals");
  }
  if (!missing.empty() && missing.size() != n) {
    return Status::Error(what + " prices: " + std::to_string(missing.size()) +
                         " missing flags for " + std::to_string(n) + " intervals");
  }
  return Status::Ok();
}

// Σ energy[i] × (price[i] + adder) over priced intervals; unpriced ones are counted instead.
struct PricedSum {
  PicoEuros amount = 0;
  std::int64_t unpriced_intervals = 0;
  MilliWh unpriced_energy = 0;
};
PricedSum PriceIndexed(const std::vector<MilliWh>& energy, const std::vector<MicroPrice>& price,
                       const std::vector<std::uint8_t>& missing, MicroPrice adder) {
  PricedSum sum;
  for (std::size_t i = 0; i < energy.size(); ++i) {
    if (!missing.empty() && missing[i] != 0) {
      ++sum.unpriced_intervals;
      sum.unpriced_energy += energy[i];
      continue;
    }
    sum.amount += EnergyAmount(energy[i], price[i] + adder);
  }
  return sum;
}

void AddIncomplete(RetailBill& bill, const PricedSum& sum, std::size_t n, const std::string& what) {
  if (sum.unpriced_intervals == 0) return;
  bill.incomplete = true;
  bill.unpriced_intervals += sum.unpriced_intervals;
  if (!bill.message.empty()) bill.message += "; ";
  bill.message += what + " prices missing for " + std::to_string(sum.unpriced_intervals) + " of " +
                  std::to_string(n) + " intervals (" + FormatKWh(sum.unpriced_energy) +
                  " kWh priced at 0): bill incomplete";
}

}  // namespace

Result<RetailBill> ComputeRetailBill(const MemberPeriod& period, const SupplyContract& contract,
                                     const BillingConfig& config, BillScenario scenario) {
  REPARTO_RETURN_IF_ERROR(
      bill_internal::CheckMemberPeriod(period).WithContext(contract.participant));
  const DayGrid& grid = period.grid;
  const auto n = static_cast<std::size_t>(grid.interval_count());
  RetailBill bill;
  bill.scenario = scenario;
  bill.days = static_cast<int>(grid.days.size());
  CountQualities(period.quality.data(), static_cast<int>(n), bill.quality_counts);

  // Energy term: Σ_intervals grid energy × price, exact, rounded once.
  const bool with = scenario == BillScenario::kWithCommunity;
  const std::vector<MilliWh>& grid_energy = with ? period.supplier : period.consumption;
  for (const MilliWh e : grid_energy) bill.grid_energy += e;
  PicoEuros energy_amount = 0;
  if (!contract.energy.indexed_series.empty()) {
    REPARTO_RETURN_IF_ERROR(
        CheckPriceVectors(period.energy_price, period.energy_price_missing, n, "energy")
            .WithContext(contract.participant));
    const PricedSum sum = PriceIndexed(grid_energy, period.energy_price,
                                       period.energy_price_missing, contract.energy.indexed_adder);
    energy_amount = sum.amount;
    AddIncomplete(bill, sum, n, "energy");
  } else {
    const std::vector<MicroPrice>& prices = contract.energy.period_prices;
    if (period.energy_period.size() != n) {
      return Status::Error(contract.participant +
                           ": energy periods: " + std::to_string(period.energy_period.size()) +
                           " values for " + std::to_string(n) + " intervals");
    }
    for (std::size_t i = 0; i < n; ++i) {
      const int p = period.energy_period[i];
      if (p < 1 || static_cast<std::size_t>(p) > prices.size()) {
        return Status::Error(contract.participant + ": interval " + std::to_string(i) +
                             " is in energy period P" + std::to_string(p) + " but the contract " +
                             "prices " + std::to_string(prices.size()) + " periods");
      }
      energy_amount += EnergyAmount(grid_energy[i], prices[static_cast<std::size_t>(p - 1)]);
    }
  }
  bill.energy = RoundToCents(energy_amount);

  // Simplified compensation (RD 244/2019 art. 14): only with the community, only for the kinds
  // that compensate; capped at the energy term of this period, the rest lost.
  const SurplusKind kind = contract.surplus.kind;
  if (with && (kind == SurplusKind::kFixed || kind == SurplusKind::kIndexed)) {
    for (const MilliWh e : period.surplus) bill.surplus_energy += e;
    PicoEuros surplus_amount = 0;
    if (kind == SurplusKind::kFixed) {
      surplus_amount = EnergyAmount(bill.surplus_energy, contract.surplus.fixed_price);
    } else {
      REPARTO_RETURN_IF_ERROR(
          CheckPriceVectors(period.surplus_price, period.surplus_price_missing, n, "surplus")
              .WithContext(contract.participant));
      const PricedSum sum =
          PriceIndexed(period.surplus, period.surplus_price, period.surplus_price_missing, 0);
      surplus_amount = sum.amount;
      AddIncomplete(bill, sum, n, "surplus");
    }
    bill.surplus_value = std::max<Cents>(0, RoundToCents(surplus_amount));
    bill.compensation = std::min(bill.surplus_value, std::max<Cents>(bill.energy, 0));
    bill.compensation_lost = bill.surplus_value - bill.compensation;
  }
  bill.energy_after_compensation = bill.energy - bill.compensation;

  // Power term: Σ_power periods W × µ€ per kW and day × days, rounded once.
  if (contract.power_w.size() != contract.power_price.size()) {
    return Status::Error(contract.participant + ": " + std::to_string(contract.power_w.size()) +
                         " contracted powers but " + std::to_string(contract.power_price.size()) +
                         " power prices");
  }
  PicoEuros power_amount = 0;
  for (std::size_t p = 0; p < contract.power_w.size(); ++p) {
    power_amount += PowerAmount(contract.power_w[p], contract.power_price[p], bill.days);
  }
  bill.power = RoundToCents(power_amount);

  // Fixed daily charges, each its own line.
  Cents subject_charges = 0;
  for (const DailyCharge& charge : contract.charges) {
    ChargeLine line{.name = charge.name,
                    .per_day = charge.per_day,
                    .days = bill.days,
                    .subject_to_electricity_tax = charge.subject_to_electricity_tax,
                    .amount = RoundToCents(DailyAmount(charge.per_day, bill.days))};
    bill.charges_total += line.amount;
    if (line.subject_to_electricity_tax) subject_charges += line.amount;
    bill.charges.push_back(std::move(line));
  }

  // Taxes on rounded lines, after compensation, each with its day-weighted rate.
  const auto tax_rate = WeightRateByDays(config.electricity_tax, grid);
  bill.electricity_tax_rates = tax_rate.spans;
  bill.electricity_tax_base = bill.energy_after_compensation + bill.power + subject_charges;
  bill.electricity_tax = ApplyDayWeightedRate(bill.electricity_tax_base, tax_rate);
  const auto vat_rate = WeightRateByDays(config.vat, grid);
  bill.vat_rates = vat_rate.spans;
  bill.vat_base =
      bill.energy_after_compensation + bill.power + bill.charges_total + bill.electricity_tax;
  bill.vat = ApplyDayWeightedRate(bill.vat_base, vat_rate);
  bill.total = bill.vat_base + bill.vat;
  return bill;
}

}  // namespace reparto
