// Tests of CsvBuffer: exact fixed-point formatting of mWh as kWh, ratios, CSV quoting, and write
// errors reported with the output's name.
#include "report/csv_buffer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace reparto {
namespace {

std::string Kwh(MilliWh mwh) {
  CsvBuffer out(nullptr, "memory");
  out.AppendKwh(mwh);
  return std::string(out.contents());
}

std::string Ratio(std::int64_t num, std::int64_t den) {
  CsvBuffer out(nullptr, "memory");
  out.AppendRatio(num, den);
  return std::string(out.contents());
}

TEST(CsvBufferTest, KwhWithSixDecimalsExactly) {
  EXPECT_EQ(Kwh(0), "0.000000");
  EXPECT_EQ(Kwh(1), "0.000001");
  EXPECT_EQ(Kwh(120000), "0.120000");
  EXPECT_EQ(Kwh(999999), "0.999999");
  EXPECT_EQ(Kwh(1000000), "1.000000");
  EXPECT_EQ(Kwh(1234567890123), "1234567.890123");
  EXPECT_EQ(Kwh(-1), "-0.000001");
  EXPECT_EQ(Kwh(-2500000), "-2.500000");
  EXPECT_EQ(Kwh(std::numeric_limits<std::int64_t>::max()), "9223372036854.775807");
  EXPECT_EQ(Kwh(std::numeric_limits<std::int64_t>::min()), "-9223372036854.775808");
}

TEST(CsvBufferTest, RatiosRoundedHalfUp) {
  EXPECT_EQ(Ratio(3, 4), "0.750000");
  EXPECT_EQ(Ratio(1, 3), "0.333333");
  EXPECT_EQ(Ratio(2, 3), "0.666667");
  EXPECT_EQ(Ratio(1, 2'000'000), "0.000001");  // exactly half a millionth rounds up
  EXPECT_EQ(Ratio(1, 2'000'001), "0.000000");
  EXPECT_EQ(Ratio(5, 5), "1.000000");
  EXPECT_EQ(Ratio(0, 7), "0.000000");
  EXPECT_EQ(Ratio(1, 0), "");
  // Large energies do not overflow: 9e15 mWh / 1.2e16 mWh.
  EXPECT_EQ(Ratio(9'000'000'000'000'000, 12'000'000'000'000'000), "0.750000");
}

TEST(CsvBufferTest, IntegersAndFields) {
  CsvBuffer out(nullptr, "memory");
  out.AppendInt(0);
  out.Append(',');
  out.AppendInt(-42);
  out.Append(',');
  out.AppendField("ES0021000000000001AB");
  out.Append(',');
  out.AppendField("a,b");
  out.Append(',');
  out.AppendField("say \"hi\"");
  EXPECT_EQ(out.contents(), "0,-42,ES0021000000000001AB,\"a,b\",\"say \"\"hi\"\"\"");
}

TEST(CsvBufferTest, LargeOutputReachesTheFile) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  CsvBuffer out(file, "tmp");
  // 3 MiB of text: written in blocks along the way, the rest on Flush.
  const std::string line(1023, 'x');
  for (int i = 0; i < 3 * 1024; ++i) {
    out.Append(line);
    out.Append('\n');
  }
  ASSERT_TRUE(out.Flush().ok());
  EXPECT_EQ(std::ftell(file), 3L * 1024 * 1024);
  std::fclose(file);
}

TEST(CsvBufferTest, DiskFullIsReported) {
  std::FILE* full = std::fopen("/dev/full", "w");
  ASSERT_NE(full, nullptr);
  CsvBuffer out(full, "summary.csv");
  out.Append("participant\n");
  const Status status = out.Flush();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), ::testing::HasSubstr("summary.csv: write failed"));
  EXPECT_THAT(status.message(), ::testing::HasSubstr("No space left on device"));
  std::fclose(full);
}

}  // namespace
}  // namespace reparto
