// The rules both billing stores share: price series checks and the credit note of an invoice.
#include "core/billing_rules.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

TEST(BillingRules, CreditNoteNegatesEveryLineAndTotal) {
  Invoice original{.series = "F",
                   .number = 7,
                   .number_text = "F-2025-000007",
                   .participant = "ES1",
                   .issue_date = {2025, 7, 1},
                   .due_date = {2025, 7, 31}};
  original.lines.push_back({.code = "fee.self_consumed",
                            .quantity_milli = 84'500,
                            .unit_price = 20'000,
                            .amount = 169,
                            .vat_rate = 2'100'000'000});
  ComputeInvoiceTotals(original);
  ASSERT_EQ(original.total, 169 + 35);
  const Invoice credit = CreditNoteFor(original, "R", {2025, 8, 5}, "Lectura corregida");
  EXPECT_EQ(credit.kind, InvoiceKind::kCreditNote);
  EXPECT_EQ(credit.series, "R");
  EXPECT_EQ(credit.number, 0);
  EXPECT_TRUE(credit.number_text.empty());
  EXPECT_EQ(credit.corrects, "F-2025-000007");
  EXPECT_EQ(credit.issue_date, (CivilDate{2025, 8, 5}));
  EXPECT_EQ(credit.lines[0].amount, -169);
  EXPECT_EQ(credit.lines[0].quantity_milli, -84'500);
  EXPECT_EQ(credit.total, -204);
  // Totals recomputed from the negated lines agree with the negated totals.
  Invoice recomputed = credit;
  ComputeInvoiceTotals(recomputed);
  EXPECT_EQ(recomputed.total, credit.total);
  EXPECT_TRUE(CheckCreditable(original).ok());
  EXPECT_FALSE(CheckCreditable(credit).ok());
}

TEST(BillingRules, PriceSeriesChecks) {
  PriceSeries s{.name = "pvpc-pcb", .step_seconds = 3600, .points = {{0, 1}, {3600, 2}}};
  EXPECT_TRUE(CheckPriceSeries(s).ok());
  EXPECT_TRUE(CheckSameStep(s, 3600).ok());
  EXPECT_NE(CheckSameStep(s, 900).message().find("has a step of 900 s"), std::string::npos);
  s.points.push_back({3600, 3});
  EXPECT_NE(CheckPriceSeries(s).message().find("point 2"), std::string::npos);
  s.points.pop_back();
  s.name.clear();
  EXPECT_FALSE(CheckPriceSeries(s).ok());
}

}  // namespace
}  // namespace reparto
