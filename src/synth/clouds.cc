// Sky regimes by Markov chain and intra-day AR(1) clear-sky index (see clouds.h).
#include "synth/clouds.h"

#include <algorithm>
#include <cmath>

#include "synth/random.h"

namespace reparto::synth {
namespace {

// Draws a regime from the shares of one month.
Sky DrawRegime(const std::array<double, kSkyCount>& shares, Rng& rng) {
  double u = rng.Uniform();
  for (int k = 0; k < kSkyCount - 1; ++k) {
    if (u < shares[k]) return static_cast<Sky>(k);
    u -= shares[k];
  }
  return static_cast<Sky>(kSkyCount - 1);
}

}  // namespace

SkySeries GenerateSky(const DayGrid& grid, const Climate& climate, std::uint64_t seed) {
  SkySeries out;
  out.day_regime.reserve(grid.days.size());
  out.clear_sky_index.reserve(static_cast<std::size_t>(grid.interval_count()));
  Rng rng(seed, /*stream=*/0x5C1E5);
  const double steps_per_quarter_hour = grid.step_seconds / 900.0;
  double deviation = 0;  // AR(1) state, in units of the regime's standard deviation
  Sky regime = Sky::kClear;
  for (std::size_t d = 0; d < grid.days.size(); ++d) {
    const LocalDay& day = grid.days[d];
    const auto& shares = climate.sky_share[static_cast<std::size_t>(day.date.month - 1)];
    if (d == 0 || !rng.Bernoulli(climate.persistence)) regime = DrawRegime(shares, rng);
    out.day_regime.push_back(regime);
    const SkyFluctuation& f = climate.fluctuation[static_cast<std::size_t>(regime)];
    const double phi = std::pow(f.lag1_15min, steps_per_quarter_hour);
    const double innovation = std::sqrt(1 - phi * phi);
    for (int i = 0; i < day.n_intervals; ++i) {
      deviation = phi * deviation + innovation * rng.Normal();
      out.clear_sky_index.push_back(std::clamp(
          f.mean + f.sd * deviation, climate.min_clear_sky_index, climate.max_clear_sky_index));
    }
  }
  return out;
}

}  // namespace reparto::synth
