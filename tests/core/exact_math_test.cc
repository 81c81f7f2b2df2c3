// The engine's branch-free floors against the exact 128-bit MulDivFloor: MulDivFloorFromBelow
// (one correction after a double estimate lowered by 2^-40) over random and adversarial inputs
// inside its domain (a · b fits in 64 bits, a · b / d < 2^39), and ScaledFloor (shares of a pool
// by fixed coefficients) over pools up to 2^62 and every kind of running coefficient.
//
// Units: plain integers (mWh and parts per billion in the engine).
#include "core/internal/exact_math.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace reparto::internal {
namespace {

std::int64_t Uniform(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
  return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
}

// Checks one input with the ratio computed as the engine does (b / d in double).
void ExpectExact(std::int64_t a, std::int64_t b, std::int64_t d) {
  const double ratio = static_cast<double>(b) / static_cast<double>(d);
  ASSERT_EQ(MulDivFloorFromBelow(a, b, d, ratio * kBelow), MulDivFloor(a, b, d))
      << a << " * " << b << " / " << d;
}

TEST(MulDivFloorFromBelow, EqualsTheExactFloor) {
  std::mt19937_64 rng(0xf1004);
  constexpr std::int64_t kLimit = std::int64_t{1} << 39;
  for (int k = 0; k < 2'000'000; ++k) {
    // d up to the largest pool whose square fits (origin totals), b <= d (a cumulative part).
    const std::int64_t d = Uniform(rng, 1, k % 2 ? 3'037'000'499 : 1'000'000);
    const std::int64_t b = Uniform(rng, 0, d);
    const std::int64_t a = Uniform(rng, 0, std::min<std::int64_t>(d, kLimit - 1));
    ExpectExact(a, b, d);
  }
  // Quotients just at, below and above whole numbers, and the largest inputs.
  for (std::int64_t d : {std::int64_t{1}, std::int64_t{3}, std::int64_t{7}, std::int64_t{999'999},
                         std::int64_t{1'000'000'000}, std::int64_t{3'037'000'499}}) {
    for (std::int64_t b : {std::int64_t{0}, std::int64_t{1}, d / 3, d / 2, d - 1, d}) {
      for (std::int64_t a : {std::int64_t{0}, std::int64_t{1}, d - 1, d, std::min(d, kLimit - 1)}) {
        ExpectExact(a, b, d);
      }
      if (b == 0) continue;
      // a · b = k · d − 1, k · d and k · d + 1 where they exist.
      for (std::int64_t k = 1; k < 2000; k += 37) {
        const std::int64_t target = k * d;
        for (std::int64_t product : {target - 1, target, target + 1}) {
          if (product % b != 0) continue;
          const std::int64_t a = product / b;
          if (a <= d && a < kLimit) ExpectExact(a, b, d);
        }
      }
    }
  }
}

// The inverse of b modulo d (gcd(b, d) = 1), by the extended Euclidean algorithm.
std::int64_t InverseModulo(std::int64_t b, std::int64_t d) {
  std::int64_t r0 = d, r1 = b % d, s0 = 0, s1 = 1;
  while (r1 != 0) {
    const std::int64_t q = r0 / r1;
    const std::int64_t r2 = r0 - q * r1, s2 = s0 - q * s1;
    r0 = r1;
    r1 = r2;
    s0 = s1;
    s1 = s2;
  }
  return r0 == 1 ? (s0 % d + d) % d : -1;
}

// The hardest inputs: a · b / d a hair below a whole number (a · b ≡ −1 or −2 modulo d) with a
// large quotient, where a double estimate not lowered rounds up to the whole number.
TEST(MulDivFloorFromBelow, QuotientsJustBelowWholeNumbers) {
  std::mt19937_64 rng(0xad5e);
  constexpr std::int64_t kLimit = std::int64_t{1} << 39;
  int checked = 0;
  for (int k = 0; k < 200'000; ++k) {
    const std::int64_t d = Uniform(rng, std::int64_t{1} << 20, 3'037'000'499);
    const std::int64_t b = Uniform(rng, 1, d);
    const std::int64_t inverse = InverseModulo(b, d);
    if (inverse < 0) continue;
    const std::int64_t below = 1 + k % 2;
    std::int64_t a = static_cast<std::int64_t>(static_cast<__int128>(d - below) * inverse % d);
    for (; a < kLimit && a <= std::numeric_limits<std::int64_t>::max() / b; a += d) {
      ExpectExact(a, b, d);
      ++checked;
    }
  }
  EXPECT_GT(checked, 100'000);
}

TEST(ScaledFloor, EqualsTheExactFloor) {
  std::mt19937_64 rng(0x5ca1ed);
  constexpr double kInverseScale = 1.0 / static_cast<double>(kCoefficientScale);
  for (int k = 0; k < 2'000'000; ++k) {
    const int kind = k % 4;
    const std::int64_t pool = kind == 0   ? Uniform(rng, 0, std::int64_t{1} << 62)
                              : kind == 1 ? Uniform(rng, 0, 3'000'000'000)
                              : kind == 2
                                  ? Uniform(rng, 1, 100) * kCoefficientScale - Uniform(rng, 0, 2)
                                  : Uniform(rng, 0, 10'000'000);
    const std::int64_t running = k % 7 == 0   ? kCoefficientScale - Uniform(rng, 0, 3)
                                 : k % 7 == 1 ? Uniform(rng, 0, 3)
                                              : Uniform(rng, 0, kCoefficientScale);
    const double ratio_below = static_cast<double>(running) * kInverseScale * kBelow;
    ASSERT_EQ(ScaledFloor(pool / kCoefficientScale, pool % kCoefficientScale, running, ratio_below),
              MulDivFloor(pool, running, kCoefficientScale))
        << pool << " * " << running;
  }
}

}  // namespace
}  // namespace reparto::internal
