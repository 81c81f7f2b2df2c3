// Billing as a manager runs it on the demo database: `reparto bill` (every row's savings add up,
// CSV and XLSX), a billing run previewed then made final (numbers without gaps, PDF rendered to a
// page image, immutable: a second finalise has nothing to do), a credit note and a re-invoice, the
// payments ledger; and bad input: a billing file naming an unknown participant (nothing stored),
// an indexed contract over a month whose real PVPC prices have a gap (refused, then INCOMPLETE
// with --allow-incomplete).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "fileio/read_file.h"
#include "store/cli_runner.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, sep)) fields.push_back(field);
  return fields;
}

// "12.34" → 1234.
long long Cents(const std::string& text) {
  const auto point = text.find('.');
  const bool negative = text[0] == '-';
  long long whole = std::stoll(text.substr(0, point));
  long long cents = std::stoll(text.substr(point + 1));
  return whole * 100 + (negative ? -cents : cents);
}

class CliBilling : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(NewTempDir());
    Output demo = Reparto("demo --db " + *dir_ + "/demo.db");
    ASSERT_EQ(demo.code, 0) << demo.text;
    const auto open = demo.text.find("\" (") + 3;
    cau_ = new std::string(demo.text.substr(open, demo.text.find(')', open) - open));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete cau_;
  }
  static std::string Db() { return " --db " + *dir_ + "/demo.db"; }
  static std::string* dir_;
  static std::string* cau_;
};
std::string* CliBilling::dir_ = nullptr;
std::string* CliBilling::cau_ = nullptr;

TEST_F(CliBilling, BillRowsAddUp) {
  const std::string csv = *dir_ + "/bill.csv";
  Output bill =
      Reparto("bill --community " + *cau_ + " --month 2025-06 --format csv --output " + csv + Db());
  ASSERT_EQ(bill.code, 0) << bill.text;
  auto text = ReadWholeFile(csv);
  ASSERT_TRUE(text.ok());
  std::stringstream lines(*text);
  std::string line;
  std::getline(lines, line);
  const auto header = Split(line, ',');
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  int rows = 0;
  long long total_savings = 0;
  while (std::getline(lines, line)) {
    const auto f = Split(line, ',');
    ASSERT_EQ(f.size(), header.size()) << line;
    ++rows;
    // savings = without − with − fee, to the cent, on every row.
    EXPECT_EQ(Cents(f[column("savings_eur")]), Cents(f[column("without_community_eur")]) -
                                                   Cents(f[column("with_community_eur")]) -
                                                   Cents(f[column("fee_eur")]))
        << line;
    // The demo's fee is 0.02 €/kWh self-consumed + 21 % VAT.
    const double self_consumed = std::stod(f[column("self_consumed_kwh")]);
    EXPECT_NEAR(static_cast<double>(Cents(f[column("fee_eur")])), self_consumed * 2 * 1.21, 1.01)
        << line;
    // The compensation never exceeds the energy term.
    EXPECT_LE(Cents(f[column("compensation_eur")]), Cents(f[column("energy_eur")])) << line;
    EXPECT_EQ(f[column("days")], "30");
    EXPECT_EQ(f[column("incomplete")], "no");
    total_savings += Cents(f[column("savings_eur")]);
  }
  EXPECT_EQ(rows, 39) << "every consumer of the demo, producers not billed";
  EXPECT_GT(total_savings, 0);

  Output text_bill = Reparto("bill --community " + *cau_ + " --month 2025-06" + Db());
  ASSERT_EQ(text_bill.code, 0) << text_bill.text;
  EXPECT_NE(text_bill.text.find("39 member(s)"), std::string::npos) << text_bill.text;

  Output xlsx = Reparto("bill --community " + *cau_ + " --month 2025-06 --format xlsx --output " +
                        *dir_ + "/bill.xlsx" + Db());
  ASSERT_EQ(xlsx.code, 0) << xlsx.text;
  auto bytes = ReadWholeFile(*dir_ + "/bill.xlsx");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->substr(0, 2), "PK");
}

