// From generated power to meter energy: mean kW per interval to whole mWh per interval.
//
// Units: input in kW (mean power over each interval), output in mWh (1 kWh = 1 000 000 mWh).
// Rounding is cumulative (each value is round(running exact total) − round(previous total)), so
// no value is negative for non-negative input, each is within 1 mWh of its exact energy, and the
// total is within 0.5 mWh of the exact total however long the series.
//
//   std::vector<MilliWh> mwh = ToMilliWh(kw, /*step_seconds=*/900);
#pragma once

#include <span>
#include <vector>

#include "core/energy.h"

namespace reparto::synth {

// Negative input counts as 0.
[[nodiscard]] std::vector<MilliWh> ToMilliWh(std::span<const double> kw, int step_seconds);

}  // namespace reparto::synth
