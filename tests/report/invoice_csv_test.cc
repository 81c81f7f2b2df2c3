// Tests of the invoice CSV tables (exact text for a small invoice and its credit note) and of the
// invoice words and number formats per language (report/invoice_labels.h).
#include "report/invoice_csv.h"

#include <gtest/gtest.h>

#include "report/invoice_labels.h"

namespace reparto::testing {
namespace {

// 150.5 kWh × 0.05 €/kWh = 7.525 € -> 7.53 € at 21 %; one month × 3 € at 10 %.
// VAT: 21 % of 7.53 = 1.5813 -> 1.58; 10 % of 3.00 = 0.30; total 10.53 + 1.88 = 12.41.
Invoice SmallInvoice() {
  Invoice invoice;
  invoice.series = "F";
  invoice.number = 1;
  invoice.number_text = "F-2025-000001";
  invoice.participant = "ES0021000000000001AA";
  invoice.member_name = "Íñigo Muñoz, S.L.";
  invoice.period_from = {2025, 1, 1};
  invoice.period_to = {2025, 2, 1};
  invoice.issue_date = {2025, 2, 3};
  invoice.due_date = {2025, 3, 5};
  invoice.lines = {
      {"fee.self_consumed", "Energía autoconsumida", 150'500, "kWh", 50'000, 753, 2'100'000'000},
      {"fee.fixed", "Cuota fija", 1'000, "month", 3'000'000, 300, 1'000'000'000},
  };
  invoice.net = 1053;
  invoice.vat = 188;
  invoice.total = 1241;
  return invoice;
}

Invoice SmallCreditNote() {
  Invoice note = SmallInvoice();
  note.kind = InvoiceKind::kCreditNote;
  note.series = "R";
  note.number_text = "R-2025-000001";
  note.issue_date = {2025, 2, 10};
  note.due_date = {2025, 3, 12};
  note.lines = {
      {"fee.self_consumed", "Energía autoconsumida", -150'500, "kWh", 50'000, -753, 2'100'000'000}};
  note.net = -753;
  note.vat = -158;
  note.total = -911;
  note.corrects = "F-2025-000001";
  note.reason = "Lectura corregida";
  return note;
}

TEST(InvoiceCsv, OneRowPerInvoice) {
  EXPECT_EQ(FormatInvoicesCsv({SmallInvoice(), SmallCreditNote()}),
            "invoice,kind,participant,member_name,issue_date,due_date,period_first,period_last,"
            "net_eur,vat_eur,total_eur,corrects,reason\n"
            "F-2025-000001,invoice,ES0021000000000001AA,\"Íñigo Muñoz, S.L.\",2025-02-03,"
            "2025-03-05,2025-01-01,2025-01-31,10.53,1.88,12.41,,\n"
            "R-2025-000001,credit_note,ES0021000000000001AA,\"Íñigo Muñoz, S.L.\",2025-02-10,"
            "2025-03-12,2025-01-01,2025-01-31,-7.53,-1.58,-9.11,F-2025-000001,Lectura corregida\n");
}

TEST(InvoiceCsv, OneRowPerLine) {
  EXPECT_EQ(FormatInvoiceLinesCsv({SmallInvoice(), SmallCreditNote()}),
            "invoice,line,code,description,quantity,unit,unit_price_eur,amount_eur,vat_percent\n"
            "F-2025-000001,1,fee.self_consumed,Energía autoconsumida,150.500,kWh,0.050000,7.53,21\n"
            "F-2025-000001,2,fee.fixed,Cuota fija,1.000,month,3.000000,3.00,10\n"
            "R-2025-000001,1,fee.self_consumed,Energía autoconsumida,-150.500,kWh,0.050000,-7.53,"
            "21\n");
}

TEST(InvoiceCsv, EmptyListGivesHeadersOnly) {
  EXPECT_EQ(FormatInvoiceLinesCsv({}),
            "invoice,line,code,description,quantity,unit,unit_price_eur,amount_eur,vat_percent\n");
}

TEST(InvoiceCsv, WritesToAFile) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  ASSERT_TRUE(WriteInvoicesCsv({SmallInvoice()}, file, "invoices.csv").ok());
  std::rewind(file);
  char buffer[512] = {};
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
  std::fclose(file);
  EXPECT_EQ(std::string(buffer, n), FormatInvoicesCsv({SmallInvoice()}));
}

TEST(InvoiceLabels, ParsesLanguageCodes) {
  EXPECT_EQ(*ParseLanguage("es"), Language::kSpanish);
  EXPECT_EQ(*ParseLanguage("PT"), Language::kPortuguese);
  EXPECT_EQ(*ParseLanguage("en-GB"), Language::kEnglish);
  EXPECT_EQ(*ParseLanguage("es_ES"), Language::kSpanish);
  EXPECT_FALSE(ParseLanguage("fr").ok());
  EXPECT_FALSE(ParseLanguage("esx").ok());
  EXPECT_FALSE(ParseLanguage("").ok());
  EXPECT_EQ(ParseLanguage("de").status().message(),
            "unknown language \"de\" (expected en, es or pt)");
  EXPECT_EQ(LanguageCode(Language::kPortuguese), "pt");
}

TEST(InvoiceLabels, EveryLabelInEveryLanguage) {
  for (int i = 0; i < static_cast<int>(Label::kCount); ++i) {
    for (Language language : {Language::kEnglish, Language::kSpanish, Language::kPortuguese}) {
      EXPECT_FALSE(LabelText(static_cast<Label>(i), language).empty()) << i;
    }
  }
  EXPECT_EQ(LabelText(Label::kInvoice, Language::kPortuguese), "Fatura");
  EXPECT_EQ(FillLabel(Label::kPageOf, Language::kSpanish, {"1", "2"}), "Página 1 de 2");
  EXPECT_EQ(FillLabel(Label::kCorrecting, Language::kEnglish, {"F-2025-000012", "wrong meter"}),
            "Credit note correcting F-2025-000012: wrong meter");
  EXPECT_EQ(UnitText("month", Language::kPortuguese), "mês");
  EXPECT_EQ(UnitText("litre", Language::kSpanish), "litre");
}

TEST(InvoiceLabels, MoneyPerLanguage) {
  EXPECT_EQ(FormatMoney(123456, Language::kSpanish), "1.234,56 €");
  EXPECT_EQ(FormatMoney(123456, Language::kPortuguese), "1 234,56 €");
  EXPECT_EQ(FormatMoney(123456, Language::kEnglish), "€1,234.56");
  EXPECT_EQ(FormatMoney(-123456789, Language::kSpanish), "-1.234.567,89 €");
  EXPECT_EQ(FormatMoney(-5, Language::kEnglish), "-€0.05");
  EXPECT_EQ(FormatMoney(0, Language::kPortuguese), "0,00 €");
  EXPECT_EQ(FormatMoney(99999, Language::kEnglish), "€999.99");
}

TEST(InvoiceLabels, NumbersPricesRatesAndDates) {
  EXPECT_EQ(FormatDecimal(150'500, 3, 0, Language::kSpanish), "150,5");
  EXPECT_EQ(FormatDecimal(1'500'000, 3, 0, Language::kSpanish), "1.500");
  EXPECT_EQ(FormatDecimal(1'234'567, 3, 3, Language::kEnglish), "1,234.567");
  EXPECT_EQ(FormatDecimal(-1'000, 3, 0, Language::kPortuguese), "-1");
  EXPECT_EQ(FormatUnitPrice(116'330, Language::kSpanish), "0,11633 €");
  EXPECT_EQ(FormatUnitPrice(3'000'000, Language::kEnglish), "€3.00");
  EXPECT_EQ(FormatUnitPrice(84'034, Language::kPortuguese), "0,084034 €");
  EXPECT_EQ(FormatPercent(2'100'000'000, Language::kSpanish), "21 %");
  EXPECT_EQ(FormatPercent(511'269'632, Language::kEnglish), "5.11269632%");
  EXPECT_EQ(FormatDateFor({2025, 1, 31}, Language::kPortuguese), "31/01/2025");
  EXPECT_EQ(FormatDateFor({2025, 3, 5}, Language::kEnglish), "5 Mar 2025");
}

}  // namespace
}  // namespace reparto::testing
