// Allocation engine throughput: 10 000 participants (2 PV producers + 9 998 household consumers)
// x one year of quarter-hours (Europe/Lisbon 2013: 35 040 intervals, 350.4 million
// participant-intervals), fixed equal coefficients, every quantity of spec/allocation.md §2
// computed and summed into MonthlyTotals (per participant and local month).
//
// Units: energies mWh; throughput reported as items/s = participant-intervals per second.
//
// Memory: the year is never held whole (10 000 x 35 040 x 18 bytes would be 6.3 GB). Eight
// distinct days of readings are built once from the real data shapes (London households, Almería
// PV) - 8 x 10 000 x 100 intervals x 18 bytes = 144 MB, well above the 32 MB L3 cache, so every
// day's readings come from RAM as they would from a store - and AllocateRun is fed day by day
// (RunInput pointers into those day buffers) over the 365 days of the grid. Every value fits in
// 32 bits (a 5 MWp plant gives at most 1.25e9 mWh a quarter-hour), so the day buffers also hold
// narrow copies (RunInput::cr32, ir32: 10 bytes a participant-interval instead of 18, 80 MB), as
// a store keeps readings whose range allows.
//
// Benchmarks:
//   BM_AllocateYear            one thread, one workspace, one MonthlyTotals, narrow readings.
//   BM_AllocateYear64          the same from the 64-bit readings (what the narrow ones save).
//   BM_AllocateYearTwoThreads  two threads, each allocating half the days with its own workspace
//                              and its own MonthlyTotals (kept separate: a report merges months),
//                              narrow readings.
// Targets (docs/benchmarks.md): >= 300 M items/s on one thread, >= 1.7x that on two threads,
// peak memory < 2 GB.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/monthly_totals.h"
#include "core/time.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

constexpr int kParticipants = 10'000;
constexpr int kProducers = 2;
constexpr int kDayBuffers = 8;
constexpr int kMaxDayIntervals = 100;  // the 25-hour day
constexpr MilliWh kPlantKwp = 5'000;   // each PV plant, kWp
constexpr int kHouseholds = 100;       // columns of the London file

// Real shapes: London households (kWh per half-hour, 2013, GMT) and the Almería PV plant
// (hourly, normalised to capacity, 2023). Values in mWh per half-hour / fraction of capacity.
struct Shapes {
  std::vector<std::vector<MilliWh>> household;  // [h][half-hour of year], -1 = missing
  std::vector<double> pv;                       // [hour of year]
  std::string error;
};

// "0.219" -> 219000 mWh; empty -> -1.
MilliWh ParseKwh3(const std::string& cell) {
  if (cell.empty()) return -1;
  MilliWh whole = 0, frac = 0;
  int frac_digits = 0;
  bool in_frac = false;
  for (char c : cell) {
    if (c == '.') {
      in_frac = true;
    } else if (in_frac) {
      if (frac_digits < 6) {
        frac = frac * 10 + (c - '0');
        ++frac_digits;
      }
    } else {
      whole = whole * 10 + (c - '0');
    }
  }
  while (frac_digits < 6) {
    frac *= 10;
    ++frac_digits;
  }
  return whole * kMilliWhPerKWh + frac;
}

Shapes LoadShapes() {
  Shapes s;
  const std::string root = REPARTO_SHARED_DATA;
  std::ifstream london(root + "/consumption/London_LCL_100households_2013_30min_kWh.csv");
  std::ifstream almeria(root + "/pv_weather/measured_PV_Almeria2023_hourly_normalized.csv");
  if (!london || !almeria) {
    s.error = "cannot open the London or Almería files under " + root;
    return s;
  }
  s.household.assign(kHouseholds, {});
  std::string line;
  std::getline(london, line);  // header
  while (std::getline(london, line)) {
    std::size_t pos = line.find(',');
    for (int h = 0; h < kHouseholds; ++h) {
      const std::size_t next = line.find(',', pos + 1);
      s.household[h].push_back(ParseKwh3(line.substr(pos + 1, next - pos - 1)));
      pos = next;
    }
  }
  std::getline(almeria, line);
  while (std::getline(almeria, line)) {
    s.pv.push_back(std::stod(line.substr(line.rfind(',') + 1)));
  }
  if (s.household[0].size() != 17520 || s.pv.size() != 8760) s.error = "unexpected file sizes";
  return s;
}

struct DayBuffer {
  // [p * kMaxDayIntervals + t]
  std::vector<MilliWh> cr, ir;
  std::vector<std::int32_t> cr32, ir32;  // the same values, narrow (every one fits)
  std::vector<Quality> cr_quality, ir_quality;
  // Pointers into the buffers, first_interval / n_intervals set per day: `input` to the 64-bit
  // values, `narrow` to the 32-bit ones (as a store keeps readings whose range allows).
  RunInput input, narrow;
};

struct YearSetup {
  std::unique_ptr<IanaZone> zone;
  DayGrid grid;
  Community community;
  std::unique_ptr<Allocator> allocator;
  std::vector<DayBuffer> days;
  MilliWh expected_pool = 0;         // Σ over the year's days of the producers' injection
  MilliWh expected_consumption = 0;  // Σ over the year's days of the consumers' consumption
  std::string error;
};

