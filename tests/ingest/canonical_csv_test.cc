// Tests of the canonical readings CSV reader (spec/formats.md §1.2) through the public API.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/reader.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

Result<ReadingBatch> Read(std::string_view text, int step = 900) {
  ReadOptions options;
  options.canonical_step_seconds = step;
  return ReadReadingsText(text, "r.csv", options);
}

// 2024-05-26T00:00:00+01:00 = 2024-05-25T23:00:00Z.
constexpr UtcSeconds kMay26Local = 1716678000;

TEST(CanonicalCsvTest, ReadsTheSpecExample) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:00:00+01:00,0.120,0,real\n"
      "PV1,2024-05-26T00:00:00+01:00,0,0.340,estimated\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->source, "r.csv");
  ASSERT_EQ(batch->names, (std::vector<std::string>{"A", "PV1"}));
  ASSERT_EQ(batch->records.size(), 2u);
  const ReadingRecord& a = batch->records[0];
  EXPECT_EQ(a.start, kMay26Local);
  EXPECT_EQ(a.duration_seconds, 900);
  EXPECT_EQ(a.name, 0u);
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(a.consumption, 120000);
  EXPECT_EQ(a.consumption_quality, Quality::kReal);
  EXPECT_EQ(a.injection, 0);
  EXPECT_EQ(a.injection_quality, Quality::kReal);  // a written 0 is a real zero
  const ReadingRecord& pv = batch->records[1];
  EXPECT_EQ(pv.name, 1u);
  EXPECT_EQ(pv.line, 3u);
  EXPECT_EQ(pv.injection, 340000);
  EXPECT_EQ(pv.injection_quality, Quality::kEstimated);
  EXPECT_EQ(pv.consumption_quality, Quality::kEstimated);
}

TEST(CanonicalCsvTest, EmptyCellIsMissingNotZeroAndQualityDefaultsToReal) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\r\n"
      "A,2024-05-26T00:00:00Z,,0.5,\r\n"
      "A,2024-05-26T01:00:00Z,1,,\r\n",
      3600);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_EQ(batch->records[0].duration_seconds, 3600);
  EXPECT_EQ(batch->records[0].consumption_quality, Quality::kMissing);
  EXPECT_EQ(batch->records[0].injection, 500000);
  EXPECT_EQ(batch->records[0].injection_quality, Quality::kReal);
  EXPECT_EQ(batch->records[1].consumption, 1000000);
  EXPECT_EQ(batch->records[1].injection_quality, Quality::kMissing);
  EXPECT_EQ(batch->records[1].start - batch->records[0].start, 3600);
}

TEST(CanonicalCsvTest, QualityColumnIsOptionalAndColumnsFoundByName) {
  auto batch = Read(
      "start,participant,injection_kwh,consumption_kwh\n"
      "2024-05-26T00:00:00+02:00,B,0.001,2.5\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].start, kMay26Local - 3600);
  EXPECT_EQ(batch->records[0].consumption, 2500000);
  EXPECT_EQ(batch->records[0].injection, 1000);
}

TEST(CanonicalCsvTest, NegativeValueNamesFileLineAndColumn) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:00:00+01:00,-0.5,0,real\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().message(), "r.csv:2:29: negative consumption '-0.5'");
}

TEST(CanonicalCsvTest, MalformedNumberPointsAtTheBadCharacter) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:00:00+01:00,0.1,0,real\n"
      "A,2024-05-26T00:15:00+01:00,0.1,0.1.2,real\n");
  ASSERT_FALSE(batch.ok());
  // injection starts at column 33; the second '.' is its 4th character.
  EXPECT_THAT(batch.status().message(), HasSubstr("r.csv:3:36: malformed injection '0.1.2'"));
}

TEST(CanonicalCsvTest, DecimalCommaIsRejected) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:00:00+01:00,\"0,5\",0,real\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(), HasSubstr("r.csv:2:31: malformed consumption '0,5'"));
}

TEST(CanonicalCsvTest, DuplicateIntervalNamesBothLines) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:00:00+01:00,0.1,0,real\n"
      "B,2024-05-26T00:00:00+01:00,0.1,0,real\n"
      "A,2024-05-25T23:00:00Z,0.2,0,real\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().message(),
            "r.csv: duplicate interval for 'A' starting 2024-05-25T23:00:00Z: lines 2 and 4");
}

TEST(CanonicalCsvTest, RowsInAnyOrderAreAccepted) {
  auto batch = Read(
      "participant,start,consumption_kwh,injection_kwh,quality\n"
      "A,2024-05-26T00:15:00Z,0.1,0,real\n"
      "A,2024-05-26T00:00:00Z,0.2,0,real\n"
      "A,2024-05-26T00:30:00Z,0.3,0,real\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->records.size(), 3u);
}

TEST(CanonicalCsvTest, OtherErrors) {
  const std::string header = "participant,start,consumption_kwh,injection_kwh,quality\n";
  auto bad_start = Read(header + "A,2024-05-26 00:00,0.1,0,real\n");
  ASSERT_FALSE(bad_start.ok());
  EXPECT_THAT(bad_start.status().message(), HasSubstr("r.csv:2:3: "));
  EXPECT_THAT(bad_start.status().message(), HasSubstr("2024-05-26 00:00"));
  auto bad_quality = Read(header + "A,2024-05-26T00:00Z,0.1,0,guess\n");
  ASSERT_FALSE(bad_quality.ok());
  EXPECT_EQ(bad_quality.status().message(),
            "r.csv:2:27: unknown quality 'guess' (expected real, estimated or empty)");
  auto short_row = Read(header + "A,2024-05-26T00:00Z,0.1\n");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.status().message(), "r.csv:2: expected 5 fields, found 3");
  auto no_participant = Read(header + ",2024-05-26T00:00Z,0.1,0,real\n");
  ASSERT_FALSE(no_participant.ok());
  EXPECT_EQ(no_participant.status().message(), "r.csv:2:1: empty participant");
  ReadOptions options;
  options.format = ReadingFormat::kCanonicalCsv;
  auto unknown_column =
      ReadReadingsText("participant,start,consumption_kwh,injection_kwh,extra\n", "r.csv", options);
  ASSERT_FALSE(unknown_column.ok());
  EXPECT_THAT(unknown_column.status().message(), HasSubstr("r.csv:1:49: unknown column 'extra'"));
}

}  // namespace
}  // namespace reparto
