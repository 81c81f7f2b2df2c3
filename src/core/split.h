// Exact integer splits of a whole into parts proportional to integer weights. Two rules, each
// deterministic and each adding up exactly to the whole:
//
// - SplitByCumulativeFloor: part i = floor(total·W_i/W) − floor(total·W_{i−1}/W), W_i the running
//   sum of weights. One pass, no sorting: the engine's rule for energy shares, origins and money.
// - LargestRemainder: floor every exact share, then give one unit to the largest remainders (ties
//   by list order): the rule for coefficient sets printed or stored (Hamilton's method).
//
//   std::vector<MilliWh> parts(3);
//   SplitByCumulativeFloor(10, std::vector<std::int64_t>{1, 1, 1}, parts);   // {3, 3, 4}
//   LargestRemainder(std::vector<std::int64_t>{1, 1, 1}, 1'000'000);       // {333334, 333333,
//   333333}
//
// Units: whatever the caller's (mWh, parts per billion, micro-euros). Weights must be >= 0; when
// they sum to 0 every part is 0.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace reparto {

void SplitByCumulativeFloor(std::int64_t total, std::span<const std::int64_t> weights,
                            std::span<std::int64_t> parts);

std::vector<std::int64_t> LargestRemainder(std::span<const std::int64_t> weights,
                                           std::int64_t total);

}  // namespace reparto
