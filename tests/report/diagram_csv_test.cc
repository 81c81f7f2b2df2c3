// Tests of DiagramCsvWriter: exact bytes of the load-diagram CSV (spec/formats.md §1.3) for
// hand-made runs: time order then participant order, local offsets across Lisbon's DST changes,
// kWh with 6 decimals, non-member rows skipped, errors (disk full, offsets) reported.
#include "report/diagram_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/monthly_totals.h"
#include "core/tee_sink.h"
#include "support/fake_runs.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

using testing::FakeParticipant;
using testing::FakePool;
using ::testing::HasSubstr;

class DiagramCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto zone = IanaZone::Load("Europe/Lisbon");
    ASSERT_TRUE(zone.ok()) << zone.status().message();
    zone_ = std::move(*zone);
  }
  DayGrid Grid(CivilDate day, int step) {
    auto grid = MakeDayGrid(*zone_, day, AddDays(day, 1), step);
    EXPECT_TRUE(grid.ok()) << grid.status().message();
    return grid.ok() ? *grid : DayGrid{};
  }
  std::unique_ptr<IanaZone> zone_;
};

// Spring forward in Lisbon, 2024-03-31: 01:00 WET (+00:00) jumps to 02:00 WEST (+01:00), so the
// hourly day has 23 intervals and the second one starts at local 02:00+01:00.
TEST_F(DiagramCsvTest, TwoParticipantsTwoIntervalsInTimeOrder) {
  const DayGrid grid = Grid({2024, 3, 31}, 3600);
  ASSERT_EQ(grid.interval_count(), 23);

  FakeParticipant a(23), pv(23), b(23);
  // A: consumes 0.120 then 0.500 kWh; gets 0.340 then 0.100 kWh from the pool.
  a.cr[0] = a.cm[0] = 120000;
  a.cr[1] = a.cm[1] = 500000;
  a.imputed[0] = 340000;
  a.imputed[1] = 100000;
  a.self_consumed[0] = a.by_origin[0][0] = 120000;  // internal
  a.self_consumed[1] = 100000;
  a.by_origin[0][1] = 60000;
  a.by_origin[1][1] = 40000;  // LV
  a.supplier[1] = 400000;
  a.surplus[0] = 220000;
  // PV1: injects and shares 0.340 then 0.100 kWh; its first reading was estimated.
  pv.ir[0] = pv.im[0] = pv.shared[0] = 340000;
  pv.ir[1] = pv.im[1] = pv.shared[1] = 100000;
  pv.quality[0] = Quality::kEstimated;
  a.quality[0] = Quality::kEstimated;  // the row depends on the pool
  b.cr[0] = b.cm[0] = 999;             // B is not a member: never written
  FakePool pool(23);

  DiagramCsvWriter writer(nullptr, "diagram.csv", grid, *zone_, {"A", "B", "PV1"});
  writer.BeginRun(0, 2);
  writer.Consume(a.Run(0, 0, 2));
  writer.Consume(b.Run(1, 0, 2, /*member=*/false));
  writer.Consume(pv.Run(2, 0, 2));
  writer.EndRun(pool.Run(0, 2));
  ASSERT_TRUE(writer.Finish().ok());

  EXPECT_EQ(writer.contents(),
            "participant,start,cr_kwh,ir_kwh,cm_kwh,im_kwh,imputed_kwh,self_consumed_kwh,"
            "supplier_kwh,surplus_kwh,shared_kwh,sc_internal_kwh,sc_lv_kwh,sc_mv_kwh,sc_hv_kwh,"
            "sc_ehv_kwh,quality\n"
            "A,2024-03-31T00:00:00+00:00,0.120000,0.000000,0.120000,0.000000,0.340000,0.120000,"
            "0.000000,0.220000,0.000000,0.120000,0.000000,0.000000,0.000000,0.000000,estimated\n"
            "PV1,2024-03-31T00:00:00+00:00,0.000000,0.340000,0.000000,0.340000,0.000000,0.000000,"
            "0.000000,0.000000,0.340000,0.000000,0.000000,0.000000,0.000000,0.000000,estimated\n"
            "A,2024-03-31T02:00:00+01:00,0.500000,0.000000,0.500000,0.000000,0.100000,0.100000,"
            "0.400000,0.000000,0.000000,0.060000,0.040000,0.000000,0.000000,0.000000,real\n"
            "PV1,2024-03-31T02:00:00+01:00,0.000000,0.100000,0.000000,0.100000,0.000000,0.000000,"
            "0.000000,0.000000,0.100000,0.000000,0.000000,0.000000,0.000000,0.000000,real\n");
}

