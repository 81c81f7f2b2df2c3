// Every sharing rule of spec/allocation.md checked on numbers worked by hand.
//
// Units: kWh in the comments, mWh in the asserts (KWh() converts exactly).
#include <gtest/gtest.h>

#include "core/allocation.h"
#include "support/allocation_fixture.h"

namespace reparto::testing {
namespace {

// spec §2 worked check: CR 0.50 kW, IR 0.10 kW over a quarter-hour, imputed 0.70 kW.
// In energy: CR 0.125 kWh, IR 0.025 kWh -> CM 0.100, IM 0; EI 0.175 -> EA 0.100, EF 0, EX 0.075.
TEST(AllocationRules, SpecWorkedCheckQuarterHour) {
  Fixture f(Country::kPortugal, 900);
  const int a = f.Add("A", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {kCoefficientScale, 0};
  auto table = f.Table();
  table->Set(a, 0, KWh(0.125), Quality::kReal, KWh(0.025), Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(0.175), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  const Row& r = sink.at(a, 0);
  EXPECT_EQ(r.cm, 100000);
  EXPECT_EQ(r.im, 0);
  EXPECT_EQ(r.imputed, 175000);
  EXPECT_EQ(r.self_consumed, 100000);
  EXPECT_EQ(r.supplier, 0);
  EXPECT_EQ(r.surplus, 75000);
  EXPECT_EQ(sink.at(pv, 0).shared, 175000);
  EXPECT_EQ(sink.pool(0), 175000);
  EXPECT_EQ(sink.unallocated(0), 0);
}

// spec §3 worked example: pool 10 kWh, CM 2 / 5 / 8, coefficients 0.5 / 0.3 / 0.2.
class RedistributionExample : public ::testing::Test {
 protected:
  void SetUp() override {
    a = f.Add("A", Role::kConsumer);
    b = f.Add("B", Role::kConsumer);
    c = f.Add("C", Role::kConsumer);
    pv = f.Add("PV", Role::kProducer);
  }
  CollectingSink Run(Redistribution redistribution) {
    f.Period(Method::kFixed, redistribution).fixed = {Ppb(0.5), Ppb(0.3), Ppb(0.2), 0};
    auto table = f.Table();
    table->Set(a, 0, KWh(2), Quality::kReal, 0, Quality::kReal);
    table->Set(b, 0, KWh(5), Quality::kReal, 0, Quality::kReal);
    table->Set(c, 0, KWh(8), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, 0, 0, Quality::kReal, KWh(10), Quality::kReal);
    return f.Run(*table);
  }
  Fixture f;
  int a, b, c, pv;
};

TEST_F(RedistributionExample, NoneLeavesSurplusWithTheParticipant) {
  const CollectingSink sink = Run(Redistribution::kNone);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(5));
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(3));
  EXPECT_EQ(sink.at(c, 0).imputed, KWh(2));
  EXPECT_EQ(sink.at(a, 0).self_consumed, KWh(2));
  EXPECT_EQ(sink.at(b, 0).self_consumed, KWh(3));
  EXPECT_EQ(sink.at(c, 0).self_consumed, KWh(2));
  EXPECT_EQ(sink.at(a, 0).surplus, KWh(3));
  EXPECT_EQ(sink.at(b, 0).surplus, 0);
  EXPECT_EQ(sink.at(c, 0).surplus, 0);
  EXPECT_EQ(sink.at(b, 0).supplier, KWh(2));
  EXPECT_EQ(sink.at(c, 0).supplier, KWh(6));
}

TEST_F(RedistributionExample, IterativeResharesTheExcess) {
  const CollectingSink sink = Run(Redistribution::kIterative);
  EXPECT_EQ(sink.at(a, 0).self_consumed, KWh(2));
  EXPECT_EQ(sink.at(b, 0).self_consumed, KWh(4.8));
  EXPECT_EQ(sink.at(c, 0).self_consumed, KWh(3.2));
  EXPECT_EQ(sink.at(a, 0).surplus + sink.at(b, 0).surplus + sink.at(c, 0).surplus, 0);
  EXPECT_EQ(sink.unallocated(0), 0);
}

// Iterative redistribution when everyone saturates: pool 10, CM 1 / 2 / 3 -> all served, 4 left.
TEST(AllocationRules, IterativeLeavesTheRestUnallocatedWhenAllAreSaturated) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed, Redistribution::kIterative).fixed = {Ppb(0.5), Ppb(0.5), 0};
  auto table = f.Table();
  table->Set(a, 0, KWh(1), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(2), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(10), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(1));
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(2));
  EXPECT_EQ(sink.unallocated(0), KWh(7));
}

