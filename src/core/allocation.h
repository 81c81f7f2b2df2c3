// The allocation engine: from readings to the ten quantities of spec/allocation.md §2 for every
// participant and interval, under the community's sharing periods, suspensions and rule set.
//
// Units: every energy is mWh in the interval; instants are UTC.
//
// The engine works one run of intervals at a time (normally a local day), cut into segments where
// the configuration (sharing period, members, suspensions) changes. Results go to a sink one
// participant at a time, so nothing larger than a day is ever held (for fixed and variable
// coefficients, nothing larger than one participant's day):
//
//   auto allocator = Allocator::Create(community, readings.grid());
//   MonthlyTotals totals(community.participants.size(), readings.grid());  // an AllocationSink
//   (*allocator)->AllocateAll(readings, totals);
//
// Exactness: shares are rounded to whole mWh by cumulative flooring, so Σ imputed + unallocated
// = pool exactly in every interval, and per participant CM = EA + EF and EI = EA + EX exactly.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/community.h"
#include "core/energy.h"
#include "core/readings.h"
#include "core/split.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

// Readings for one run of intervals: per participant, a pointer to the run's first value (null:
// no readings at all).
//
// Narrow readings: a store may keep a participant's values as 32-bit mWh when they all fit (up to
// 2 147 kWh in an interval), which halves the memory the engine streams. When `cr32` is not empty
// and cr32[p] is set, participant p's readings are cr32[p] and ir32[p] (cr[p] and ir[p] are then
// ignored); the engine widens them exactly to MilliWh, so the results are the same.
struct RunInput {
  std::int64_t first_interval = 0;  // index in the grid
  int n_intervals = 0;
  std::vector<const MilliWh*> cr, ir;
  std::vector<const Quality*> cr_quality, ir_quality;
  std::vector<const std::int32_t*> cr32, ir32;  // optional: empty, or one entry per participant
};

// Sums over a whole run of the quantities a total needs (the others follow exactly from the
// identities CM = EA + EF, EI = EA + EX, CM − IM = CR − IR). mWh; max_cm is the largest CM;
// quality_counts the number of intervals by ParticipantRun::quality, indexed by Quality.
struct RunTotals {
  MilliWh cr = 0, ir = 0, cm = 0, imputed = 0, self_consumed = 0, max_cm = 0;
  std::array<MilliWh, kOriginCount> by_origin{};
  std::array<std::int64_t, kQualityCount> quality_counts{};
  bool operator==(const RunTotals&) const = default;
};

// The results of one participant over one run. Every array holds `n_intervals` values, except
// for a sink that declared AllocationSink::TotalsOnly() for the run: the engine may then leave
// the array pointers null (only `totals` and the fields that are not pointers are given).
struct ParticipantRun {
  int participant = 0;
  std::int64_t first_interval = 0;
  int n_intervals = 0;
  bool member = true;  // false: not a member during this run (all values zero, quality missing)
  const MilliWh* cr;   // registered consumption
  const MilliWh* ir;   // registered injection
  const MilliWh* cm;   // measured (netted) consumption
  const MilliWh* im;   // measured (netted) injection
  const MilliWh* imputed;
  const MilliWh* self_consumed;
  const MilliWh* supplier;
  const MilliWh* surplus;
  const MilliWh* shared;
  std::array<const MilliWh*, kOriginCount> self_consumed_by_origin;
  const Quality* quality;      // worst quality of every input the row depends on
  const Quality* own_quality;  // worst quality of the participant's own readings (CR, IR)
  // What a sink may skip: bit o set when origin o may hold non-zero values (the others are all
  // zero), and whether `shared` is `im` (an active source) rather than all zero.
  std::uint8_t origin_mask = (1u << kOriginCount) - 1;
  bool shares = true;
  // The sums of the arrays over the whole run, computed while the engine held the values, so that
  // a sink needing totals only need not read the arrays again. The engine always sets it.
  const RunTotals* totals = nullptr;
};

// Community-level values of one run.
struct PoolRun {
  std::int64_t first_interval = 0;
  int n_intervals = 0;
  const MilliWh* pool;         // Σ shared energy of sources
  const MilliWh* unallocated;  // pool − Σ imputed
  const MilliWh* consumption;  // Σ CM of members
  const Quality* quality;      // worst quality of the pool's inputs
};

// Receives the results run by run: BeginRun, then Consume for every participant in community
// order, then EndRun with the community-level values (known only once every participant is done).
class AllocationSink {
 public:
  virtual ~AllocationSink() = default;
  // A run of `n_intervals` intervals starting at grid interval `first_interval` begins; runs come
  // in time order.
  virtual void BeginRun(std::int64_t first_interval, int n_intervals) {
    (void)first_interval;
    (void)n_intervals;
  }
  // Asked after each BeginRun: true when the sink reads nothing of this run's ParticipantRuns but
  // `totals` and the fields that are not pointers (a sink of sums, such as MonthlyTotals for a
  // run inside one month). The engine may then skip writing the arrays and pass null pointers,
  // which is much faster. Sinks that read the values of intervals (the diagram writers, the
  // invariant checks) keep the default: every array valid.
  virtual bool TotalsOnly() const { return false; }
  // Called for every participant of the run, in participant order.
  virtual void Consume(const ParticipantRun& run) = 0;
  // Called after the last participant of the run with the pool, the unallocated energy and the
  // members' consumption of each interval.
  virtual void EndRun(const PoolRun& pool) = 0;
};

// Reusable scratch memory of one thread (sized on first use); opaque outside the engine, owned
// through Workspace.
struct AllocationWorkspace;
struct AllocationWorkspaceDeleter {
  void operator()(AllocationWorkspace* workspace) const;
};
using Workspace = std::unique_ptr<AllocationWorkspace, AllocationWorkspaceDeleter>;

class Allocator {
 public:
  // Validates the community against the grid (the grid step must be the rule set's step).
  static Result<std::unique_ptr<Allocator>> Create(const Community& community, const DayGrid& grid);
  ~Allocator();

  // Allocates [first_interval, first_interval + n) of the grid; splits it internally where the
  // configuration changes. `input` must cover that range.
  void AllocateRun(const RunInput& input, AllocationWorkspace& workspace,
                   AllocationSink& sink) const;

  // Allocates the whole table day by day.
  void AllocateAll(const ReadingTable& readings, AllocationSink& sink) const;

  static Workspace NewWorkspace();

  const Community& community() const;
  const DayGrid& grid() const;

 private:
  struct Impl;
  explicit Allocator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reparto
