// Price lookup over billing intervals (see price_lookup.h): µ€/kWh, UTC instants.
#include "core/price_lookup.h"

#include <algorithm>
#include <string>

namespace reparto {
namespace {

// `sum` / `divisor` rounded half away from zero (divisor > 0).
MicroPrice DivideRounded(__int128 sum, std::int64_t divisor) {
  const __int128 half = divisor / 2;
  if (sum >= 0) return static_cast<MicroPrice>((sum + half) / divisor);
  return static_cast<MicroPrice>(-((-sum + half) / divisor));
}

UtcSeconds FloorDiv(UtcSeconds a, UtcSeconds b) { return a / b - (a % b != 0 && a < 0 ? 1 : 0); }

// The local day holding `instant` and the UTC instant it ends; the UTC day when the zone cannot
// answer (beyond its supported range).
void DayOf(const TimeZone& zone, UtcSeconds instant, CivilDate& date, UtcSeconds& end) {
  auto local = LocalDateAt(zone, instant);
  if (local.ok()) {
    auto day_end = zone.EndOfDay(*local);
    if (day_end.ok() && *day_end > instant) {
      date = *local;
      end = *day_end;
      return;
    }
  }
  const UtcSeconds days = FloorDiv(instant, 86400);
  date = CivilFromDays(days);
  end = (days + 1) * 86400;
}

const char* IntervalNoun(int step_seconds) {
  switch (step_seconds) {
    case 3600:
      return "hours";
    case 900:
      return "quarter-hours";
    default:
      return "intervals";
  }
}

}  // namespace

std::int64_t PriceCoverage::missing_count() const {
  std::int64_t count = 0;
  for (std::uint8_t m : missing) count += m;
  return count;
}

PriceCoverage PricesForIntervals(const PriceSeries& series, const TimeZone& zone, UtcSeconds first,
                                 int step_seconds, int n) {
  PriceCoverage cover;
  cover.step_seconds = step_seconds;
  if (n <= 0 || step_seconds <= 0) return cover;
  const auto count = static_cast<std::size_t>(n);
  cover.prices.assign(count, 0);
  cover.missing.assign(count, 0);

  const std::vector<PricePoint>& points = series.points;
  const UtcSeconds point_step = series.step_seconds;
  // First point that ends after `first`.
  std::size_t j = 0;
  if (point_step > 0) {
    j = static_cast<std::size_t>(
        std::partition_point(points.begin(), points.end(),
                             [&](const PricePoint& p) { return p.start + point_step <= first; }) -
        points.begin());
  } else {
    j = points.size();  // a series without a step covers nothing
  }

  CivilDate day{};
  UtcSeconds day_end = first;  // forces the first DayOf
  int day_missing = 0;
  int day_intervals = 0;
  auto close_day = [&] {
    if (day_missing > 0) {
      cover.missing_days.push_back(day);
      cover.missing_per_day.push_back(day_missing);
      cover.intervals_per_day.push_back(day_intervals);
    }
    day_missing = 0;
    day_intervals = 0;
  };

  for (std::size_t i = 0; i < count; ++i) {
    const UtcSeconds start = first + static_cast<UtcSeconds>(i) * step_seconds;
    const UtcSeconds end = start + step_seconds;
    if (start >= day_end) {
      if (i > 0) close_day();
      DayOf(zone, start, day, day_end);
    }
    ++day_intervals;

    __int128 weighted = 0;  // Σ price × seconds covered
    UtcSeconds covered = 0;
    for (std::size_t k = j; k < points.size() && points[k].start < end; ++k) {
      const UtcSeconds from = std::max(start, points[k].start);
      const UtcSeconds to = std::min(end, points[k].start + point_step);
      if (to <= from) continue;
      weighted += static_cast<__int128>(points[k].price) * (to - from);
      covered += to - from;
    }
    if (covered == step_seconds) {
      cover.prices[i] = DivideRounded(weighted, step_seconds);
    } else {
      cover.missing[i] = 1;
      ++day_missing;
    }
    while (j < points.size() && points[j].start + point_step <= end) ++j;
  }
  close_day();
  return cover;
}

Status RequireComplete(const PriceCoverage& coverage, std::string_view series_name) {
  if (coverage.complete()) return Status::Ok();
  constexpr std::size_t kListed = 5;
  const char* noun = IntervalNoun(coverage.step_seconds);
  std::string message = "price series " + std::string(series_name) + " has no prices for ";
  const std::size_t days = coverage.missing_days.size();
  for (std::size_t d = 0; d < days && d < kListed; ++d) {
    if (d > 0) message += ", ";
    message += FormatDate(coverage.missing_days[d]) + " (" +
               std::to_string(coverage.missing_per_day[d]) + " of " +
               std::to_string(coverage.intervals_per_day[d]) + " " + noun + " missing)";
  }
  if (days > kListed) {
    message +=
        " and " + std::to_string(days - kListed) + " more day" + (days - kListed == 1 ? "" : "s");
  }
  message += "; import them or bill with --allow-incomplete";
  return Status::Error(std::move(message));
}

}  // namespace reparto