// Proportional: pool 6 kWh, CM 2 / 4 / 6 (total 12) -> imputed 1 / 2 / 3.
TEST(AllocationRules, ProportionalToConsumption) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int c = f.Add("C", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kProportional);
  auto table = f.Table();
  table->Set(a, 0, KWh(2), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(4), Quality::kReal, 0, Quality::kReal);
  table->Set(c, 0, KWh(6), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(6), Quality::kReal);
  // Interval 1: nobody consumes: nothing imputed, the whole pool unallocated.
  table->Set(pv, 1, 0, Quality::kReal, KWh(3), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(1));
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(2));
  EXPECT_EQ(sink.at(c, 0).imputed, KWh(3));
  EXPECT_EQ(sink.at(c, 0).supplier, KWh(3));
  EXPECT_EQ(sink.at(a, 1).imputed, 0);
  EXPECT_EQ(sink.unallocated(1), KWh(3));
  // Interval 2: zero pool.
  EXPECT_EQ(sink.at(a, 2).imputed, 0);
  EXPECT_EQ(sink.pool(2), 0);
}

// Pairwise: PV1 shares 10 kWh as A 0.6 / B 0.4; PV2 shares 4 kWh as B 0.5 (the other half
// unallocated) -> A 6, B 4 + 2 = 6, unallocated 2. PV1 is in A's building (internal network), PV2
// on the MV grid: B's self-consumption 5 of 6 imputed splits 4/6 LV-internal... see below.
TEST(AllocationRules, PairwiseWithOrigins) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer, "B1");
  const int b = f.Add("B", Role::kConsumer, "B2");
  const int pv1 = f.Add("PV1", Role::kProducer, "B1", Origin::kLV);
  const int pv2 = f.Add("PV2", Role::kProducer, "B3", Origin::kMV);
  SharingPeriod& period = f.Period(Method::kPairwise);
  period.pairs = {{pv1, a, kBeginningOfTime, Ppb(0.6)},
                  {pv1, b, kBeginningOfTime, Ppb(0.4)},
                  {pv2, b, kBeginningOfTime, Ppb(0.5)}};
  auto table = f.Table();
  table->Set(a, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(3), Quality::kReal, 0, Quality::kReal);
  table->Set(pv1, 0, 0, Quality::kReal, KWh(10), Quality::kReal);
  table->Set(pv2, 0, 0, Quality::kReal, KWh(4), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(6));
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(6));
  EXPECT_EQ(sink.unallocated(0), KWh(2));
  // A: everything from PV1 over the internal network.
  EXPECT_EQ(sink.at(a, 0).by_origin[static_cast<int>(Origin::kInternal)], KWh(6));
  // B: EA 3 of EI 6, which came 4 from PV1 (LV: other building) and 2 from PV2 (MV):
  // EA_LV = 3 x 4/6 = 2, EA_MV = 3 x 2/6 = 1.
  EXPECT_EQ(sink.at(b, 0).by_origin[static_cast<int>(Origin::kLV)], KWh(2));
  EXPECT_EQ(sink.at(b, 0).by_origin[static_cast<int>(Origin::kMV)], KWh(1));
  EXPECT_EQ(sink.at(b, 0).surplus, KWh(3));
}

// Pairwise coefficients given for one interval replace the constant ones of that producer.
TEST(AllocationRules, PairwisePerIntervalOverridesConstant) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  SharingPeriod& period = f.Period(Method::kPairwise);
  period.pairs = {{pv, a, kBeginningOfTime, Ppb(1.0)}, {pv, b, f.Start(1), Ppb(1.0)}};
  auto table = f.Table();
  for (int t = 0; t < 2; ++t) {
    table->Set(a, t, KWh(5), Quality::kReal, 0, Quality::kReal);
    table->Set(b, t, KWh(5), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, t, 0, Quality::kReal, KWh(2), Quality::kReal);
  }
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(2));
  EXPECT_EQ(sink.at(b, 0).imputed, 0);
  EXPECT_EQ(sink.at(a, 1).imputed, 0);
  EXPECT_EQ(sink.at(b, 1).imputed, KWh(2));
}

