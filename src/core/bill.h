// What a member pays and saves over one billing period (spec/tariffs.md §3-4): the retailer's bill
// with and without the community, the community's fee as invoice lines, and the month's economics
// (savings, ratios, avoided CO₂). Pure computation: no I/O, no clock, no price lookup (the caller
// maps price series onto the intervals, core/price_lookup.h).
//
// Units: energy in mWh (core/energy.h), money in Cents with exact PicoEuros intermediates and unit
// prices in MicroPrice (core/money.h), rates RateE10, powers watts, dates local civil dates.
// docs/billing.md, section "How a bill is computed", gives every line's formula and worked
// examples. In short:
//   - every line is summed exactly (PicoEuros or an exact fraction) and rounded ONCE, half away
//     from zero, to cents; kWh are never rounded before pricing;
//   - compensation = min(surplus value, energy term), both already rounded lines, per billing
//     period, nothing carried over; what exceeds the energy term is reported as lost;
//   - a tax whose rate changes inside the period is applied with the day-weighted rate:
//     tax = round(base × Σ_billed days rate(day) / (billed days × 100 %)), one rounding;
//   - monthly fee amounts are prorated by billed days / days in the month.
//
//   MemberPeriod p;                       // one member, the local days of one month it belongs
//   p.grid = *MakeDayGrid(madrid, {2025, 6, 16}, {2025, 7, 1}, 3600);   // joined on the 16th
//   p.consumption = ...; p.supplier = ...; p.surplus = ...;             // one value per interval
//   p.self_consumed = ...; p.imputed = ...; p.quality = ...; p.energy_period = ...;
//   auto economics = ComputeMemberEconomics(p, contract, config);
//   economics->savings;                   // without.total − with.total − fee total (VAT incl.)
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/energy.h"
#include "core/invoice.h"
#include "core/money.h"
#include "core/status.h"
#include "core/tariff.h"
#include "core/time.h"

namespace reparto {

// One member over one billing period: the local days of ONE calendar month during which it belongs
// to the community (the caller clips them), and one value per settlement interval of those days.
struct MemberPeriod {
  // The billed local days, consecutive, all in the same calendar month, with their intervals
  // (first_interval counts from 0 = the first interval of the arrays below). A 25-hour day holds
  // 25 hours or 100 quarter-hours; every one of them is priced and counted.
  DayGrid grid;

  // Per interval, mWh (spec/allocation.md §2): CM consumption, EHCR grid energy bought from the
  // retailer ("supplier"), EHEX surplus, EA self-consumed, EI imputed. All of size n.
  std::vector<MilliWh> consumption;
  std::vector<MilliWh> supplier;
  std::vector<MilliWh> surplus;
  std::vector<MilliWh> self_consumed;
  std::vector<MilliWh> imputed;
  // Per interval quality of the values above (size n): estimated and missing intervals are
  // counted so that a bill can say it rests on them.
  std::vector<Quality> quality;

  // Per interval energy period, 1-based (P1 = 1), from the period engine. Required (size n) for
  // fixed-price contracts (EnergyPricing::period_prices); ignored for indexed ones.
  std::vector<std::uint8_t> energy_period;

  // Indexed contracts only (EnergyPricing::indexed_series non-empty): the series price of each
  // interval, µ€/kWh, WITHOUT the contract's indexed_adder (the bill adds it); size n. `missing`
  // is empty (nothing missing) or of size n with 1 where the series has no price: such an
  // interval is priced at 0 and the bill is marked incomplete (PriceCoverage gives both vectors).
  std::vector<MicroPrice> energy_price;
  std::vector<std::uint8_t> energy_price_missing;
  // Indexed surplus only (SurplusKind::kIndexed): the surplus price per interval, same rules.
  std::vector<MicroPrice> surplus_price;
  std::vector<std::uint8_t> surplus_price_missing;

  // For the community fee: the member's share of the installation in watts-peak (kPerKWpShare)
  // and its coefficient in parts per billion (kPerCoefficient; the caller chooses the one that
  // represents the month, e.g. the coefficient in force).
  std::int64_t kwp_share_w = 0;
  std::int64_t coefficient_ppb = 0;
};

// Which bill: with the community (EHCR bought, EHEX compensated per the contract) or without it
// (the whole CM bought from the grid at the same prices, no compensation; spec/tariffs.md §4).
enum class BillScenario : std::uint8_t { kWithCommunity, kWithoutCommunity };

// A rate and the number of billed days it was in force (for printing the day-weighted rate).
struct RateDays {
  RateE10 rate = 0;
  int days = 0;
  friend bool operator==(const RateDays&, const RateDays&) = default;
};

// One fixed daily charge of the contract over the billed days.
struct ChargeLine {
  std::string name;
  MicroPrice per_day = 0;
  int days = 0;
  bool subject_to_electricity_tax = false;
  Cents amount = 0;  // per_day × days, rounded once
  friend bool operator==(const ChargeLine&, const ChargeLine&) = default;
};

// The retailer's bill (Spanish structure). Every Cents field is a line rounded once; totals are
// sums of rounded lines.
struct RetailBill {
  BillScenario scenario = BillScenario::kWithCommunity;
  int days = 0;  // billed days

