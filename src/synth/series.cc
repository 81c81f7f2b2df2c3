// Cumulative rounding of power series to mWh (see series.h).
#include "synth/series.h"

#include <algorithm>
#include <cmath>

namespace reparto::synth {

std::vector<MilliWh> ToMilliWh(std::span<const double> kw, int step_seconds) {
  std::vector<MilliWh> out;
  out.reserve(kw.size());
  // kW × (step / 3600) h × 1e6 mWh/kWh.
  const double mwh_per_kw = step_seconds / 3600.0 * static_cast<double>(kMilliWhPerKWh);
  double exact = 0;
  MilliWh emitted = 0;
  for (double p : kw) {
    exact += std::max(p, 0.0) * mwh_per_kw;
    const auto total = static_cast<MilliWh>(std::llround(exact));
    out.push_back(total - emitted);
    emitted = total;
  }
  return out;
}

}  // namespace reparto::synth
