// The retailer's bill (core/bill.h ComputeRetailBill), every figure worked by hand in a comment
// (spec/tariffs.md §3-4; docs/billing.md "How a bill is computed").
#include "core/bill.h"

#include <gtest/gtest.h>

#include "core/bill_fixture.h"

namespace reparto {
namespace {

using bill_test::AddPowerAndRental;
using bill_test::Days;
using bill_test::Fixed;
using bill_test::kIee;
using bill_test::kVat10;
using bill_test::kVat21;
using bill_test::kWh;
using bill_test::SpanishTaxes;
using bill_test::Zeros;

RetailBill Bill(const MemberPeriod& p, const SupplyContract& c, const BillingConfig& config,
                BillScenario scenario = BillScenario::kWithCommunity) {
  auto bill = ComputeRetailBill(p, c, config, scenario);
  EXPECT_TRUE(bill.ok()) << bill.status().message();
  return bill.ok() ? *bill : RetailBill{};
}

TEST(RetailBill, CompensationIsCappedAtTheEnergyTermSpecExample) {
  // spec/tariffs.md §3: grid 150 kWh at 0.15 €/kWh = 22.50 €; surplus 400 kWh at 0.07 €/kWh =
  // 28.00 €; compensation min(28.00, 22.50) = 22.50; 28.00 − 22.50 = 5.50 € lost; energy after
  // compensation 0. No power, charges or taxes: total 0.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.supplier[10] = 150 * kWh;
  p.surplus[13] = 400 * kWh;
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 70'000};
  const RetailBill bill = Bill(p, c, BillingConfig{});
  EXPECT_EQ(bill.grid_energy, 150 * kWh);
  EXPECT_EQ(bill.surplus_energy, 400 * kWh);
  EXPECT_EQ(bill.energy, 2250);
  EXPECT_EQ(bill.surplus_value, 2800);
  EXPECT_EQ(bill.compensation, 2250);
  EXPECT_EQ(bill.compensation_lost, 550);
  EXPECT_EQ(bill.energy_after_compensation, 0);
  EXPECT_EQ(bill.total, 0);
  EXPECT_FALSE(bill.incomplete);
}

TEST(RetailBill, CompensationBelowTheCapIsWhole) {
  // 100 kWh of surplus at 0.07 = 7.00 € < 22.50: all compensated, nothing lost, 15.50 € left.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.supplier[10] = 150 * kWh;
  p.surplus[13] = 100 * kWh;
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 70'000};
  const RetailBill bill = Bill(p, c, BillingConfig{});
  EXPECT_EQ(bill.compensation, 700);
  EXPECT_EQ(bill.compensation_lost, 0);
  EXPECT_EQ(bill.energy_after_compensation, 1550);
}

TEST(RetailBill, SoldOrNoSurplusIsNotCompensated) {
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.supplier[10] = 150 * kWh;
  p.surplus[13] = 400 * kWh;
  for (const SurplusKind kind : {SurplusKind::kSold, SurplusKind::kNone}) {
    SupplyContract c = Fixed({150'000, 150'000, 150'000});
    c.surplus = {.kind = kind, .fixed_price = 70'000};
    const RetailBill bill = Bill(p, c, BillingConfig{});
    EXPECT_EQ(bill.surplus_energy, 0);
    EXPECT_EQ(bill.surplus_value, 0);
    EXPECT_EQ(bill.compensation, 0);
    EXPECT_EQ(bill.energy_after_compensation, 2250);
  }
}

TEST(RetailBill, WithoutTheCommunityBuysTheWholeConsumptionAndIsNotCompensated) {
  // CM 300 kWh × 0.15 = 45.00 €, the member's surplus ignored (spec §4).
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.consumption[10] = 300 * kWh;
  p.supplier[10] = 150 * kWh;
  p.surplus[13] = 400 * kWh;
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 70'000};
  const RetailBill bill = Bill(p, c, BillingConfig{}, BillScenario::kWithoutCommunity);
  EXPECT_EQ(bill.grid_energy, 300 * kWh);
  EXPECT_EQ(bill.energy, 4500);
  EXPECT_EQ(bill.compensation, 0);
  EXPECT_EQ(bill.total, 4500);
}

// 2.0TD working day (spec §1): P3 00-08, P2 08-10, P1 10-14, P2 14-18, P1 18-22, P2 22-24.
std::vector<std::uint8_t> WorkingDay20TD() {
  std::vector<std::uint8_t> periods(24);
  for (int h = 0; h < 24; ++h) {
    periods[static_cast<std::size_t>(h)] = h < 8                                          ? 3
                                           : ((h >= 10 && h < 14) || (h >= 18 && h < 22)) ? 1
                                                                                          : 2;
  }
  return periods;
}

TEST(RetailBill, FixedThreePeriodContractOverOneWorkingDay) {
  // 1.0301 kWh every hour, 8 hours in each period:
  //   P1 8.2408 kWh × 0.18 = 1.483344
  //   P2 8.2408 kWh × 0.12 = 0.988896
  //   P3 8.2408 kWh × 0.09 = 0.741672
  //   energy 3.213912 € → 3.21 (rounding each hour first would give 8 × 0.19 + ... = wrong).
  // Power, 1 day: 4.6 × 0.084034 + 4.6 × 0.003585 = 0.3865564 + 0.016491 = 0.4030474 → 0.40.
  // Meter rental 0.026667 → 0.03 (not subject to the electricity tax).
  // IEE (321 + 40) × 5.11269632 % = 18.4568… → 0.18.
  // VAT (321 + 40 + 3 + 18) = 382 × 21 % = 80.22 → 0.80. Total 382 + 80 = 4.62 €.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));  // a Monday
  p.energy_period = WorkingDay20TD();
  for (auto& e : p.supplier) e = 1'030'100;
  SupplyContract c = Fixed({180'000, 120'000, 90'000});
  AddPowerAndRental(c);
  const RetailBill bill = Bill(p, c, SpanishTaxes());
  EXPECT_EQ(bill.grid_energy, 24'722'400);
  EXPECT_EQ(bill.energy, 321);
  EXPECT_EQ(bill.power, 40);
  ASSERT_EQ(bill.charges.size(), 1u);
  EXPECT_EQ(bill.charges[0].amount, 3);
  EXPECT_EQ(bill.charges_total, 3);
  EXPECT_EQ(bill.electricity_tax_base, 361);
  EXPECT_EQ(bill.electricity_tax, 18);
  EXPECT_EQ(bill.vat_base, 382);
  EXPECT_EQ(bill.vat, 80);
  EXPECT_EQ(bill.total, 462);
  EXPECT_EQ(bill.vat_rates, (std::vector<RateDays>{{.rate = kVat21, .days = 1}}));
  EXPECT_EQ(bill.electricity_tax_rates, (std::vector<RateDays>{{.rate = kIee, .days = 1}}));
}

TEST(RetailBill, IndexedContractPricesEachIntervalPlusTheAdder) {
  // Series prices (µ€/kWh) + adder 0.005 €/kWh:
  //   h0 1.5 kWh      × (0.100000 + 0.005) = 0.1575
  //   h1 2.25 kWh     × (0.123456 + 0.005) = 0.289026
  //   h2 0.333333 kWh × (0.200001 + 0.005) = 0.068333598333
  //   h3 4 kWh        × (−0.010000 + 0.005) = −0.02
  //   energy 0.494859598333 € → 0.49
  // Indexed surplus: 10 kWh × 0.04 + 5 kWh × 0.06 = 0.70 €, capped at 0.49, 0.21 lost.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.energy_price.assign(24, 100'000);
  p.energy_price[1] = 123'456;
  p.energy_price[2] = 200'001;
  p.energy_price[3] = -10'000;
  p.supplier[0] = 1'500'000;
  p.supplier[1] = 2'250'000;
  p.supplier[2] = 333'333;
  p.supplier[3] = 4 * kWh;
  p.consumption = p.supplier;
  p.surplus_price.assign(24, 40'000);
  p.surplus_price[13] = 60'000;
  p.surplus[12] = 10 * kWh;
  p.surplus[13] = 5 * kWh;
  p.energy_period.clear();  // not needed for an indexed contract
  SupplyContract c;
  c.energy.indexed_series = "pvpc";
  c.energy.indexed_adder = 5'000;
  c.surplus = {.kind = SurplusKind::kIndexed, .indexed_series = "esios-1739"};
  const RetailBill with = Bill(p, c, BillingConfig{});
  EXPECT_EQ(with.energy, 49);
  EXPECT_EQ(with.surplus_value, 70);
  EXPECT_EQ(with.compensation, 49);
  EXPECT_EQ(with.compensation_lost, 21);
  EXPECT_EQ(with.total, 0);
  const RetailBill without = Bill(p, c, BillingConfig{}, BillScenario::kWithoutCommunity);
  EXPECT_EQ(without.energy, 49);
  EXPECT_EQ(without.compensation, 0);
  EXPECT_EQ(without.total, 49);
}

TEST(RetailBill, TwentyFiveHourDayPricesAndCountsTheExtraHour) {
  // 2025-10-26 (autumn change in Madrid): 100 quarter-hours. 0.1 kWh each = 10 kWh × 0.10 €/kWh
  // = 1.00 € (a 96-quarter day would give 0.96). CM 0.15 kWh each = 15 kWh → 1.50 € without.
  // Four quarter-hours estimated.
  MemberPeriod p = Zeros(Days({2025, 10, 26}, 1, 100, 900));
  for (auto& e : p.supplier) e = 100'000;
  for (auto& e : p.consumption) e = 150'000;
  for (auto& q : p.energy_period) q = 3;
  for (int i = 96; i < 100; ++i) p.quality[static_cast<std::size_t>(i)] = Quality::kEstimated;
  const SupplyContract c = Fixed({0, 0, 100'000});
  const RetailBill with = Bill(p, c, BillingConfig{});
  EXPECT_EQ(with.grid_energy, 10 * kWh);
  EXPECT_EQ(with.energy, 100);
  EXPECT_EQ(with.days, 1);
  EXPECT_EQ(with.quality_counts[0], 96);
  EXPECT_EQ(with.quality_counts[1], 4);
  EXPECT_EQ(with.quality_counts[2], 0);
  EXPECT_EQ(Bill(p, c, BillingConfig{}, BillScenario::kWithoutCommunity).energy, 150);
}

TEST(RetailBill, OctoberWithA25HourDayBillsEveryHour) {
  // October 2025, hourly: 30 days of 24 hours and the 26th of 25 = 745 hours. 1 kWh every hour
  // at 0.10 €/kWh = 74.50 € (a month of 744 hours would give 74.40). Power over 31 days:
  // 0.4030474 × 31 = 12.4944694 → 12.49. Total 86.99 €.
  DayGrid grid = Days({2025, 10, 1}, 31, 24);
  grid.days[25].n_intervals = 25;
  for (std::size_t k = 26; k < grid.days.size(); ++k) ++grid.days[k].first_interval;
  MemberPeriod p = Zeros(std::move(grid));
  ASSERT_EQ(p.supplier.size(), 745u);
  for (auto& e : p.supplier) e = 1 * kWh;
  SupplyContract c = Fixed({100'000, 100'000, 100'000});
  c.power_w = {4'600, 4'600};
  c.power_price = {84'034, 3'585};
  const RetailBill bill = Bill(p, c, BillingConfig{});
  EXPECT_EQ(bill.days, 31);
  EXPECT_EQ(bill.grid_energy, 745 * kWh);
  EXPECT_EQ(bill.energy, 7450);
  EXPECT_EQ(bill.power, 1249);
  EXPECT_EQ(bill.total, 8699);
  EXPECT_EQ(bill.quality_counts[0], 745);
}

TEST(RetailBill, MidMonthJoinProratesPowerAndChargesByBilledDays) {
  // Billed June 15..30 = 16 days. Power: 4.6 × 0.084034 × 16 = 6.1849024 plus
  // 4.6 × 0.003585 × 16 = 0.263856 → 6.4487584 → 6.45 (one rounding for the whole power term;
  // rounding each period would give 6.18 + 0.26 = 6.44). Meter rental 0.026667 × 16 = 0.426672
  // → 0.43.
  MemberPeriod p = Zeros(Days({2025, 6, 15}, 16, 24));
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  AddPowerAndRental(c);
  const RetailBill bill = Bill(p, c, BillingConfig{});
  EXPECT_EQ(bill.days, 16);
  EXPECT_EQ(bill.power, 645);
  EXPECT_EQ(bill.charges[0].days, 16);
  EXPECT_EQ(bill.charges[0].amount, 43);
  EXPECT_EQ(bill.total, 688);
}

TEST(RetailBill, TaxesOnRoundedLinesAfterCompensation) {
  // Energy 250 kWh × 0.20 = 50.00; surplus 100 kWh × 0.05 = 5.00 compensated → 45.00.
  // July, 31 days: power 0.4030474 × 31 = 12.4944694 → 12.49; meter rental 0.026667 × 31 =
  // 0.826677 → 0.83 (not subject to the electricity tax).
  // IEE base 4500 + 1249 = 5749 cents × 5.11269632 % = 293.928911… → 2.94.
  // VAT base 4500 + 1249 + 83 + 294 = 6126 × 21 % = 1286.46 → 12.86. Total 61.26 + 12.86 = 74.12.
  MemberPeriod p = Zeros(Days({2025, 7, 1}, 31, 24));
  p.supplier[10] = 250 * kWh;
  p.surplus[13] = 100 * kWh;
  SupplyContract c = Fixed({200'000, 200'000, 200'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 50'000};
  AddPowerAndRental(c);
  const RetailBill bill = Bill(p, c, SpanishTaxes());
  EXPECT_EQ(bill.energy_after_compensation, 4500);
  EXPECT_EQ(bill.power, 1249);
  EXPECT_EQ(bill.charges_total, 83);
  EXPECT_EQ(bill.electricity_tax_base, 5749);
  EXPECT_EQ(bill.electricity_tax, 294);
  EXPECT_EQ(bill.vat_base, 6126);
  EXPECT_EQ(bill.vat, 1286);
  EXPECT_EQ(bill.total, 7412);
}

TEST(RetailBill, ChargesMarkedSubjectEnterTheElectricityTaxBase) {
  // One day; charge 1.00 €/day subject to the tax: IEE base 100 × 5.11269632 % = 5.11… → 0.05.
  MemberPeriod p = Zeros(Days({2025, 7, 1}, 1, 24));
  SupplyContract c = Fixed({0, 0, 0});
  c.charges.push_back({.name = "Other", .per_day = 1'000'000, .subject_to_electricity_tax = true});
  const RetailBill bill = Bill(p, c, SpanishTaxes());
  EXPECT_EQ(bill.electricity_tax_base, 100);
  EXPECT_EQ(bill.electricity_tax, 5);
  EXPECT_EQ(bill.vat_base, 105);
  EXPECT_EQ(bill.vat, 22);  // 22.05 → 22
  EXPECT_EQ(bill.total, 127);
}

TEST(RetailBill, VatChangeMidMonthIsWeightedByDays) {
  // June 2025: VAT 10 % on days 1..10, 21 % on days 11..30. Power only: 0.4030474 × 30 =
  // 12.091422 → 12.09. VAT = 1209 × (10 × 10 % + 20 × 21 %) / 30 = 1209 × 520 / 3000 = 209.56
  // → 2.10. Total 14.19.
  MemberPeriod p = Zeros(Days({2025, 6, 1}, 30, 24));
  SupplyContract c = Fixed({0, 0, 0});
  c.power_w = {4'600, 4'600};
  c.power_price = {84'034, 3'585};
  BillingConfig config;
  config.vat = {{.from = {2020, 1, 1}, .rate = kVat10}, {.from = {2025, 6, 11}, .rate = kVat21}};
  const RetailBill bill = Bill(p, c, config);
  EXPECT_EQ(bill.power, 1209);
  EXPECT_EQ(bill.vat, 210);
  EXPECT_EQ(bill.total, 1419);
  EXPECT_EQ(bill.vat_rates,
            (std::vector<RateDays>{{.rate = kVat10, .days = 10}, {.rate = kVat21, .days = 20}}));
}

TEST(RetailBill, RoundsHalfAwayFromZeroAtExactlyHalfACent) {
  MemberPeriod p = Zeros(Days({2025, 7, 1}, 1, 24));
  p.supplier[0] = 1 * kWh;
  // 1 kWh × 0.125 €/kWh = 12.5 cents → 13; × 0.124999 = 12.4999 → 12.
  EXPECT_EQ(Bill(p, Fixed({125'000, 0, 0}), BillingConfig{}).energy, 13);
  EXPECT_EQ(Bill(p, Fixed({124'999, 0, 0}), BillingConfig{}).energy, 12);
  // A negative indexed price: −12.5 cents → −13, and nothing to compensate.
  SupplyContract indexed;
  indexed.energy.indexed_series = "pvpc";
  indexed.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 50'000};
  p.energy_price.assign(24, -125'000);
  p.surplus[3] = 1 * kWh;
  const RetailBill negative = Bill(p, indexed, BillingConfig{});
  EXPECT_EQ(negative.energy, -13);
  EXPECT_EQ(negative.surplus_value, 5);
  EXPECT_EQ(negative.compensation, 0);
  EXPECT_EQ(negative.compensation_lost, 5);
  // VAT at exactly half a cent: 100 kWh × 0.125 = 12.50 €, × 21 % = 2.625 → 2.63.
  p.supplier[0] = 100 * kWh;
  BillingConfig vat;
  vat.vat = {{.from = {2020, 1, 1}, .rate = kVat21}};
  const RetailBill half = Bill(p, Fixed({125'000, 0, 0}), vat);
  EXPECT_EQ(half.energy, 1250);
  EXPECT_EQ(half.vat, 263);
}

TEST(RetailBill, MissingPricesMakeTheBillIncomplete) {
  // Hours 5 and 6 have no price; 1 kWh each is priced at 0 and the bill says so. Hour 7: 1 kWh
  // × 0.10 = 0.10 €.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.energy_price.assign(24, 100'000);
  p.energy_price_missing.assign(24, 0);
  p.energy_price_missing[5] = p.energy_price_missing[6] = 1;
  p.supplier[5] = p.supplier[6] = p.supplier[7] = 1 * kWh;
  SupplyContract c;
  c.energy.indexed_series = "pvpc";
  const RetailBill bill = Bill(p, c, BillingConfig{});
  EXPECT_EQ(bill.energy, 10);
  EXPECT_TRUE(bill.incomplete);
  EXPECT_EQ(bill.unpriced_intervals, 2);
  EXPECT_NE(bill.message.find("energy prices missing for 2 of 24 intervals"), std::string::npos)
      << bill.message;
  EXPECT_NE(bill.message.find("2.000000 kWh priced at 0"), std::string::npos) << bill.message;

  // A missing surplus price too.
  c.surplus = {.kind = SurplusKind::kIndexed, .indexed_series = "esios-1739"};
  p.surplus_price.assign(24, 50'000);
  p.surplus_price_missing.assign(24, 0);
  p.surplus_price_missing[12] = 1;
  const RetailBill both = Bill(p, c, BillingConfig{});
  EXPECT_EQ(both.unpriced_intervals, 3);
  EXPECT_NE(both.message.find("surplus prices missing for 1 of 24"), std::string::npos);

  // Complete prices: not incomplete.
  p.energy_price_missing.clear();
  p.surplus_price_missing.clear();
  EXPECT_FALSE(Bill(p, c, BillingConfig{}).incomplete);
}

TEST(RetailBill, RejectsInconsistentInput) {
  const SupplyContract c = Fixed({150'000, 120'000, 90'000});
  MemberPeriod two_months = Zeros(Days({2025, 6, 30}, 2, 24));
  EXPECT_FALSE(ComputeRetailBill(two_months, c, {}, BillScenario::kWithCommunity).ok());
  MemberPeriod bad_period = Zeros(Days({2025, 6, 2}, 1, 24));
  bad_period.energy_period[3] = 4;
  const auto error = ComputeRetailBill(bad_period, c, {}, BillScenario::kWithCommunity);
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.status().message().find("P4"), std::string::npos);
  MemberPeriod short_array = Zeros(Days({2025, 6, 2}, 1, 24));
  short_array.surplus.pop_back();
  EXPECT_FALSE(ComputeRetailBill(short_array, c, {}, BillScenario::kWithCommunity).ok());
  SupplyContract indexed;
  indexed.energy.indexed_series = "pvpc";
  EXPECT_FALSE(ComputeRetailBill(Zeros(Days({2025, 6, 2}, 1, 24)), indexed, {},
                                 BillScenario::kWithCommunity)
                   .ok());  // no prices given
  EXPECT_FALSE(ComputeRetailBill(Zeros(DayGrid{}), c, {}, BillScenario::kWithCommunity).ok());
}

}  // namespace
}  // namespace reparto
