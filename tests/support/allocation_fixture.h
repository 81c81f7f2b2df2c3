// Test helpers for the allocation engine: a tiny community builder, a table filled by hand, and a
// sink that keeps every result so tests can look values up by participant and interval.
//
// Units: kWh in the helpers' arguments (converted exactly to mWh), UTC seconds.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/readings.h"

namespace reparto::testing {

inline MilliWh KWh(double kwh) { return static_cast<MilliWh>(std::llround(kwh * 1e6)); }
inline Coefficient Ppb(double share) { return static_cast<Coefficient>(std::llround(share * 1e9)); }

// Every quantity of one participant and interval, as the sink saw it.
struct Row {
  int seen = 0;  // how many times the engine handed this cell over (must be 1)
  bool member = false;
  MilliWh cr = 0, ir = 0, cm = 0, im = 0, imputed = 0, self_consumed = 0, supplier = 0, surplus = 0,
          shared = 0;
  std::array<MilliWh, kOriginCount> by_origin{};
  Quality quality = Quality::kReal, own_quality = Quality::kReal;
  bool operator==(const Row&) const = default;
};

// Keeps every result in flat arrays [participant * intervals + t], so tests can look values up
// and compare whole runs.
class CollectingSink : public AllocationSink {
 public:
  CollectingSink(std::size_t participants, std::int64_t intervals)
      : intervals_(intervals),
        rows_(participants * static_cast<std::size_t>(intervals)),
        pool_(static_cast<std::size_t>(intervals), -1),
        unallocated_(static_cast<std::size_t>(intervals), -1),
        consumption_(static_cast<std::size_t>(intervals), -1) {}
  void EndRun(const PoolRun& run) override {
    for (int t = 0; t < run.n_intervals; ++t) {
      const auto i = static_cast<std::size_t>(run.first_interval + t);
      pool_[i] = run.pool[t];
      unallocated_[i] = run.unallocated[t];
      consumption_[i] = run.consumption[t];
    }
  }
  void Consume(const ParticipantRun& run) override {
    for (int t = 0; t < run.n_intervals; ++t) {
      Row& r = mutable_at(run.participant, run.first_interval + t);
      ++r.seen;
      r.member = run.member;
      r.cr = run.cr[t];
      r.ir = run.ir[t];
      r.cm = run.cm[t];
      r.im = run.im[t];
      r.imputed = run.imputed[t];
      r.self_consumed = run.self_consumed[t];
      r.supplier = run.supplier[t];
      r.surplus = run.surplus[t];
      r.shared = run.shared[t];
      for (int o = 0; o < kOriginCount; ++o) r.by_origin[o] = run.self_consumed_by_origin[o][t];
      r.quality = run.quality[t];
      r.own_quality = run.own_quality[t];
    }
  }
  const Row& at(int participant, std::int64_t interval) const {
    return rows_[Index(participant, interval)];
  }
  MilliWh pool(std::int64_t t) const { return pool_[static_cast<std::size_t>(t)]; }
  MilliWh unallocated(std::int64_t t) const { return unallocated_[static_cast<std::size_t>(t)]; }
  MilliWh consumption(std::int64_t t) const { return consumption_[static_cast<std::size_t>(t)]; }
  bool operator==(const CollectingSink& other) const {
    return rows_ == other.rows_ && pool_ == other.pool_ && unallocated_ == other.unallocated_ &&
           consumption_ == other.consumption_;
  }

 private:
  std::size_t Index(int participant, std::int64_t interval) const {
    return static_cast<std::size_t>(participant) * static_cast<std::size_t>(intervals_) +
           static_cast<std::size_t>(interval);
  }
  Row& mutable_at(int participant, std::int64_t interval) {
    return rows_[Index(participant, interval)];
  }
  std::int64_t intervals_;
  std::vector<Row> rows_;
  std::vector<MilliWh> pool_, unallocated_, consumption_;
};

// A community of hourly (or quarter-hourly) intervals on one UTC day starting 2024-05-26.
struct Fixture {
  FixedOffsetZone utc{0};
  Community community;
  DayGrid grid;

  explicit Fixture(Country country = Country::kPortugal, int step_seconds = 3600) {
    community.id = "test";
    community.rules = RulesFor(country);
    community.rules.step_seconds = step_seconds;
    grid = *MakeDayGrid(utc, {2024, 5, 26}, {2024, 5, 27}, step_seconds);
  }
  int Add(std::string id, Role role, std::string building = "", Origin voltage = Origin::kLV) {
    Participant p;
    p.id = std::move(id);
    p.role = role;
    p.building = std::move(building);
    p.voltage = voltage;
    community.participants.push_back(p);
    return static_cast<int>(community.participants.size()) - 1;
  }
  UtcSeconds Start(std::int64_t interval) const {
    return grid.utc_start() + interval * grid.step_seconds;
  }
  // A single period of `method` over all time.
  SharingPeriod& Period(Method method, Redistribution redistribution = Redistribution::kNone) {
    SharingPeriod period;
    period.method = method;
    period.redistribution = redistribution;
    period.fixed.assign(community.participants.size(), 0);
    period.group.assign(community.participants.size(), 0);
    community.periods.push_back(period);
    return community.periods.back();
  }
  // Readings: every participant real zero unless set.
  std::unique_ptr<ReadingTable> Table() const {
    auto table = std::make_unique<ReadingTable>(community.participants.size(), grid);
    for (std::size_t p = 0; p < community.participants.size(); ++p) {
      for (std::int64_t t = 0; t < grid.interval_count(); ++t) {
        table->Set(p, t, 0, Quality::kReal, 0, Quality::kReal);
      }
    }
    return table;
  }
  CollectingSink Run(const ReadingTable& table) const {
    auto allocator = Allocator::Create(community, grid);
    EXPECT_TRUE(allocator.ok()) << allocator.status().message();
    CollectingSink sink(community.participants.size(), grid.interval_count());
    if (allocator.ok()) (*allocator)->AllocateAll(table, sink);
    return sink;
  }
};

}  // namespace reparto::testing