  MilliWh grid_energy = 0;      // energy priced: EHCR with the community, CM without
  Cents energy = 0;             // Σ_intervals grid × price, rounded once
  MilliWh surplus_energy = 0;   // EHEX valued (0 when the contract does not compensate)
  Cents surplus_value = 0;      // Σ_intervals surplus × surplus price, rounded once, never < 0
  Cents compensation = 0;       // min(surplus_value, max(energy, 0))
  Cents compensation_lost = 0;  // surplus_value − compensation (no carry-over)
  Cents energy_after_compensation = 0;  // energy − compensation
  Cents power = 0;                      // Σ_power periods W × µ€/kW/day × days, rounded once
  std::vector<ChargeLine> charges;      // in contract order
  Cents charges_total = 0;              // Σ charges[i].amount
  Cents electricity_tax_base = 0;       // energy after compensation + power + subject charges
  Cents electricity_tax = 0;            // base × day-weighted rate, rounded once
  std::vector<RateDays> electricity_tax_rates;
  Cents vat_base = 0;  // energy after compensation + power + charges + electricity tax
  Cents vat = 0;       // vat_base × day-weighted rate, rounded once
  std::vector<RateDays> vat_rates;
  Cents total = 0;  // vat_base + vat

  // Intervals by quality of the readings (indexed by Quality).
  std::array<std::int64_t, kQualityCount> quality_counts{};
  // Incomplete: some interval had no energy (or surplus) price; it was priced at 0 and `message`
  // says how many intervals and how much energy. Such a bill must not be issued as final.
  bool incomplete = false;
  std::int64_t unpriced_intervals = 0;
  std::string message;  // empty when complete
};

// The retailer's bill of `period` under `contract`, with the electricity tax and VAT of `config`
// (BillingConfig::electricity_tax, ::vat; other fields unused). Fails on inconsistent input (array
// sizes, an energy period outside the contract, days over two months, no billed days), never on
// missing prices (those make the bill incomplete).
Result<RetailBill> ComputeRetailBill(const MemberPeriod& period, const SupplyContract& contract,
                                     const BillingConfig& config, BillScenario scenario);

// The community's fee for `period` as invoice lines (English descriptions; codes
// "fee.self_consumed", "fee.kwp", "fee.coefficient", "fee.fixed"). One line per run of billed days
// with the same fee VAT rate (normally one line; two when the VAT changes mid-month). kNone gives
// no line.
Result<std::vector<InvoiceLine>> ComputeCommunityFee(const MemberPeriod& period,
                                                     const CommunityFee& fee);

// The fee lines' totals, VAT summed per rate exactly as ComputeInvoiceTotals does.
struct FeeTotals {
  Cents net = 0;
  Cents vat = 0;
  Cents total = 0;  // net + vat: what the member pays, and what enters savings
};
FeeTotals SumFeeLines(const std::vector<InvoiceLine>& lines);

// mWh totals of a period.
struct EnergyTotals {
  MilliWh consumption = 0;    // CM
  MilliWh supplier = 0;       // EHCR
  MilliWh surplus = 0;        // EHEX
  MilliWh self_consumed = 0;  // EA
  MilliWh imputed = 0;        // EI
};

// A ratio kept exact (numerator / denominator, mWh) with its value in parts per million rounded
// half away from zero; `ppm` is empty when the denominator is 0.
struct EnergyRatio {
  MilliWh numerator = 0;
  MilliWh denominator = 0;
  std::optional<std::int64_t> ppm;
};
EnergyRatio MakeRatio(MilliWh numerator, MilliWh denominator);

// A member's month (spec/tariffs.md §4).
struct MemberEconomics {
  EnergyTotals energy;
  int days = 0;
  RetailBill with_community;
  RetailBill without_community;
  std::vector<InvoiceLine> fee_lines;
  FeeTotals fee;
  // without_community.total − with_community.total − fee.total (the fee VAT included: what the
  // member actually pays). Negative when the community costs the member more than it saves.
  Cents savings = 0;
  // The feasibility study's expected savings for this member and calendar month
  // (BillingConfig::expected_savings), prorated by billed days / days in the month and rounded
  // once; empty when the config has none for them.
  std::optional<Cents> expected_savings;
  EnergyRatio self_consumption;  // EA / EI
  EnergyRatio self_sufficiency;  // EA / CM
  // Σ_billed days EA(day) × emission factor(day) (g/kWh), rounded once to whole grams.
  std::int64_t avoided_co2_g = 0;
  std::array<std::int64_t, kQualityCount> quality_counts{};
  bool incomplete = false;  // either bill incomplete
  std::string message;      // why (both bills' messages), empty when complete
};

// Both bills, the fee of config.fee, savings, ratios and avoided CO₂ (config.emission_factor).
Result<MemberEconomics> ComputeMemberEconomics(const MemberPeriod& period,
                                               const SupplyContract& contract,
                                               const BillingConfig& config);

// Months added up (cumulative savings). Ratios are recomputed from the summed energy, never
// averaged.
struct CumulativeEconomics {
  int months = 0;
  int days = 0;
  EnergyTotals energy;
  Cents without_community = 0;  // Σ without_community.total
  Cents with_community = 0;     // Σ with_community.total
  Cents fee = 0;                // Σ fee.total
  Cents savings = 0;            // Σ savings
  Cents expected_savings = 0;   // Σ expected_savings of the months that have one
  int months_with_expected = 0;
  Cents compensation_lost = 0;  // Σ with_community.compensation_lost
  std::int64_t avoided_co2_g = 0;
  std::array<std::int64_t, kQualityCount> quality_counts{};
  int incomplete_months = 0;
  EnergyRatio self_consumption;
  EnergyRatio self_sufficiency;
};
void Accumulate(CumulativeEconomics& total, const MemberEconomics& month);

}  // namespace reparto