// Priority: pool 10; group 1 = A, B (0.5 each) with CM 2 and 8 -> A 2 (capped), B 5; 3 left go
// to group 2 = C (1.0, CM 10) -> 3. With iterative redistribution inside the group: A 2, B 8,
// nothing left for C.
TEST(AllocationRules, PriorityGroups) {
  for (Redistribution redistribution : {Redistribution::kNone, Redistribution::kIterative}) {
    Fixture f;
    const int a = f.Add("A", Role::kConsumer);
    const int b = f.Add("B", Role::kConsumer);
    const int c = f.Add("C", Role::kConsumer);
    const int pv = f.Add("PV", Role::kProducer);
    SharingPeriod& period = f.Period(Method::kPriority, redistribution);
    period.fixed = {Ppb(0.5), Ppb(0.5), Ppb(1.0), 0};
    period.group = {1, 1, 2, 0};
    auto table = f.Table();
    table->Set(a, 0, KWh(2), Quality::kReal, 0, Quality::kReal);
    table->Set(b, 0, KWh(8), Quality::kReal, 0, Quality::kReal);
    table->Set(c, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, 0, 0, Quality::kReal, KWh(10), Quality::kReal);
    const CollectingSink sink = f.Run(*table);
    const bool iterative = redistribution == Redistribution::kIterative;
    EXPECT_EQ(sink.at(a, 0).imputed, KWh(2));
    EXPECT_EQ(sink.at(b, 0).imputed, iterative ? KWh(8) : KWh(5));
    EXPECT_EQ(sink.at(c, 0).imputed, iterative ? 0 : KWh(3));
    EXPECT_EQ(sink.unallocated(0), 0);
  }
}

// Portugal: a prosumer injecting net in an interval gets nothing under fixed coefficients; its
// part stays unallocated. Its net injection joins the pool. PV 8 + prosumer net 2 = pool 10;
// A (0.5) gets 5, P (0.5) gets 0, 5 unallocated. Spain has no such rule: P gets 5, all surplus.
TEST(AllocationRules, NoImputationToNetInjectorInPortugalOnly) {
  for (Country country : {Country::kPortugal, Country::kSpain}) {
    Fixture f(country, 3600);
    const int a = f.Add("A", Role::kConsumer);
    const int p = f.Add("P", Role::kProsumer);
    const int pv = f.Add("PV", Role::kProducer);
    f.Period(Method::kFixed).fixed = {Ppb(0.5), Ppb(0.5), 0};
    auto table = f.Table();
    table->Set(a, 0, KWh(6), Quality::kReal, 0, Quality::kReal);
    table->Set(p, 0, KWh(1), Quality::kReal, KWh(3), Quality::kReal);
    table->Set(pv, 0, 0, Quality::kReal, KWh(8), Quality::kReal);
    const CollectingSink sink = f.Run(*table);
    EXPECT_EQ(sink.pool(0), KWh(10));
    EXPECT_EQ(sink.at(p, 0).shared, KWh(2));
    EXPECT_EQ(sink.at(p, 0).cm, 0);
    EXPECT_EQ(sink.at(a, 0).imputed, KWh(5));
    if (country == Country::kPortugal) {
      EXPECT_EQ(sink.at(p, 0).imputed, 0);
      EXPECT_EQ(sink.unallocated(0), KWh(5));
    } else {
      EXPECT_EQ(sink.at(p, 0).imputed, KWh(5));
      EXPECT_EQ(sink.at(p, 0).surplus, KWh(5));
      EXPECT_EQ(sink.unallocated(0), 0);
    }
  }
}

