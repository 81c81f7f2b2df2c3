// Canonical readings CSV throughput (spec/formats.md §1.2): ReadCanonicalCsv over a text built in
// memory (200 participants x 14 days of quarter-hours = 268 800 lines, about 16 MB), then the
// placement of the batch in a ReadingTable (PlaceReadings).
//
// Units: bytes/s of CSV text (reported as MB/s by Google Benchmark); items/s = records.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/community.h"
#include "core/readings.h"
#include "core/time.h"
#include "ingest/canonical_csv.h"

namespace reparto {
namespace {

constexpr int kParticipants = 200;
constexpr int kDays = 14;

struct CsvSetup {
  std::string text;
  std::int64_t lines = 0;
  Community community;
  DayGrid grid;
  FixedOffsetZone utc{0};
};

const CsvSetup& Setup() {
  static const CsvSetup* setup = [] {
    auto* s = new CsvSetup;
    s->community.id = "bench";
    s->community.rules = RulesFor(Country::kPortugal);
    for (int p = 0; p < kParticipants; ++p) {
      Participant participant;
      participant.id = "PT00020000" + std::to_string(1000000 + p) + "AB";
      participant.role = p < 4 ? Role::kProducer : Role::kConsumer;
      s->community.participants.push_back(participant);
    }
    s->grid = *MakeDayGrid(s->utc, {2024, 5, 1}, {2024, 5, 1 + kDays}, 900);
    s->text = "participant,start,consumption_kwh,injection_kwh,quality\n";
    std::uint64_t x = 88172645463325252ull;  // xorshift: deterministic varied values
    for (int p = 0; p < kParticipants; ++p) {
      const std::string& id = s->community.participants[static_cast<std::size_t>(p)].id;
      for (std::int64_t t = 0; t < s->grid.interval_count(); ++t) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const std::uint64_t mwh = x % 750000;  // up to 0.75 kWh
        char energy[32];
        std::snprintf(energy, sizeof energy, "%llu.%06llu",
                      static_cast<unsigned long long>(mwh / 1000000),
                      static_cast<unsigned long long>(mwh % 1000000));
        s->text += id;
        s->text += ',';
        s->text += FormatIsoInstant(s->grid.utc_start() + t * 900, 3600);
        s->text += p < 4 ? ",0," : ",";
        s->text += energy;
        s->text += p < 4 ? "" : ",0";
        s->text += (x & 15) == 0 ? ",estimated\n" : ",real\n";
        ++s->lines;
      }
    }
    return s;
  }();
  return *setup;
}

void BM_ReadCanonicalCsv(benchmark::State& state) {
  const CsvSetup& s = Setup();
  for (auto _ : state) {
    auto batch = ingest::ReadCanonicalCsv(s.text, "bench.csv", 900);
    if (!batch.ok() || static_cast<std::int64_t>(batch->records.size()) != s.lines) {
      state.SkipWithError(batch.ok() ? "wrong record count" : batch.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(batch->records.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(s.text.size()));
  state.SetItemsProcessed(state.iterations() * s.lines);
}
BENCHMARK(BM_ReadCanonicalCsv)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PlaceReadings(benchmark::State& state) {
  const CsvSetup& s = Setup();
  auto batch = ingest::ReadCanonicalCsv(s.text, "bench.csv", 900);
  if (!batch.ok()) {
    state.SkipWithError(batch.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    ReadingTable table(s.community.participants.size(), s.grid);
    Status placed = PlaceReadings(s.community, *batch, table);
    if (!placed.ok()) {
      state.SkipWithError(placed.message().c_str());
      return;
    }
    benchmark::DoNotOptimize(table.cr(0));
  }
  state.SetItemsProcessed(state.iterations() * s.lines);
}
BENCHMARK(BM_PlaceReadings)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace reparto
