// The store-backed jobs (import, allocate, export) on every adapter: imports are all or nothing
// and idempotent, corrections keep history, only stale days are recomputed, and results exported
// from the store are byte for byte those of a direct file run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/community_file.h"
#include "core/allocation.h"
#include "core/readings.h"
#include "core/series_codec.h"
#include "fileio/read_file.h"
#include "ingest/reader.h"
#include "jobs/allocate_job.h"
#include "jobs/export_job.h"
#include "jobs/import_job.h"
#include "report/diagram_csv.h"
#include "store/store_factories.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

const std::string kPt = std::string(REPARTO_SOURCE_DIR) + "/examples/pt-apartment-building";

// Three participants, Lisbon, 15 minutes; C joins on 2024-05-21.
constexpr const char* kCommunityToml = R"(id = "PT-TEST"
country = "PT"
timezone = "Europe/Lisbon"
step_minutes = 15
[sharing]
method = "fixed"
[[sharing.periods]]
from = "2024-05-01"
coefficients = { "A" = 0.6, "C" = 0.4 }
[[participants]]
id = "PV"
role = "producer"
building = "B"
[[participants]]
id = "A"
role = "consumer"
building = "B"
[[participants]]
id = "C"
role = "consumer"
building = "B"
from = "2024-05-21"
)";

std::string Write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

// Canonical CSV: `days` days of quarter-hours from 2024-05-20 (Lisbon, +01:00) for `ids`. The PV
// injects 300 Wh a quarter-hour from 07:15 to 18:45; consumers use 50-110 Wh.
std::string Readings(const std::vector<std::string>& ids, int days) {
  std::string csv = "participant,start,consumption_kwh,injection_kwh,quality\n";
  char line[160];
  for (int d = 0; d < days; ++d) {
    for (int q = 0; q < 96; ++q) {
      for (const std::string& id : ids) {
        const bool pv = id == "PV";
        const int wh = pv ? (q > 28 && q < 76 ? 300 : 0) : 50 + (q % 7) * 10;
        std::snprintf(line, sizeof line, "%s,2024-05-%02dT%02d:%02d:00+01:00,0.%03d,0.%03d,real\n",
                      id.c_str(), 20 + d, q / 4, (q % 4) * 15, pv ? 0 : wh, pv ? wh : 0);
        csv += line;
      }
    }
  }
  return csv;
}

class Jobs : public ::testing::TestWithParam<const StoreFactory*> {
 protected:
  void SetUp() override {
    auto store = GetParam()->open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    dir_ = NewTempDir();
  }

