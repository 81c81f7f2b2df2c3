// `reparto tariff periods` as a user runs it (the real binary, the real IANA zones): January 2025
// in the Peninsula (744 hourly rows, P1/P2/P3 = 168/168/408 hours by hand), the 23-hour and
// 25-hour days of 2025 in Europe/Madrid, Portugal's quarter-hours in Europe/Lisbon, --output, and
// clear errors for wrong names, an empty range and a tariff that does not exist in a zone.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fileio/read_file.h"

namespace reparto {
namespace {

struct Output {
  int code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

Output Reparto(const std::string& args) {
  Output result;
  char dir_template[] = "/tmp/cli_tariff_XXXXXX";
  const char* dir = mkdtemp(dir_template);
  EXPECT_NE(dir, nullptr);
  const std::string err_path = std::string(dir) + "/stderr";
  const std::string command = std::string(REPARTO_BINARY) + " " + args + " 2>" + err_path;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe.release());
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto err = ReadWholeFile(err_path);
  if (err.ok()) result.err = *err;
  std::remove(err_path.c_str());
  std::remove(dir);
  return result;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int CountStartingWith(const std::vector<std::string>& lines, const std::string& prefix) {
  int n = 0;
  for (const auto& line : lines) n += line.rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

int CountEndingWith(const std::vector<std::string>& lines, const std::string& suffix) {
  int n = 0;
  for (const auto& line : lines) {
    n += line.size() >= suffix.size() &&
                 line.compare(line.size() - suffix.size(), suffix.size(), suffix) == 0
             ? 1
             : 0;
  }
  return n;
}

TEST(CliTariff, January2025Peninsula) {
  Output run =
      Reparto("tariff periods --tariff 2.0TD --zone peninsula --from 2025-01-01 --to 2025-02-01");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 1u + 744u);
  EXPECT_EQ(lines[0], "start,period");
  EXPECT_EQ(lines[1], "2025-01-01T00:00:00+01:00,P3");
  EXPECT_EQ(lines[1 + 11], "2025-01-01T11:00:00+01:00,P3");  // New Year's Day: holiday
  // Wednesday 8 January, hours 168.. of the month: 08:00 P2, 10:00 P1, 14:00 P2, 19:00 P1.
  EXPECT_EQ(lines[1 + 168 + 8], "2025-01-08T08:00:00+01:00,P2");
  EXPECT_EQ(lines[1 + 168 + 10], "2025-01-08T10:00:00+01:00,P1");
  EXPECT_EQ(lines[1 + 168 + 14], "2025-01-08T14:00:00+01:00,P2");
  EXPECT_EQ(lines[1 + 168 + 19], "2025-01-08T19:00:00+01:00,P1");
  EXPECT_EQ(lines[744], "2025-01-31T23:00:00+01:00,P2");
  // 21 working days × 8 hours of P1 and P2; P3 the rest (see tests/core/tariff_periods_test.cc).
  EXPECT_EQ(CountEndingWith(lines, ",P1"), 168);
  EXPECT_EQ(CountEndingWith(lines, ",P2"), 168);
  EXPECT_EQ(CountEndingWith(lines, ",P3"), 408);

  Output power = Reparto(
      "tariff periods --tariff 2.0TD --zone peninsula --from 2025-01-01 --to 2025-02-01 --power");
  ASSERT_EQ(power.code, 0) << power.err;
  EXPECT_EQ(CountEndingWith(Lines(power.out), ",P1"), 336);
  EXPECT_EQ(CountEndingWith(Lines(power.out), ",P2"), 408);
}

TEST(CliTariff, DaylightSavingDaysInMadrid) {
  Output run =
      Reparto("tariff periods --tariff 2.0TD --zone peninsula --from 2025-03-29 --to 2025-10-28");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto lines = Lines(run.out);
  EXPECT_EQ(CountStartingWith(lines, "2025-03-30T"), 23);
  EXPECT_EQ(CountStartingWith(lines, "2025-03-30T02:"), 0);
  EXPECT_EQ(CountStartingWith(lines, "2025-10-26T"), 25);
  EXPECT_EQ(CountStartingWith(lines, "2025-10-26T02:00:00+02:00"), 1);
  EXPECT_EQ(CountStartingWith(lines, "2025-10-26T02:00:00+01:00"), 1);
  // Both are Sundays (P3); the Monday after each change has its working-day peak at 10:00.
  EXPECT_EQ(CountStartingWith(lines, "2025-03-31T10:00:00+02:00,P1"), 1);
  EXPECT_EQ(CountStartingWith(lines, "2025-10-27T10:00:00+01:00,P1"), 1);

  Output quarters = Reparto(
      "tariff periods --tariff 3.0TD --zone peninsula --from 2025-10-26 --to 2025-10-27 "
      "--step 15");
  ASSERT_EQ(quarters.code, 0) << quarters.err;
  EXPECT_EQ(Lines(quarters.out).size(), 1u + 100u);
  EXPECT_EQ(CountEndingWith(Lines(quarters.out), ",P6"), 100);
}

TEST(CliTariff, PortugalQuarterHoursAndOutputFile) {
  char dir_template[] = "/tmp/cli_tariff_out_XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string file = dir + "/periods.csv";
  // Monday 31 March 2025, first weekday of summer time in Lisbon: peak 09:15-12:15.
  Output run = Reparto("tariff periods --tariff pt-weekly --zone portugal --from 2025-03-31 " +
                       std::string("--to 2025-04-01 --output ") + file);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  auto text = ReadWholeFile(file);
  ASSERT_TRUE(text.ok());
  const auto lines = Lines(*text);
  ASSERT_EQ(lines.size(), 1u + 96u);  // default step 15 minutes for Portugal
  EXPECT_EQ(lines[1 + 36], "2025-03-31T09:00:00+01:00,P2");
  EXPECT_EQ(lines[1 + 37], "2025-03-31T09:15:00+01:00,P1");
  EXPECT_EQ(lines[1 + 49], "2025-03-31T12:15:00+01:00,P2");
  EXPECT_EQ(lines[1], "2025-03-31T00:00:00+01:00,P3");
  std::remove(file.c_str());
  std::remove(dir.c_str());

  // Canary Islands default to Atlantic/Canary: one hour behind the Peninsula.
  Output canary =
      Reparto("tariff periods --tariff 2.0TD --zone canary --from 2025-01-08 --to 2025-01-09");
  ASSERT_EQ(canary.code, 0) << canary.err;
  EXPECT_EQ(Lines(canary.out)[1 + 10], "2025-01-08T10:00:00+00:00,P1");
}

TEST(CliTariff, ClearErrors) {
  Output tariff =
      Reparto("tariff periods --tariff 2.0A --zone peninsula --from 2025-01-01 --to 2025-02-01");
  EXPECT_EQ(tariff.code, 1);
  EXPECT_NE(tariff.err.find("unknown tariff \"2.0A\""), std::string::npos) << tariff.err;
  EXPECT_NE(tariff.err.find("2.0TD, 3.0TD, 6.1TD, pt-simple, pt-daily, pt-weekly"),
            std::string::npos)
      << tariff.err;

  Output zone =
      Reparto("tariff periods --tariff 2.0TD --zone mars --from 2025-01-01 --to 2025-02-01");
  EXPECT_EQ(zone.code, 1);
  EXPECT_NE(zone.err.find("unknown tariff zone \"mars\""), std::string::npos) << zone.err;

  Output combination =
      Reparto("tariff periods --tariff pt-daily --zone ceuta --from 2025-01-01 --to 2025-02-01");
  EXPECT_EQ(combination.code, 1);
  EXPECT_NE(combination.err.find("tariff pt-daily does not exist in zone ceuta"), std::string::npos)
      << combination.err;

  Output range =
      Reparto("tariff periods --tariff 2.0TD --zone peninsula --from 2025-02-01 --to 2025-01-01");
  EXPECT_EQ(range.code, 1);
  EXPECT_NE(range.err.find("--to (2025-01-01) must be after --from (2025-02-01)"),
            std::string::npos)
      << range.err;

  Output step = Reparto(
      "tariff periods --tariff 2.0TD --zone peninsula --from 2025-01-01 --to 2025-02-01 --step 30");
  EXPECT_NE(step.code, 0);
  EXPECT_EQ(step.out, "");

  Output help = Reparto("tariff periods --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--timezone"), std::string::npos) << help.out;
  EXPECT_EQ(Reparto("tariff --help").code, 0);
}

}  // namespace
}  // namespace reparto
