// Price lookup: a PriceSeries (core/price_series.h) mapped onto the billing intervals of a period,
// with every interval the series does not cover reported, never read as a zero price.
//
// Units: prices in MicroPrice (µ€/kWh); instants UtcSeconds; intervals [first + i·step,
// first + (i+1)·step). Local days (for the report of gaps) come from the given TimeZone.
//
// Rules (docs/prices.md):
//   - The price of an interval is the time-weighted mean of the points that cover it. So an hourly
//     series gives each quarter-hour inside an hour the hour's price unchanged, and a quarter-hour
//     series on hourly intervals gives the mean of the four quarters:
//     (p1 + p2 + p3 + p4) / 4, computed exactly and rounded ONCE, half away from zero, to a whole
//     µ€/kWh (e.g. 100, 100, 100, 101 → 100.25 → 100; −100.5 → −101).
//   - An interval with any part not covered by a point is missing: its price is 0 AND
//     missing[i] = 1. Callers must look at `missing` (or call RequireComplete) before pricing.
//   - missing_days lists, in order, the local days of `zone` that hold at least one missing
//     interval of the requested range.
//
//   auto cover = PricesForIntervals(pvpc, madrid, first, 3600, 24 * 31);
//   REPARTO_RETURN_IF_ERROR(RequireComplete(cover, pvpc.name));
//   // "price series pvpc-pcb has no prices for 2024-12-12 (24 of 24 hours missing); import
//   //  them or bill with --allow-incomplete"
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/price_series.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

struct PriceCoverage {
  std::vector<MicroPrice> prices;       // per interval, µ€/kWh; 0 where missing
  std::vector<std::uint8_t> missing;    // per interval: 1 when the series does not cover it
  std::vector<CivilDate> missing_days;  // local days with any missing interval, ascending
  // For messages: parallel to missing_days, how many of that day's intervals (within the
  // requested range) are missing, and how many intervals of the range fall on that day.
  std::vector<int> missing_per_day;
  std::vector<int> intervals_per_day;
  int step_seconds = 0;  // the intervals' step

  bool complete() const { return missing_days.empty(); }
  // Number of missing intervals.
  std::int64_t missing_count() const;
};

// Prices of the `n` intervals of `step_seconds` starting at `first` (UTC). `series.points` must be
// sorted by start and unique (the readers guarantee it). Days whose local date the zone cannot
// give (beyond its supported range) are named by their UTC date.
PriceCoverage PricesForIntervals(const PriceSeries& series, const TimeZone& zone, UtcSeconds first,
                                 int step_seconds, int n);

// Ok when `coverage` is complete; otherwise an error naming the series, up to five missing days
// with how many of their intervals are missing ("and N more days" after that), and what to do.
Status RequireComplete(const PriceCoverage& coverage, std::string_view series_name);

}  // namespace reparto
