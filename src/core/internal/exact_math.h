// Exact integer arithmetic for shares of energy: floor(a·b/d) without overflow, and the
// cumulative-floor split that makes parts add up to the whole.
//
// Units: whatever the caller's (mWh and parts per billion in the engine). All inputs are
// non-negative; results are exact (no floating point).
#pragma once

#include <cstdint>
#include <limits>

#include "core/community.h"
#include "core/energy.h"

namespace reparto::internal {

// floor(a · b / d) for a, b >= 0 and d > 0, exact for any int64 inputs whose result fits.
inline std::int64_t MulDivFloor(std::int64_t a, std::int64_t b, std::int64_t d) {
  if (a == 0 || b == 0) return 0;
  if (a <= std::numeric_limits<std::int64_t>::max() / b) return a * b / d;
  const unsigned __int128 product =
      static_cast<unsigned __int128>(a) * static_cast<unsigned __int128>(b);
  return static_cast<std::int64_t>(product / static_cast<unsigned __int128>(d));
}

// MulDivFloor for a, b >= 0 and d > 0 given `ratio` ≈ b / d in double precision (computed once
// for many `a`). When a · b fits in 64 bits and a < 2^50 the double estimate is off by at most
// one, so one exact remainder and two branch-free corrections give the floor; otherwise the exact
// 128-bit path.
inline std::int64_t MulDivFloorWithRatio(std::int64_t a, std::int64_t b, std::int64_t d,
                                         double ratio) {
  constexpr std::int64_t kEstimateIsClose = std::int64_t{1} << 50;
  std::int64_t numerator = 0;
  if (a >= kEstimateIsClose || __builtin_mul_overflow(a, b, &numerator)) {
    return MulDivFloor(a, b, d);
  }
  std::int64_t q = static_cast<std::int64_t>(static_cast<double>(a) * ratio);
  std::int64_t r = numerator - q * d;
  const bool low = r < 0;
  q -= low;
  r += low ? d : 0;
  q += r >= d;
  return q;
}

// floor(a · b / d) for a, b >= 0, d > 0, when the caller knows that a · b fits in 64 bits and
// that a · ratio < 2^50, with `ratio` ≈ b / d: the double estimate is then off by at most one and
// two branch-free corrections make it exact. No branch, so loops of it vectorise.
inline std::int64_t MulDivFloorBounded(std::int64_t a, std::int64_t b, std::int64_t d,
                                       double ratio) {
  std::int64_t q = static_cast<std::int64_t>(static_cast<double>(a) * ratio);
  std::int64_t r = a * b - q * d;
  const std::int64_t low = r < 0 ? 1 : 0;
  q -= low;
  r += low * d;
  q += r >= d ? 1 : 0;
  return q;
}

// What MulDivFloorFromBelow multiplies an estimate of b / d by: 1 − 2^-40 (exact in double).
inline constexpr double kBelow = 1.0 - 0x1p-40;

// floor(a · b / d) for a, b >= 0 and d > 0, when a · b fits in 64 bits, a · b / d < 2^39 and
// `ratio_below` = ratio · kBelow (in double), ratio being b / d computed from a, b, d < 2^53 with
// at most three roundings (b / d, or b · (1 / d)). Then the estimate e = a · ratio_below carries a
// relative error in (−2^-39, 0): the lowering by 2^-40 outweighs the (at most five) roundings of
// 2^-53, so e < a · b / d, and e > a · b / d − 1 since a · b / d < 2^39. Its floor is therefore the
// exact floor or one less, and one exact remainder (a · b − q · d, in [0, 2d)) tells which: one
// correction, branch-free, where MulDivFloorBounded needs two.
inline std::int64_t MulDivFloorFromBelow(std::int64_t a, std::int64_t b, std::int64_t d,
                                         double ratio_below) {
  const std::int64_t q = static_cast<std::int64_t>(static_cast<double>(a) * ratio_below);
  const std::int64_t r = a * b - q * d;
  return q + (r >= d ? 1 : 0);
}

// floor(pool · running / kCoefficientScale) for pool = whole · kCoefficientScale + rest (rest <
// kCoefficientScale), running in [0, kCoefficientScale] and ratio_below = running ·
// (1 / kCoefficientScale) · kBelow: whole · running + floor(rest · running / 10^9), where rest ·
// running < 10^18 fits and the quotient is below 2^30, so it is exact and branch-free.
inline std::int64_t ScaledFloor(std::int64_t whole, std::int64_t rest, std::int64_t running,
                                double ratio_below) {
  return whole * running + MulDivFloorFromBelow(rest, running, kCoefficientScale, ratio_below);
}

// floor(energy · coefficient / kCoefficientScale) for coefficient in [0, kCoefficientScale]:
// the fast path of the fixed and variable methods (two multiplications by constants).
inline MilliWh ScaleFloor(MilliWh energy, Coefficient coefficient) {
  const MilliWh whole = energy / kCoefficientScale;
  const MilliWh rest = energy % kCoefficientScale;
  return whole * coefficient + rest * coefficient / kCoefficientScale;
}

}  // namespace reparto::internal
