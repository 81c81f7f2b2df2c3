// Energy and quality units shared by the whole engine.
//
// Energy is an exact integer number of milliwatt-hours (mWh): 1 kWh = 1 000 000 mWh. Every reader
// converts to mWh once (Portuguese average kW with 3 decimals over a quarter-hour is a whole number
// of mWh: 0.001 kW x 0.25 h = 250 mWh), every quantity is computed in mWh, and writers print kWh
// with 6 decimals, so parts always add up to the whole.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace reparto {

using MilliWh = std::int64_t;
inline constexpr MilliWh kMilliWhPerKWh = 1'000'000;

// Quality of a value; larger is worse, so the quality of a derived value is the maximum of the
// qualities of its inputs.
enum class Quality : std::uint8_t { kReal = 0, kEstimated = 1, kMissing = 2 };
inline constexpr int kQualityCount = 3;

inline constexpr Quality Worst(Quality a, Quality b) { return a > b ? a : b; }

// Adds the number of intervals of `quality[0, n)` by quality to `counts` (indexed by Quality); an
// out-of-range byte counts as missing. Branch-free, so that the compiler vectorises it.
inline void CountQualities(const Quality* quality, int n,
                           std::array<std::int64_t, kQualityCount>& counts) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(quality);
  int estimated = 0;
  int missing = 0;
  for (int i = 0; i < n; ++i) {
    estimated += bytes[i] == static_cast<std::uint8_t>(Quality::kEstimated);
    missing += bytes[i] >= static_cast<std::uint8_t>(Quality::kMissing);
  }
  counts[static_cast<int>(Quality::kReal)] += n - estimated - missing;
  counts[static_cast<int>(Quality::kEstimated)] += estimated;
  counts[static_cast<int>(Quality::kMissing)] += missing;
}

inline constexpr std::string_view QualityName(Quality q) {
  switch (q) {
    case Quality::kReal:
      return "real";
    case Quality::kEstimated:
      return "estimated";
    case Quality::kMissing:
      return "missing";
  }
  return "missing";
}

}  // namespace reparto
