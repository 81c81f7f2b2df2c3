// Tests of the seeded generator (src/synth/random.h): reference values of splitmix64, determinism
// per (seed, stream), and the moments of the uniform and normal draws. No units.
#include "synth/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace reparto::synth {
namespace {

TEST(SplitMix64, MatchesReferenceOutput) {
  // First outputs of the reference C implementation (Vigna, splitmix64.c) seeded with 0.
  SplitMix64 mix(0);
  EXPECT_EQ(mix.Next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(mix.Next(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(mix.Next(), 0x06C45D188009454FULL);
}

TEST(Rng, SameSeedAndStreamGiveTheSameSequence) {
  Rng a(42, 7), b(42, 7);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(a.Next(), b.Next());
    ASSERT_EQ(a.Normal(), b.Normal());
  }
}

TEST(Rng, OtherSeedOrStreamGivesAnotherSequence) {
  Rng base(42, 7), other_seed(43, 7), other_stream(42, 8);
  int same_seed = 0, same_stream = 0;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = base.Next();
    same_seed += x == other_seed.Next();
    same_stream += x == other_stream.Next();
  }
  EXPECT_EQ(same_seed, 0);
  EXPECT_EQ(same_stream, 0);
}

TEST(Rng, UniformIsInRangeWithMeanOneHalf) {
  Rng rng(1);
  double sum = 0;
  constexpr int kN = 200000;
  for (int i = 0; i < kN; ++i) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // Standard error of the mean: sqrt(1/12 / kN) = 0.00065.
  EXPECT_NEAR(sum / kN, 0.5, 0.003);
  for (int i = 0; i < 1000; ++i) ASSERT_LT(rng.Below(10), 10U);
}

TEST(Rng, NormalHasMeanZeroVarianceOneAndNormalTails) {
  Rng rng(2);
  constexpr int kN = 200000;
  double sum = 0, sum2 = 0;
  int beyond_two = 0;
  for (int i = 0; i < kN; ++i) {
    const double z = rng.Normal();
    sum += z;
    sum2 += z * z;
    beyond_two += std::fabs(z) > 2;
  }
  EXPECT_NEAR(sum / kN, 0.0, 0.01);
  EXPECT_NEAR(sum2 / kN, 1.0, 0.015);
  // P(|Z| > 2) = 0.0455.
  EXPECT_NEAR(static_cast<double>(beyond_two) / kN, 0.0455, 0.003);
}

}  // namespace
}  // namespace reparto::synth
