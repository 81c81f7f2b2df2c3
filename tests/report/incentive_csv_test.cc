// The Italian incentive CSV: exact bytes for the spec's three-hour example (see
// tests/core/italy_test.cc for the hand-worked numbers).
#include "report/incentive_csv.h"

#include <gtest/gtest.h>

#include "support/allocation_fixture.h"

namespace reparto::testing {
namespace {

TEST(IncentiveCsv, MembersThenCommunityPerMonth) {
  Fixture f(Country::kItaly, 3600);
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B,shop", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.community.italy.plant_kw = 150;
  f.Period(Method::kProportional);
  auto table = f.Table();
  table->Set(a, 0, KWh(30), Quality::kReal, 0, Quality::kReal);
  table->Set(b, 0, KWh(15), Quality::kReal, 0, Quality::kReal);
  table->Set(pv, 0, 0, Quality::kReal, KWh(50), Quality::kReal);
  // Pz 150 €/MWh -> 110 €/MWh; 45 kWh shared -> 4.95 €: A 30/45 = 3.30 €, B 1.65 €.
  ItalianIncentive incentive(
      f.community, f.grid,
      std::vector<PriceE4>(static_cast<std::size_t>(f.grid.interval_count()), 1500000));
  auto allocator = Allocator::Create(f.community, f.grid);
  ASSERT_TRUE(allocator.ok()) << allocator.status().message();
  (*allocator)->AllocateAll(*table, incentive);
  EXPECT_EQ(FormatIncentiveCsv(incentive, {"A", "B,shop", "PV"}),
            "participant,month,shared_kwh,incentive_eur\n"
            "A,2024-05,30.000000,3.30\n"
            "\"B,shop\",2024-05,15.000000,1.65\n"
            "*community*,2024-05,45.000000,4.95\n");
}

}  // namespace
}  // namespace reparto::testing
