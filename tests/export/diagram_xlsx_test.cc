// Tests of DiagramXlsxWriter: the XLSX diagram has the CSV diagram's rows and columns (fed the
// same runs), continues on "diagrams (2)", ... at the row limit (a small limit injected so the
// test runs fast), keeps DST offsets unambiguous, and leaves no file when it fails.
#include "export/diagram_xlsx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/tee_sink.h"
#include "report/diagram_csv.h"
#include "same_table.h"
#include "support/fake_runs.h"
#include "temp_dir.h"
#include "tz/iana_zone.h"
#include "xlsx_test_reader.h"

namespace reparto::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Community CommunityOf(const std::vector<std::string>& ids) {
  Community community;
  community.id = "test";
  for (const std::string& id : ids) {
    Participant p;
    p.id = id;
    community.participants.push_back(p);
  }
  return community;
}

class DiagramXlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto zone = IanaZone::Load("Europe/Lisbon");
    ASSERT_TRUE(zone.ok()) << zone.status().message();
    zone_ = std::move(*zone);
    // Fall back in Lisbon, 2024-10-27: quarter-hours 4..7 are 01:00+01:00 .. 01:45+01:00 and
    // 8..11 the repeated 01:00+00:00 .. 01:45+00:00.
    auto grid = MakeDayGrid(*zone_, {2024, 10, 27}, {2024, 10, 28}, 900);
    ASSERT_TRUE(grid.ok());
    grid_ = *grid;
  }

  // Feeds `sink` intervals [4, 12) in two runs: A and PV members, B (a bakery with a comma) a
  // member of the second run only; A's own reading missing at interval 9.
  void Feed(AllocationSink& sink) const {
    FakeParticipant a(100), b(100), pv(100);
    FakePool pool(100);
    for (int t = 0; t < 100; ++t) {
      a.cr[t] = a.cm[t] = 100'000 + t;
      a.imputed[t] = a.self_consumed[t] = a.by_origin[1][t] = 40'000;
      a.supplier[t] = a.cm[t] - 40'000;
      b.cr[t] = b.cm[t] = b.supplier[t] = 1'234'567;
      pv.ir[t] = pv.im[t] = pv.shared[t] = 40'000;
    }
    a.quality[9] = Quality::kMissing;
    pv.quality[5] = Quality::kEstimated;
    for (auto [first, n] : {std::pair{4, 3}, std::pair{7, 5}}) {
      sink.BeginRun(first, n);
      sink.Consume(a.Run(0, first, n));
      sink.Consume(b.Run(1, first, n, /*member=*/first == 7));
      sink.Consume(pv.Run(2, first, n));
      sink.EndRun(pool.Run(first, n));
    }
  }

  std::unique_ptr<IanaZone> zone_;
  DayGrid grid_;
  const std::vector<std::string> ids_ = {"A", "B, the bakery", "PV"};
};