TEST_F(CliBilling, RunPreviewFinaliseCreditAndPay) {
  const std::string c = " --community " + *cau_;
  Output preview = Reparto("billing preview" + c + " --month 2025-07" + Db());
  ASSERT_EQ(preview.code, 0) << preview.text;
  EXPECT_NE(preview.text.find("39 invoice(s)"), std::string::npos) << preview.text;
  Output final_run =
      Reparto("billing finalise" + c + " --month 2025-07 --issue-date 2025-08-01" + Db());
  ASSERT_EQ(final_run.code, 0) << final_run.text;
  // Numbers 1..39 of the series, in order, without gaps.
  for (int n : {1, 2, 38, 39}) {
    char number[32];
    std::snprintf(number, sizeof number, "CEB-2025-%06d", n);
    EXPECT_NE(final_run.text.find(number), std::string::npos) << number;
  }
  EXPECT_EQ(final_run.text.find("CEB-2025-000040"), std::string::npos);
  Output again = Reparto("billing finalise" + c + " --month 2025-07" + Db());
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.text.find("no draft billing run"), std::string::npos) << again.text;

  const std::string pdf = *dir_ + "/july.pdf";
  Output printed = Reparto("invoice pdf" + c +
                           " --month 2025-07 --invoice CEB-2025-000003 "
                           "--language es --output " +
                           pdf + Db());
  ASSERT_EQ(printed.code, 0) << printed.text;
  const std::string png = *dir_ + "/page";
  ASSERT_EQ(std::system(("pdftoppm -png -r 40 -f 1 -l 1 " + pdf + " " + png).c_str()), 0);
  auto image = ReadWholeFile(png + "-1.png");
  ASSERT_TRUE(image.ok()) << "pdftoppm rendered no page";
  EXPECT_EQ(image->substr(1, 3), "PNG");
  ASSERT_EQ(std::system(("pdftotext -layout " + pdf + " " + *dir_ + "/july.txt").c_str()), 0);
  auto words = ReadWholeFile(*dir_ + "/july.txt");
  ASSERT_TRUE(words.ok());
  EXPECT_NE(words->find("CEB-2025-000003"), std::string::npos) << *words;
  EXPECT_NE(words->find("Comunitat Energètica Benimaclet"), std::string::npos) << *words;

  Output credit = Reparto(
      "invoice credit --invoice CEB-2025-000003 --reason \"Lectura corregida\" "
      "--date 2025-08-05" +
      Db());
  ASSERT_EQ(credit.code, 0) << credit.text;
  EXPECT_NE(credit.text.find("CEBR-2025-000001"), std::string::npos) << credit.text;
  Output twice = Reparto("invoice credit --invoice CEB-2025-000003 --reason again" + Db());
  EXPECT_EQ(twice.code, 1) << twice.text;
  // Re-invoicing the month reaches only the credited member.
  Output reinvoice = Reparto("billing preview" + c + " --month 2025-07" + Db());
  ASSERT_EQ(reinvoice.code, 0) << reinvoice.text;
  EXPECT_NE(reinvoice.text.find("1 invoice(s)"), std::string::npos) << reinvoice.text;

  Output pay =
      Reparto("payment record --invoice CEB-2025-000001 --amount 1.00 --date 2025-08-10" + Db());
  ASSERT_EQ(pay.code, 0) << pay.text;
  Output balances = Reparto("payment balances" + c + Db());
  ASSERT_EQ(balances.code, 0) << balances.text;
  EXPECT_NE(balances.text.find("CEB-2025-000003"), std::string::npos);
  Output overdue = Reparto("payment overdue" + c + " --today 2025-10-01" + Db());
  ASSERT_EQ(overdue.code, 0) << overdue.text;
  EXPECT_NE(overdue.text.find("CEB-2025-000001"), std::string::npos) << "partly paid is overdue";
  EXPECT_EQ(overdue.text.find("CEB-2025-000003"), std::string::npos) << "credited is not owed";
  Output bad_amount = Reparto("payment record --invoice CEB-2025-000001 --amount 1,5" + Db());
  EXPECT_EQ(bad_amount.code, 1);
  EXPECT_NE(bad_amount.text.find("not an amount"), std::string::npos) << bad_amount.text;
}

