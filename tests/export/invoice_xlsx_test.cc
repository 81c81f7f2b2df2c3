// Tests of the invoice workbook: sheets "Invoices" and "Lines" read back cell by cell (money as
// euro numbers with the € format, dates as date serials, empty text as no cell), headers in
// English machine names or in a language, and a failed export leaves nothing.
#include "export/invoice_xlsx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "temp_dir.h"
#include "xlsx_test_reader.h"

namespace reparto::testing {
namespace {

using ::testing::HasSubstr;

// 150.5 kWh × 0.05 €/kWh = 7.53 € at 21 % and one month × 3 € at 10 %: net 10.53 €, VAT
// 1.58 + 0.30 = 1.88 €, total 12.41 €; the credit note takes the energy line back.
std::vector<Invoice> Invoices() {
  Invoice invoice;
  invoice.number_text = "F-2025-000001";
  invoice.participant = "ES0021000000000001AA";
  invoice.member_name = "Conceição Muñoz";
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
  Invoice note = invoice;
  note.kind = InvoiceKind::kCreditNote;
  note.number_text = "R-2025-000001";
  note.lines = {
      {"fee.self_consumed", "Energía autoconsumida", -150'500, "kWh", 50'000, -753, 2'100'000'000}};
  note.net = -753;
  note.vat = -158;
  note.total = -911;
  note.corrects = "F-2025-000001";
  note.reason = "Lectura corregida";
  return {invoice, note};
}

TEST(InvoiceXlsx, SheetsHoldTheCsvRowsAsNumbersAndDates) {
  TempDir dir;
  const std::string path = dir.File("invoices.xlsx");
  const Status status = WriteInvoicesXlsx(Invoices(), path);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"invoices.xlsx"});
  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().message();
  ASSERT_EQ(sheets->size(), 2u);

  const XlsxReadSheet& s = (*sheets)[0];
  EXPECT_EQ(s.name, "Invoices");
  ASSERT_EQ(s.rows.size(), 3u);
  const std::vector<std::string> header = {"invoice",    "kind",     "participant",  "member_name",
                                           "issue_date", "due_date", "period_first", "period_last",
                                           "net_eur",    "vat_eur",  "total_eur",    "corrects",
                                           "reason"};
  for (int c = 0; c < 13; ++c) EXPECT_EQ(s.at(0, c)->text, header[static_cast<std::size_t>(c)]);
  EXPECT_EQ(s.frozen, "B2");
  EXPECT_EQ(s.autofilter, "A1:M3");
  EXPECT_EQ(s.at(1, 0)->text, "F-2025-000001");
  EXPECT_EQ(s.at(1, 1)->text, "invoice");
  EXPECT_EQ(s.at(1, 3)->text, "Conceição Muñoz");
  EXPECT_TRUE(s.at(1, 4)->numeric);
  EXPECT_EQ(s.at(1, 4)->number(), 45691);  // 2025-02-03
  EXPECT_EQ(s.at(1, 4)->format, "yyyy-mm-dd");
  EXPECT_EQ(s.at(1, 5)->number(), 45721);  // 2025-03-05
  EXPECT_EQ(s.at(1, 6)->number(), 45658);  // 2025-01-01
  EXPECT_EQ(s.at(1, 7)->number(), 45688);  // 2025-01-31, the last billed day
  EXPECT_EQ(s.at(1, 8)->number(), 10.53);
  EXPECT_EQ(s.at(1, 8)->format, "#,##0.00 \"€\"");
  EXPECT_EQ(s.at(1, 9)->number(), 1.88);
  EXPECT_EQ(s.at(1, 10)->number(), 12.41);
  EXPECT_EQ(s.at(1, 11), nullptr);  // an invoice corrects nothing
  EXPECT_EQ(s.at(1, 12), nullptr);
  EXPECT_EQ(s.at(2, 1)->text, "credit_note");
  EXPECT_EQ(s.at(2, 10)->number(), -9.11);
  EXPECT_EQ(s.at(2, 11)->text, "F-2025-000001");
  EXPECT_EQ(s.at(2, 12)->text, "Lectura corregida");

  const XlsxReadSheet& l = (*sheets)[1];
  EXPECT_EQ(l.name, "Lines");
  ASSERT_EQ(l.rows.size(), 4u);
  EXPECT_EQ(l.at(0, 6)->text, "unit_price_eur");
  EXPECT_EQ(l.at(2, 0)->text, "F-2025-000001");
  EXPECT_EQ(l.at(2, 1)->number(), 2);
  EXPECT_EQ(l.at(2, 2)->text, "fee.fixed");
  EXPECT_EQ(l.at(1, 3)->text, "Energía autoconsumida");
  EXPECT_EQ(l.at(1, 4)->number(), 150.5);
  EXPECT_EQ(l.at(1, 4)->format, "#,##0.000");
  EXPECT_EQ(l.at(1, 5)->text, "kWh");
  EXPECT_EQ(l.at(1, 6)->number(), 0.05);
  EXPECT_EQ(l.at(1, 6)->format, "#,##0.000000 \"€\"");
  EXPECT_EQ(l.at(1, 7)->number(), 7.53);
  EXPECT_EQ(l.at(1, 8)->number(), 21);
  EXPECT_EQ(l.at(2, 8)->number(), 10);
  EXPECT_EQ(l.at(3, 0)->text, "R-2025-000001");
  EXPECT_EQ(l.at(3, 1)->number(), 1);
  EXPECT_EQ(l.at(3, 4)->number(), -150.5);
  EXPECT_EQ(l.at(3, 7)->number(), -7.53);
}

TEST(InvoiceXlsx, HeadersAndKindInALanguage) {
  TempDir dir;
  const std::string path = dir.File("facturas.xlsx");
  ASSERT_TRUE(WriteInvoicesXlsx(Invoices(), path, Language::kPortuguese).ok());
  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok());
  EXPECT_EQ((*sheets)[0].at(0, 0)->text, "Número");
  EXPECT_EQ((*sheets)[0].at(0, 4)->text, "Data de emissão");
  EXPECT_EQ((*sheets)[0].at(1, 1)->text, "Fatura");
  EXPECT_EQ((*sheets)[0].at(2, 1)->text, "Nota de crédito");
  EXPECT_EQ((*sheets)[1].at(0, 6)->text, "Preço unitário");
}

TEST(InvoiceXlsx, MissingDirectoryIsAnErrorAndLeavesNoFile) {
  TempDir dir;
  const std::string path = dir.File("missing/invoices.xlsx");
  const Status status = WriteInvoicesXlsx(Invoices(), path);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr(path));
  EXPECT_THAT(dir.Names(), ::testing::IsEmpty());
}

}  // namespace
}  // namespace reparto::testing