// Fall back in Lisbon, 2024-10-27: local 01:00-02:00 happens twice, told apart by the offset.
// The day starts at 2024-10-26T23:00Z; quarter-hours 7 and 8 start at 00:45Z and 01:00Z.
TEST_F(DiagramCsvTest, RepeatedLocalHourKeepsItsOffset) {
  const DayGrid grid = Grid({2024, 10, 27}, 900);
  ASSERT_EQ(grid.interval_count(), 100);
  FakeParticipant a(100);
  a.cr[7] = a.cm[7] = a.supplier[7] = 1;
  a.cr[8] = a.cm[8] = a.supplier[8] = 2500000;
  a.quality[8] = Quality::kMissing;
  FakePool pool(100);

  DiagramCsvWriter writer(nullptr, "diagram.csv", grid, *zone_, {"A"});
  writer.BeginRun(7, 2);
  writer.Consume(a.Run(0, 7, 2));
  writer.EndRun(pool.Run(7, 2));
  ASSERT_TRUE(writer.Finish().ok());
  EXPECT_EQ(writer.contents().substr(DiagramCsvWriter::kHeader.size()),
            "A,2024-10-27T01:45:00+01:00,0.000001,0.000000,0.000001,0.000000,0.000000,0.000000,"
            "0.000001,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,real\n"
            // The participant's own reading is missing: only the imputed share is printed.
            "A,2024-10-27T01:00:00+00:00,,,,,0.000000,,,,,,,,,,missing\n");
}

TEST_F(DiagramCsvTest, RunsFollowEachOtherAndNonMembersAreSkipped) {
  const DayGrid grid = Grid({2024, 5, 26}, 3600);
  FakeParticipant a(24), b(24);
  for (int i = 0; i < 24; ++i) a.cr[i] = b.cr[i] = 1000 * (i + 1);
  FakePool pool(24);

  // B joins at interval 1: run [0,1) has it as a non-member, run [1,3) as a member.
  DiagramCsvWriter writer(nullptr, "d.csv", grid, *zone_, {"A", "B, the bakery"});
  writer.BeginRun(0, 1);
  writer.Consume(a.Run(0, 0, 1));
  writer.Consume(b.Run(1, 0, 1, false));
  writer.EndRun(pool.Run(0, 1));
  writer.BeginRun(1, 2);
  writer.Consume(a.Run(0, 1, 2));
  writer.Consume(b.Run(1, 1, 2));
  writer.EndRun(pool.Run(1, 2));
  ASSERT_TRUE(writer.Finish().ok());

  // Rows holding only a registered consumption.
  const auto row = [](std::string_view id, std::string_view start, std::string_view cr) {
    std::string line = std::string(id) + "," + std::string(start) + "," + std::string(cr);
    for (int i = 0; i < 13; ++i) line += ",0.000000";
    return line + ",real\n";
  };
  EXPECT_EQ(writer.contents(),
            std::string(DiagramCsvWriter::kHeader) +
                row("A", "2024-05-26T00:00:00+01:00", "0.001000") +
                row("A", "2024-05-26T01:00:00+01:00", "0.002000") +
                row("\"B, the bakery\"", "2024-05-26T01:00:00+01:00", "0.002000") +
                row("A", "2024-05-26T02:00:00+01:00", "0.003000") +
                row("\"B, the bakery\"", "2024-05-26T02:00:00+01:00", "0.003000"));
}

