// TeeSink: an AllocationSink that forwards every call to several sinks, in the order given, so
// one allocation pass can feed the load-diagram writer and the monthly totals at once.
//
//   DiagramCsvWriter diagram(...);
//   MonthlyTotals totals(...);
//   TeeSink both({&diagram, &totals});
//   allocator->AllocateAll(readings, both);
#pragma once

#include <initializer_list>
#include <vector>

#include "core/allocation.h"

namespace reparto {

class TeeSink final : public AllocationSink {
 public:
  // The sinks are not owned and must outlive this one.
  TeeSink(std::initializer_list<AllocationSink*> sinks) : sinks_(sinks) {}

  void BeginRun(const PoolRun& pool) override {
    for (AllocationSink* sink : sinks_) sink->BeginRun(pool);
  }
  void Consume(const ParticipantRun& run) override {
    for (AllocationSink* sink : sinks_) sink->Consume(run);
  }
  void EndRun() override {
    for (AllocationSink* sink : sinks_) sink->EndRun();
  }

 private:
  std::vector<AllocationSink*> sinks_;
};

}  // namespace reparto