TEST_F(CliBilling, BadBillingFileAndPriceGaps) {
  const std::string c = " --community " + *cau_;
  const std::string bad = *dir_ + "/bad.toml";
  std::ofstream(bad) << "[[contracts]]\nparticipant = \"ES0000NOBODY\"\nfrom = 2024-01-01\n"
                        "tariff = \"2.0TD\"\nzone = \"peninsula\"\n"
                        "power_eur_per_kw_day = [\"0.075903\", \"0.001988\"]\n"
                        "energy_series = \"pvpc-pcb\"\n";
  Output refused =
      Reparto("billing set-config" + c + " --file " + bad + " --from 2024-12-01" + Db());
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.text.find("'ES0000NOBODY', which is not a participant"), std::string::npos)
      << refused.text;
  Output configs = Reparto("billing configs" + c + Db());
  EXPECT_EQ(configs.text.find("NOBODY"), std::string::npos) << "nothing stored";

  // An indexed contract for everyone from December 2025, and the real PVPC prices.
  const std::string indexed = *dir_ + "/indexed.toml";
  std::ofstream(indexed) << "[taxes]\nvat = [{ from = 2025-01-01, percent = \"21\" }]\n"
                            "[[contracts]]\nparticipant = \"*\"\nfrom = 2025-01-01\n"
                            "tariff = \"2.0TD\"\nzone = \"peninsula\"\n"
                            "power_eur_per_kw_day = [\"0.075903\", \"0.001988\"]\n"
                            "energy_series = \"pvpc-pcb\"\n";
  Output set =
      Reparto("billing set-config" + c + " --file " + indexed + " --from 2025-12-01" + Db());
  ASSERT_EQ(set.code, 0) << set.text;
  Output no_prices = Reparto("bill" + c + " --month 2025-12" + Db());
  EXPECT_EQ(no_prices.code, 1);
  EXPECT_NE(no_prices.text.find("reparto prices import"), std::string::npos) << no_prices.text;
  const std::string pvpc = std::string(REPARTO_SHARED_DATA) +
                           "/prices/PVPC_2.0TD_hourly_EUR_per_kWh_2021-06-01_2026-08-07.csv";
  Output imported = Reparto("prices import " + pvpc + Db());
  ASSERT_EQ(imported.code, 0) << imported.text;
  EXPECT_NE(imported.text.find("pvpc-pcb"), std::string::npos) << imported.text;
  Output priced = Reparto("bill" + c + " --month 2025-12" + Db());
  ASSERT_EQ(priced.code, 0) << priced.text;
  EXPECT_EQ(priced.text.find("INCOMPLETE"), std::string::npos) << priced.text;

  // November from a series that misses one day: the real PVPC rows of November 2025 as a generic
  // CSV, without 10 November.
  auto text = ReadWholeFile(pvpc);
  ASSERT_TRUE(text.ok());
  std::stringstream in(*text);
  std::string line;
  std::string generic = "start,price_eur_per_kwh\n";
  while (std::getline(in, line)) {
    const auto f = Split(line, ',');
    if (f.size() >= 3 && f[1].rfind("2025-11", 0) == 0 && f[1].rfind("2025-11-10", 0) != 0) {
      generic += f[1] + "," + f[2] + "\n";
    }
  }
  std::ofstream(*dir_ + "/holed.csv") << generic;
  Output holed_import =
      Reparto("prices import --format csv --name holed-pcb " + *dir_ + "/holed.csv" + Db());
  ASSERT_EQ(holed_import.code, 0) << holed_import.text;
  std::ofstream(*dir_ + "/holed.toml")
      << "[[contracts]]\nparticipant = \"*\"\nfrom = 2025-01-01\ntariff = \"2.0TD\"\n"
         "zone = \"peninsula\"\npower_eur_per_kw_day = [\"0.075903\", \"0.001988\"]\n"
         "energy_series = \"holed-pcb\"\n";
  Output holed_set = Reparto("billing set-config" + c + " --file " + *dir_ +
                             "/holed.toml --from 2025-11-01" + Db());
  ASSERT_EQ(holed_set.code, 0) << holed_set.text;
  Output gap = Reparto("bill" + c + " --month 2025-11" + Db());
  EXPECT_EQ(gap.code, 1);
  EXPECT_NE(gap.text.find("2025-11-10"), std::string::npos) << gap.text;
  Output allowed = Reparto("bill" + c + " --month 2025-11 --allow-incomplete" + Db());
  ASSERT_EQ(allowed.code, 0) << allowed.text;
  EXPECT_NE(allowed.text.find("INCOMPLETE"), std::string::npos) << allowed.text;
}

}  // namespace
}  // namespace reparto
