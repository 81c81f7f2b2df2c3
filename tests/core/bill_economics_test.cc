// The community fee and a member's month (core/bill.h ComputeCommunityFee, ComputeMemberEconomics,
// Accumulate), every figure worked by hand in a comment (spec/tariffs.md §4; docs/billing.md).
#include <gtest/gtest.h>

#include "core/bill.h"
#include "core/bill_fixture.h"

namespace reparto {
namespace {

using bill_test::AddPowerAndRental;
using bill_test::Days;
using bill_test::Fixed;
using bill_test::kVat10;
using bill_test::kVat21;
using bill_test::kWh;
using bill_test::SpanishTaxes;
using bill_test::Zeros;

MemberEconomics Economics(const MemberPeriod& p, const SupplyContract& c,
                          const BillingConfig& config) {
  auto economics = ComputeMemberEconomics(p, c, config);
  EXPECT_TRUE(economics.ok()) << economics.status().message();
  return economics.ok() ? *economics : MemberEconomics{};
}

std::vector<InvoiceLine> Fee(const MemberPeriod& p, const CommunityFee& fee) {
  auto lines = ComputeCommunityFee(p, fee);
  EXPECT_TRUE(lines.ok()) << lines.status().message();
  return lines.ok() ? *lines : std::vector<InvoiceLine>{};
}

// The spec example as a month: CM 300, EA 150, EHCR 150, EHEX 400, EI 550 kWh on 2025-06-02.
MemberPeriod SpecMonth() {
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.consumption[10] = 300 * kWh;
  p.self_consumed[10] = 150 * kWh;
  p.supplier[10] = 150 * kWh;
  p.surplus[13] = 400 * kWh;
  p.imputed[10] = 150 * kWh;
  p.imputed[13] = 400 * kWh;
  return p;
}

TEST(MemberEconomics, SpecExampleWithTaxesAndSavings) {
  // With: energy 22.50 fully compensated (5.50 lost) → 0; no power: IEE 0, VAT 0, total 0.
  // Without: 300 kWh × 0.15 = 45.00; IEE 4500 × 5.11269632 % = 230.0713… → 2.30;
  //   VAT (4500 + 230) × 21 % = 993.3 → 9.93; total 4730 + 993 = 57.23.
  // No fee: savings 57.23 − 0 − 0 = 57.23 €.
  // Self-consumption EA/EI = 150/550 = 0.272727… → 272 727 ppm; self-sufficiency 150/300.
  // CO₂: 150 kWh × 250 g/kWh = 37 500 g.
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 70'000};
  BillingConfig config = SpanishTaxes();
  config.emission_factor = {{.from = {2020, 1, 1}, .grams_per_kwh = 250}};
  const MemberEconomics m = Economics(SpecMonth(), c, config);
  EXPECT_EQ(m.with_community.compensation, 2250);
  EXPECT_EQ(m.with_community.compensation_lost, 550);
  EXPECT_EQ(m.with_community.total, 0);
  EXPECT_EQ(m.without_community.energy, 4500);
  EXPECT_EQ(m.without_community.electricity_tax, 230);
  EXPECT_EQ(m.without_community.vat, 993);
  EXPECT_EQ(m.without_community.total, 5723);
  EXPECT_TRUE(m.fee_lines.empty());
  EXPECT_EQ(m.fee.total, 0);
  EXPECT_EQ(m.savings, 5723);
  EXPECT_EQ(m.energy.consumption, 300 * kWh);
  EXPECT_EQ(m.energy.supplier, 150 * kWh);
  EXPECT_EQ(m.energy.surplus, 400 * kWh);
  EXPECT_EQ(m.energy.self_consumed, 150 * kWh);
  EXPECT_EQ(m.energy.imputed, 550 * kWh);
  EXPECT_EQ(m.self_consumption.ppm, 272'727);
  EXPECT_EQ(m.self_consumption.numerator, 150 * kWh);
  EXPECT_EQ(m.self_consumption.denominator, 550 * kWh);
  EXPECT_EQ(m.self_sufficiency.ppm, 500'000);
  EXPECT_EQ(m.avoided_co2_g, 37'500);
  EXPECT_FALSE(m.incomplete);
}

TEST(MemberEconomics, MidMonthJoinProratesPowerChargesAndTheFixedFee) {
  // Billed June 15..30: 16 of 30 days. Each day CM = EA = EI = 1 kWh at noon, EHCR 0.
  // Power 6.4487584 → 6.45; meter rental 0.426672 → 0.43 (see bill_test.cc).
  // With: energy 0; IEE 645 × 5.11269632 % = 32.9769 → 0.33; VAT (645 + 43 + 33) = 721 × 21 %
  //   = 151.41 → 1.51; total 7.21 + 1.51 = 8.72.
  // Without: 16 kWh × 0.15 = 2.40; IEE (240 + 645) = 885 × 5.11269632 % = 45.2474 → 0.45;
  //   VAT (240 + 645 + 43 + 45) = 973 × 21 % = 204.33 → 2.04; total 9.73 + 2.04 = 11.77.
  // Fee 3.00 €/month × 16/30 = 1.60 (quantity 0.533 month); VAT 21 % 0.336 → 0.34; 1.94.
  // Savings 11.77 − 8.72 − 1.94 = 1.11 €.
  // CO₂: 250 g/kWh until June 20, 200 from June 21: 6 × 250 + 10 × 200 = 3 500 g.
  MemberPeriod p = Zeros(Days({2025, 6, 15}, 16, 24));
  for (int d = 0; d < 16; ++d) {
    const auto noon = static_cast<std::size_t>(d * 24 + 12);
    p.consumption[noon] = p.self_consumed[noon] = p.imputed[noon] = 1 * kWh;
  }
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  AddPowerAndRental(c);
  BillingConfig config = SpanishTaxes();
  config.fee = {.kind = FeeKind::kFixedMonthly,
                .price = 3'000'000,
                .vat = {{.from = {2020, 1, 1}, .rate = kVat21}}};
  config.emission_factor = {{.from = {2020, 1, 1}, .grams_per_kwh = 250},
                            {.from = {2025, 6, 21}, .grams_per_kwh = 200}};
  const MemberEconomics m = Economics(p, c, config);
  EXPECT_EQ(m.days, 16);
  EXPECT_EQ(m.with_community.power, 645);
  EXPECT_EQ(m.with_community.electricity_tax, 33);
  EXPECT_EQ(m.with_community.vat, 151);
  EXPECT_EQ(m.with_community.total, 872);
  EXPECT_EQ(m.without_community.energy, 240);
  EXPECT_EQ(m.without_community.electricity_tax, 45);
  EXPECT_EQ(m.without_community.vat, 204);
  EXPECT_EQ(m.without_community.total, 1177);
  ASSERT_EQ(m.fee_lines.size(), 1u);
  EXPECT_EQ(m.fee_lines[0].code, "fee.fixed");
  EXPECT_EQ(m.fee_lines[0].unit, "month");
  EXPECT_EQ(m.fee_lines[0].quantity_milli, 533);
  EXPECT_EQ(m.fee_lines[0].unit_price, 3'000'000);
  EXPECT_EQ(m.fee_lines[0].amount, 160);
  EXPECT_EQ(m.fee_lines[0].vat_rate, kVat21);
  EXPECT_EQ(m.fee_lines[0].description, "Community fee, fixed monthly (16 of 30 days)");
  EXPECT_EQ(m.fee.net, 160);
  EXPECT_EQ(m.fee.vat, 34);
  EXPECT_EQ(m.fee.total, 194);
  EXPECT_EQ(m.savings, 111);
  EXPECT_EQ(m.avoided_co2_g, 3'500);
  EXPECT_FALSE(m.expected_savings.has_value());
}

TEST(MemberEconomics, ExpectedSavingsAreProratedBesideTheRealOnes) {
  // The study expects 10.00 € in June for this member: 16 of 30 days → 5.3333 → 5.33 €. Another
  // member's and another month's figures are ignored.
  MemberPeriod p = Zeros(Days({2025, 6, 15}, 16, 24));
  const SupplyContract c = Fixed({150'000, 150'000, 150'000});
  BillingConfig config;
  config.expected_savings = {{.participant = c.participant, .month = 6, .amount = 1000},
                             {.participant = c.participant, .month = 7, .amount = 9999},
                             {.participant = "other", .month = 6, .amount = 7777}};
  const MemberEconomics m = Economics(p, c, config);
  EXPECT_EQ(m.expected_savings, 533);
  CumulativeEconomics total;
  Accumulate(total, m);
  Accumulate(total, m);
  EXPECT_EQ(total.expected_savings, 1066);
  EXPECT_EQ(total.months_with_expected, 2);
}

TEST(MemberEconomics, ZeroConsumptionPaysTheFixedPartsAndTheFee) {
  // July 2025, 31 days, every energy 0. Both bills: power 12.4944694 → 12.49, meter rental
  // 0.826677 → 0.83; IEE 1249 × 5.11269632 % = 63.8576 → 0.64; VAT (1249 + 83 + 64) = 1396 ×
  // 21 % = 293.16 → 2.93; total 16.89. Fee 5.00 €/month, whole month (quantity 1.000), VAT 1.05.
  // Savings 16.89 − 16.89 − 6.05 = −6.05 €. No ratio (0/0), no CO₂.
  MemberPeriod p = Zeros(Days({2025, 7, 1}, 31, 24));
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  AddPowerAndRental(c);
  BillingConfig config = SpanishTaxes();
  config.fee = {.kind = FeeKind::kFixedMonthly,
                .price = 5'000'000,
                .vat = {{.from = {2020, 1, 1}, .rate = kVat21}}};
  config.emission_factor = {{.from = {2020, 1, 1}, .grams_per_kwh = 250}};
  const MemberEconomics m = Economics(p, c, config);
  EXPECT_EQ(m.with_community.electricity_tax, 64);
  EXPECT_EQ(m.with_community.vat, 293);
  EXPECT_EQ(m.with_community.total, 1689);
  EXPECT_EQ(m.without_community.total, 1689);
  ASSERT_EQ(m.fee_lines.size(), 1u);
  EXPECT_EQ(m.fee_lines[0].quantity_milli, 1000);
  EXPECT_EQ(m.fee_lines[0].description, "Community fee, fixed monthly");
  EXPECT_EQ(m.fee.total, 605);
  EXPECT_EQ(m.savings, -605);
  EXPECT_FALSE(m.self_consumption.ppm.has_value());
  EXPECT_FALSE(m.self_sufficiency.ppm.has_value());
  EXPECT_EQ(m.avoided_co2_g, 0);
}

TEST(MemberEconomics, AllSurplusMonthLosesTheWholeSurplusValue) {
  // CM 100 kWh all self-consumed (EA 100, EI 300), EHCR 0, EHEX 200 kWh at 0.05 = 10.00 €:
  // energy term 0 → compensation 0, 10.00 lost; total 0 (no power, no taxes).
  // Without: 100 kWh × 0.15 = 15.00. Fee 0.02 €/kWh × 100 kWh = 2.00 + 21 % = 2.42.
  // Savings 15.00 − 0 − 2.42 = 12.58. EA/EI = 1/3 → 333 333 ppm; EA/CM = 1 000 000 ppm.
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.consumption[12] = 100 * kWh;
  p.self_consumed[12] = 100 * kWh;
  p.imputed[12] = 300 * kWh;
  p.surplus[12] = 200 * kWh;
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 50'000};
  BillingConfig config;
  config.fee = {.kind = FeeKind::kPerKWhSelfConsumed,
                .price = 20'000,
                .vat = {{.from = {2020, 1, 1}, .rate = kVat21}}};
  const MemberEconomics m = Economics(p, c, config);
  EXPECT_EQ(m.with_community.energy, 0);
  EXPECT_EQ(m.with_community.surplus_value, 1000);
  EXPECT_EQ(m.with_community.compensation, 0);
  EXPECT_EQ(m.with_community.compensation_lost, 1000);
  EXPECT_EQ(m.with_community.total, 0);
  EXPECT_EQ(m.without_community.total, 1500);
  EXPECT_EQ(m.fee.total, 242);
  EXPECT_EQ(m.savings, 1258);
  EXPECT_EQ(m.self_consumption.ppm, 333'333);
  EXPECT_EQ(m.self_sufficiency.ppm, 1'000'000);
}

TEST(CommunityFee, PerKWhSelfConsumedIsExactAndRoundedOnce) {
  // EA 123.456789 kWh × 0.02 €/kWh = 2.46913578 € → 2.47; quantity 123.457 kWh (display only).
  MemberPeriod p = Zeros(Days({2025, 6, 1}, 30, 24));
  p.self_consumed[100] = 123'456'789;
  const auto lines = Fee(p, {.kind = FeeKind::kPerKWhSelfConsumed, .price = 20'000});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].code, "fee.self_consumed");
  EXPECT_EQ(lines[0].unit, "kWh");
  EXPECT_EQ(lines[0].quantity_milli, 123'457);
  EXPECT_EQ(lines[0].amount, 247);
  EXPECT_EQ(lines[0].vat_rate, 0);
}

TEST(CommunityFee, PerKWpShareIsProratedByBilledDays) {
  // 2.5 kWp × 3.00 €/kWp/month × 16/30 = 4.00 €; quantity 2.5 × 16/30 = 1.3333 → 1.333.
  MemberPeriod p = Zeros(Days({2025, 6, 15}, 16, 24));
  p.kwp_share_w = 2'500;
  const auto lines = Fee(p, {.kind = FeeKind::kPerKWpShare, .price = 3'000'000});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].code, "fee.kwp");
  EXPECT_EQ(lines[0].quantity_milli, 1'333);
  EXPECT_EQ(lines[0].amount, 400);
  EXPECT_EQ(lines[0].description, "Community fee per kWp share (2.500 kWp) (16 of 30 days)");
}

TEST(CommunityFee, PerCoefficientSharesThePoolFee) {
  // 100.00 €/month for the pool × 0.123456789 = 12.3456789 € → 12.35; quantity 0.123.
  MemberPeriod p = Zeros(Days({2025, 6, 1}, 30, 24));
  p.coefficient_ppb = 123'456'789;
  const auto lines = Fee(p, {.kind = FeeKind::kPerCoefficient, .price = 100'000'000});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].code, "fee.coefficient");
  EXPECT_EQ(lines[0].quantity_milli, 123);
  EXPECT_EQ(lines[0].amount, 1235);
}

TEST(CommunityFee, VatChangeMidMonthSplitsTheLine) {
  // Fixed 5.00 €/month in June; fee VAT 10 % until June 10, 21 % from June 11:
  //   5.00 × 10/30 = 1.6667 → 1.67 at 10 % (VAT 0.167 → 0.17)
  //   5.00 × 20/30 = 3.3333 → 3.33 at 21 % (VAT 0.6993 → 0.70)
  // net 5.00, VAT 0.87, total 5.87.
  MemberPeriod p = Zeros(Days({2025, 6, 1}, 30, 24));
  const CommunityFee fee{
      .kind = FeeKind::kFixedMonthly,
      .price = 5'000'000,
      .vat = {{.from = {2020, 1, 1}, .rate = kVat10}, {.from = {2025, 6, 11}, .rate = kVat21}}};
  const auto lines = Fee(p, fee);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].amount, 167);
  EXPECT_EQ(lines[0].quantity_milli, 333);
  EXPECT_EQ(lines[0].vat_rate, kVat10);
  EXPECT_EQ(lines[1].amount, 333);
  EXPECT_EQ(lines[1].quantity_milli, 667);
  EXPECT_EQ(lines[1].vat_rate, kVat21);
  const FeeTotals totals = SumFeeLines(lines);
  EXPECT_EQ(totals.net, 500);
  EXPECT_EQ(totals.vat, 87);
  EXPECT_EQ(totals.total, 587);
}

TEST(CommunityFee, NoneGivesNoLineAndBadSharesFail) {
  MemberPeriod p = Zeros(Days({2025, 6, 1}, 30, 24));
  EXPECT_TRUE(Fee(p, {}).empty());
  p.coefficient_ppb = 1'000'000'001;
  EXPECT_FALSE(ComputeCommunityFee(p, {.kind = FeeKind::kPerCoefficient, .price = 1}).ok());
}

TEST(MemberEconomics, MissingPricesMarkTheMonthIncomplete) {
  MemberPeriod p = Zeros(Days({2025, 6, 2}, 1, 24));
  p.energy_price.assign(24, 100'000);
  p.energy_price_missing.assign(24, 0);
  p.energy_price_missing[5] = 1;
  p.supplier[5] = p.consumption[5] = 1 * kWh;
  SupplyContract c;
  c.energy.indexed_series = "pvpc";
  const MemberEconomics m = Economics(p, c, BillingConfig{});
  EXPECT_TRUE(m.incomplete);
  EXPECT_TRUE(m.with_community.incomplete);
  EXPECT_TRUE(m.without_community.incomplete);
  EXPECT_EQ(m.message.rfind("with the community: energy prices missing for 1 of 24", 0), 0u)
      << m.message;
  EXPECT_NE(m.message.find("without the community: "), std::string::npos);
}

TEST(MemberEconomics, AccumulatesMonthsIntoCumulativeSavings) {
  // The spec month (savings 57.23) then an empty July (fixed parts 16.89 both ways, fee 6.05,
  // savings −6.05): cumulative 51.18 €; ratios from the summed energy (150/550, 150/300).
  SupplyContract c = Fixed({150'000, 150'000, 150'000});
  c.surplus = {.kind = SurplusKind::kFixed, .fixed_price = 70'000};
  BillingConfig june = SpanishTaxes();
  const MemberEconomics first = Economics(SpecMonth(), c, june);
  AddPowerAndRental(c);
  BillingConfig july = SpanishTaxes();
  july.fee = {.kind = FeeKind::kFixedMonthly,
              .price = 5'000'000,
              .vat = {{.from = {2020, 1, 1}, .rate = kVat21}}};
  const MemberEconomics second = Economics(Zeros(Days({2025, 7, 1}, 31, 24)), c, july);
  CumulativeEconomics total;
  Accumulate(total, first);
  Accumulate(total, second);
  EXPECT_EQ(total.months, 2);
  EXPECT_EQ(total.days, 32);
  EXPECT_EQ(total.without_community, 5723 + 1689);
  EXPECT_EQ(total.with_community, 0 + 1689);
  EXPECT_EQ(total.fee, 605);
  EXPECT_EQ(total.savings, 5118);
  EXPECT_EQ(total.compensation_lost, 550);
  EXPECT_EQ(total.self_consumption.ppm, 272'727);
  EXPECT_EQ(total.self_sufficiency.ppm, 500'000);
  EXPECT_EQ(total.quality_counts[0], 24 + 31 * 24);
  EXPECT_EQ(total.incomplete_months, 0);
}

}  // namespace
}  // namespace reparto
