// Cloud variability: a sky regime per local day and the clear-sky index of every interval.
//
// The day's regime (clear, partly cloudy, overcast) follows a Markov chain: with probability
// `persistence` a day repeats the previous one, otherwise it is drawn from the month's long-run
// shares (so the shares are also the chain's stationary distribution). Within a day the clear-sky
// index kc = GHI / clear-sky GHI follows an AR(1) process around the regime's mean, with the
// regime's spread and quarter-hour autocorrelation (rescaled to the grid's step), clamped to
// [min_clear_sky_index, max_clear_sky_index].
//
// Units: the clear-sky index has none; one value per interval of the grid, in grid order.
//
//   SkySeries sky = GenerateSky(grid, MediterraneanClimate(), /*seed=*/7);
//   double ghi = sky.clear_sky_index[t] * ClearSkyGhi(sun, altitude_m, linke);
#pragma once

#include <cstdint>
#include <vector>

#include "core/time.h"
#include "synth/climate.h"

namespace reparto::synth {

struct SkySeries {
  std::vector<Sky> day_regime;          // one per grid day
  std::vector<double> clear_sky_index;  // one per grid interval
};

// Deterministic in (grid, climate, seed). Every plant of one town should share one SkySeries.
[[nodiscard]] SkySeries GenerateSky(const DayGrid& grid, const Climate& climate,
                                    std::uint64_t seed);

}  // namespace reparto::synth
