// Round trip on real data: Red Eléctrica's hourly final-consumption profiles (2.0TD, 3.0TD,
// 3.0TDVE) for 2024 (leap) and 2025 become the variable coefficients of three consumers; the
// file is built, written, read back and checked, and must come back identical.
#include <fstream>
#include <sstream>

#include "distributor/coefficient_check.h"
#include "distributor/coefficient_table.h"
#include "distributor/coefficient_writer.h"
#include "distributor/hour_of_year.h"
#include "distributor/millionths.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace reparto::distributor {
namespace {

using ::testing::ElementsAre;
using testing::kCau;
using testing::kCupsA;
using testing::kCupsB;
using testing::kCupsC;
using testing::Zone;

constexpr const char* kProfiles =
    REPARTO_SHARED_DATA "/consumption/REE_perfiles_finales_2.0TD_3.0TD_hourly_2021-06_2026-04.csv";

// "0.000091665141" -> 91665141 (units of 1e-12), exactly.
std::int64_t PicoUnits(std::string_view text) {
  std::int64_t value = 0;
  int decimals = -1;
  for (const char c : text) {
    if (c == '.') {
      decimals = 0;
      continue;
    }
    value = value * 10 + (c - '0');
    if (decimals >= 0) ++decimals;
  }
  for (; decimals < 12; ++decimals) value *= 10;
  return value;
}

// The three profile shares of every hour of `year`, in file order (REE numbers the hours as the
// file does: hour-ending 1..24, the autumn day's hour 2 twice).
std::vector<std::array<std::int64_t, 3>> ProfileWeights(int year) {
  std::ifstream in(kProfiles);
  EXPECT_TRUE(in) << kProfiles;
  std::vector<std::array<std::int64_t, 3>> rows;
  std::string line;
  std::getline(in, line);  // header
  const std::string prefix = std::to_string(year) + ";";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ';');) f.push_back(cell);
    rows.push_back({PicoUnits(f[5]), PicoUnits(f[6]), PicoUnits(f[7])});
  }
  return rows;
}

// Weights -> ppb summing to exactly 1e9 (largest remainder, ties by order).
std::vector<Coefficient> ToPpb(const std::array<std::int64_t, 3>& w) {
  const std::int64_t sum = w[0] + w[1] + w[2];
  std::vector<Coefficient> ppb(3);
  std::array<std::int64_t, 3> rem{};
  std::int64_t total = 0;
  for (int i = 0; i < 3; ++i) {
    ppb[i] = w[i] * kCoefficientScale / sum;
    rem[i] = w[i] * kCoefficientScale % sum;
    total += ppb[i];
  }
  for (std::int64_t extra = kCoefficientScale - total; extra > 0; --extra) {
    int best = 0;
    for (int i = 1; i < 3; ++i) {
      if (rem[i] > rem[best]) best = i;
    }
    ++ppb[best];
    rem[best] = -1;
  }
  return ppb;
}

class RoundTripTest : public ::testing::TestWithParam<int> {};

TEST_P(RoundTripTest, BuildWriteReadCheck) {
  const int year = GetParam();
  auto madrid = Zone("Europe/Madrid");
  const auto weights = ProfileWeights(year);
  const int hours = HoursInYear(*madrid, year);
  ASSERT_EQ(static_cast<int>(weights.size()), hours);  // REE's row count agrees: 8784 / 8760

  Community c;
  c.id = "roundtrip";
  c.participants.resize(4);
  c.participants[0].id = kCupsA;
  c.participants[1].id = "PV1";
  c.participants[1].role = Role::kProducer;
  c.participants[2].id = kCupsB;
  c.participants[3].id = kCupsC;
  SharingPeriod p;
  p.method = Method::kVariable;
  p.row_seconds = 3600;
  std::vector<Coefficient> expected;  // ppb as the checker returns them: millionths x 1000
  for (int h = 1; h <= hours; ++h) {
    const std::vector<Coefficient> ppb = ToPpb(weights[static_cast<std::size_t>(h - 1)]);
    p.rows.push_back(CoefficientRow{*HourStart(*madrid, year, h), {ppb[0], 0, ppb[1], ppb[2]}});
    for (const std::int64_t m : RoundToMillionths(ppb)) expected.push_back(m * 1000);
  }
  c.periods = {p};

  auto table = TableForYear(c, *madrid, year);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_TRUE(table->hourly);
  auto text = FormatCoefficientFile(*table);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(std::count(text->begin(), text->end(), '\n'), hours * 3 - 1);
  EXPECT_NE(text->back(), '\n');

  const auto dir = std::filesystem::temp_directory_path() /
                   ("reparto_roundtrip_" + std::to_string(::getpid()) + "_" + std::to_string(year));
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(WriteCoefficientFile(dir, kCau, year, *text).ok());
  const auto path = dir / (std::string(kCau) + "_" + std::to_string(year) + ".txt");

  // With the year, and with the year taken from the file name.
  for (const std::optional<int> given : {std::optional<int>(year), std::optional<int>()}) {
    const CheckReport report = CheckCoefficientFileAt(path, given, *madrid);
    ASSERT_TRUE(report.ok()) << report.Format(path.string(), 20);
    EXPECT_EQ(report.table->year, year);
    EXPECT_TRUE(report.table->hourly);
    EXPECT_THAT(report.table->cups, ElementsAre(kCupsA, kCupsB, kCupsC));
    EXPECT_EQ(report.table->row_count(), hours);
    EXPECT_EQ(report.table->values, expected);
  }
  // Writing the checked table again gives the same bytes.
  auto again = FormatCoefficientFile(*CheckCoefficientFileAt(path, year, *madrid).table);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *text);
  std::filesystem::remove_all(dir);

  if (year == 2025) {
    // 26 Oct 02:00 CET (hour 7154, row 7153) is the third of REE's 25 rows that day,
    // "2025;10;26;2;0": 0.000074197235, 0.000083737640, 0.000050030267; sum 207965142e-12.
    // In ppb: floors 356777267, 402652286, 240570446 (sum 999999999), remainders 5973086,
    // 165385388, 36606668: the second gets the missing one. In millionths: floors 356777 +
    // 402652 + 240570 = 999999, remainders 267, 287, 446: the third gets it.
    EXPECT_THAT(table->Row(7153), ElementsAre(356777267, 402652287, 240570446));
    const std::string hour7154 = std::string(kCupsA) + ";7154;0,356777\r\n" + std::string(kCupsB) +
                                 ";7154;0,402652\r\n" + std::string(kCupsC) + ";7154;0,240571\r\n";
    EXPECT_NE(text->find(hour7154), std::string::npos);
  }
  if (year == 2024) {
    EXPECT_NE(text->find(std::string(kCupsC) + ";8784;"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(LeapAndCommonYear, RoundTripTest, ::testing::Values(2024, 2025));

}  // namespace
}  // namespace reparto::distributor