YearSetup* BuildSetup() {
  auto* s = new YearSetup;
  auto zone = IanaZone::Load("Europe/Lisbon");
  if (!zone.ok()) {
    s->error = zone.status().message();
    return s;
  }
  s->zone = std::move(*zone);
  s->grid = *MakeDayGrid(*s->zone, {2013, 1, 1}, {2014, 1, 1}, 900);

  Community& c = s->community;
  c.id = "bench";
  c.rules = RulesFor(Country::kPortugal);
  for (int p = 0; p < kParticipants; ++p) {
    Participant participant;
    participant.id = (p < kProducers ? "PV" : "H") + std::to_string(p);
    participant.role = p < kProducers ? Role::kProducer : Role::kConsumer;
    participant.voltage = p == 0 ? Origin::kLV : Origin::kMV;
    participant.building = p % 50 == 0 ? "B0" : "";  // a few share PV0's building
    c.participants.push_back(participant);
  }
  SharingPeriod fixed;
  fixed.method = Method::kFixed;
  constexpr Coefficient kConsumers = kParticipants - kProducers;
  const Coefficient base = kCoefficientScale / kConsumers;
  Coefficient left = kCoefficientScale - base * kConsumers;
  fixed.fixed.assign(kParticipants, 0);
  for (int p = kProducers; p < kParticipants; ++p) {
    fixed.fixed[p] = base + (left > 0 ? 1 : 0);
    if (left > 0) --left;
  }
  c.periods.push_back(fixed);
  auto allocator = Allocator::Create(c, s->grid);
  if (!allocator.ok()) {
    s->error = allocator.status().message();
    return s;
  }
  s->allocator = std::move(*allocator);

  const Shapes shapes = LoadShapes();
  if (!shapes.error.empty()) {
    s->error = shapes.error;
    return s;
  }
  // Eight days spread over the year (day of year, 0-based).
  const int kDays[kDayBuffers] = {14, 59, 109, 160, 205, 247, 292, 334};
  s->days.resize(kDayBuffers);
  const std::size_t cells = static_cast<std::size_t>(kParticipants) * kMaxDayIntervals;
  for (int d = 0; d < kDayBuffers; ++d) {
    DayBuffer& b = s->days[d];
    b.cr.assign(cells, 0);
    b.ir.assign(cells, 0);
    b.cr_quality.assign(cells, Quality::kReal);
    b.ir_quality.assign(cells, Quality::kReal);
    for (int p = 0; p < kParticipants; ++p) {
      for (int t = 0; t < kMaxDayIntervals; ++t) {
        const int quarter = t < 96 ? t : t - 4;  // the 25-hour day repeats an hour
        const std::size_t cell = static_cast<std::size_t>(p) * kMaxDayIntervals + t;
        if (p < kProducers) {
          const double norm = shapes.pv[static_cast<std::size_t>(kDays[d] * 24 + quarter / 4)];
          // Energy of a quarter-hour: capacity x fraction x 0.25 h, in mWh.
          b.ir[cell] = static_cast<MilliWh>(norm * static_cast<double>(kPlantKwp) * 250'000.0 *
                                            (p == 0 ? 1.0 : 0.8));
        } else {
          const auto& series = shapes.household[static_cast<std::size_t>(p % kHouseholds)];
          const MilliWh half = series[static_cast<std::size_t>(kDays[d] * 48 + quarter / 2)];
          if (half < 0) {
            b.cr_quality[cell] = b.ir_quality[cell] = Quality::kEstimated;
            b.cr[cell] = 100'000;  // an estimate of 0.1 kWh
          } else {
            // Half of the half-hour, scaled 0.6x..1.4x so the 100 households become 9 998.
            const MilliWh scale = 600 + (static_cast<MilliWh>(p) * 7919) % 800;
            b.cr[cell] = half / 2 * scale / 1000;
          }
        }
      }
    }
    // Narrow copies, checked: a value that does not fit leaves the setup in error.
    b.cr32.resize(cells);
    b.ir32.resize(cells);
    for (std::size_t cell = 0; cell < cells; ++cell) {
      b.cr32[cell] = static_cast<std::int32_t>(b.cr[cell]);
      b.ir32[cell] = static_cast<std::int32_t>(b.ir[cell]);
      if (b.cr32[cell] != b.cr[cell] || b.ir32[cell] != b.ir[cell]) s->error = "reading too large";
    }
    for (RunInput* input : {&b.input, &b.narrow}) {
      input->cr.assign(kParticipants, nullptr);
      input->ir.assign(kParticipants, nullptr);
      input->cr_quality.resize(kParticipants);
      input->ir_quality.resize(kParticipants);
    }
    b.narrow.cr32.resize(kParticipants);
    b.narrow.ir32.resize(kParticipants);
    for (int p = 0; p < kParticipants; ++p) {
      const std::size_t first = static_cast<std::size_t>(p) * kMaxDayIntervals;
      b.input.cr[p] = &b.cr[first];
      b.input.ir[p] = &b.ir[first];
      b.narrow.cr32[p] = &b.cr32[first];
      b.narrow.ir32[p] = &b.ir32[first];
      b.input.cr_quality[p] = b.narrow.cr_quality[p] = &b.cr_quality[first];
      b.input.ir_quality[p] = b.narrow.ir_quality[p] = &b.ir_quality[first];
    }
  }
  for (std::size_t day = 0; day < s->grid.days.size(); ++day) {
    const DayBuffer& b = s->days[day % kDayBuffers];
    for (int p = 0; p < kParticipants; ++p) {
      for (int t = 0; t < s->grid.days[day].n_intervals; ++t) {
        const std::size_t cell = static_cast<std::size_t>(p) * kMaxDayIntervals + t;
        (p < kProducers ? s->expected_pool : s->expected_consumption) +=
            p < kProducers ? b.ir[cell] : b.cr[cell];
      }
    }
  }
  return s;
}

