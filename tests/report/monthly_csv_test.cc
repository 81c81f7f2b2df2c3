// Tests of the monthly summary CSV: exact bytes for two participants over a grid crossing a month
// boundary (sums, demand in kW, ratios, quality counts, community rows with pool and unallocated).
#include "report/monthly_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/fake_runs.h"

namespace reparto {
namespace {

using testing::FakeParticipant;
using testing::FakePool;

// Local days 2024-01-31 and 2024-02-01 at UTC+1, hourly. A consumes 2 Wh an hour (5 Wh at
// interval 3) and self-consumes 1.5 Wh of it; PV injects and shares 2 Wh an hour and stops being
// a member on 2024-02-01.
class MonthlyCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto grid = MakeDayGrid(zone_, {2024, 1, 31}, {2024, 2, 2}, 3600);
    ASSERT_TRUE(grid.ok());
    totals_ = std::make_unique<MonthlyTotals>(2, *grid);
    FakeParticipant a(48), pv(48);
    FakePool pool(48);
    for (int i = 0; i < 48; ++i) {
      a.cr[i] = a.cm[i] = 2000;
      a.imputed[i] = a.self_consumed[i] = a.by_origin[1][i] = 1500;
      a.supplier[i] = 500;
      pv.ir[i] = pv.im[i] = pv.shared[i] = 2000;
      pool.pool[i] = 2000;
      pool.unallocated[i] = 500;
    }
    a.cr[3] = a.cm[3] = 5000;
    a.supplier[3] = 3500;
    a.quality[30] = Quality::kMissing;
    a.quality[40] = Quality::kEstimated;
    pool.consumption = a.cm;
    for (int day = 0; day < 2; ++day) {
      totals_->BeginRun(day * 24, 24);
      totals_->Consume(a.Run(0, day * 24, 24));
      totals_->Consume(pv.Run(1, day * 24, 24, /*member=*/day == 0));
      totals_->EndRun(pool.Run(day * 24, 24));
    }
  }

  FixedOffsetZone zone_{3600};
  std::unique_ptr<MonthlyTotals> totals_;
};

TEST_F(MonthlyCsvTest, ExactOutput) {
  auto text = FormatMonthlyCsv(*totals_, {"A", "PV"});
  ASSERT_TRUE(text.ok()) << text.status().message();
  // January, A: CR = CM = 23 x 2 + 5 = 51 Wh; EI = EA = 24 x 1.5 = 36 Wh; EF = 23 x 0.5 + 3.5 =
  // 15 Wh; demand 5 Wh in an hour = 0.005 kW; self-sufficiency 36 / 51 = 0.7058823 -> 0.705882.
  // Community: self-consumption 36 / pool 48 = 0.75; unallocated 24 x 0.5 = 12 Wh.
  // February: PV is not a member (no row); A has one missing and one estimated interval.
  EXPECT_EQ(*text, std::string(kMonthlyCsvHeader) +
                       "A,2024-01,0.051000,0.000000,0.051000,0.000000,0.036000,0.036000,0.015000,"
                       "0.000000,0.000000,0.000000,0.036000,0.000000,0.000000,0.000000,0.005000,"
                       "1.000000,0.705882,24,0,0,,\n"
                       "PV,2024-01,0.000000,0.048000,0.000000,0.048000,0.000000,0.000000,0.000000,"
                       "0.000000,0.048000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,"
                       ",,24,0,0,,\n"
                       "*community*,2024-01,0.051000,0.048000,0.051000,0.048000,0.036000,0.036000,"
                       "0.015000,0.000000,0.048000,0.000000,0.036000,0.000000,0.000000,0.000000,"
                       "0.005000,0.750000,0.705882,24,0,0,0.048000,0.012000\n"
                       "A,2024-02,0.048000,0.000000,0.048000,0.000000,0.036000,0.036000,0.012000,"
                       "0.000000,0.000000,0.000000,0.036000,0.000000,0.000000,0.000000,0.002000,"
                       "1.000000,0.750000,24,1,1,,\n"
                       "*community*,2024-02,0.048000,0.000000,0.048000,0.000000,0.036000,0.036000,"
                       "0.012000,0.000000,0.000000,0.000000,0.036000,0.000000,0.000000,0.000000,"
                       "0.002000,0.750000,0.750000,24,0,0,0.048000,0.012000\n");
}

TEST_F(MonthlyCsvTest, EveryRowHasEveryColumn) {
  auto text = FormatMonthlyCsv(*totals_, {"A", "PV"});
  ASSERT_TRUE(text.ok());
  const auto header_commas = std::count(kMonthlyCsvHeader.begin(), kMonthlyCsvHeader.end(), ',');
  EXPECT_EQ(header_commas, 23);  // 24 columns
  std::size_t at = 0;
  int lines = 0;
  while (at < text->size()) {
    const std::size_t end = text->find('\n', at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(std::count(text->begin() + static_cast<long>(at),
                         text->begin() + static_cast<long>(end), ','),
              header_commas)
        << text->substr(at, end - at);
    at = end + 1;
    ++lines;
  }
  EXPECT_EQ(lines, 6);
}

TEST_F(MonthlyCsvTest, WrongNumberOfIds) {
  auto text = FormatMonthlyCsv(*totals_, {"A"});
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.status().message(), ::testing::HasSubstr("1 participant ids for 2"));
}

TEST_F(MonthlyCsvTest, DiskFullIsAnError) {
  std::FILE* full = std::fopen("/dev/full", "w");
  ASSERT_NE(full, nullptr);
  const Status status = WriteMonthlyCsv(*totals_, {"A", "PV"}, full, "monthly.csv");
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), ::testing::HasSubstr("monthly.csv: write failed"));
  std::fclose(full);
}

TEST_F(MonthlyCsvTest, WritesToAFile) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  ASSERT_TRUE(WriteMonthlyCsv(*totals_, {"A", "PV"}, file, "tmp").ok());
  auto text = FormatMonthlyCsv(*totals_, {"A", "PV"});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(std::ftell(file), static_cast<long>(text->size()));
  std::fclose(file);
}

}  // namespace
}  // namespace reparto
