// A streaming AllocationSink that checks the identities and conservation laws of
// spec/allocation.md §2, §3 and §6 on every participant and interval it is given, without keeping
// the results: usable over a whole year of a 100-member community. Shared by the core property
// tests and the end-to-end tests.
//
// Units: mWh per interval. Checked, per participant and interval (members):
//   CM = EA + EF, EI = EA + EX, CM·IM = 0, EA = min(EI, CM), Σ origins = EA, no negative value;
// non-members: every value zero; per interval:
//   Σ EI + unallocated = pool, unallocated >= 0, Σ EA <= min(pool, Σ CM),
//   pool = Σ ES, consumption = Σ CM of members,
// and that every participant is consumed exactly once per run, in participant order.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/tee_sink.h"

namespace reparto::testing {

class InvariantSink : public AllocationSink {
 public:
  explicit InvariantSink(int n_participants) : n_participants_(n_participants) {}

  void BeginRun(std::int64_t first_interval, int n_intervals) override {
    first_ = first_interval;
    n_ = n_intervals;
    sum_imputed_.assign(n_, 0);
    sum_self_.assign(n_, 0);
    sum_cm_.assign(n_, 0);
    sum_shared_.assign(n_, 0);
    next_participant_ = 0;
    ++runs_;
  }

  void Consume(const ParticipantRun& run) override {
    if (run.participant != next_participant_ || run.first_interval != first_ ||
        run.n_intervals != n_) {
      Fail(run.participant, first_, "participant run out of order or not matching the run begun");
    }
    ++next_participant_;
    if (run.totals == nullptr) {
      Fail(run.participant, first_, "run without run totals");
    } else {
      CheckTotals(run);
    }
    for (int t = 0; t < run.n_intervals; ++t) {
      const std::int64_t interval = run.first_interval + t;
      const MilliWh cm = run.cm[t], im = run.im[t], ei = run.imputed[t], ea = run.self_consumed[t],
                    ef = run.supplier[t], ex = run.surplus[t], es = run.shared[t];
      ++cells_;
      if (!run.member) {
        ++non_member_cells_;
        if (run.cr[t] != 0 || run.ir[t] != 0 || cm != 0 || im != 0 || ei != 0 || ea != 0 ||
            ef != 0 || ex != 0 || es != 0) {
          Fail(run.participant, interval, "a non-member has a non-zero value");
        }
        continue;
      }
      MilliWh origins = 0;
      bool negative = run.cr[t] < 0 || run.ir[t] < 0 || cm < 0 || im < 0 || ei < 0 || ea < 0 ||
                      ef < 0 || ex < 0 || es < 0;
      for (int o = 0; o < kOriginCount; ++o) {
        origins += run.self_consumed_by_origin[o][t];
        negative = negative || run.self_consumed_by_origin[o][t] < 0;
      }
      if (negative) Fail(run.participant, interval, "negative value");
      if (cm != ea + ef) Fail(run.participant, interval, "CM != EA + EF");
      if (ei != ea + ex) Fail(run.participant, interval, "EI != EA + EX");
      if (cm != 0 && im != 0) Fail(run.participant, interval, "CM * IM != 0");
      if (ea != std::min(ei, cm)) Fail(run.participant, interval, "EA != min(EI, CM)");
      if (origins != ea) Fail(run.participant, interval, "sum of origins != EA");
      if (run.quality[t] < run.own_quality[t]) {
        Fail(run.participant, interval, "quality better than the participant's own readings");
      }
      sum_imputed_[t] += ei;
      sum_self_[t] += ea;
      sum_cm_[t] += cm;
      sum_shared_[t] += es;
      total_imputed_ += ei;
      total_self_ += ea;
      total_cm_ += cm;
    }
  }