  void AddCommunity(const std::string& toml, const std::string& base_dir) {
    auto community = ParseCommunityToml(toml, "test.toml", base_dir);
    ASSERT_TRUE(community.ok()) << community.status().message();
    AddCommunity(*community);
  }
  void AddCommunity(const Community& community) {
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->SaveCommunity(FromCommunity(community, "test", 1, "test")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  Result<jobs::ImportSummary> Import(const std::string& community,
                                     const std::vector<std::string>& paths) {
    std::vector<jobs::ImportInput> inputs;
    for (const auto& p : paths) inputs.push_back({p, ""});
    jobs::ImportOptions options;
    options.now = 1'700'000'000;
    return jobs::ImportFiles(*store_, community, inputs, options);
  }

  std::int64_t StoredDays(const std::string& community) {
    auto days = store_->LoadReadings(community, "", {2000, 1, 1}, {2037, 1, 1});
    EXPECT_TRUE(days.ok());
    return days.ok() ? static_cast<std::int64_t>(days->size()) : -1;
  }

  std::unique_ptr<Store> store_;
  std::string dir_;
};

TEST_P(Jobs, ImportIsIdempotentAndCorrectionsKeepHistory) {
  AddCommunity(kCommunityToml, "");
  const std::string first = Write(dir_, "may.csv", Readings({"PV", "A"}, 3));
  auto summary = Import("PT-TEST", {first});
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  const jobs::FileImportSummary& f = summary->files[0];
  EXPECT_EQ(f.rows, 3 * 96 * 2);
  EXPECT_EQ(f.participants, 2);
  EXPECT_EQ(f.days, 6);
  EXPECT_EQ(f.days_changed, 6);
  EXPECT_EQ(f.values_new, 3 * 96 * 2);
  EXPECT_EQ(f.values_replaced, 0);
  EXPECT_EQ(f.gaps, 0);
  EXPECT_EQ(StoredDays("PT-TEST"), 6);

  // The same file again: nothing changes, nothing is recorded.
  auto again = Import("PT-TEST", {first});
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->files[0].days_changed, 0);
  EXPECT_EQ(again->files[0].import_id, 0);
  EXPECT_EQ(store_->ListImports("PT-TEST")->size(), 1u);
  auto states = store_->LoadDayStates("PT-TEST", {2024, 5, 20}, {2024, 5, 23});
  ASSERT_TRUE(states.ok());
  for (const DayState& s : *states) EXPECT_EQ(s.readings_revision, 1) << FormatDate(s.day);

  // A corrected file for A on 21 May only: one day changes, the old one is kept.
  std::string corrected = Readings({"A"}, 3);
  {
    // Change one value on 21 May 10:00: 50 + (40 % 7) * 10 = 100 Wh -> 0.250 kWh.
    const std::string from = "A,2024-05-21T10:00:00+01:00,0.100,";
    const auto at = corrected.find(from);
    ASSERT_NE(at, std::string::npos);
    corrected.replace(at, from.size(), "A,2024-05-21T10:00:00+01:00,0.250,");
  }
  auto fixed = Import("PT-TEST", {Write(dir_, "may-corrected.csv", corrected)});
  ASSERT_TRUE(fixed.ok()) << fixed.status().message();
  EXPECT_EQ(fixed->files[0].days_changed, 1);
  EXPECT_EQ(fixed->files[0].values_replaced, 1);
  EXPECT_EQ(fixed->files[0].values_new, 0);
  auto history = store_->LoadHistory("PT-TEST", "A", {2024, 5, 21});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  auto old_day = DecodeDayReadings((*history)[0].packed);
  ASSERT_TRUE(old_day.ok());
  EXPECT_EQ(old_day->cr[40], 100'000);  // mWh, as first imported
  EXPECT_EQ(old_day->source[40], summary->files[0].import_id);
  EXPECT_EQ((*history)[0].replaced_by, fixed->files[0].import_id);
  auto now = store_->LoadReadings("PT-TEST", "A", {2024, 5, 21}, {2024, 5, 22});
  auto new_day = DecodeDayReadings((*now)[0].packed);
  EXPECT_EQ(new_day->cr[40], 250'000);
  EXPECT_EQ(new_day->source[40], fixed->files[0].import_id);
  EXPECT_EQ(new_day->source[39], summary->files[0].import_id)
      << "unchanged values keep their source";
}

TEST_P(Jobs, OnlyTheDaysWhoseReadingsChangedAreRecomputed) {
  AddCommunity(kCommunityToml, "");
  ASSERT_TRUE(Import("PT-TEST", {Write(dir_, "pv-a.csv", Readings({"PV", "A"}, 3))}).ok());
  auto first = jobs::AllocateStored(*store_, "PT-TEST", {});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->days_computed, 3);
  auto second = jobs::AllocateStored(*store_, "PT-TEST", {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->days_computed, 0);
  EXPECT_EQ(second->days_up_to_date, 3);

  // Late data for C on 22 May only.
  std::string late = Readings({"C"}, 3);
  std::string only_22 = late.substr(0, late.find('\n') + 1);
  std::istringstream lines(late);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("2024-05-22T") != std::string::npos) only_22 += line + "\n";
  }
  ASSERT_TRUE(Import("PT-TEST", {Write(dir_, "c-late.csv", only_22)}).ok());
  auto third = jobs::AllocateStored(*store_, "PT-TEST", {});
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->days_computed, 1);
  EXPECT_EQ(third->days_up_to_date, 2);

  jobs::AllocateOptions force;
  force.force = true;
  EXPECT_EQ(jobs::AllocateStored(*store_, "PT-TEST", force)->days_computed, 3);
}

