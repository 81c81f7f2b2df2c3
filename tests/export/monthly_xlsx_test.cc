// Tests of the monthly summary and incentive workbooks: for a small allocated community the XLSX
// holds the CSV's rows and numbers (as numeric cells), the formats are the documented ones, and a
// failed export leaves nothing behind.
#include "export/monthly_xlsx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/italy.h"
#include "export/incentive_xlsx.h"
#include "report/incentive_csv.h"
#include "report/monthly_csv.h"
#include "same_table.h"
#include "support/allocation_fixture.h"
#include "temp_dir.h"
#include "xlsx_test_reader.h"

namespace reparto::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Ids(const Community& community) {
  std::vector<std::string> ids;
  for (const Participant& p : community.participants) ids.push_back(p.id);
  return ids;
}

// Portugal, hourly, one UTC day: two consumers (one with a comma in its id), a producer; A's
// reading is estimated at 10:00 and B's missing at 03:00.
class MonthlyXlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int a = f_.Add("A", Role::kConsumer);
    const int b = f_.Add("B, the bakery", Role::kConsumer);
    const int pv = f_.Add("PV", Role::kProducer);
    f_.Period(Method::kProportional);
    auto table = f_.Table();
    for (int t = 0; t < 24; ++t) {
      const double sun = t >= 7 && t <= 18 ? 0.5 * (6 - std::abs(t - 12.5)) : 0;
      table->Set(a, t, KWh(0.3 + 0.01 * t), t == 10 ? Quality::kEstimated : Quality::kReal, 0,
                 Quality::kReal);
      table->Set(b, t, t == 3 ? 0 : KWh(1.234567), t == 3 ? Quality::kMissing : Quality::kReal, 0,
                 Quality::kReal);
      table->Set(pv, t, 0, Quality::kReal, KWh(sun), Quality::kReal);
    }
    auto allocator = Allocator::Create(f_.community, f_.grid);
    ASSERT_TRUE(allocator.ok()) << allocator.status().message();
    totals_ = std::make_unique<MonthlyTotals>(3, f_.grid);
    (*allocator)->AllocateAll(*table, *totals_);
  }

  Fixture f_;
  std::unique_ptr<MonthlyTotals> totals_;
};

TEST_F(MonthlyXlsxTest, SameNumbersAsTheCsv) {
  TempDir dir;
  const std::string path = dir.File("monthly.xlsx");
  ASSERT_TRUE(WriteMonthlyXlsx(f_.community, *totals_, path).ok());
  EXPECT_THAT(dir.Names(), ElementsAre("monthly.xlsx"));
  auto csv = FormatMonthlyCsv(*totals_, Ids(f_.community));
  ASSERT_TRUE(csv.ok());

  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().message();
  ASSERT_EQ(sheets->size(), 1u);
  EXPECT_EQ((*sheets)[0].name, "monthly");
  EXPECT_EQ(ExpectSameTable(*csv, *sheets, kMonthlyColumns), 4u);  // A, B, PV, community

  // Formats: kWh, percent for ratios, a month date; counts General.
  const XlsxReadSheet& s = (*sheets)[0];
  EXPECT_EQ(s.autofilter, "A1:X5");
  EXPECT_EQ(s.at(1, 1)->format, "yyyy-mm");
  EXPECT_EQ(s.at(1, 1)->number(), 45413);  // 2024-05-01
  EXPECT_EQ(s.at(1, 2)->format, "#,##0.000");
  EXPECT_EQ(s.at(1, 17)->format, "0.0%");
  EXPECT_EQ(s.at(1, 19)->format, "");
  EXPECT_EQ(s.at(4, 0)->text, "*community*");
  // Sums add up as numbers: pool = imputed + unallocated on the community row.
  EXPECT_NEAR(s.at(4, 22)->number(), s.at(4, 6)->number() + s.at(4, 23)->number(), 1e-9);
  EXPECT_GT(s.at(4, 22)->number(), 0);
  // B's missing hour is counted; PV's ratios are empty (nothing imputed, no consumption).
  EXPECT_EQ(s.at(2, 21)->number(), 1);
  EXPECT_EQ(s.at(3, 17), nullptr);
}

TEST_F(MonthlyXlsxTest, WrongCommunityIsAnErrorAndLeavesNoFile) {
  TempDir dir;
  Community other = f_.community;
  other.participants.pop_back();
  const Status status = WriteMonthlyXlsx(other, *totals_, dir.File("monthly.xlsx"));
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("monthly.xlsx: monthly summary: 2 participants"));
  EXPECT_THAT(dir.Names(), ::testing::IsEmpty());
}

TEST_F(MonthlyXlsxTest, SummaryAndIncentiveSheetsInOneWorkbook) {
  TempDir dir;
  const std::string path = dir.File("both.xlsx");
  Fixture italy(Country::kItaly, 3600);
  italy.Add("A", Role::kConsumer);
  italy.Add("B,shop", Role::kConsumer);
  const int pv = italy.Add("PV", Role::kProducer);
  italy.community.italy.plant_kw = 150;
  italy.Period(Method::kProportional);
  auto table = italy.Table();
  table->Set(0, 0, KWh(30), Quality::kReal, 0, Quality::kReal);
  table->Set(1, 0, KWh(15), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(50), Quality::kReal);
  ItalianIncentive incentive(
      italy.community, italy.grid,
      std::vector<PriceE4>(static_cast<std::size_t>(italy.grid.interval_count()), 1500000));
  auto allocator = Allocator::Create(italy.community, italy.grid);
  ASSERT_TRUE(allocator.ok()) << allocator.status().message();
  (*allocator)->AllocateAll(*table, incentive);

  const Status written = WriteXlsx(path, [&](XlsxWorkbook& book) {
    if (Status s = AddMonthlySheet(book, f_.community, *totals_); !s.ok()) return s;
    return AddIncentiveSheet(book, italy.community, incentive);
  });
  ASSERT_TRUE(written.ok()) << written.message();
  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_EQ((*sheets)[1].name, "incentives");
  const std::vector<XlsxReadSheet> incentives = {(*sheets)[1]};
  EXPECT_EQ(ExpectSameTable(FormatIncentiveCsv(incentive, Ids(italy.community)), incentives,
                            kIncentiveColumns),
            3u);
  EXPECT_EQ((*sheets)[1].at(1, 3)->number(), 3.3);  // A: 3.30 €
  EXPECT_EQ((*sheets)[1].at(1, 3)->format, "#,##0.00 \"€\"");

  ASSERT_TRUE(WriteIncentiveXlsx(italy.community, incentive, dir.File("i.xlsx")).ok());
  auto alone = ReadXlsxForTest(dir.File("i.xlsx"));
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(ExpectSameTable(FormatIncentiveCsv(incentive, Ids(italy.community)), *alone,
                            kIncentiveColumns),
            3u);
}

}  // namespace
}  // namespace reparto::testing
