// Property tests of the allocation engine over 200 random communities (seeded std::mt19937_64,
// so every run checks the same cases): random roles, buildings, voltages, memberships, every
// sharing method x redistribution, several periods with gaps (country default), suspensions,
// readings with missing and estimated values and quarter-hour records summed into hours, steps of
// 900 and 3600 s. For every participant and interval the identities of spec/allocation.md §2 and
// the conservation laws of §3/§6 must hold exactly; the results must not depend on the order of
// the records in a batch nor on how the grid is cut into runs. Also: PlaceReadings is all or
// nothing.
//
// Units: mWh, parts per billion, UTC seconds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/readings.h"
#include "support/allocation_fixture.h"
#include "support/allocation_invariants.h"

namespace reparto::testing {
namespace {

constexpr int kCases = 200;

class Random {
 public:
  explicit Random(std::uint64_t seed) : rng_(seed) {}
  // Uniform in [lo, hi].
  std::int64_t Int(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  bool Chance(int percent) { return Int(0, 99) < percent; }
  std::mt19937_64& engine() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

// A random community with its grid (two UTC days) and a batch of readings in time order.
struct Case {
  FixedOffsetZone zone{0};
  Community community;
  DayGrid grid;
  ReadingBatch batch;
  std::string description;
};

// Splits the whole scale among `who` with random positive weights (exact ppb).
std::vector<Coefficient> RandomSet(Random& r, std::size_t n, const std::vector<int>& who,
                                   Coefficient total = kCoefficientScale) {
  std::vector<Coefficient> set(n, 0);
  std::vector<std::int64_t> weights;
  for (std::size_t k = 0; k < who.size(); ++k) weights.push_back(r.Int(1, 100));
  std::vector<MilliWh> parts(who.size());
  SplitByCumulativeFloor(total, weights, parts);
  for (std::size_t k = 0; k < who.size(); ++k) set[static_cast<std::size_t>(who[k])] = parts[k];
  return set;
}

Quality RandomQuality(Random& r) {
  const auto x = r.Int(0, 99);
  return x < 85 ? Quality::kReal : x < 95 ? Quality::kEstimated : Quality::kMissing;
}

Case MakeCase(std::uint64_t seed) {
  Random r(seed);
  Case c;
  const int step = r.Chance(50) ? 900 : 3600;
  const Country country = r.Chance(70) ? Country::kPortugal : Country::kSpain;
  c.community.id = "case" + std::to_string(seed);
  c.community.rules = RulesFor(country);
  c.community.rules.step_seconds = step;
  c.grid = *MakeDayGrid(c.zone, {2024, 5, 26}, {2024, 5, 28}, step);
  const UtcSeconds begin = c.grid.utc_start();
  const UtcSeconds end = c.grid.utc_end();
  // An instant inside the grid: on a step boundary, or (sometimes) anywhere.
  auto instant = [&] {
    if (r.Chance(20)) return begin + r.Int(1, end - begin - 1);
    return begin + r.Int(1, c.grid.interval_count() - 1) * step;
  };

  // Participants.
  const int n = static_cast<int>(r.Int(2, 10));
  const char* buildings[] = {"", "", "B1", "B2"};
  std::vector<int> receivers, sources;
  for (int p = 0; p < n; ++p) {
    Participant part;
    part.id = "P" + std::to_string(p);
    const auto x = r.Int(0, 99);
    part.role = x < 55 ? Role::kConsumer : x < 75 ? Role::kProducer : Role::kProsumer;
    if (p == 0) part.role = Role::kConsumer;                  // someone can receive
    if (p == 1 && r.Chance(90)) part.role = Role::kProducer;  // usually someone shares
    part.building = buildings[r.Int(0, 3)];
    part.voltage = static_cast<Origin>(r.Int(1, 4));
    if (r.Chance(25)) part.member_from = instant();
    if (r.Chance(25)) part.member_to = instant();
    if (part.member_from >= part.member_to) std::swap(part.member_from, part.member_to);
    if (part.member_from == part.member_to) part.member_to = kEndOfTime;
    if (part.role != Role::kProducer) receivers.push_back(p);
    if (part.IsSource()) sources.push_back(p);
    c.community.participants.push_back(part);
  }
  const auto un = static_cast<std::size_t>(n);

  // Periods: 1 to 3 consecutive ranges, some left uncovered (the country default applies).
  std::vector<UtcSeconds> cuts = {kBeginningOfTime};
  for (int k = static_cast<int>(r.Int(0, 2)); k > 0; --k) cuts.push_back(instant());
  cuts.push_back(kEndOfTime);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    if (cuts.size() > 2 && r.Chance(15)) {
      c.description += " gap";
      continue;
    }
    SharingPeriod period;
    period.from = cuts[k];
    period.to = cuts[k + 1];
    period.method = static_cast<Method>(r.Int(0, 4));
    period.redistribution = r.Chance(50) ? Redistribution::kNone : Redistribution::kIterative;
    switch (period.method) {
      case Method::kFixed:
        period.fixed = RandomSet(r, un, receivers);
        break;
      case Method::kVariable: {
        period.row_seconds = r.Chance(50) ? 3600 : step;
        for (UtcSeconds t = begin; t < end; t += period.row_seconds) {
          period.rows.push_back({t, RandomSet(r, un, receivers)});
        }
        break;
      }
      case Method::kProportional:
        break;
      case Method::kPairwise:
        for (int u : sources) {
          // A random subset of receivers (sometimes another source) sharing up to the whole.
          std::vector<int> to;
          for (int i = 0; i < n; ++i) {
            if (i != u && r.Chance(60)) to.push_back(i);
          }
          if (to.empty()) continue;
          const Coefficient total = r.Chance(50) ? kCoefficientScale : r.Int(1, kCoefficientScale);
          const auto set = RandomSet(r, un, to, total);
          for (int i : to) period.pairs.push_back({u, i, kBeginningOfTime, set[i]});
          // Per-interval entries for a couple of intervals replace the constant ones.
          for (int extra = 0; extra < 2; ++extra) {
            const UtcSeconds at = begin + r.Int(0, c.grid.interval_count() - 1) * step;
            bool used = false;
            for (const PairwiseEntry& e : period.pairs) used |= e.producer == u && e.start == at;
            if (used) continue;
            const auto specific = RandomSet(r, un, to, r.Int(0, kCoefficientScale));
            for (int i : to) period.pairs.push_back({u, i, at, specific[i]});
          }
        }
        break;
      case Method::kPriority: {
        period.fixed.assign(un, 0);
        period.group.assign(un, 0);
        const int groups = static_cast<int>(r.Int(1, 3));
        std::vector<std::vector<int>> members(static_cast<std::size_t>(groups) + 1);
        for (int i : receivers) {
          const int g = i == receivers.front() ? 1 : static_cast<int>(r.Int(0, groups));
          members[static_cast<std::size_t>(g)].push_back(i);
        }
        for (int g = 1; g <= groups; ++g) {
          if (members[g].empty()) continue;
          const auto set = RandomSet(r, un, members[g]);
          for (int i : members[g]) {
            period.fixed[i] = set[i];
            period.group[i] = g;
          }
        }
        break;
      }
    }
    c.description += std::string(" ") + std::string(MethodName(period.method)) +
                     (period.redistribution == Redistribution::kIterative ? "/iterative" : "");
    c.community.periods.push_back(std::move(period));
  }

  // Suspensions.
  for (int k = static_cast<int>(r.Int(0, 2)); k > 0; --k) {
    Suspension s;
    s.participant = r.Chance(25) ? -1 : static_cast<int>(r.Int(0, n - 1));
    s.from = instant();
    s.to = instant();
    if (s.from > s.to) std::swap(s.from, s.to);
    if (s.from == s.to) s.to = end;
    c.community.suspensions.push_back(s);
  }

  // Readings, in time order per participant. On hourly grids some participants give quarter
  // hours (summed into the hour; an hour with a quarter missing becomes missing).
  c.batch.source = "case" + std::to_string(seed) + ".csv";
  std::uint32_t line = 1;
  for (int p = 0; p < n; ++p) {
    c.batch.names.push_back(c.community.participants[un - 1 - static_cast<std::size_t>(p)].id);
  }
  for (int p = 0; p < n; ++p) {
    const Participant& part = c.community.participants[static_cast<std::size_t>(p)];
    const auto name = static_cast<std::uint32_t>(n - 1 - p);
    const int duration = (step == 3600 && r.Chance(30)) ? 900 : step;
    // A couple of records before the grid: skipped as outside the period.
    for (UtcSeconds t = begin - 2 * duration; t < end; t += duration) {
      if (t >= begin && r.Chance(4)) continue;  // no record: missing
      ReadingRecord rec;
      rec.start = t;
      rec.duration_seconds = duration;
      rec.name = name;
      rec.line = ++line;
      const MilliWh scale = duration == 900 ? 1 : 4;
      if (part.role != Role::kProducer) {
        rec.consumption = r.Chance(20) ? 0 : r.Int(0, 750'000) * scale;
        rec.consumption_quality = RandomQuality(r);
      }
      if (part.role != Role::kConsumer) {
        rec.injection = r.Chance(30) ? 0 : r.Int(0, 2'000'000) * scale;
        rec.injection_quality = RandomQuality(r);
        if (part.role == Role::kProducer && r.Chance(30)) {
          rec.consumption = r.Int(0, 20'000);  // auxiliary consumption at night
          rec.consumption_quality = Quality::kReal;
        }
      } else if (r.Chance(50)) {
        rec.injection_quality = Quality::kReal;  // some files give a consumer's zero export
      }
      if (rec.consumption_quality == Quality::kMissing) rec.consumption = 0;
      if (rec.injection_quality == Quality::kMissing) rec.injection = 0;
      c.batch.records.push_back(rec);
    }
  }
  return c;
}

std::unique_ptr<ReadingTable> Place(const Case& c, const ReadingBatch& batch) {
  auto table = std::make_unique<ReadingTable>(c.community.participants.size(), c.grid);
  Status s = PlaceReadings(c.community, batch, *table);
  EXPECT_TRUE(s.ok()) << s.message();
  table->Finish();
  return table;
}

CollectingSink AllocateAllOf(const Allocator& allocator, const Case& c, const ReadingTable& table,
                             InvariantSink& invariants) {
  CollectingSink flat(c.community.participants.size(), c.grid.interval_count());
  TeeSink tee({&flat, &invariants});
  allocator.AllocateAll(table, tee);
  return flat;
}

// The method in force at `t` (the community's periods, else the country default, which is
// proportional here since no contracted power is set).
const SharingPeriod* PeriodAt(const Community& c, UtcSeconds t) {
  for (const SharingPeriod& p : c.periods) {
    if (t >= p.from && t < p.to) return &p;
  }
  return nullptr;
}

bool Suspended(const Community& c, int p, UtcSeconds t) {
  for (const Suspension& s : c.suspensions) {
    if ((s.participant == -1 || s.participant == p) && t >= s.from && t < s.to) return true;
  }
  return false;
}

// Checks what the invariant sink cannot know: membership, netting, suspensions, the net-injector
// rule, the methods' own guarantees.
void CheckRules(const Case& c, const ReadingTable& table, const CollectingSink& sink,
                std::int64_t& checked_cells) {
  const Community& com = c.community;
  const int n = static_cast<int>(com.participants.size());
  for (std::int64_t t = 0; t < c.grid.interval_count(); ++t) {
    const UtcSeconds start = c.grid.utc_start() + t * c.grid.step_seconds;
    const SharingPeriod* period = PeriodAt(com, start);
    const Method method = period ? period->method : Method::kProportional;
    const bool iterative = period && period->redistribution == Redistribution::kIterative;
    MilliWh eligible_cm = 0, sum_ei = 0;
    bool all_candidates_saturated = true;
    for (int p = 0; p < n; ++p) {
      const Participant& part = com.participants[static_cast<std::size_t>(p)];
      const Row& x = sink.at(p, t);
      SCOPED_TRACE("participant " + std::to_string(p) + " interval " + std::to_string(t));
      ++checked_cells;
      ASSERT_EQ(x.seen, 1);
      ASSERT_EQ(x.member, part.IsMemberAt(start));
      if (!x.member) continue;
      const auto up = static_cast<std::size_t>(p);
      ASSERT_EQ(x.cr, table.cr(up)[t]);
      ASSERT_EQ(x.ir, table.ir(up)[t]);
      ASSERT_EQ(x.cm, std::max<MilliWh>(0, x.cr - x.ir));
      ASSERT_EQ(x.im, std::max<MilliWh>(0, x.ir - x.cr));
      ASSERT_EQ(x.own_quality, Worst(table.cr_quality(up)[t], table.ir_quality(up)[t]));
      const bool active = !Suspended(com, p, start);
      ASSERT_EQ(x.shared, part.IsSource() && active ? x.im : 0);
      if (!active) {
        ASSERT_EQ(x.imputed, 0) << "suspended participant imputed";
      }
      if (method != Method::kPairwise && part.role == Role::kProducer) {
        ASSERT_EQ(x.imputed, 0);
      }
      if ((method == Method::kFixed || method == Method::kProportional) &&
          com.rules.no_imputation_to_net_injectors && x.im > 0) {
        ASSERT_EQ(x.imputed, 0) << "net injector imputed under " << MethodName(method);
      }
      if ((iterative && method != Method::kPairwise) || method == Method::kPriority) {
        ASSERT_EQ(x.surplus, 0) << "surplus under a method capped at consumption";
      }
      const bool eligible = active && part.role != Role::kProducer &&
                            !(com.rules.no_imputation_to_net_injectors && x.im > 0);
      if (method == Method::kFixed && !iterative && eligible) {
        // floor(β · pool) − 1 < EI < β · pool + 1 (cumulative flooring moves a share by < 1).
        const __int128 exact = static_cast<__int128>(period->fixed[up]) * sink.pool(t);
        const __int128 scaled = static_cast<__int128>(x.imputed) * kCoefficientScale;
        ASSERT_LT(scaled, exact + kCoefficientScale);
        ASSERT_GT(scaled, exact - kCoefficientScale);
      }
      if (iterative && method != Method::kPairwise && eligible && x.imputed < x.cm) {
        Coefficient weight = 1;  // proportional: every consumer with CM > 0 is a candidate
        if (method == Method::kVariable) {
          const auto row = (start - c.grid.utc_start()) / period->row_seconds;
          weight = period->rows[static_cast<std::size_t>(row)].coefficients[up];
        } else if (method != Method::kProportional) {
          weight = period->fixed[up];
        }
        if (weight > 0) all_candidates_saturated = false;
      }
      if (eligible) eligible_cm += x.cm;
      sum_ei += x.imputed;
    }
    SCOPED_TRACE("interval " + std::to_string(t));
    if (method == Method::kProportional && !iterative) {
      // Cumulative flooring over every eligible participant hands out the whole pool.
      ASSERT_EQ(sink.unallocated(t), eligible_cm > 0 ? 0 : sink.pool(t));
    }
    if (iterative && method != Method::kPairwise) {
      // Water-filling leaves energy unallocated only when every candidate is saturated.
      if (sink.unallocated(t) > 0) {
        ASSERT_TRUE(all_candidates_saturated);
      }
    }
    ASSERT_EQ(sum_ei + sink.unallocated(t), sink.pool(t));
  }
}

TEST(AllocationProperty, RandomCommunitiesKeepEveryIdentity) {
  std::int64_t checked = 0, non_members = 0, cases_with_pool = 0, estimated_or_missing = 0;
  int methods_seen[5][2] = {};
  for (int k = 0; k < kCases; ++k) {
    const std::uint64_t seed = 0x5eed0000u + static_cast<std::uint64_t>(k);
    const Case c = MakeCase(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ":" + c.description);
    ASSERT_TRUE(Validate(c.community).ok()) << Validate(c.community).message();
    for (const SharingPeriod& p : c.community.periods) {
      ++methods_seen[static_cast<int>(p.method)][static_cast<int>(p.redistribution)];
    }
    auto allocator = Allocator::Create(c.community, c.grid);
    ASSERT_TRUE(allocator.ok()) << allocator.status().message();
    const auto table = Place(c, c.batch);
    InvariantSink invariants(static_cast<int>(c.community.participants.size()));
    const CollectingSink sink = AllocateAllOf(**allocator, c, *table, invariants);
    ASSERT_EQ(invariants.failures(), 0) << invariants.report();
    ASSERT_GE(invariants.runs(), 2);  // two days, more where the configuration changes
    CheckRules(c, *table, sink, checked);
    if (HasFatalFailure()) return;
    non_members += invariants.non_member_cells();
    cases_with_pool += invariants.total_pool() > 0;
    for (std::int64_t t = 0; t < c.grid.interval_count(); ++t) {
      estimated_or_missing += sink.at(0, t).own_quality != Quality::kReal;
    }
  }
  // The generator really covers what it claims.
  for (int m = 0; m < 5; ++m) {
    for (int r = 0; r < 2; ++r) {
      EXPECT_GT(methods_seen[m][r], 5) << MethodName(static_cast<Method>(m)) << " " << r;
    }
  }
  EXPECT_GT(non_members, 1000);
  EXPECT_GT(cases_with_pool, kCases * 3 / 4);
  EXPECT_GT(estimated_or_missing, 1000);
  EXPECT_GT(checked, 100'000);
}

TEST(AllocationProperty, ResultsDoNotDependOnRecordOrderNorOnRuns) {
  for (int k = 0; k < kCases; ++k) {
    const std::uint64_t seed = 0x5eed0000u + static_cast<std::uint64_t>(k);
    const Case c = MakeCase(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ":" + c.description);
    auto allocator = Allocator::Create(c.community, c.grid);
    ASSERT_TRUE(allocator.ok()) << allocator.status().message();

    ReadingBatch shuffled = c.batch;
    std::mt19937_64 rng(seed);
    std::shuffle(shuffled.records.begin(), shuffled.records.end(), rng);
    std::size_t moved = 0;
    for (std::size_t r = 0; r < shuffled.records.size(); ++r) {
      moved += shuffled.records[r].line != c.batch.records[r].line;
    }
    ASSERT_GT(moved, shuffled.records.size() / 2);
    const auto sorted_table = Place(c, c.batch);
    const auto shuffled_table = Place(c, shuffled);
    const std::size_t n = c.community.participants.size();
    for (std::size_t p = 0; p < n; ++p) {
      for (std::int64_t t = 0; t < c.grid.interval_count(); ++t) {
        ASSERT_EQ(sorted_table->cr(p)[t], shuffled_table->cr(p)[t]);
        ASSERT_EQ(sorted_table->ir(p)[t], shuffled_table->ir(p)[t]);
        ASSERT_EQ(sorted_table->cr_quality(p)[t], shuffled_table->cr_quality(p)[t]);
        ASSERT_EQ(sorted_table->ir_quality(p)[t], shuffled_table->ir_quality(p)[t]);
      }
    }
    InvariantSink ignore_a(static_cast<int>(n)), ignore_b(static_cast<int>(n));
    const CollectingSink from_sorted = AllocateAllOf(**allocator, c, *sorted_table, ignore_a);
    const CollectingSink from_shuffled = AllocateAllOf(**allocator, c, *shuffled_table, ignore_b);
    ASSERT_TRUE(from_sorted == from_shuffled);

    // The whole grid as one run (split only where the configuration changes) gives the same
    // results as day by day, and so does a workspace reused from a bigger community.
    RunInput input;
    input.first_interval = 0;
    input.n_intervals = static_cast<int>(c.grid.interval_count());
    for (std::size_t p = 0; p < n; ++p) {
      input.cr.push_back(sorted_table->cr(p));
      input.ir.push_back(sorted_table->ir(p));
      input.cr_quality.push_back(sorted_table->cr_quality(p));
      input.ir_quality.push_back(sorted_table->ir_quality(p));
    }
    CollectingSink one_run(n, c.grid.interval_count());
    static auto workspace = Allocator::NewWorkspace();  // reused across cases on purpose
    (*allocator)->AllocateRun(input, *workspace, one_run);
    ASSERT_TRUE(one_run == from_sorted);
  }
}

// A small community and a table already holding a first file.
struct PlacementFixture {
  FixedOffsetZone utc{0};
  Community community;
  DayGrid grid;
  std::unique_ptr<ReadingTable> table;

  PlacementFixture() {
    community.id = "c";
    community.rules = RulesFor(Country::kPortugal);
    community.participants.resize(2);
    community.participants[0].id = "A";
    community.participants[1].id = "PV";
    community.participants[1].role = Role::kProducer;
    grid = *MakeDayGrid(utc, {2024, 5, 26}, {2024, 5, 27}, 900);
    table = std::make_unique<ReadingTable>(2, grid);
    ReadingBatch first;
    first.source = "first.csv";
    first.names = {"A"};
    first.records.push_back(Record(0, 0, 2, 120'000));
    EXPECT_TRUE(PlaceReadings(community, first, *table).ok());
  }
  ReadingRecord Record(std::int64_t interval, std::uint32_t name, std::uint32_t line,
                       MilliWh consumption, MilliWh injection = 0) const {
    ReadingRecord r;
    r.start = grid.utc_start() + interval * 900;
    r.name = name;
    r.line = line;
    r.consumption = consumption;
    r.injection = injection;
    r.consumption_quality = r.injection_quality = Quality::kReal;
    return r;
  }
  // A batch whose lines 2..6 are good (intervals 1..5 of A and PV) and whose last line is `bad`.
  ReadingBatch Batch(const ReadingRecord& bad) const {
    ReadingBatch b;
    b.source = "second.csv";
    b.names = {"A", "PV", "GHOST"};
    for (std::uint32_t k = 1; k <= 5; ++k) {
      b.records.push_back(Record(k, k % 2, k + 1, 1000 * k, (k % 2) * 500 * k));
    }
    b.records.push_back(bad);
    return b;
  }
  // Every cell of the table, to compare before and after.
  std::vector<std::int64_t> Snapshot() const {
    std::vector<std::int64_t> s;
    for (std::size_t p = 0; p < 2; ++p) {
      for (std::int64_t t = 0; t < grid.interval_count(); ++t) {
        s.push_back(table->cr(p)[t]);
        s.push_back(table->ir(p)[t]);
        s.push_back(static_cast<int>(table->cr_quality(p)[t]));
        s.push_back(static_cast<int>(table->ir_quality(p)[t]));
      }
    }
    return s;
  }
};

TEST(PlaceReadings, IsAllOrNothingAndNamesTheBadLine) {
  PlacementFixture f;
  const auto before = f.Snapshot();
  ASSERT_EQ(f.table->cr(0)[0], 120'000);
  ASSERT_EQ(f.table->CountMissing(), 2 * 96 - 1);

  struct BadCase {
    ReadingRecord record;
    std::string expected;  // in the message
  };
  const std::vector<BadCase> cases = {
      {f.Record(7, 0, 7, -1), "second.csv:7: negative consumption"},
      {f.Record(7, 1, 7, 0, -250), "second.csv:7: negative injection"},
      {f.Record(7, 2, 7, 1000), "second.csv:7: unknown participant 'GHOST'"},
      // Interval 0 of A was given by line 2 of first.csv.
      {f.Record(0, 0, 7, 1000), "second.csv:7: participant 'A'"},
      // Interval 3 of PV is also given by line 4 of this batch.
      {f.Record(3, 1, 7, 0, 100), "second.csv: lines 4 and 7 both give participant 'PV'"},
  };
  for (const BadCase& bad : cases) {
    const Status s = PlaceReadings(f.community, f.Batch(bad.record), *f.table);
    ASSERT_FALSE(s.ok()) << bad.expected;
    EXPECT_NE(s.message().find(bad.expected), std::string::npos) << s.message();
    EXPECT_EQ(f.Snapshot(), before) << "table changed by a failed batch: " << bad.expected;
  }
  EXPECT_NE(PlaceReadings(f.community, f.Batch(f.Record(0, 0, 7, 1)), *f.table)
                .message()
                .find("already given by line 2 of an earlier file"),
            std::string::npos);

  // The same batch with a good last line goes in whole: 6 more cells filled.
  ASSERT_TRUE(PlaceReadings(f.community, f.Batch(f.Record(9, 0, 7, 4000)), *f.table).ok());
  EXPECT_EQ(f.table->CountMissing(), 2 * 96 - 1 - 6);
  EXPECT_EQ(f.table->cr(0)[9], 4000);
  EXPECT_EQ(f.table->cr(1)[3], 3000);  // line 4: interval 3 of PV, CR 3 kWh·1000, IR 1500
  EXPECT_EQ(f.table->ir(1)[3], 1500);
}

}  // namespace
}  // namespace reparto::testing
