// The run totals the engine hands to a sink that reads only totals (AllocationSink::TotalsOnly:
// the fused path, which nets, shares, derives and sums in one pass and writes no array) must be
// exactly those it hands, with the arrays, to a sink that reads the arrays; so must MonthlyTotals
// fed either way. Random communities under fixed coefficients (the fused path) and a few variable
// ones, with buildings and voltages (one, two or three origins), the Portuguese net-injector rule
// or not, memberships, suspensions, participants without readings, estimated and missing values,
// and energies from ordinary to extreme (pools whose square overflows 64 bits, values up to 2^52),
// so that both the fused path and the general path it falls back to are covered. Also: readings
// given as 32-bit values (RunInput::cr32, ir32) give the same results as the 64-bit ones.
//
// Units: mWh, parts per billion, UTC seconds.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/monthly_totals.h"
#include "core/split.h"
#include "core/tee_sink.h"
#include "core/time.h"
#include "support/allocation_fixture.h"
#include "support/allocation_invariants.h"

namespace reparto::testing {
namespace {

// Keeps what a totals-only sink may read of every run, in the order given.
class TotalsRecorder : public AllocationSink {
 public:
  explicit TotalsRecorder(bool totals_only) : totals_only_(totals_only) {}
  bool TotalsOnly() const override { return totals_only_; }
  void Consume(const ParticipantRun& run) override {
    ASSERT_NE(run.totals, nullptr);
    records_.push_back(Record{run.participant, run.first_interval, run.n_intervals, run.member,
                              run.shares, run.origin_mask, *run.totals});
  }
  void EndRun(const PoolRun& pool) override {
    pool_.insert(pool_.end(), pool.pool, pool.pool + pool.n_intervals);
    pool_.insert(pool_.end(), pool.unallocated, pool.unallocated + pool.n_intervals);
    pool_.insert(pool_.end(), pool.consumption, pool.consumption + pool.n_intervals);
  }
  struct Record {
    int participant;
    std::int64_t first_interval;
    int n_intervals;
    bool member, shares;
    std::uint8_t origin_mask;
    RunTotals totals;
    bool operator==(const Record&) const = default;
  };
  const std::vector<Record>& records() const { return records_; }
  const std::vector<MilliWh>& pool() const { return pool_; }