TEST_F(DiagramCsvTest, HeaderOnlyWithoutRuns) {
  const DayGrid grid = Grid({2024, 5, 26}, 900);
  DiagramCsvWriter writer(nullptr, "d.csv", grid, *zone_, {"A"});
  ASSERT_TRUE(writer.Finish().ok());
  EXPECT_EQ(writer.contents(), DiagramCsvWriter::kHeader);
}

TEST_F(DiagramCsvTest, DiskFullIsAnError) {
  const DayGrid grid = Grid({2024, 5, 26}, 900);
  std::FILE* full = std::fopen("/dev/full", "w");
  ASSERT_NE(full, nullptr);
  FakeParticipant a(96);
  FakePool pool(96);
  DiagramCsvWriter writer(full, "out/diagram.csv", grid, *zone_, {"A"});
  writer.BeginRun(0, 96);
  writer.Consume(a.Run(0, 0, 96));
  writer.EndRun(pool.Run(0, 96));
  const Status status = writer.Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(),
              HasSubstr("out/diagram.csv: write failed: No space left on device"));
  std::fclose(full);
}

TEST_F(DiagramCsvTest, TeeFeedsDiagramAndTotalsInOnePass) {
  const DayGrid grid = Grid({2024, 5, 26}, 3600);
  FakeParticipant a(24);
  for (int i = 0; i < 24; ++i) a.cr[i] = a.cm[i] = a.supplier[i] = 1000;
  FakePool pool(24);
  DiagramCsvWriter writer(nullptr, "d.csv", grid, *zone_, {"A"});
  MonthlyTotals totals(1, grid);
  TeeSink both({&writer, &totals});
  both.BeginRun(0, 24);
  both.Consume(a.Run(0, 0, 24));
  both.EndRun(pool.Run(0, 24));
  ASSERT_TRUE(writer.Finish().ok());
  EXPECT_EQ(std::count(writer.contents().begin(), writer.contents().end(), '\n'), 1 + 24);
  EXPECT_EQ(totals.participant(0, 0).sum(Quantity::kCm), 24000);
}

// A zone that cannot tell its offset (as IanaZone from 2038-03-28 on).
class BrokenZone final : public TimeZone {
 public:
  std::string_view name() const override { return "broken"; }
  Result<int> OffsetAt(UtcSeconds) const override { return Status::Error("no offset here"); }
  Result<UtcSeconds> StartOfDay(CivilDate date) const override {
    return DaysFromCivil(date) * 86400;
  }
};

TEST(DiagramCsvErrors, OffsetFailureStopsOutput) {
  BrokenZone zone;
  auto grid = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 27}, 3600);
  ASSERT_TRUE(grid.ok());
  FakeParticipant a(24);
  FakePool pool(24);
  DiagramCsvWriter writer(nullptr, "d.csv", *grid, zone, {"A"});
  writer.BeginRun(0, 1);
  writer.Consume(a.Run(0, 0, 1));
  writer.EndRun(pool.Run(0, 1));
  const Status status = writer.Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("2024-05-26T00:00:00Z"));
  EXPECT_THAT(status.message(), HasSubstr("no offset here"));
  EXPECT_EQ(writer.contents(), DiagramCsvWriter::kHeader);
}

TEST(DiagramCsvErrors, UnknownParticipantIndex) {
  FixedOffsetZone zone(0);
  auto grid = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 27}, 3600);
  ASSERT_TRUE(grid.ok());
  FakeParticipant a(24);
  FakePool pool(24);
  DiagramCsvWriter writer(nullptr, "d.csv", *grid, zone, {"A"});
  writer.BeginRun(0, 1);
  writer.Consume(a.Run(3, 0, 1));
  writer.EndRun(pool.Run(0, 1));
  const Status status = writer.Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("participant index 3 has no id"));
}

}  // namespace
}  // namespace reparto
