// Hour numbers of the Spanish coefficient file: hour 1 .. 8760 (8784 in leap years) of a year.
//
// Numbering is by elapsed real hours since local 1 January 00:00 (Europe/Madrid, or
// Atlantic/Canary for the Canary Islands), so the 23- and 25-hour days need no gaps or duplicates.
// For 2025 in Europe/Madrid: 30 March 01:00-02:00 local is hour 2114 and 03:00-04:00 is 2115; the
// two 26 October 02:00-03:00 hours are 7154 and 7155; 31 December 23:00 is 8760.
// This is an inference from the order (spec/formats.md §2): confirm with the distributor. Every
// other part of the folder goes through these functions, so a change of rule lives here only.
//
// Units: instants are UTC seconds; hours are 3600 s long.
//
//   auto hour = HourOfYear(madrid, 2025, start_utc);   // 1-based
//   auto start = HourStart(madrid, 2025, 2114);        // 2025-03-30T00:00:00Z
#pragma once

#include "core/status.h"
#include "core/time.h"

namespace reparto::distributor {

// Hour of the year (1-based) of the hour starting at `hour_start`. Fails when the instant is
// outside [local 1 January `year` 00:00, local 1 January `year + 1` 00:00) or is not a whole
// number of hours after the year's start.
[[nodiscard]] Result<int> HourOfYear(const TimeZone& zone, int year, UtcSeconds hour_start);

// UTC start of hour `hour_of_year` (1-based) of `year`. Fails outside 1..HoursInYear.
[[nodiscard]] Result<UtcSeconds> HourStart(const TimeZone& zone, int year, int hour_of_year);

// Real elapsed hours between local 1 January 00:00 of `year` and of `year + 1` (8760 or 8784 for
// Spanish zones). 0 when the zone cannot compute those instants (e.g. on or after 2038-03-28).
[[nodiscard]] int HoursInYear(const TimeZone& zone, int year);

}  // namespace reparto::distributor
