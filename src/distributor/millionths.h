// Coefficients as printed in the Spanish coefficient file: millionths ("0,350000" = 350000).
//
// Units: input coefficients are parts per billion (core/community.h, 1 000 000 000 = the whole
// pool); output values are millionths (1 000 000 = the whole pool).
//
//   RoundToMillionths({333333334, 333333333, 333333333});  // {333334, 333333, 333333}
//   FormatMillionths(350000);                               // "0,350000"
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/community.h"

namespace reparto::distributor {

inline constexpr std::int64_t kMillionthsScale = 1'000'000;

// Largest remainder rounding to millionths: floor every value, then give one millionth to the
// entries with the largest remainders (ties by list order) until the values sum to exactly
// 1 000 000. Precondition: values are non-negative and sum to kCoefficientScale (otherwise the
// number of extra millionths handed out is clamped to [0, size], and the sum is not 1 000 000).
[[nodiscard]] std::vector<std::int64_t> RoundToMillionths(std::span<const Coefficient> ppb);

// "0,350000", "1,000000": integer part, decimal comma, exactly 6 decimals. `millionths` >= 0.
[[nodiscard]] std::string FormatMillionths(std::int64_t millionths);

}  // namespace reparto::distributor
