// TeeSink: hands every allocation result to several sinks (a diagram writer and monthly totals
// from one pass of the engine).
//
//   TeeSink tee({&diagram_writer, &monthly_totals});
//   allocator->AllocateAll(readings, tee);
#pragma once

#include <vector>

#include "core/allocation.h"

namespace reparto {

class TeeSink final : public AllocationSink {
 public:
  explicit TeeSink(std::vector<AllocationSink*> sinks) : sinks_(std::move(sinks)) {}
  void BeginRun(std::int64_t first_interval, int n_intervals) override {
    for (AllocationSink* s : sinks_) s->BeginRun(first_interval, n_intervals);
  }
  // Only when every sink reads only the totals.
  bool TotalsOnly() const override {
    for (const AllocationSink* s : sinks_) {
      if (!s->TotalsOnly()) return false;
    }
    return !sinks_.empty();
  }
  void Consume(const ParticipantRun& run) override {
    for (AllocationSink* s : sinks_) s->Consume(run);
  }
  void EndRun(const PoolRun& pool) override {
    for (AllocationSink* s : sinks_) s->EndRun(pool);
  }

 private:
  std::vector<AllocationSink*> sinks_;
};

}  // namespace reparto