 private:
  bool totals_only_;
  std::vector<Record> records_;
  std::vector<MilliWh> pool_;
};

// A community, its grid (three UTC days across a month's end) and whole-grid readings.
struct Case {
  FixedOffsetZone zone{0};
  Community community;
  DayGrid grid;
  std::vector<std::vector<MilliWh>> cr, ir;
  std::vector<std::vector<Quality>> cr_quality, ir_quality;
  std::vector<bool> has_readings;
  std::string description;
};

Case MakeCase(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto random = [&rng](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  Case c;
  const int step = random(0, 3) == 0 ? 3600 : 900;
  const bool portugal = random(0, 1) == 0;
  c.community.id = "totals" + std::to_string(seed);
  c.community.rules = RulesFor(portugal ? Country::kPortugal : Country::kSpain);
  c.community.rules.step_seconds = step;
  c.grid = *MakeDayGrid(c.zone, {2024, 1, 30}, {2024, 2, 2}, step);
  const UtcSeconds begin = c.grid.utc_start();
  const auto n = static_cast<int>(random(2, 40));
  std::vector<int> receivers;
  for (int p = 0; p < n; ++p) {
    Participant x;
    x.id = "P" + std::to_string(p);
    const auto kind = random(0, 9);
    x.role = p == 0 || kind == 0 ? Role::kProducer : kind == 1 ? Role::kProsumer : Role::kConsumer;
    if (p == n - 1) x.role = Role::kConsumer;
    x.voltage = static_cast<Origin>(random(1, 4));
    if (random(0, 3) == 0) x.building = "B" + std::to_string(random(0, 1));
    if (random(0, 9) == 0) x.member_from = begin + random(0, 2) * 86400 + random(0, 30) * step;
    if (random(0, 9) == 0) x.member_to = begin + random(1, 3) * 86400 - random(0, 30) * step;
    if (x.member_to <= x.member_from) x.member_to = kEndOfTime;
    if (x.role != Role::kProducer && random(0, 5) != 0) receivers.push_back(p);
    c.community.participants.push_back(x);
  }
  if (receivers.empty()) receivers.push_back(n - 1);
  // Random exact coefficient sets over the receivers.
  const auto random_set = [&] {
    std::vector<std::int64_t> weights;
    for (std::size_t k = 0; k < receivers.size(); ++k) weights.push_back(random(0, 100));
    weights.back() += 1;
    std::vector<MilliWh> parts(receivers.size());
    SplitByCumulativeFloor(kCoefficientScale, weights, parts);
    std::vector<Coefficient> set(static_cast<std::size_t>(n), 0);
    for (std::size_t k = 0; k < receivers.size(); ++k) set[receivers[k]] = parts[k];
    return set;
  };
  SharingPeriod fixed;
  fixed.method = Method::kFixed;
  fixed.fixed = random_set();
  const bool variable = random(0, 4) == 0;
  if (random(0, 6) == 0) {  // a method coupling the participants (no fused path)
    fixed.method = Method::kProportional;
    fixed.fixed.clear();
  }
  if (variable) {
    SharingPeriod changing;
    changing.method = Method::kVariable;
    changing.from = fixed.to = begin + 86400 + random(0, 95) * 900;
    for (UtcSeconds t = begin; t < begin + 3 * 86400; t += 3600) {
      changing.rows.push_back(CoefficientRow{t, random_set()});
    }
    c.community.periods = {fixed, changing};
  } else {
    c.community.periods = {fixed};
  }
  if (random(0, 3) == 0) {
    c.community.suspensions.push_back(Suspension{static_cast<int>(random(-1, n - 1)),
                                                 begin + 86400 + 7 * 900, begin + 2 * 86400});
  }
  // Energy scale: ordinary households, pools whose square overflows 64 bits, extreme values (as
  // large as the sums over every participant and interval of the grid allow).
  const auto intervals = static_cast<std::size_t>(c.grid.interval_count());
  const std::int64_t extreme =
      (std::int64_t{1} << 62) / (static_cast<std::int64_t>(intervals) * n * 2);
  const auto scale = random(0, 5);
  const std::int64_t largest = scale == 0   ? std::int64_t{1} << 33
                               : scale == 1 ? extreme
                                            : 3'000'000;
  const std::int64_t largest_source = std::min(largest * 3, extreme);
  const int per_day = 86400 / step;
  const auto quality = [&] {
    const auto q = random(0, 99);
    return q < 85 ? Quality::kReal : q < 95 ? Quality::kEstimated : Quality::kMissing;
  };
  for (int p = 0; p < n; ++p) {
    const bool source = c.community.participants[p].IsSource();
    const bool spiky = random(0, 3) == 0;  // a few values of 2^34
    c.cr.emplace_back(intervals);
    c.ir.emplace_back(intervals);
    c.cr_quality.emplace_back(intervals);
    c.ir_quality.emplace_back(intervals);
    for (std::size_t t = 0; t < intervals; ++t) {
      const int of_day = static_cast<int>(t) % per_day;
      const bool sunny = of_day > per_day / 4 && of_day < per_day * 3 / 4;
      const std::int64_t top =
          spiky && random(0, 50) == 0 ? std::min(std::int64_t{1} << 34, extreme) : largest;
      c.cr[p][t] = random(0, 3) == 0 ? 0 : random(0, top);
      c.ir[p][t] = source && sunny ? random(0, largest_source) : 0;
      c.cr_quality[p][t] = quality();
      c.ir_quality[p][t] = quality();
    }
    c.has_readings.push_back(p == 0 || random(0, 20) != 0);
  }
  c.description = std::to_string(n) + " participants, step " + std::to_string(step) +
                  (portugal ? ", PT" : ", ES") + (variable ? ", variable" : "") + ", scale " +
                  std::to_string(scale);
  return c;
}

// The case's readings for grid intervals [first, first + n).
RunInput InputOf(const Case& c, std::int64_t first, int n) {
  RunInput input;
  input.first_interval = first;
  input.n_intervals = n;
  const auto at = static_cast<std::size_t>(first);
  for (std::size_t p = 0; p < c.cr.size(); ++p) {
    const bool has = c.has_readings[p];
    input.cr.push_back(has ? &c.cr[p][at] : nullptr);
    input.ir.push_back(has ? &c.ir[p][at] : nullptr);
    input.cr_quality.push_back(has ? &c.cr_quality[p][at] : nullptr);
    input.ir_quality.push_back(has ? &c.ir_quality[p][at] : nullptr);
  }
  return input;
}

// The same readings as 32-bit values (RunInput::cr32, ir32) for the participants whose values all
// fit; the others keep the 64-bit ones.
struct Narrow {
  std::vector<std::vector<std::int32_t>> cr, ir;
  std::vector<bool> fits;
  explicit Narrow(const Case& c) {
    for (std::size_t p = 0; p < c.cr.size(); ++p) {
      cr.emplace_back(c.cr[p].begin(), c.cr[p].end());
      ir.emplace_back(c.ir[p].begin(), c.ir[p].end());
      bool all = true;
      for (std::size_t t = 0; t < c.cr[p].size(); ++t) {
        all = all && cr[p][t] == c.cr[p][t] && ir[p][t] == c.ir[p][t];
      }
      fits.push_back(all);
    }
  }
  void Into(RunInput& input) const {
    const auto at = static_cast<std::size_t>(input.first_interval);
    for (std::size_t p = 0; p < cr.size(); ++p) {
      const bool narrow = fits[p] && input.cr[p] != nullptr;
      input.cr32.push_back(narrow ? &cr[p][at] : nullptr);
      input.ir32.push_back(narrow ? &ir[p][at] : nullptr);
      if (narrow) input.cr[p] = input.ir[p] = nullptr;
    }
  }
};

// Allocates the case day by day into `sink` (from narrow readings where given).
void AllocateDays(const Allocator& allocator, const Case& c, AllocationSink& sink,
                  const Narrow* narrow = nullptr) {
  auto workspace = Allocator::NewWorkspace();
  for (const LocalDay& day : c.grid.days) {
    RunInput input = InputOf(c, day.first_interval, day.n_intervals);
    if (narrow != nullptr) narrow->Into(input);
    allocator.AllocateRun(input, *workspace, sink);
  }
}

void ExpectSameMonths(const MonthlyTotals& a, const MonthlyTotals& b) {
  ASSERT_EQ(a.month_count(), b.month_count());
  for (int m = 0; m < a.month_count(); ++m) {
    for (int p = 0; p < a.participant_count(); ++p) {
      SCOPED_TRACE("participant " + std::to_string(p) + " month " + std::to_string(m));
      EXPECT_EQ(a.participant(p, m).sums, b.participant(p, m).sums);
      EXPECT_EQ(a.participant(p, m).max_cm, b.participant(p, m).max_cm);
      EXPECT_EQ(a.participant(p, m).quality_counts, b.participant(p, m).quality_counts);
    }
    EXPECT_EQ(a.community(m).pool, b.community(m).pool);
    EXPECT_EQ(a.community(m).unallocated, b.community(m).unallocated);
    EXPECT_EQ(a.community(m).consumption, b.community(m).consumption);
    EXPECT_EQ(a.community(m).quality_counts, b.community(m).quality_counts);
  }
}

TEST(AllocationTotals, TotalsOnlySinksGetTheTotalsOfTheArrays) {
  constexpr int kCases = 150;
  int fused_cases = 0;
  for (int k = 0; k < kCases; ++k) {
    const std::uint64_t seed = 0x701a1000u + static_cast<std::uint64_t>(k);
    const Case c = MakeCase(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + c.description);
    ASSERT_TRUE(Validate(c.community).ok()) << Validate(c.community).message();
    auto allocator = Allocator::Create(c.community, c.grid);
    ASSERT_TRUE(allocator.ok()) << allocator.status().message();
    const auto n = static_cast<int>(c.community.participants.size());

    // Arrays: the recorder next to the invariant checks, which read every array (and check the
    // totals against them).
    TotalsRecorder with_arrays(false);
    InvariantSink invariants(n);
    TeeSink tee({&with_arrays, &invariants});
    ASSERT_FALSE(tee.TotalsOnly());
    AllocateDays(**allocator, c, tee);
    ASSERT_EQ(invariants.failures(), 0) << invariants.report();

    TotalsRecorder totals_only(true);
    AllocateDays(**allocator, c, totals_only);
    ASSERT_EQ(totals_only.records().size(), with_arrays.records().size());
    for (std::size_t r = 0; r < with_arrays.records().size(); ++r) {
      SCOPED_TRACE("record " + std::to_string(r));
      ASSERT_TRUE(totals_only.records()[r] == with_arrays.records()[r]);
    }
    ASSERT_EQ(totals_only.pool(), with_arrays.pool());

    // MonthlyTotals reads only totals for day runs alone, and the arrays next to a sink that
    // reads them; the whole grid as one run crosses a month and is summed from the arrays.
    MonthlyTotals alone(n, c.grid), beside_arrays(n, c.grid), one_run(n, c.grid);
    InvariantSink more_invariants(n);
    TeeSink monthly_tee({&beside_arrays, &more_invariants});
    AllocateDays(**allocator, c, alone);
    AllocateDays(**allocator, c, monthly_tee);
    auto workspace = Allocator::NewWorkspace();
    (*allocator)
        ->AllocateRun(InputOf(c, 0, static_cast<int>(c.grid.interval_count())), *workspace,
                      one_run);
    ExpectSameMonths(alone, beside_arrays);
    ExpectSameMonths(alone, one_run);
    if (HasFailure()) return;
    const bool fixed_only = c.community.periods.size() == 1;
    fused_cases += fixed_only;
  }
  EXPECT_GT(fused_cases, kCases / 2);
}

// Narrow readings give the same results as the 64-bit ones, on every path: every array (the
// general path widens them) and the run totals of a totals-only sink (the fused path loads them).
TEST(AllocationTotals, NarrowReadingsGiveTheSameResults) {
  int narrow_participants = 0;
  for (int k = 0; k < 100; ++k) {
    const std::uint64_t seed = 0x3232000u + static_cast<std::uint64_t>(k);
    const Case c = MakeCase(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + c.description);
    auto allocator = Allocator::Create(c.community, c.grid);
    ASSERT_TRUE(allocator.ok()) << allocator.status().message();
    const Narrow narrow(c);
    for (bool fits : narrow.fits) narrow_participants += fits;
    const std::size_t n = c.community.participants.size();
    CollectingSink wide_rows(n, c.grid.interval_count()), narrow_rows(n, c.grid.interval_count());
    AllocateDays(**allocator, c, wide_rows);
    AllocateDays(**allocator, c, narrow_rows, &narrow);
    ASSERT_TRUE(wide_rows == narrow_rows);
    TotalsRecorder wide_totals(true), narrow_totals(true);
    AllocateDays(**allocator, c, wide_totals);
    AllocateDays(**allocator, c, narrow_totals, &narrow);
    ASSERT_TRUE(wide_totals.records() == narrow_totals.records());
    ASSERT_EQ(wide_totals.pool(), narrow_totals.pool());
  }
  EXPECT_GT(narrow_participants, 500);
}

TEST(AllocationTotals, MonthlyTotalsReadsOnlyTotalsInsideAMonth) {
  FixedOffsetZone utc(0);
  const DayGrid grid = *MakeDayGrid(utc, {2024, 1, 31}, {2024, 2, 2}, 3600);
  MonthlyTotals totals(3, grid);
  totals.BeginRun(0, 24);
  EXPECT_TRUE(totals.TotalsOnly());
  totals.BeginRun(0, 48);  // January 31 and February 1
  EXPECT_FALSE(totals.TotalsOnly());
}

TEST(AllocationTotals, TeeIsTotalsOnlyWhenEverySinkIs) {
  TotalsRecorder a(true), b(true), c(false);
  EXPECT_TRUE(TeeSink({&a, &b}).TotalsOnly());
  EXPECT_FALSE(TeeSink({&a, &c}).TotalsOnly());
  EXPECT_FALSE(TeeSink({}).TotalsOnly());
}

}  // namespace
}  // namespace reparto::testing
