// Tariff periods (spec/tariffs.md §1-2): which energy or power period (P1..P6, or Portugal's
// 1 peak, 2 mid, 3 valley) applies at a local time, and for every interval of a period of time.
//
// The engine is data-driven: one table per tariff and zone (core/tariff_period_tables.cc) gives a
// season per month (Spain) or by daylight saving (Portugal), a day type (Spanish working day vs
// Saturday, Sunday or national tariff holiday; Portuguese weekday, Saturday, Sunday) and a row of
// 96 local quarter-hours per season and day type.
//
// Units: periods are 1-based (1 = P1); local times are the wall clock of the tariff's zone
// (minute of the day 0..1439; in the repeated hour of a fall-back day both instants read the same
// local minute, so both get the period of that local hour); instants are UtcSeconds.
//
//   auto madrid = IanaZone::Load("Europe/Madrid");
//   auto periods = EnergyPeriods(AccessTariff::k20TD, TariffZone::kPeninsula, **madrid,
//                                start_of_january, 3600, 744);   // one period per hour
//   (*periods)[10] == 1;   // 2025-01-01 is a holiday: P3 all day; ...
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/tariff.h"
#include "core/time.h"

namespace reparto {

// A local wall-clock time as the period tables read it.
struct LocalTime {
  CivilDate day;
  int minute_of_day = 0;  // 0..1439
  bool summer = false;    // daylight saving in force (Portugal's summer); Spanish tables ignore it
};

// True for the Spanish national tariff holidays: the fixed-date, non-substitutable ones only
// (1 Jan, 6 Jan from 2022, 1 May, 15 Aug, 12 Oct, 1 Nov, 6 Dec, 8 Dec, 25 Dec). Never Good Friday,
// never a regional holiday.
bool IsSpanishTariffHoliday(CivilDate day);

// Ok when `tariff` exists in `zone` (Spanish tariffs in the Spanish zones, Portuguese cycles in
// kPortugal); otherwise an error naming both.
Status CheckTariffZone(AccessTariff tariff, TariffZone zone);

// The energy or power period (1-based) at a local time. Errors: a tariff/zone combination that
// does not exist, a minute outside 0..1439, an invalid date.
Result<int> EnergyPeriodAt(AccessTariff tariff, TariffZone zone, const LocalTime& time);
Result<int> PowerPeriodAt(AccessTariff tariff, TariffZone zone, const LocalTime& time);

// The IANA zone a tariff zone implies by default: "Atlantic/Canary" for the Canary Islands,
// "Europe/Lisbon" for Portugal, "Europe/Madrid" otherwise.
std::string_view DefaultTimeZoneName(TariffZone zone);

// One period per interval [first + k·step_seconds, first + (k+1)·step_seconds), k = 0..n-1, taken
// at each interval's local start time in `zone`. Portugal's summer is "the zone's UTC offset is
// larger than on 1 January of that year". Calls zone.OffsetAt about twice per day of the range
// (plus a few times around each offset change); assumes the offset does not change and change
// back within one day. Errors: unknown combination, step_seconds <= 0, n < 0, zone errors.
Result<std::vector<std::uint8_t>> EnergyPeriods(AccessTariff tariff, TariffZone zone,
                                                const TimeZone& time_zone, UtcSeconds first,
                                                int step_seconds, int n);
Result<std::vector<std::uint8_t>> PowerPeriods(AccessTariff tariff, TariffZone zone,
                                               const TimeZone& time_zone, UtcSeconds first,
                                               int step_seconds, int n);

}  // namespace reparto