// Each bad file: a clear error naming the file and line, and nothing written.
TEST_P(Jobs, BadInputWritesNothing) {
  AddCommunity(kCommunityToml, "");
  const std::string header = "participant,start,consumption_kwh,injection_kwh,quality\n";
  struct Case {
    std::string name;
    std::vector<std::string> files;  // contents
    std::string expected;            // in the message
  };
  const std::vector<Case> cases = {
      {"unknown",
       {header +
        "A,2024-05-20T00:00:00+01:00,0.1,0,real\nX,2024-05-20T00:00:00+01:00,0.1,0,real\n"},
       "f0.csv:3: unknown participant 'X'"},
      {"negative", {header + "A,2024-05-20T00:00:00+01:00,-0.1,0,real\n"}, "f0.csv:2"},
      {"membership",
       {header +
        "A,2024-05-20T00:00:00+01:00,0.1,0,real\nC,2024-05-20T00:15:00+01:00,0.1,0,real\n"},
       "f0.csv:3: participant 'C' is not a member"},
      {"duplicate",
       {header +
        "A,2024-05-20T00:00:00+01:00,0.1,0,real\nA,2024-05-20T00:00:00+01:00,0.2,0,real\n"},
       "lines 2 and 3"},
      {"overlap",
       {header + "A,2024-05-20T00:00:00+01:00,0.1,0,real\n",
        header +
            "A,2024-05-21T00:00:00+01:00,0.1,0,real\nA,2024-05-20T00:00:00+01:00,0.1,0,real\n"},
       "f1.csv:3 and "},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string sub = dir_ + "/" + c.name;
    std::filesystem::create_directories(sub);
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < c.files.size(); ++i) {
      paths.push_back(Write(sub, "f" + std::to_string(i) + ".csv", c.files[i]));
    }
    auto summary = Import("PT-TEST", paths);
    ASSERT_FALSE(summary.ok());
    EXPECT_NE(summary.status().message().find(c.expected), std::string::npos)
        << summary.status().message();
    EXPECT_EQ(StoredDays("PT-TEST"), 0);
    EXPECT_TRUE(store_->ListImports("PT-TEST")->empty());
  }
  auto unknown = Import("NOPE", {Write(dir_, "x.csv", header)});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("no community 'NOPE'"), std::string::npos);
}

// The Portuguese example (two files, a member joining, two plants): diagrams exported from the
// store equal, byte for byte, those of allocating the files directly.
TEST_P(Jobs, StoredResultsEqualADirectRun) {
  auto community = LoadCommunityFile(kPt + "/community.toml");
  ASSERT_TRUE(community.ok()) << community.status().message();
  auto zone = IanaZone::Load(community->timezone);
  ASSERT_TRUE(zone.ok());
  const std::vector<std::string> files = {kPt + "/readings.csv", kPt + "/eredes-A1.csv"};

  // Direct: files -> engine -> CSV in memory.
  std::vector<ReadingBatch> batches;
  UtcSeconds first = kEndOfTime, last = kBeginningOfTime;
  for (const auto& f : files) {
    auto batch = ReadReadingsFile(f, **zone);
    ASSERT_TRUE(batch.ok()) << batch.status().message();
    for (const auto& r : batch->records) {
      first = std::min(first, r.start);
      last = std::max(last, r.start);
    }
    batches.push_back(std::move(*batch));
  }
  auto grid = MakeDayGrid(**zone, *LocalDateAt(**zone, first),
                          AddDays(*LocalDateAt(**zone, last), 1), community->rules.step_seconds);
  ASSERT_TRUE(grid.ok());
  ReadingTable table(community->participants.size(), *grid);
  for (const auto& b : batches) ASSERT_TRUE(PlaceReadings(*community, b, table).ok());
  table.Finish();
  std::vector<std::string> ids;
  for (const auto& p : community->participants) ids.push_back(p.id);
  DiagramCsvWriter direct(nullptr, "direct", *grid, **zone, ids);
  auto allocator = Allocator::Create(*community, *grid);
  ASSERT_TRUE(allocator.ok());
  (*allocator)->AllocateAll(table, direct);
  ASSERT_TRUE(direct.Finish().ok());

  // Through the store.
  AddCommunity(*community);
  auto imported = Import(community->id, files);
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  auto allocated = jobs::AllocateStored(*store_, community->id, {});
  ASSERT_TRUE(allocated.ok()) << allocated.status().message();
  EXPECT_EQ(allocated->days_computed, static_cast<std::int64_t>(grid->days.size()));
  jobs::ExportOptions options;
  options.kind = jobs::ExportKind::kDiagrams;
  options.path = dir_ + "/diagrams.csv";
  auto exported = jobs::ExportResults(*store_, community->id, options);
  ASSERT_TRUE(exported.ok()) << exported.status().message();
  EXPECT_EQ(exported->days_stale, 0);
  auto text = ReadWholeFile(options.path);
  ASSERT_TRUE(text.ok());
  EXPECT_GT(text->size(), 100'000u);
  EXPECT_TRUE(*text == direct.contents()) << "store export differs from the direct run";
}

INSTANTIATE_TEST_SUITE_P(Adapters, Jobs, ::testing::ValuesIn(StoreFactories()),
                         [](const auto& adapter) { return adapter.param->name; });

}  // namespace
}  // namespace reparto
