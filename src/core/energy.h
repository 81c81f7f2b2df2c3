// Energy and quality units shared by the whole engine.
//
// Energy is an exact integer number of milliwatt-hours (mWh): 1 kWh = 1 000 000 mWh. Every reader
// converts to mWh once (Portuguese average kW with 3 decimals over a quarter-hour is a whole number
// of mWh: 0.001 kW x 0.25 h = 250 mWh), every quantity is computed in mWh, and writers print kWh
// with 6 decimals, so parts always add up to the whole.
#pragma once

#include <cstdint>
#include <string_view>

namespace reparto {

using MilliWh = std::int64_t;
inline constexpr MilliWh kMilliWhPerKWh = 1'000'000;

// Quality of a value; larger is worse, so the quality of a derived value is the maximum of the
// qualities of its inputs.
enum class Quality : std::uint8_t { kReal = 0, kEstimated = 1, kMissing = 2 };

inline constexpr Quality Worst(Quality a, Quality b) { return a > b ? a : b; }

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
