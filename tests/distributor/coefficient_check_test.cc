// Tests for CheckCoefficientFile: every violation reported with its line (and column), the year
// and hour-count inference, file-name checks, and the table returned for a valid file.
#include "distributor/coefficient_check.h"

#include <tuple>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace reparto::distributor {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::JoinCrlf;
using testing::kCau;
using testing::kCupsA;
using testing::kCupsB;
using testing::kCupsC;
using testing::Zone;

// A valid hourly file's lines: every CUPS gets 1/n of each hour (n = 2: 0,500000).
std::vector<std::string> HalfAndHalfLines(int hours) {
  std::vector<std::string> lines;
  char hour[16];
  for (int h = 1; h <= hours; ++h) {
    std::snprintf(hour, sizeof hour, "%04d", h);
    lines.push_back(std::string(kCupsA) + ";" + hour + ";0,500000");
    lines.push_back(std::string(kCupsB) + ";" + hour + ";0,500000");
  }
  return lines;
}

struct Expected {
  int line;
  int column;
  std::string text;
};

void ExpectViolations(const CheckReport& report, const std::vector<Expected>& expected) {
  ASSERT_EQ(report.violations.size(), expected.size()) << report.Format("file");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Violation& v = report.violations[i];
    EXPECT_EQ(std::tie(v.line, v.column), std::tie(expected[i].line, expected[i].column))
        << "#" << i << ": " << v.message;
    EXPECT_THAT(v.message, HasSubstr(expected[i].text)) << "#" << i;
  }
}

TEST(CheckCoefficientFile, ValidFixedFileGivesItsTable) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content =
      "ES0021000000000001RK0F;0,333334\r\n"
      "ES0021000000000002RE0F;0,333333\r\n"
      "ES0021000000000003WT;0,333333";
  const CheckReport report =
      CheckCoefficientFile(content, 2025, *madrid, "out/ES0021000000000001RK0FA001_2025.txt");
  ASSERT_TRUE(report.ok()) << report.Format("file");
  ASSERT_TRUE(report.table.has_value());
  EXPECT_FALSE(report.table->hourly);
  EXPECT_EQ(report.table->year, 2025);
  EXPECT_THAT(report.table->cups, ElementsAre(kCupsA, kCupsB, kCupsC));
  EXPECT_THAT(report.table->values, ElementsAre(333334000, 333333000, 333333000));
}

TEST(CheckCoefficientFile, FixedFileViolationsEachWithItsLine) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content =
      "ES0021000000000001RK0F;0,350000\r\n"        // 1 fine
      "ES0021000000000002RK0F;0,400000\r\n"        // 2 wrong control letters (RE)
      "ES0021000000000003WT0F;0,25000\r\n"         // 3 five decimals
      "ES0021000000000001RK0F;0,000000\r\n"        // 4 CUPS repeated
      "ES0021000000000004WR0F;0001;0,000000\r\n";  // 5 hourly line; line end after the last
  const CheckReport report = CheckCoefficientFile(content, std::nullopt, *madrid);
  EXPECT_FALSE(report.table.has_value());
  ExpectViolations(report, {
                               {2, 1, "control letters should be 'RE', got 'RK'"},
                               {3, 24, "value '0,25000' has 5 decimals; expected exactly 6"},
                               {4, 1, "is listed twice (first at line 1)"},
                               {5, 37, "line end after the last line"},
                               {5, 0,
                                "hourly-format line (CUPS;HHHH;value) in a file that is "
                                "fixed from line 1"},
                           });
}

TEST(CheckCoefficientFile, FixedFileSumAndValueForms) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content = JoinCrlf({
      std::string(kCupsA) + ";-0,100000",  // 1
      std::string(kCupsB) + ";+0,500000",  // 2
      std::string(kCupsC) + ";00,500000",  // 3
  });
  const CheckReport report = CheckCoefficientFile(content, 2025, *madrid);
  ExpectViolations(report, {
                               {1, 24, "is negative"},
                               {2, 24, "has a sign"},
                               {3, 22, "has 2 integer digits"},
                               {3, 0, "the values add up to 0,900000; expected exactly 1,000000"},
                           });
}

