// The SIMD path of CountWorstQualities (AVX-512BW or AVX2, whichever the build targets) must give
// the same counts as the portable scalar path for every input: random quality bytes, including
// out-of-range ones (counted as missing), every length from 0 to 300 and unaligned starts.
//
// Units: counts of intervals, indexed by Quality.
#include "core/internal/quality_count.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace reparto::internal {
namespace {

TEST(CountWorstQualities, SimdPathEqualsScalarPath) {
  std::mt19937_64 rng(0x9a11);
  std::vector<Quality> a(400), b(400), c(400);
  for (int round = 0; round < 40; ++round) {
    const int spread = round % 4;  // mostly real, mixed, any byte, all one value
    for (std::size_t i = 0; i < a.size(); ++i) {
      for (Quality* q : {&a[i], &b[i], &c[i]}) {
        const auto x = static_cast<std::uint8_t>(rng());
        *q = static_cast<Quality>(spread == 0   ? (x < 240 ? 0 : x % 3)
                                  : spread == 1 ? x % 3
                                  : spread == 2 ? x
                                                : round % 3);
      }
    }
    for (int n = 0; n <= 300; ++n) {
      const int start = static_cast<int>(rng() % 64);
      std::array<std::int64_t, kQualityCount> simd{1, 2, 3}, scalar{1, 2, 3};
      CountWorstQualities(&a[start], &b[start], &c[start], n, simd);
      CountWorstQualitiesScalar(&a[start], &b[start], &c[start], n, scalar);
      ASSERT_EQ(simd, scalar) << "round " << round << " n " << n << " start " << start;
      ASSERT_EQ(simd[0] + simd[1] + simd[2], 6 + n);
    }
  }
}

TEST(CountWorstQualities, CountsTheWorstOfTheThree) {
  const std::vector<Quality> a = {Quality::kReal, Quality::kEstimated, Quality::kReal,
                                  static_cast<Quality>(7)};
  const std::vector<Quality> b = {Quality::kReal, Quality::kReal, Quality::kMissing,
                                  Quality::kReal};
  const std::vector<Quality> c = {Quality::kReal, Quality::kReal, Quality::kEstimated,
                                  Quality::kReal};
  std::array<std::int64_t, kQualityCount> counts{};
  CountWorstQualities(a.data(), b.data(), c.data(), 4, counts);
  EXPECT_EQ(counts, (std::array<std::int64_t, kQualityCount>{1, 1, 2}));
}

}  // namespace
}  // namespace reparto::internal
