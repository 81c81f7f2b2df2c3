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

// Valorisation with avoided losses, the community's retained share and the two split rules, worked
// by hand. Injection 50, 30, 0 kWh; withdrawals A 40, 10, 20 and B 5, 30, 0 kWh; so the hourly
// shared energy is 45, 30, 0 kWh. Pz = 150 €/MWh: incentive rate 110 €/MWh (150 kW band).
// Valorisation per kWh shared: CUAf 0.0107 € + 2.6 % × 0.150 € = 0.0146 €.
class ItalianTermsCase : public ::testing::Test {
 protected:
  ItalianTermsCase() : f(Country::kItaly, 3600) {
    a = f.Add("A", Role::kConsumer);
    b = f.Add("B", Role::kConsumer);
    pv = f.Add("PV", Role::kProducer);
    f.community.italy.plant_kw = 150;
    f.Period(Method::kProportional);
  }

  ItalianIncentive Run(ItalianSplit split) {
    auto table = f.Table();
    const double injection[] = {50, 30, 0};
    const double withdrawal_a[] = {40, 10, 20};
    const double withdrawal_b[] = {5, 30, 0};
    for (int h = 0; h < 3; ++h) {
      table->Set(a, h, KWh(withdrawal_a[h]), Quality::kReal, 0, Quality::kReal);
      table->Set(b, h, KWh(withdrawal_b[h]), Quality::kReal, 0, Quality::kReal);
      table->Set(pv, h, 0, Quality::kReal, KWh(injection[h]), Quality::kReal);
    }
    std::vector<PriceE4> prices(static_cast<std::size_t>(f.grid.interval_count()),
                                150 * kPriceE4PerEuro);
    const ItalianTerms terms{.valorisation = 10'700,         // 0.0107 €/kWh
                             .avoided_losses = 260'000'000,  // 2.6 %
                             .retained = 2'000'000'000,      // 20 %
                             .split = split};
    ItalianIncentive incentive(f.community, f.grid, prices, [&](CivilDate) { return terms; });
    auto allocator = Allocator::Create(f.community, f.grid);
    EXPECT_TRUE(allocator.ok()) << allocator.status().message();
    (*allocator)->AllocateAll(*table, incentive);
    return incentive;
  }

  Fixture f;
  int a = 0, b = 0, pv = 0;
};

TEST_F(ItalianTermsCase, CommunityTotalsAndRetainedShare) {
  const ItalianIncentive incentive = Run(ItalianSplit::kWithdrawal);
  const ItalianMonth& community = incentive.community_month(0);
  EXPECT_EQ(community.shared, KWh(75));
  EXPECT_EQ(community.incentive_micro, 8'250'000);  // 45 × 0.110 + 30 × 0.110
  // 45 × 0.0146 = 0.657 € and 30 × 0.0146 = 0.438 €: 1.095 €, half up to 1.10 €.
  EXPECT_EQ(community.valorisation_micro, 1'095'000);
  EXPECT_EQ(community.valorisation_cents, 110);
  // 20 % of each hour: 0.99 + 0.1314 + 0.66 + 0.0876 = 1.869 €.
  EXPECT_EQ(community.retained_micro, 1'869'000);
  EXPECT_EQ(community.retained_cents, 187);
  EXPECT_EQ(community.total_cents(), 935);
}

TEST_F(ItalianTermsCase, SplitProRataToHourlyWithdrawal) {
  const ItalianIncentive incentive = Run(ItalianSplit::kWithdrawal);
  // Hour 1: A 40/45, B 5/45 of 3.96 € and 0.5256 €; hour 2: A 10/40, B 30/40 of 2.64 € and
  // 0.3504 €.
  const ItalianMonth& ma = incentive.member_month(a, 0);
  const ItalianMonth& mb = incentive.member_month(b, 0);
  EXPECT_EQ(ma.shared, KWh(47.5));
  EXPECT_EQ(mb.shared, KWh(27.5));
  EXPECT_EQ(ma.incentive_micro, 4'180'000);   // 3.52 + 0.66
  EXPECT_EQ(ma.valorisation_micro, 554'800);  // 0.4672 + 0.0876
  EXPECT_EQ(mb.incentive_micro, 2'420'000);   // 0.44 + 1.98
  EXPECT_EQ(mb.valorisation_micro, 321'200);  // 0.0584 + 0.2628
  EXPECT_EQ(ma.valorisation_cents, 55);
  EXPECT_EQ(mb.valorisation_cents, 32);
  EXPECT_EQ(ma.total_cents(), 473);
  EXPECT_EQ(mb.total_cents(), 274);
  // Exact at the micro-euro: the members' parts plus the retained part are the whole.
  const ItalianMonth& community = incentive.community_month(0);
  EXPECT_EQ(ma.incentive_micro + mb.incentive_micro + ma.valorisation_micro +
                mb.valorisation_micro + community.retained_micro,
            community.incentive_micro + community.valorisation_micro);
}

// Equal parts go to every member of the hour, the producer included (it is a member too).
TEST_F(ItalianTermsCase, EqualSplitSharesMoneyButNotEnergy) {
  const ItalianIncentive incentive = Run(ItalianSplit::kEqual);
  for (int p : {a, b, pv}) {
    EXPECT_EQ(incentive.member_month(p, 0).incentive_micro, 2'200'000);   // (3.96 + 2.64) / 3
    EXPECT_EQ(incentive.member_month(p, 0).valorisation_micro, 292'000);  // (0.5256 + 0.3504) / 3
    EXPECT_EQ(incentive.member_month(p, 0).valorisation_cents, 29);
  }
  EXPECT_EQ(incentive.member_month(pv, 0).shared, 0);
  EXPECT_EQ(incentive.member_month(a, 0).shared, KWh(47.5));
  EXPECT_EQ(incentive.member_month(b, 0).shared, KWh(27.5));
}

TEST(HourlyValorisation, NegativeZonalPricesAddNoLossesAndTheHourIsFloored) {
  const ItalianTerms terms{.valorisation = 10'700, .avoided_losses = 260'000'000};
  EXPECT_EQ(HourlyValorisationMicro(KWh(1), 150 * kPriceE4PerEuro, terms), 14'600);
  EXPECT_EQ(HourlyValorisationMicro(KWh(1), -10 * kPriceE4PerEuro, terms), 10'700);
  // 1 Wh × 0.0146 €/kWh = 14.6 µ€, floored to 14.
  EXPECT_EQ(HourlyValorisationMicro(1'000, 150 * kPriceE4PerEuro, terms), 14);
  EXPECT_EQ(HourlyValorisationMicro(0, 150 * kPriceE4PerEuro, terms), 0);
  EXPECT_EQ(HourlyValorisationMicro(KWh(1), 150 * kPriceE4PerEuro, ItalianTerms{}), 0);
}

}  // namespace
}  // namespace reparto::testing