  // The engine's run totals must be the sums of the arrays it hands over.
  void CheckTotals(const ParticipantRun& run) {
    RunTotals sums;
    for (int t = 0; t < run.n_intervals; ++t) {
      sums.cr += run.cr[t];
      sums.ir += run.ir[t];
      sums.cm += run.cm[t];
      sums.imputed += run.imputed[t];
      sums.self_consumed += run.self_consumed[t];
      sums.max_cm = std::max(sums.max_cm, run.cm[t]);
      for (int o = 0; o < kOriginCount; ++o) sums.by_origin[o] += run.self_consumed_by_origin[o][t];
      ++sums.quality_counts[std::min(static_cast<int>(run.quality[t]), kQualityCount - 1)];
    }
    const RunTotals& got = *run.totals;
    if (got.cr != sums.cr || got.ir != sums.ir || got.cm != sums.cm ||
        got.imputed != sums.imputed || got.self_consumed != sums.self_consumed ||
        got.max_cm != sums.max_cm || got.by_origin != sums.by_origin ||
        got.quality_counts != sums.quality_counts) {
      Fail(run.participant, run.first_interval, "run totals differ from the sums of the arrays");
    }
    ++checked_totals_;
  }
  std::int64_t checked_totals() const { return checked_totals_; }

  void EndRun(const PoolRun& pool) override {
    if (pool.first_interval != first_ || pool.n_intervals != n_) {
      Fail(-1, first_, "pool run does not match the run begun");
    }
    pool_.assign(pool.pool, pool.pool + n_);
    unallocated_.assign(pool.unallocated, pool.unallocated + n_);
    consumption_.assign(pool.consumption, pool.consumption + n_);
    if (next_participant_ != n_participants_) {
      Fail(next_participant_, first_, "not every participant was consumed in the run");
    }
    for (int t = 0; t < n_; ++t) {
      const std::int64_t interval = first_ + t;
      ++intervals_;
      total_pool_ += pool_[t];
      total_unallocated_ += unallocated_[t];
      if (sum_imputed_[t] + unallocated_[t] != pool_[t]) {
        Fail(-1, interval, "sum EI + unallocated != pool");
      }
      if (unallocated_[t] < 0) Fail(-1, interval, "unallocated < 0");
      if (sum_self_[t] > std::min(pool_[t], sum_cm_[t])) {
        Fail(-1, interval, "sum EA > min(pool, sum CM)");
      }
      if (pool_[t] != sum_shared_[t]) Fail(-1, interval, "pool != sum of shared energy");
      if (consumption_[t] != sum_cm_[t]) Fail(-1, interval, "consumption != sum of members' CM");
    }
  }

  // Number of violations and the first few, for EXPECT messages.
  std::int64_t failures() const { return failures_; }
  std::string report() const { return report_.str(); }

  std::int64_t cells() const { return cells_; }
  std::int64_t non_member_cells() const { return non_member_cells_; }
  std::int64_t intervals() const { return intervals_; }
  std::int64_t runs() const { return runs_; }
  MilliWh total_pool() const { return total_pool_; }
  MilliWh total_unallocated() const { return total_unallocated_; }
  MilliWh total_imputed() const { return total_imputed_; }
  MilliWh total_self_consumed() const { return total_self_; }
  MilliWh total_cm() const { return total_cm_; }

 private:
  void Fail(int participant, std::int64_t interval, const char* what) {
    if (failures_++ < 10) {
      report_ << "participant " << participant << ", interval " << interval << ": " << what << "\n";
    }
  }

  int n_participants_;
  std::int64_t first_ = 0;
  int n_ = 0;
  int next_participant_ = 0;
  std::vector<MilliWh> pool_, unallocated_, consumption_, sum_imputed_, sum_self_, sum_cm_,
      sum_shared_;
  std::int64_t checked_totals_ = 0;
  std::int64_t failures_ = 0, cells_ = 0, non_member_cells_ = 0, intervals_ = 0, runs_ = 0;
  MilliWh total_pool_ = 0, total_unallocated_ = 0, total_imputed_ = 0, total_self_ = 0,
          total_cm_ = 0;
  std::ostringstream report_;
};

}  // namespace reparto::testing