// Variable ("dynamic") coefficients are imputed even to a net injector: all of it is surplus.
TEST(AllocationRules, VariableCoefficientsImputeNetInjectors) {
  Fixture f(Country::kPortugal, 3600);
  const int a = f.Add("A", Role::kConsumer);
  const int p = f.Add("P", Role::kProsumer);
  const int pv = f.Add("PV", Role::kProducer);
  SharingPeriod& period = f.Period(Method::kVariable);
  period.row_seconds = 3600;
  for (int h = 0; h < 24; ++h) {
    // Hour 0: A 0.25, P 0.75; other hours A 1.
    period.rows.push_back({f.Start(h), h == 0 ? std::vector<Coefficient>{Ppb(0.25), Ppb(0.75), 0}
                                              : std::vector<Coefficient>{Ppb(1), 0, 0}});
  }
  auto table = f.Table();
  table->Set(a, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(p, 0, 0, Quality::kReal, KWh(2), Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(6), Quality::kReal);
  table->Set(a, 1, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 1, 0, Quality::kReal, KWh(4), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(2));
  EXPECT_EQ(sink.at(p, 0).imputed, KWh(6));
  EXPECT_EQ(sink.at(p, 0).surplus, KWh(6));
  EXPECT_EQ(sink.at(a, 1).imputed, KWh(4));
}

TEST(AllocationRules, VariableTableMustCoverThePeriod) {
  Fixture f;
  f.Add("A", Role::kConsumer);
  f.Add("PV", Role::kProducer);
  SharingPeriod& period = f.Period(Method::kVariable);
  period.rows.push_back({f.Start(0), {Ppb(1), 0}});
  auto allocator = Allocator::Create(f.community, f.grid);
  ASSERT_FALSE(allocator.ok());
  EXPECT_NE(allocator.status().message().find("2024-05-26T01:00:00Z"), std::string::npos)
      << allocator.status().message();
}

// Suspension of A from hour 1 to hour 3: EI = 0, ES = 0, everything from the retailer; its share
// stays unallocated. Whole-community suspension at hour 5: no pool at all.
TEST(AllocationRules, Suspensions) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {Ppb(0.5), Ppb(0.5), 0};
  f.community.suspensions = {{a, f.Start(1), f.Start(3)}, {-1, f.Start(5), f.Start(6)}};
  auto table = f.Table();
  for (int t = 0; t < 24; ++t) {
    table->Set(a, t, KWh(4), Quality::kReal, 0, Quality::kReal);
    table->Set(b, t, KWh(4), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, t, 0, Quality::kReal, KWh(6), Quality::kReal);
  }
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(3));
  for (int t : {1, 2}) {
    EXPECT_EQ(sink.at(a, t).imputed, 0);
    EXPECT_EQ(sink.at(a, t).supplier, KWh(4));
    EXPECT_EQ(sink.at(b, t).imputed, KWh(3));
    EXPECT_EQ(sink.unallocated(t), KWh(3));
  }
  EXPECT_EQ(sink.at(a, 3).imputed, KWh(3));
  EXPECT_EQ(sink.pool(5), 0);
  EXPECT_EQ(sink.at(pv, 5).shared, 0);
  EXPECT_EQ(sink.at(b, 5).supplier, KWh(4));
  EXPECT_EQ(sink.pool(6), KWh(6));
}