TEST(CheckCoefficientFile, HourlyFileWithManyViolationsReportsEachOnItsLine) {
  auto madrid = Zone("Europe/Madrid");
  std::vector<std::string> lines = HalfAndHalfLines(8760);  // hour h: lines 2h-1 (A), 2h (B)
  const std::string a = std::string(kCupsA);
  const std::string b = std::string(kCupsB);
  lines[2] = a + ";0002;0.500000";           // line 3: decimal point
  lines[5] = b + ";0003;0,50000";            // line 6: 5 decimals
  lines[7] = b + ";0004;1,200000";           // line 8: above 1, sum 1,7
  lines[10] = a + ";0006;0,500000\xC2\xA0";  // line 11: non-ASCII, not a number
  std::swap(lines[18], lines[20]);           // lines 19-22: hour 11 before 10
  std::swap(lines[19], lines[21]);
  lines[24] = a + ";0013;0,500000;x";                   // line 25: 4 fields
  lines[26] = "ES0021000000000001RE0F;0014;0,500000";   // line 27: bad control letters
  lines[28] = a + ";15;0,500000";                       // line 29: hour not 4 digits
  lines[30] = a + ";8761;0,500000";                     // line 31: hour out of range
  lines.erase(lines.begin() + 38, lines.begin() + 40);  // hour 20 (lines 39-40) missing
  std::string content = JoinCrlf(lines) + "\r\n";       // line end after the last line
  content.replace(content.find(a + ";0005;0,500000") + 36, 2, "\n");  // line 9: LF only
  const CheckReport report = CheckCoefficientFile(content, 2025, *madrid);
  ExpectViolations(
      report,
      {
          {3, 29, "value '0.500000' has a decimal point; expected a decimal comma"},
          {6, 29, "value '0,50000' has 5 decimals"},
          {7, 0, "the values of hour 0004 (lines 7-8) add up to 1,700000; expected exactly"},
          {8, 29, "value '1,200000' is above 1"},
          {9, 37, "line ends in LF; expected CRLF"},
          {11, 37, "non-ASCII byte 0xC2"},
          {11, 29, "is not a number"},
          {21, 0, "hour 0010 comes after hour 0011 (line 20); hours must be in increasing order"},
          {25, 0, "4 fields"},
          {26, 0, "hour 0013 does not list CUPS 'ES0021000000000001RK0F' (listed in 8756 of 8759"},
          {26, 0, "the values of hour 0013 (lines 26-26) add up to 0,500000"},
          {27, 1, "control letters should be 'RK', got 'RE'"},
          {27, 1, "'ES0021000000000001RE0F' is listed in hour 0014 but only in 1 of 8759 hours"},
          {27, 0, "hour 0014 does not list CUPS 'ES0021000000000001RK0F'"},
          {29, 24, "hour '15' is not written with exactly 4 digits"},
          {31, 0, "hour 8761 is out of range 0001..8760 for 2025"},
          {32, 0, "hour 0016 does not list CUPS 'ES0021000000000001RK0F'"},
          {32, 0, "the values of hour 0016 (lines 32-32) add up to 0,500000"},
          {39, 0, "hour 0020 is missing"},
          {17518, 37, "line end after the last line"},
      });
}

TEST(CheckCoefficientFile, RepeatedHourAndRepeatedCups) {
  auto madrid = Zone("Europe/Madrid");
  std::vector<std::string> lines = HalfAndHalfLines(8760);
  // After hour 0002 (lines 3-4), hour 0001 comes back for A: line 5. Hour 3 loses A.
  lines[4] = std::string(kCupsA) + ";0001;0,500000";
  const CheckReport report = CheckCoefficientFile(JoinCrlf(lines), 2025, *madrid);
  ExpectViolations(report,
                   {
                       // The duplicate is left out of hour 0001's sum, which stays 1,000000.
                       {5, 0, "hour 0001 appears again (first at line 1)"},
                       {5, 1, "appears twice in hour 0001 (first at line 1)"},
                       {6, 0, "hour 0003 does not list CUPS 'ES0021000000000001RK0F'"},
                       {6, 0, "the values of hour 0003 (lines 6-6) add up to 0,500000"},
                   });
}

TEST(CheckCoefficientFile, MissingHoursAtTheEndAreReportedAtTheLastLine) {
  auto madrid = Zone("Europe/Madrid");
  const CheckReport report = CheckCoefficientFile(JoinCrlf(HalfAndHalfLines(8758)), 2025, *madrid);
  ExpectViolations(report, {{17516, 0,
                             "hours 8759 to 8760 are missing (expected 0001..8760 for "
                             "2025)"}});
}

