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
  // Pz 150 €/MWh -> 110 €/MWh; 45 kWh shared -> 4.95 €; valorisation 45 × 0.0107 = 0.4815 €.
  // The community keeps 10 %: 0.495 + 0.04815 = 0.54315 €. The rest, 4.455 € and 0.43335 €, goes
  // 30/45 to A (2.97 €, 0.2889 €) and 15/45 to B (1.485 €, 0.14445 €), each rounded half up.
  const ItalianTerms terms{.valorisation = 10'700, .retained = 1'000'000'000};
  ItalianIncentive incentive(
      f.community, f.grid,
      std::vector<PriceE4>(static_cast<std::size_t>(f.grid.interval_count()), 1500000),
      [&](CivilDate) { return terms; });
  auto allocator = Allocator::Create(f.community, f.grid);
  ASSERT_TRUE(allocator.ok()) << allocator.status().message();
  (*allocator)->AllocateAll(*table, incentive);
  EXPECT_EQ(FormatIncentiveCsv(incentive, {"A", "B,shop", "PV"}),
            "participant,month,shared_kwh,incentive_eur,valorisation_eur,retained_eur,total_eur\n"
            "A,2024-05,30.000000,2.97,0.29,0.00,3.26\n"
            "\"B,shop\",2024-05,15.000000,1.49,0.14,0.00,1.63\n"
            "*community*,2024-05,45.000000,4.95,0.48,0.54,5.43\n");
}

}  // namespace
}  // namespace reparto::testing