// Origin split for the coefficient methods: A in building B1 gets the whole pool of 10, 3 from
// PV1 on its own roof (internal) and 7 from PV2 on the LV grid. CM 5 -> EA 5 = 1.5 internal +
// 3.5 LV. B, in no building, sees both as LV... and PV2 at HV for C's view is still HV.
TEST(AllocationRules, SelfConsumptionByOrigin) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer, "B1");
  const int b = f.Add("B", Role::kConsumer);
  const int pv1 = f.Add("PV1", Role::kProducer, "B1", Origin::kLV);
  const int pv2 = f.Add("PV2", Role::kProducer, "B2", Origin::kHV);
  f.Period(Method::kFixed).fixed = {Ppb(0.5), Ppb(0.5), 0, 0};
  auto table = f.Table();
  table->Set(a, 0, KWh(2.5), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(pv1, 0, 0, Quality::kReal, KWh(3), Quality::kReal);
  table->Set(pv2, 0, 0, Quality::kReal, KWh(7), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  // A: EI 5, EA 2.5 -> internal 2.5 x 3/10 = 0.75, HV 1.75.
  EXPECT_EQ(sink.at(a, 0).by_origin[static_cast<int>(Origin::kInternal)], KWh(0.75));
  EXPECT_EQ(sink.at(a, 0).by_origin[static_cast<int>(Origin::kHV)], KWh(1.75));
  // B: EI 5, EA 5 -> LV 1.5 (PV1 seen from outside its building), HV 3.5.
  EXPECT_EQ(sink.at(b, 0).by_origin[static_cast<int>(Origin::kLV)], KWh(1.5));
  EXPECT_EQ(sink.at(b, 0).by_origin[static_cast<int>(Origin::kHV)], KWh(3.5));
  EXPECT_EQ(sink.at(b, 0).by_origin[static_cast<int>(Origin::kInternal)], 0);
}

// Cumulative flooring: 10 mWh in thirds gives 3, 3, 4 and nothing is lost.
TEST(AllocationRules, RoundingKeepsTheWhole) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int c = f.Add("C", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {333333334, 333333333, 333333333, 0};
  auto table = f.Table();
  table->Set(pv, 0, 0, Quality::kReal, 10, Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, 3);
  EXPECT_EQ(sink.at(b, 0).imputed, 3);
  EXPECT_EQ(sink.at(c, 0).imputed, 4);
  EXPECT_EQ(sink.unallocated(0), 0);
}

// Membership: B joins at hour 12; a second period from hour 12 gives it half. Before, A has all.
TEST(AllocationRules, JoiningMidDayWithANewCoefficientPeriod) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.community.participants[b].member_from = f.Start(12);
  SharingPeriod first;
  first.method = Method::kFixed;
  first.to = f.Start(12);
  first.fixed = {Ppb(1), 0, 0};
  SharingPeriod second = first;
  second.from = f.Start(12);
  second.to = kEndOfTime;
  second.fixed = {Ppb(0.5), Ppb(0.5), 0};
  f.community.periods = {first, second};
  auto table = f.Table();
  for (int t = 0; t < 24; ++t) {
    table->Set(a, t, KWh(10), Quality::kReal, 0, Quality::kReal);
    table->Set(b, t, KWh(10), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, t, 0, Quality::kReal, KWh(4), Quality::kReal);
  }
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 11).imputed, KWh(4));
  EXPECT_FALSE(sink.at(b, 11).member);
  EXPECT_TRUE(sink.at(b, 12).member);
  EXPECT_EQ(sink.at(a, 12).imputed, KWh(2));
  EXPECT_EQ(sink.at(b, 12).imputed, KWh(2));
}

// Missing data is flagged, never read as a zero that looks real: a missing consumer's row and,
// because every row depends on the pool, every row of an interval whose producer is missing.
TEST(AllocationRules, MissingReadingsAreFlagged) {
  Fixture f;
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {Ppb(0.5), Ppb(0.5), 0};
  auto table = f.Table();
  table->Set(a, 0, 0, Quality::kMissing, 0, Quality::kMissing);
  table->Set(b, 0, KWh(1), Quality::kEstimated, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(4), Quality::kReal);
  table->Set(pv, 1, 0, Quality::kMissing, 0, Quality::kMissing);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).quality, Quality::kMissing);
  EXPECT_EQ(sink.at(b, 0).quality, Quality::kEstimated);
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(2));
  EXPECT_EQ(sink.at(a, 1).quality, Quality::kMissing);
  EXPECT_EQ(sink.at(b, 1).quality, Quality::kMissing);
  EXPECT_EQ(sink.at(b, 2).quality, Quality::kReal);
}

// Spain without any sharing period: proportional to contracted power (3.45 kW and 6.9 kW ->
// one third and two thirds of 9 kWh).
TEST(AllocationRules, SpanishDefaultIsProportionalToContractedPower) {
  Fixture f(Country::kSpain, 3600);
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.community.participants[a].contracted_power_kw = 3.45;
  f.community.participants[b].contracted_power_kw = 6.9;
  auto table = f.Table();
  table->Set(a, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(10), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(9), Quality::kReal);
  const CollectingSink sink = f.Run(*table);
  EXPECT_EQ(sink.at(a, 0).imputed, KWh(3));
  EXPECT_EQ(sink.at(b, 0).imputed, KWh(6));
}

TEST(AllocationRules, GridStepMustMatchTheRuleSet) {
  Fixture f(Country::kSpain, 900);
  f.community.rules.step_seconds = 3600;
  f.Add("A", Role::kConsumer);
  auto allocator = Allocator::Create(f.community, f.grid);
  ASSERT_FALSE(allocator.ok());
  EXPECT_NE(allocator.status().message().find("60 minutes"), std::string::npos);
}

}  // namespace
}  // namespace reparto::testing
