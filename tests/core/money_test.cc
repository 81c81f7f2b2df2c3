// Money, rates, invoice totals, overdue lists and billing-config validation, by hand.
#include "core/money.h"

#include <gtest/gtest.h>

#include "core/invoice.h"
#include "core/tariff.h"

namespace reparto {
namespace {

TEST(Money, EnergyTimesPriceIsExactInPicoEuros) {
  // 150 kWh × 0.15 €/kWh = 22.50 € (spec/tariffs.md §3).
  EXPECT_TRUE(EnergyAmount(150 * kMilliWhPerKWh, 150'000) == PicoEuros{22'500'000'000'000});
  EXPECT_EQ(RoundToCents(EnergyAmount(150 * kMilliWhPerKWh, 150'000)), 2250);
  // 1 mWh × 0.116330 €/kWh = 0.00000011633 €, kept exactly.
  EXPECT_TRUE(EnergyAmount(1, 116'330) == PicoEuros{116'330});
  // 4.6 kW × 0.084034 €/kW/day × 30 days = 11.596692 € → 11.60
  EXPECT_EQ(RoundToCents(PowerAmount(4'600, 84'034, 30)), 1160);
  // 0.026667 €/day × 31 days = 0.826677 € → 0.83
  EXPECT_EQ(RoundToCents(DailyAmount(26'667, 31)), 83);
}

TEST(Money, RoundsHalfAwayFromZeroOnce) {
  EXPECT_EQ(RoundToCents(5'000'000'000), 1);    // 0.005 € → 0.01 €
  EXPECT_EQ(RoundToCents(4'999'999'999), 0);    // just under half a cent
  EXPECT_EQ(RoundToCents(-5'000'000'000), -1);  // −0.005 € → −0.01 €
  EXPECT_EQ(RoundToCents(-4'999'999'999), 0);
  EXPECT_EQ(RoundToCents(12'345'000'000'000), 1235);  // 12.345 € → 12.35 €
}

TEST(Money, AppliesRatesToCents) {
  EXPECT_EQ(ApplyRate(2250, 2'100'000'000), 473);  // 21 % of 22.50 = 4.725 → 4.73
  EXPECT_EQ(ApplyRate(-2250, 2'100'000'000), -473);
  // Electricity tax 5.11269632 % of 100.00 € = 5.11269632 → 5.11
  EXPECT_EQ(ApplyRate(10'000, 511'269'632), 511);
  EXPECT_EQ(ApplyRate(0, 2'100'000'000), 0);
}

TEST(Money, ParsesAndPrintsExactDecimals) {
  EXPECT_EQ(*ParseMicroPrice("0.11633"), 116'330);
  EXPECT_EQ(*ParseMicroPrice("-0.5"), -500'000);
  EXPECT_EQ(*ParseMicroPrice("12"), 12'000'000);
  EXPECT_EQ(*ParseMicroPrice(".25"), 250'000);
  EXPECT_FALSE(ParseMicroPrice("0.1234567").ok());
  EXPECT_FALSE(ParseMicroPrice("1e-3").ok());
  EXPECT_FALSE(ParseMicroPrice("1,5").ok());
  EXPECT_FALSE(ParseMicroPrice("").ok());
  EXPECT_FALSE(ParseMicroPrice("-").ok());
  EXPECT_NE(ParseMicroPrice("0.1234567").status().message().find("6 decimals"), std::string::npos);
  EXPECT_EQ(*ParsePercentRate("21"), 2'100'000'000);
  EXPECT_EQ(*ParsePercentRate("5.11269632"), 511'269'632);
  EXPECT_FALSE(ParsePercentRate("101").ok());
  EXPECT_FALSE(ParsePercentRate("-1").ok());
  EXPECT_EQ(FormatCents(2250), "22.50");
  EXPECT_EQ(FormatCents(-50), "-0.50");
  EXPECT_EQ(FormatCents(5), "0.05");
  EXPECT_EQ(FormatMicroPrice(116'330), "0.116330");
  EXPECT_EQ(FormatPercentRate(511'269'632), "5.11269632");
  EXPECT_EQ(FormatPercentRate(2'100'000'000), "21");
}

TEST(Invoice, TotalsRoundVatOncePerRate) {
  Invoice invoice;
  // Two lines at 21 %: 0.03 + 0.03 = 0.06 → VAT 0.0126 → 0.01 (per line it would be 0.01 + 0.01).
  invoice.lines.push_back({.code = "a", .amount = 3, .vat_rate = 2'100'000'000});
  invoice.lines.push_back({.code = "b", .amount = 3, .vat_rate = 2'100'000'000});
  invoice.lines.push_back({.code = "c", .amount = 1000, .vat_rate = 1'000'000'000});  // 10 %
  ComputeInvoiceTotals(invoice);
  EXPECT_EQ(invoice.net, 1006);
  EXPECT_EQ(invoice.vat, 1 + 100);
  EXPECT_EQ(invoice.total, 1107);
}

TEST(Invoice, NumberTextAndOverdueList) {
  EXPECT_EQ(InvoiceNumberText("F", 2025, 12), "F-2025-000012");
  const std::vector<InvoiceBalance> balances = {
      {.invoice = "F-2025-000001", .due_date = {2025, 7, 31}, .total = 1000, .outstanding = 1000},
      {.invoice = "F-2025-000002", .due_date = {2025, 7, 31}, .total = 1000, .outstanding = 0},
      {.invoice = "F-2025-000003", .due_date = {2025, 8, 20}, .total = 500, .outstanding = 500},
  };
  const auto overdue = OverdueOn(balances, {2025, 8, 10}, {7, 21, 45});
  ASSERT_EQ(overdue.size(), 1u);  // paid and not-yet-due ones are not overdue
  EXPECT_EQ(overdue[0].balance.invoice, "F-2025-000001");
  EXPECT_EQ(overdue[0].days_overdue, 10);
  ASSERT_EQ(overdue[0].reminders.size(), 3u);
  EXPECT_EQ(overdue[0].reminders[0], (CivilDate{2025, 8, 7}));
  EXPECT_EQ(overdue[0].next_reminder, (CivilDate{2025, 8, 21}));
}

TEST(Tariff, DatedRatesAndNames) {
  const std::vector<DatedRate> vat = {
      {{2021, 1, 1}, 2'100'000'000}, {{2021, 6, 26}, 1'000'000'000}, {{2025, 1, 1}, 2'100'000'000}};
  EXPECT_EQ(RateOn(vat, {2020, 12, 31}), 0);
  EXPECT_EQ(RateOn(vat, {2021, 6, 25}), 2'100'000'000);
  EXPECT_EQ(RateOn(vat, {2021, 6, 26}), 1'000'000'000);
  EXPECT_EQ(RateOn(vat, {2025, 6, 1}), 2'100'000'000);
  EXPECT_EQ(*ParseAccessTariff("3.0TD"), AccessTariff::k30TD);
  EXPECT_EQ(AccessTariffName(AccessTariff::kPortugalWeekly), "pt-weekly");
  EXPECT_NE(ParseTariffZone("mars").status().message().find("peninsula"), std::string::npos);
  EXPECT_EQ(EnergyPeriodCount(AccessTariff::k20TD), 3);
  EXPECT_EQ(PowerPeriodCount(AccessTariff::k20TD), 2);
  EXPECT_EQ(PowerPeriodCount(AccessTariff::k61TD), 6);
}

TEST(Tariff, ValidationListsEveryProblemByParticipant) {
  BillingConfig config;
  SupplyContract good{.participant = "A",
                      .from = {2025, 1, 1},
                      .to = CivilDate{2025, 7, 1},
                      .power_w = {4600, 4600},
                      .power_price = {84'034, 3'585},
                      .energy = {.period_prices = {180'000, 120'000, 90'000}}};
  config.contracts.push_back(good);
  EXPECT_TRUE(Validate(config).ok()) << Validate(config).message();
  SupplyContract overlapping = good;
  overlapping.from = {2025, 6, 1};
  overlapping.to.reset();
  overlapping.energy.period_prices = {180'000, 120'000};  // one missing
  config.contracts.push_back(overlapping);
  config.vat = {{{2025, 1, 1}, 2'100'000'000}, {{2024, 1, 1}, 1'000'000'000}};
  const Status s = Validate(config);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("contracts of A overlap"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("energy prices need 3 values"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("VAT: dates are not in increasing order"), std::string::npos);
  SupplyContract portuguese_in_spain = good;
  portuguese_in_spain.participant = "B";
  portuguese_in_spain.access = AccessTariff::kPortugalDaily;
  config.contracts = {portuguese_in_spain};
  config.vat.clear();
  EXPECT_NE(Validate(config).message().find("does not apply in zone peninsula"), std::string::npos);
}

}  // namespace
}  // namespace reparto
