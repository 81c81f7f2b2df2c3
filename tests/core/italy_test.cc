// Italian shared energy and incentive on numbers worked by hand from spec/allocation.md §5.
#include "core/italy.h"

#include <gtest/gtest.h>

#include "support/allocation_fixture.h"

namespace reparto::testing {
namespace {

TEST(IncentiveRate, BandsCapAndBonus) {
  // 150 kW: fixed 80, cap 120. Pz 100 -> 80 + 80 = 160 capped at 120.
  EXPECT_EQ(IncentiveRate(150, 100 * kPriceE4PerEuro, 0), 120 * kPriceE4PerEuro);
  // Pz 150 -> 80 + 30 = 110.
  EXPECT_EQ(IncentiveRate(150, 150 * kPriceE4PerEuro, 0), 110 * kPriceE4PerEuro);
  // Pz 200 -> 80 + 0 = 80; North bonus +10 -> 90.
  EXPECT_EQ(IncentiveRate(150, 200 * kPriceE4PerEuro, 10 * kPriceE4PerEuro), 90 * kPriceE4PerEuro);
  // 400 kW: fixed 70, cap 110. Pz 135.5 -> 70 + 44.5 = 114.5 capped at 110.
  EXPECT_EQ(IncentiveRate(400, 1355000, 0), 110 * kPriceE4PerEuro);
  // 1 MW: fixed 60, cap 100. Pz 160 -> 60 + 20 = 80; Centre bonus +4 -> 84.
  EXPECT_EQ(IncentiveRate(1000, 160 * kPriceE4PerEuro, 4 * kPriceE4PerEuro), 84 * kPriceE4PerEuro);
}

// spec §5: injections 50, 30, 0 and withdrawals 45, 40, 20 over three hours give a shared energy
// of 45 + 30 + 0 = 75 kWh, not min(80, 105) = 80.
TEST(ItalianIncentive, HourlyMinimumNotMonthly) {
  Fixture f(Country::kItaly, 3600);
  const int a = f.Add("A", Role::kConsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.community.italy.plant_kw = 150;
  f.Period(Method::kProportional);
  auto table = f.Table();
  const double injection[] = {50, 30, 0};
  const double withdrawal_a[] = {30, 10, 20};
  const double withdrawal_b[] = {15, 30, 0};
  for (int h = 0; h < 3; ++h) {
    table->Set(a, h, KWh(withdrawal_a[h]), Quality::kReal, 0, Quality::kReal);
    table->Set(b, h, KWh(withdrawal_b[h]), Quality::kReal, 0, Quality::kReal);
    table->Set(pv, h, 0, Quality::kReal, KWh(injection[h]), Quality::kReal);
  }
  // Pz = 150 €/MWh every hour -> rate 110 €/MWh.
  std::vector<PriceE4> prices(static_cast<std::size_t>(f.grid.interval_count()),
                              150 * kPriceE4PerEuro);
  ItalianIncentive incentive(f.community, f.grid, prices);
  auto allocator = Allocator::Create(f.community, f.grid);
  ASSERT_TRUE(allocator.ok()) << allocator.status().message();
  (*allocator)->AllocateAll(*table, incentive);
  ASSERT_EQ(incentive.month_count(), 1);
  EXPECT_EQ(incentive.community_month(0).shared, KWh(75));
  // 0.075 MWh x 110 €/MWh = 8.25 €.
  EXPECT_EQ(incentive.community_month(0).incentive_cents, 825);
  // Hour 1: 45 shared, A withdrew 30 of 45 -> 30, B 15. Hour 2: 30 shared of 40 withdrawn ->
  // A 10 x 30/40 = 7.5, B 22.5. Hour 3: nothing.
  EXPECT_EQ(incentive.member_month(a, 0).shared, KWh(37.5));
  EXPECT_EQ(incentive.member_month(b, 0).shared, KWh(37.5));
  // Money follows the energy: 4.125 € each, rounded half up to 4.13 €.
  EXPECT_EQ(incentive.member_month(a, 0).incentive_micro, 4'125'000);
  EXPECT_EQ(incentive.member_month(a, 0).incentive_cents, 413);
}

}  // namespace
}  // namespace reparto::testing
