// Store benchmarks (issue 3 targets, docs/benchmarks.md): import a year of quarter-hour canonical
// CSV for 1 000 participants (35 million rows) into SQLite; allocate that year from the store; read
// one participant-year of every quantity; the database's bytes per participant-interval.
//
// The year is written once to a temporary folder (about 1.9 GB of CSV) and removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/series_codec.h"
#include "jobs/allocate_job.h"
#include "jobs/import_job.h"
#include "store/sqlite/sqlite_store.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

constexpr int kParticipants = 1000;
constexpr int kProducers = 10;
constexpr CivilDate kFirstDay{2025, 1, 1};
constexpr CivilDate kEndDay{2026, 1, 1};

std::string Id(int p) {
  char id[16];
  std::snprintf(id, sizeof id, "%s%04d", p < kProducers ? "PV" : "C", p);
  return id;
}

// Appends `wh` as kWh with 3 decimals.
void AppendKwh(std::string& out, int wh) {
  char text[16];
  const int n = std::snprintf(text, sizeof text, "%d.%03d", wh / 1000, wh % 1000);
  out.append(text, static_cast<std::size_t>(n));
}

struct YearFixture {
  std::string dir;
  std::string csv;
  std::string db;
  std::int64_t rows = 0;
  std::int64_t intervals = 0;  // of the year
  bool imported = false;

  YearFixture() {
    char pattern[] = "/tmp/reparto-bench-XXXXXX";
    dir = mkdtemp(pattern);
    csv = dir + "/year.csv";
    db = dir + "/reparto.db";
    auto zone = IanaZone::Load("Europe/Lisbon");
    auto grid = MakeDayGrid(**zone, kFirstDay, kEndDay, 900);
    intervals = grid->interval_count();
    std::vector<std::string> stamps;
    for (std::int64_t i = 0; i < intervals; ++i) {
      stamps.push_back(FormatIsoInstant(grid->utc_start() + i * 900, 0, true));
    }
    std::ofstream out(csv);
    std::string chunk = "participant,start,consumption_kwh,injection_kwh,quality\n";
    for (int p = 0; p < kParticipants; ++p) {
      const std::string id = Id(p);
      for (std::int64_t i = 0; i < intervals; ++i) {
        const int q = static_cast<int>(i % 96);
        const int load =
            30 + static_cast<int>((p * 131 + i * 17) % 90) + (q > 70 && q < 88 ? 120 : 0);
        const int sun = q > 28 && q < 76 ? 2000 - 3 * (q - 52) * (q - 52) : 0;
        chunk += id;
        chunk += ',';
        chunk += stamps[static_cast<std::size_t>(i)];
        chunk += ',';
        AppendKwh(chunk, p < kProducers ? 0 : load);
        chunk += ',';
        AppendKwh(chunk, p < kProducers ? std::max(sun, 0) : 0);
        chunk += ",real\n";
        ++rows;
      }
      out << chunk;
      chunk.clear();
    }
    out.close();
    std::ofstream toml(dir + "/community.toml");
    toml << "id = \"BENCH\"\ncountry = \"PT\"\ntimezone = \"Europe/Lisbon\"\nstep_minutes = 15\n";
    for (int p = 0; p < kParticipants; ++p) {
      toml << "[[participants]]\nid = \"" << Id(p) << "\"\nrole = \""
           << (p < kProducers ? "producer" : "consumer") << "\"\n";
    }
  }
  ~YearFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  std::unique_ptr<Store> Open() {
    auto store = sqlite::OpenStore(db);
    if (!store.ok()) std::abort();
    return std::move(*store);
  }

  void AddCommunity(Store& store) {
    StoredCommunity c;
    c.id = "BENCH";
    c.name = "bench";
    c.timezone = "Europe/Lisbon";
    c.rules = RulesFor(Country::kPortugal);
    for (int p = 0; p < kParticipants; ++p) {
      StoredParticipant sp;
      sp.participant.id = Id(p);
      sp.participant.role = p < kProducers ? Role::kProducer : Role::kConsumer;
      c.participants.push_back(sp);
    }
    auto tx = store.Begin();
    (void)(*tx)->SaveCommunity(c);
    (void)(*tx)->Commit();
  }
};

YearFixture& Year() {
  static YearFixture fixture;
  return fixture;
}

void BM_StoreImportYear(benchmark::State& state) {
  YearFixture& year = Year();
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(year.db);
    std::filesystem::remove(year.db + "-wal");
    std::filesystem::remove(year.db + "-shm");
    auto store = year.Open();
    year.AddCommunity(*store);
    state.ResumeTiming();
    auto summary = jobs::ImportFiles(*store, "BENCH", {{year.csv, ""}}, {});
    if (!summary.ok()) state.SkipWithError(summary.status().message().c_str());
  }
  year.imported = true;
  state.counters["rows"] = static_cast<double>(year.rows);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(year.rows), benchmark::Counter::kIsRate);
  state.counters["db_bytes_per_interval"] =
      static_cast<double>(std::filesystem::file_size(year.db)) / static_cast<double>(year.rows);
}
BENCHMARK(BM_StoreImportYear)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

void BM_StoreAllocateYear(benchmark::State& state) {
  YearFixture& year = Year();
  if (!year.imported) {
    state.SkipWithError("run BM_StoreImportYear first (same filter)");
    return;
  }
  auto store = year.Open();
  for (auto _ : state) {
    jobs::AllocateOptions options;
    options.force = true;
    auto summary = jobs::AllocateStored(*store, "BENCH", options);
    if (!summary.ok()) state.SkipWithError(summary.status().message().c_str());
  }
  store.reset();
  // Readings and results of every participant-interval, WAL checkpointed into the file.
  auto checkpoint = year.Open();
  checkpoint.reset();
  std::error_code no_wal;  // the last connection's checkpoint removes it
  const auto wal = std::filesystem::file_size(year.db + "-wal", no_wal);
  state.counters["db_bytes_per_interval"] =
      static_cast<double>(std::filesystem::file_size(year.db) + (no_wal ? 0 : wal)) /
      static_cast<double>(year.rows);
  state.counters["participant-intervals/s"] =
      benchmark::Counter(static_cast<double>(year.rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreAllocateYear)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

// One participant-year of every quantity: readings (CR, IR, qualities) and results (CM, IM, EI,
// EA, origins, qualities), decoded into arrays.
void BM_StoreReadParticipantYear(benchmark::State& state) {
  YearFixture& year = Year();
  if (!year.imported) {
    state.SkipWithError("run BM_StoreImportYear first (same filter)");
    return;
  }
  auto store = year.Open();
  std::int64_t values = 0;
  for (auto _ : state) {
    auto readings = store->LoadReadings("BENCH", "C0500", kFirstDay, kEndDay);
    auto results = store->LoadResults("BENCH", "C0500", kFirstDay, kEndDay);
    if (!readings.ok() || !results.ok() || results->size() != 365) {
      state.SkipWithError("the participant-year is not all there");
      break;
    }
    for (const StoredDay& d : *readings) values += DecodeDayReadings(d.packed)->n_intervals;
    for (const StoredDay& d : *results) values += DecodeDayResults(d.packed)->n_intervals;
  }
  benchmark::DoNotOptimize(values);
}
BENCHMARK(BM_StoreReadParticipantYear)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace reparto