const YearSetup& Setup() {
  static const YearSetup* setup = BuildSetup();
  return *setup;
}

// Allocates the grid's days [first_day, last_day) into `totals`, from the narrow (32-bit) or the
// 64-bit readings.
void AllocateDays(const YearSetup& s, std::size_t first_day, std::size_t last_day,
                  AllocationWorkspace& workspace, MonthlyTotals& totals, bool narrow = true) {
  std::vector<RunInput> inputs;
  for (const DayBuffer& b : s.days) inputs.push_back(narrow ? b.narrow : b.input);
  for (std::size_t day = first_day; day < last_day; ++day) {
    RunInput& input = inputs[day % kDayBuffers];
    input.first_interval = s.grid.days[day].first_interval;
    input.n_intervals = s.grid.days[day].n_intervals;
    s.allocator->AllocateRun(input, workspace, totals);
  }
}

// Σ over months of the community pool and consumption, to check a run against the setup.
bool TotalsMatch(const YearSetup& s, const std::vector<const MonthlyTotals*>& parts) {
  MilliWh pool = 0, consumption = 0, imputed_plus_unallocated = 0;
  for (const MonthlyTotals* totals : parts) {
    for (int m = 0; m < totals->month_count(); ++m) {
      pool += totals->community(m).pool;
      consumption += totals->community(m).consumption;
      imputed_plus_unallocated +=
          totals->community(m).unallocated + totals->SumOfParticipants(m).sum(Quantity::kImputed);
    }
  }
  return pool == s.expected_pool && consumption == s.expected_consumption &&
         imputed_plus_unallocated == pool;
}

// One thread, from the narrow or the 64-bit readings.
void AllocateYear(benchmark::State& state, bool narrow) {
  const YearSetup& s = Setup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  auto workspace = Allocator::NewWorkspace();
  bool ok = true;
  for (auto _ : state) {
    MonthlyTotals totals(kParticipants, s.grid);
    AllocateDays(s, 0, s.grid.days.size(), *workspace, totals, narrow);
    benchmark::DoNotOptimize(totals.community(0).pool);
    state.PauseTiming();
    ok = ok && TotalsMatch(s, {&totals});
    state.ResumeTiming();
  }
  if (!ok) state.SkipWithError("monthly totals do not add up to the readings");
  state.SetItemsProcessed(state.iterations() * kParticipants * s.grid.interval_count());
  state.counters["participants"] = kParticipants;
  state.counters["intervals"] = static_cast<double>(s.grid.interval_count());
}

void BM_AllocateYear(benchmark::State& state) { AllocateYear(state, /*narrow=*/true); }
BENCHMARK(BM_AllocateYear)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

void BM_AllocateYear64(benchmark::State& state) { AllocateYear(state, /*narrow=*/false); }
BENCHMARK(BM_AllocateYear64)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

void BM_AllocateYearTwoThreads(benchmark::State& state) {
  const YearSetup& s = Setup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  auto workspace0 = Allocator::NewWorkspace();
  auto workspace1 = Allocator::NewWorkspace();
  const std::size_t days = s.grid.days.size();
  const std::size_t half = days / 2;
  bool ok = true;
  for (auto _ : state) {
    MonthlyTotals totals0(kParticipants, s.grid);
    MonthlyTotals totals1(kParticipants, s.grid);
    std::thread second([&] { AllocateDays(s, half, days, *workspace1, totals1); });
    AllocateDays(s, 0, half, *workspace0, totals0);
    second.join();
    benchmark::DoNotOptimize(totals0.community(0).pool);
    benchmark::DoNotOptimize(totals1.community(11).pool);
    state.PauseTiming();
    ok = ok && TotalsMatch(s, {&totals0, &totals1});
    state.ResumeTiming();
  }
  if (!ok) state.SkipWithError("monthly totals do not add up to the readings");
  state.SetItemsProcessed(state.iterations() * kParticipants * s.grid.interval_count());
}
BENCHMARK(BM_AllocateYearTwoThreads)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->MinTime(3.0);

}  // namespace
}  // namespace reparto
