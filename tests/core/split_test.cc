// The two exact splitting rules and Spain's contracted-power default, on hand-worked numbers.
#include "core/split.h"

#include <gtest/gtest.h>

#include "core/community.h"

namespace reparto {
namespace {

TEST(SplitByCumulativeFloor, PartsAddUpAndFollowTheRunningSum) {
  std::vector<std::int64_t> parts(3);
  // Running floors of 10 x 1/3, 2/3, 3/3: 3, 6, 10.
  SplitByCumulativeFloor(10, std::vector<std::int64_t>{1, 1, 1}, parts);
  EXPECT_EQ(parts, (std::vector<std::int64_t>{3, 3, 4}));
  SplitByCumulativeFloor(10, std::vector<std::int64_t>{0, 0, 0}, parts);
  EXPECT_EQ(parts, (std::vector<std::int64_t>{0, 0, 0}));
}

TEST(LargestRemainder, FloorsThenServesTheLargestRemaindersInListOrder) {
  // 1/3 each of a million: 333333 r1 each; the one spare unit goes to the first.
  EXPECT_EQ(LargestRemainder(std::vector<std::int64_t>{1, 1, 1}, 1'000'000),
            (std::vector<std::int64_t>{333334, 333333, 333333}));
  // 3.45 kW and 6.9 kW of 10: exact shares 3.333.. and 6.666..: floors 3 and 6, remainders 1/3
  // and 2/3: the spare unit goes to the second.
  EXPECT_EQ(LargestRemainder(std::vector<std::int64_t>{3450, 6900}, 10),
            (std::vector<std::int64_t>{3, 7}));
  EXPECT_EQ(LargestRemainder(std::vector<std::int64_t>{0, 0}, 10),
            (std::vector<std::int64_t>{0, 0}));
}

TEST(ContractedPower, WeightsAndCoefficientsLeaveProducersOut) {
  Community c;
  auto add = [&](std::string id, Role role, double kw) {
    Participant p;
    p.id = std::move(id);
    p.role = role;
    p.contracted_power_kw = kw;
    c.participants.push_back(p);
  };
  add("A", Role::kConsumer, 3.45);
  add("PV", Role::kProducer, 100);
  add("B", Role::kProsumer, 6.9);
  EXPECT_EQ(ContractedPowerWeights(c), (std::vector<std::int64_t>{3450, 0, 6900}));
  auto coefficients = ContractedPowerCoefficients(c);
  ASSERT_TRUE(coefficients.ok());
  // 1e9 x 1/3 = 333333333.33 and x 2/3 = 666666666.67: the spare unit goes to B.
  EXPECT_EQ(*coefficients, (std::vector<Coefficient>{333333333, 0, 666666667}));
  c.participants[0].contracted_power_kw = 0;
  c.participants[2].contracted_power_kw = 0;
  EXPECT_FALSE(ContractedPowerCoefficients(c).ok());
}

}  // namespace
}  // namespace reparto