TEST_F(DiagramXlsxTest, SplitsIntoContinuationSheetsWithTheCsvRows) {
  TempDir dir;
  const std::string path = dir.File("diagrams.xlsx");
  DiagramXlsxOptions options;
  options.max_rows_per_sheet = 7;  // header + 6 rows
  auto xlsx = DiagramXlsxWriter::Create(path, CommunityOf(ids_), grid_, *zone_, options);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  DiagramCsvWriter csv(nullptr, "diagrams.csv", grid_, *zone_, ids_);
  TeeSink both({&csv, xlsx->get()});
  Feed(both);
  ASSERT_TRUE(csv.Finish().ok());
  ASSERT_TRUE((*xlsx)->Finish().ok()) << (*xlsx)->status().message();
  EXPECT_THAT(dir.Names(), ElementsAre("diagrams.xlsx"));

  // 3 x 2 + 5 x 3 = 21 rows: 6 + 6 + 6 + 3.
  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().message();
  ASSERT_EQ(sheets->size(), 4u);
  EXPECT_EQ((*sheets)[0].name, "diagrams");
  EXPECT_EQ((*sheets)[1].name, "diagrams (2)");
  EXPECT_EQ((*sheets)[2].name, "diagrams (3)");
  EXPECT_EQ((*sheets)[3].name, "diagrams (4)");
  for (int s = 0; s < 3; ++s) {
    EXPECT_EQ((*sheets)[s].rows.size(), 7u);
    EXPECT_EQ((*sheets)[s].autofilter, "A1:R7");  // 17 CSV columns + utc_offset
  }
  EXPECT_EQ((*sheets)[3].rows.size(), 4u);
  EXPECT_EQ((*xlsx)->sheet_count(), 4);
  EXPECT_EQ(ExpectSameTable(csv.contents(), *sheets, kDiagramColumns), 21u);

  // The repeated hour: A at interval 4 (01:00+01:00, first sheet, row 2) and at interval 8
  // (01:00+00:00, second sheet, row 5) have the same local date-time, told apart by the offset.
  const XlsxReadSheet& first = (*sheets)[0];
  const XlsxReadSheet& second = (*sheets)[1];
  EXPECT_EQ(first.at(1, 0)->text, "A");
  EXPECT_EQ(second.at(4, 0)->text, "A");
  EXPECT_EQ(first.at(1, 1)->number(), second.at(4, 1)->number());
  EXPECT_EQ(first.at(1, 2)->text, "+01:00");
  EXPECT_EQ(second.at(4, 2)->text, "+00:00");
  EXPECT_EQ(first.at(1, 1)->format, "yyyy-mm-dd hh:mm");
  EXPECT_EQ(first.at(1, 3)->format, "#,##0.000");
  EXPECT_EQ(first.at(1, 3)->number(), 0.100004);  // 100 004 mWh
}

TEST_F(DiagramXlsxTest, FullSheetsDoNotStartAnEmptyOne) {
  TempDir dir;
  DiagramXlsxOptions options;
  options.max_rows_per_sheet = 22;  // exactly the 21 rows
  auto xlsx =
      DiagramXlsxWriter::Create(dir.File("d.xlsx"), CommunityOf(ids_), grid_, *zone_, options);
  ASSERT_TRUE(xlsx.ok());
  Feed(**xlsx);
  ASSERT_TRUE((*xlsx)->Finish().ok());
  auto sheets = ReadXlsxForTest(dir.File("d.xlsx"));
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 1u);
  EXPECT_EQ((*sheets)[0].rows.size(), 22u);
}

TEST_F(DiagramXlsxTest, HeaderOnlyWithoutRuns) {
  TempDir dir;
  auto xlsx = DiagramXlsxWriter::Create(dir.File("d.xlsx"), CommunityOf(ids_), grid_, *zone_);
  ASSERT_TRUE(xlsx.ok());
  ASSERT_TRUE((*xlsx)->Finish().ok());
  auto sheets = ReadXlsxForTest(dir.File("d.xlsx"));
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 1u);
  EXPECT_EQ(ExpectSameTable(DiagramCsvWriter::kHeader, *sheets, kDiagramColumns), 0u);
}

TEST_F(DiagramXlsxTest, UnknownParticipantLeavesNoFile) {
  TempDir dir;
  auto xlsx = DiagramXlsxWriter::Create(dir.File("d.xlsx"), CommunityOf({"A"}), grid_, *zone_);
  ASSERT_TRUE(xlsx.ok());
  FakeParticipant a(100);
  FakePool pool(100);
  (*xlsx)->BeginRun(0, 4);
  (*xlsx)->Consume(a.Run(0, 0, 4));
  (*xlsx)->Consume(a.Run(5, 0, 4));
  (*xlsx)->EndRun(pool.Run(0, 4));
  const Status status = (*xlsx)->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("participant index 5 has no id"));
  EXPECT_THAT(dir.Names(), IsEmpty());
}

TEST_F(DiagramXlsxTest, RowLimitOutsideExcelsIsRefused) {
  TempDir dir;
  for (std::uint32_t rows : {0u, 1u, kXlsxMaxRows + 1}) {
    DiagramXlsxOptions options;
    options.max_rows_per_sheet = rows;
    auto xlsx =
        DiagramXlsxWriter::Create(dir.File("d.xlsx"), CommunityOf(ids_), grid_, *zone_, options);
    ASSERT_FALSE(xlsx.ok());
    EXPECT_THAT(xlsx.status().message(), HasSubstr("rows per sheet must be 2 to 1048576"));
  }
  EXPECT_THAT(dir.Names(), IsEmpty());
}

}  // namespace
}  // namespace reparto::testing
