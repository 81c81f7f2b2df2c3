// Local time of every interval of a grid, and the Spanish calendar the load profiles follow
// (weekdays, national holidays, school holidays).
//
// Units: hours are local clock hours in [0, 24) at the interval's midpoint (so on the autumn
// change the hour 2 comes twice and on the spring change it is skipped, as people live it);
// weekdays 0 = Monday .. 6 = Sunday; days of year 1..366.
//
//   auto calendar = MakeLocalCalendar(zone, grid);
//   if (!calendar.ok()) return calendar.status();
//   double h = calendar->hour[t];                   // interval t of the grid
//   const CalendarDay& day = calendar->days[d];     // grid day d
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace reparto::synth {

struct CalendarDay {
  int weekday = 0;  // 0 = Monday, 6 = Sunday
  int day_of_year = 1;
  bool holiday = false;         // Spanish national holiday (IsSpanishNationalHoliday)
  bool school_holiday = false;  // IsSchoolHoliday
  // Saturday, Sunday or holiday: homes sleep longer, shops and offices close.
  bool IsRestDay() const { return weekday >= 5 || holiday; }
};

struct LocalCalendar {
  std::vector<double> hour;       // one per grid interval
  std::vector<CalendarDay> days;  // one per grid day
};

// Fails only if the zone cannot answer for an instant of the grid.
[[nodiscard]] Result<LocalCalendar> MakeLocalCalendar(const TimeZone& zone, const DayGrid& grid);

// 0 = Monday .. 6 = Sunday.
[[nodiscard]] int Weekday(CivilDate date);
// Western (Gregorian) Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
[[nodiscard]] CivilDate EasterSunday(int year);
// Spain's national holidays: 1 and 6 January, Good Friday, 1 May, 15 August, 12 October,
// 1 November, 6, 8 and 25 December (no regional ones, no Sunday substitutions).
[[nodiscard]] bool IsSpanishNationalHoliday(CivilDate date);
// A typical Spanish school calendar: 23 December to 7 January, Holy Week (Thursday before Easter
// to the Monday after), and summer from 21 June to 8 September.
[[nodiscard]] bool IsSchoolHoliday(CivilDate date);

}  // namespace reparto::synth
