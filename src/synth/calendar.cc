// Local calendar of a grid and Spanish holidays (see calendar.h).
#include "synth/calendar.h"

namespace reparto::synth {

int Weekday(CivilDate date) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const std::int64_t days = DaysFromCivil(date);
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

CivilDate EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDate{year, month, day};
}

bool IsSpanishNationalHoliday(CivilDate date) {
  struct MonthDay {
    int month, day;
  };
  constexpr MonthDay kFixed[] = {{1, 1},  {1, 6},  {5, 1},  {8, 15}, {10, 12},
                                 {11, 1}, {12, 6}, {12, 8}, {12, 25}};
  for (const MonthDay& md : kFixed) {
    if (date.month == md.month && date.day == md.day) return true;
  }
  return date == AddDays(EasterSunday(date.year), -2);
}

bool IsSchoolHoliday(CivilDate date) {
  const int md = date.month * 100 + date.day;
  if (md >= 1223 || md <= 107) return true;
  if (md >= 621 && md <= 908) return true;
  const std::int64_t easter = DaysFromCivil(EasterSunday(date.year));
  const std::int64_t days = DaysFromCivil(date);
  return days >= easter - 3 && days <= easter + 1;
}

Result<LocalCalendar> MakeLocalCalendar(const TimeZone& zone, const DayGrid& grid) {
  LocalCalendar calendar;
  calendar.hour.reserve(static_cast<std::size_t>(grid.interval_count()));
  calendar.days.reserve(grid.days.size());
  const int half_step = grid.step_seconds / 2;
  for (const LocalDay& day : grid.days) {
    CalendarDay info;
    info.weekday = Weekday(day.date);
    info.day_of_year =
        static_cast<int>(DaysFromCivil(day.date) - DaysFromCivil({day.date.year, 1, 1})) + 1;
    info.holiday = IsSpanishNationalHoliday(day.date);
    info.school_holiday = IsSchoolHoliday(day.date);
    calendar.days.push_back(info);
    // Offsets change at most once a day: ask at both ends and per interval only when they differ.
    const UtcSeconds day_end =
        day.utc_start + static_cast<UtcSeconds>(day.n_intervals) * grid.step_seconds;
    auto first = zone.OffsetAt(day.utc_start);
    if (!first.ok()) return first.status();
    auto last = zone.OffsetAt(day_end - 1);
    if (!last.ok()) return last.status();
    for (int i = 0; i < day.n_intervals; ++i) {
      const UtcSeconds mid =
          day.utc_start + static_cast<UtcSeconds>(i) * grid.step_seconds + half_step;
      int offset = *first;
      if (*last != *first) {
        auto at = zone.OffsetAt(mid);
        if (!at.ok()) return at.status();
        offset = *at;
      }
      const UtcSeconds local = mid + offset;
      const UtcSeconds second_of_day = ((local % 86400) + 86400) % 86400;
      calendar.hour.push_back(static_cast<double>(second_of_day) / 3600);
    }
  }
  return calendar;
}

}  // namespace reparto::synth
