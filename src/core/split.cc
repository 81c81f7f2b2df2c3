// Exact proportional splits (see split.h).
#include "core/split.h"

#include <algorithm>
#include <numeric>

#include "core/internal/exact_math.h"

namespace reparto {

void SplitByCumulativeFloor(std::int64_t total, std::span<const std::int64_t> weights,
                            std::span<std::int64_t> parts) {
  std::int64_t sum = 0;
  for (std::int64_t w : weights) sum += w;
  std::int64_t previous = 0;
  std::int64_t cumulative = 0;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    if (sum == 0) {
      parts[k] = 0;
      continue;
    }
    cumulative += weights[k];
    const std::int64_t floor = internal::MulDivFloor(total, cumulative, sum);
    parts[k] = floor - previous;
    previous = floor;
  }
}

std::vector<std::int64_t> LargestRemainder(std::span<const std::int64_t> weights,
                                           std::int64_t total) {
  const std::size_t n = weights.size();
  std::vector<std::int64_t> parts(n, 0);
  std::int64_t sum = 0;
  for (std::int64_t w : weights) sum += w;
  if (sum == 0) return parts;
  std::vector<std::int64_t> remainders(n);
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned __int128 scaled =
        static_cast<unsigned __int128>(weights[i]) * static_cast<unsigned __int128>(total);
    parts[i] = static_cast<std::int64_t>(scaled / static_cast<unsigned __int128>(sum));
    remainders[i] = static_cast<std::int64_t>(scaled % static_cast<unsigned __int128>(sum));
    assigned += parts[i];
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; assigned < total; ++k, ++assigned) ++parts[order[k]];
  return parts;
}

}  // namespace reparto
