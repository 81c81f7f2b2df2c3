// Largest-remainder rounding to millionths and their printed form (see millionths.h).
#include "distributor/millionths.h"

#include <algorithm>
#include <numeric>

namespace reparto::distributor {
namespace {

constexpr std::int64_t kPpbPerMillionth = kCoefficientScale / kMillionthsScale;  // 1000

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

std::vector<std::int64_t> RoundToMillionths(std::span<const Coefficient> ppb) {
  std::vector<std::int64_t> out(ppb.size());
  std::vector<std::int64_t> remainder(ppb.size());
  std::int64_t floor_sum = 0;
  for (std::size_t i = 0; i < ppb.size(); ++i) {
    out[i] = FloorDiv(ppb[i], kPpbPerMillionth);
    remainder[i] = ppb[i] - out[i] * kPpbPerMillionth;
    floor_sum += out[i];
  }
  const auto extra = static_cast<std::size_t>(std::clamp<std::int64_t>(
      kMillionthsScale - floor_sum, 0, static_cast<std::int64_t>(ppb.size())));
  if (extra == 0) return out;
  std::vector<std::size_t> order(ppb.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Largest remainder first; stable, so equal remainders keep list order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; k < extra; ++k) ++out[order[k]];
  return out;
}

std::string FormatMillionths(std::int64_t millionths) {
  // Hand-rolled (no printf): called once per line of files with millions of lines.
  std::string out = std::to_string(millionths / kMillionthsScale);
  out += ",000000";
  std::int64_t fraction = millionths % kMillionthsScale;
  for (std::size_t i = out.size(); fraction > 0; fraction /= 10) {
    out[--i] = static_cast<char>('0' + fraction % 10);
  }
  return out;
}

}  // namespace reparto::distributor
