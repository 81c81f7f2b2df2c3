// Test helpers for the report sinks: whole-grid arrays of one participant (mWh) or of the pool,
// from which hand-made ParticipantRun / PoolRun values point at any range of intervals.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/allocation.h"

namespace reparto::testing {

struct FakeParticipant {
  explicit FakeParticipant(std::size_t n)
      : cr(n),
        ir(n),
        cm(n),
        im(n),
        imputed(n),
        self_consumed(n),
        supplier(n),
        surplus(n),
        shared(n),
        quality(n, Quality::kReal) {
    for (auto& origin : by_origin) origin.assign(n, 0);
  }
  std::vector<MilliWh> cr, ir, cm, im, imputed, self_consumed, supplier, surplus, shared;
  std::array<std::vector<MilliWh>, kOriginCount> by_origin;
  std::vector<Quality> quality;

  ParticipantRun Run(int participant, std::int64_t first, int n, bool member = true) const {
    const auto at = [first](const std::vector<MilliWh>& v) { return v.data() + first; };
    ParticipantRun run{};
    run.participant = participant;
    run.first_interval = first;
    run.n_intervals = n;
    run.member = member;
    run.cr = at(cr);
    run.ir = at(ir);
    run.cm = at(cm);
    run.im = at(im);
    run.imputed = at(imputed);
    run.self_consumed = at(self_consumed);
    run.supplier = at(supplier);
    run.surplus = at(surplus);
    run.shared = at(shared);
    for (int o = 0; o < kOriginCount; ++o) run.self_consumed_by_origin[o] = at(by_origin[o]);
    run.quality = quality.data() + first;
    run.own_quality = quality.data() + first;
    return run;
  }
};

struct FakePool {
  explicit FakePool(std::size_t n) : pool(n), unallocated(n), consumption(n), quality(n) {}
  std::vector<MilliWh> pool, unallocated, consumption;
  std::vector<Quality> quality;

  PoolRun Run(std::int64_t first, int n) const {
    PoolRun run{};
    run.first_interval = first;
    run.n_intervals = n;
    run.pool = pool.data() + first;
    run.unallocated = unallocated.data() + first;
    run.consumption = consumption.data() + first;
    run.quality = quality.data() + first;
    return run;
  }
};

}  // namespace reparto::testing