TEST(CheckCoefficientFile, YearInference) {
  auto madrid = Zone("Europe/Madrid");
  const std::string leap = JoinCrlf(HalfAndHalfLines(8784));
  // No year, no name: 8784 hours means a leap year; the table's year is unknown.
  CheckReport report = CheckCoefficientFile(leap, std::nullopt, *madrid);
  ASSERT_TRUE(report.ok()) << report.Format("leap");
  EXPECT_EQ(report.table->year, 0);
  EXPECT_EQ(report.table->row_count(), 8784);
  // From the file name.
  report = CheckCoefficientFile(leap, std::nullopt, *madrid, "ES0021000000000001RK0FA001_2024.txt");
  ASSERT_TRUE(report.ok()) << report.Format("leap");
  EXPECT_EQ(report.table->year, 2024);
  // A 2024 file checked as 2025: the name disagrees and the last 24 hours are out of range.
  report = CheckCoefficientFile(leap, 2025, *madrid, "ES0021000000000001RK0FA001_2024.txt");
  ASSERT_EQ(report.violations.size(), 1u + 48u);
  EXPECT_EQ(report.violations[0].line, 0);
  EXPECT_THAT(report.violations[0].message, HasSubstr("is for 2024 but the year 2025 was given"));
  EXPECT_EQ(report.violations[1].line, 17521);
  EXPECT_THAT(report.violations[1].message, HasSubstr("hour 8761 is out of range"));
  // A 2025 file checked as 2024: hours 8761 to 8784 missing.
  report = CheckCoefficientFile(JoinCrlf(HalfAndHalfLines(8760)), 2024, *madrid);
  ExpectViolations(report, {{17520, 0, "hours 8761 to 8784 are missing"}});
}

TEST(CheckCoefficientFile, FileNameChecks) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content = std::string(kCupsA) + ";1,000000";
  EXPECT_TRUE(CheckCoefficientFile(content, 2025, *madrid, std::string(kCau) + "_2025.txt").ok());
  auto first = [&](std::string_view name) {
    const CheckReport r = CheckCoefficientFile(content, std::nullopt, *madrid, name);
    EXPECT_EQ(r.violations.size(), 1u) << r.Format(name);
    return r.violations.empty() ? std::string() : r.violations[0].message;
  };
  EXPECT_THAT(first("coefficients.csv"), HasSubstr("does not end in .txt"));
  EXPECT_THAT(first(std::string(kCau) + "-2025.txt"), HasSubstr("has no '_' before the year"));
  EXPECT_THAT(first("ES0021000000000001RK0FA01_2025.txt"), HasSubstr("CAU"));
  EXPECT_THAT(first(std::string(kCau) + "_25.txt"), HasSubstr("year '25' is not 4 digits"));
}

TEST(CheckCoefficientFile, EmptyFilesAndLineEnds) {
  auto madrid = Zone("Europe/Madrid");
  ExpectViolations(CheckCoefficientFile("", 2025, *madrid),
                   {{0, 0, "the file has no coefficient lines"}});
  ExpectViolations(CheckCoefficientFile("\r\n", 2025, *madrid),
                   {{0, 0, "no coefficient lines"},
                    {1, 1, "line end after the last line"},
                    {1, 0, "empty line"}});
  // Bare CR line ends still split the lines, so the content is checked too.
  const std::string cr = std::string(kCupsA) + ";0,500000\r" + std::string(kCupsB) + ";0,500000";
  ExpectViolations(CheckCoefficientFile(cr, 2025, *madrid),
                   {{1, 32, "line ends in a bare CR; expected CRLF"}});
}

TEST(CheckCoefficientFile, ControlCharactersAndFieldCounts) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content = std::string(kCupsA) + ";\t1,000000\r\n" + "just text";
  ExpectViolations(CheckCoefficientFile(content, 2025, *madrid),
                   {{1, 24, "control character 0x09"},
                    {1, 24, "is not a number"},
                    {2, 0, "1 fields; expected CUPS;value (fixed) or CUPS;HHHH;value (hourly)"}});
}

TEST(CheckReport, FormatAndStatus) {
  auto madrid = Zone("Europe/Madrid");
  const std::string content = std::string(kCupsA) + ";0,500000";
  const CheckReport report = CheckCoefficientFile(content, 2025, *madrid, "x.txt");
  EXPECT_EQ(report.Format("x.txt"),
            "x.txt: file name 'x.txt' has no '_' before the year (expected {CAU}_{YYYY}.txt)\n"
            "x.txt:1: the values add up to 0,500000; expected exactly 1,000000\n");
  EXPECT_EQ(report.Format("x.txt", 1),
            "x.txt: file name 'x.txt' has no '_' before the year (expected {CAU}_{YYYY}.txt)\n"
            "... and 1 more\n");
  const Status status = report.ToStatus("x.txt");
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("2 problem(s) in the coefficient file:\nx.txt: file"));
}

TEST(CheckCoefficientFileAt, UnreadableFile) {
  auto madrid = Zone("Europe/Madrid");
  const CheckReport report =
      CheckCoefficientFileAt("/nonexistent/ES0021000000000001RK0FA001_2025.txt", 2025, *madrid);
  ExpectViolations(report, {{0, 0, "cannot read the coefficient file: /nonexistent/"}});
}

}  // namespace
}  // namespace reparto::distributor
