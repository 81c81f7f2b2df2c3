// Civil-date arithmetic, the local-day grid and ISO 8601 instants (see time.h).
#include "core/time.h"

#include <cstdio>

namespace reparto {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int64_t DaysFromCivil(CivilDate date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t m = date.month;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate FirstDayOfNextMonth(CivilDate date) {
  return date.month == 12 ? CivilDate{date.year + 1, 1, 1}
                          : CivilDate{date.year, date.month + 1, 1};
}

CivilDate AddDays(CivilDate date, int days) { return CivilFromDays(DaysFromCivil(date) + days); }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsValidCivilDate(CivilDate date) {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int limit = kDays[date.month - 1] + (date.month == 2 && IsLeapYear(date.year) ? 1 : 0);
  return date.day <= limit;
}

std::string FormatDate(CivilDate date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

namespace {

// Reads exactly `width` digits at `pos`; returns -1 when they are not all digits.
int ReadDigits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

Result<CivilDate> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return Status::Error("expected a date as YYYY-MM-DD, got '" + std::string(text) + "'");
  }
  CivilDate date{ReadDigits(text, 0, 4), ReadDigits(text, 5, 2), ReadDigits(text, 8, 2)};
  if (date.year < 0 || !IsValidCivilDate(date)) {
    std::string message(1, '\'');  // not "'" + std::string: GCC 12 -Wrestrict false positive
    message.append(text).append("' is not a valid date");
    return Status::Error(message);
  }
  return date;
}

Result<CivilDate> LocalDateAt(const TimeZone& zone, UtcSeconds instant) {
  auto offset = zone.OffsetAt(instant);
  if (!offset.ok()) return offset.status();
  const std::int64_t local = instant + *offset;
  return CivilFromDays(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

std::int64_t DayGrid::IndexOf(UtcSeconds instant) const {
  if (days.empty() || instant < utc_start() || instant >= utc_end()) return -1;
  const std::int64_t offset = instant - utc_start();
  if (offset % step_seconds != 0) return -1;
  return offset / step_seconds;
}

Result<DayGrid> MakeDayGrid(const TimeZone& zone, CivilDate first, CivilDate last_exclusive,
                            int step_seconds) {
  if (step_seconds <= 0 || 86400 % step_seconds != 0) {
    return Status::Error("a step of " + std::to_string(step_seconds) +
                         " s does not divide a day of 86400 s (use 60, 300, 900, 1800 or 3600)");
  }
  for (const CivilDate& date : {first, last_exclusive}) {
    if (!IsValidCivilDate(date)) {
      return Status::Error("the date " + FormatDate(date) + " does not exist");
    }
  }
  if (!(first < last_exclusive)) {
    return Status::Error("empty period: from " + FormatDate(first) + " to " +
                         FormatDate(last_exclusive) + " (the end is exclusive)");
  }
  DayGrid grid;
  grid.step_seconds = step_seconds;
  grid.days.reserve(static_cast<std::size_t>(DaysFromCivil(last_exclusive) - DaysFromCivil(first)));
  auto start = zone.StartOfDay(first);
  if (!start.ok()) return start.status();
  std::int64_t next_index = 0;
  for (CivilDate date = first; date < last_exclusive; date = AddDays(date, 1)) {
    auto end = zone.EndOfDay(date);
    if (!end.ok()) return end.status();
    const std::int64_t length = *end - *start;
    if (length <= 0 || length % step_seconds != 0) {
      return Status::Error("the local day " + FormatDate(date) + " in " + std::string(zone.name()) +
                           " lasts " + std::to_string(length) + " s, not a whole number of " +
                           std::to_string(step_seconds) + " s steps");
    }
    LocalDay day;
    day.date = date;
    day.utc_start = *start;
    day.n_intervals = static_cast<int>(length / step_seconds);
    day.first_interval = next_index;
    next_index += day.n_intervals;
    grid.days.push_back(day);
    start = end;
  }
  return grid;
}

Result<UtcSeconds> ParseIsoInstant(std::string_view text) {
  auto fail = [&](const std::string& what) {
    return Status::Error("instant '" + std::string(text) + "': " + what +
                         " (expected ISO 8601 like 2024-05-26T00:00:00+01:00 or "
                         "2024-05-25T23:00:00Z)");
  };
  if (text.size() < 16) return fail("too short");
  auto date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return fail(date.status().message());
  if (text[10] != 'T' && text[10] != ' ') return fail("expected 'T' after the date");
  const int hour = ReadDigits(text, 11, 2);
  const int minute = ReadDigits(text, 14, 2);
  if (hour < 0 || minute < 0 || text[13] != ':') return fail("the time is not hh:mm");
  std::size_t pos = 16;
  int second = 0;
  if (pos < text.size() && text[pos] == ':') {
    second = ReadDigits(text, pos + 1, 2);
    if (second < 0) return fail("the seconds are not two digits");
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      // A fraction of a second is accepted only when it is zero: intervals start on whole seconds.
      std::size_t end = pos + 1;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
        if (text[end] != '0') return fail("fractions of a second are not supported");
        ++end;
      }
      if (end == pos + 1) return fail("expected digits after the decimal point");
      pos = end;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return fail("the time is out of range");
  int offset = 0;
  if (pos >= text.size()) return fail("missing UTC offset (Z or +hh:mm)");
  if (text[pos] == 'Z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '-' ? -1 : 1;
    const int oh = ReadDigits(text, pos + 1, 2);
    int om = 0;
    pos += 3;
    if (pos < text.size()) {  // +hh:mm or +hhmm; a bare +hh has no minutes
      if (text[pos] == ':') ++pos;
      om = ReadDigits(text, pos, 2);
      pos += 2;
    }
    if (oh < 0 || om < 0 || oh > 18 || om > 59) return fail("bad UTC offset");
    offset = sign * (oh * 3600 + om * 60);
  } else {
    return fail("missing UTC offset (Z or +hh:mm)");
  }
  if (pos != text.size()) return fail("unexpected characters after the UTC offset");
  return DaysFromCivil(*date) * 86400 + hour * 3600 + minute * 60 + second - offset;
}

std::string FormatIsoInstant(UtcSeconds instant, int offset_seconds, bool use_z) {
  const UtcSeconds local = instant + offset_seconds;
  std::int64_t days = local / 86400;
  std::int64_t seconds = local % 86400;
  if (seconds < 0) {
    seconds += 86400;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  char buffer[40];
  const int h = static_cast<int>(seconds / 3600);
  const int m = static_cast<int>(seconds % 3600 / 60);
  const int s = static_cast<int>(seconds % 60);
  if (offset_seconds == 0 && use_z) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, h, m, s);
  } else {
    const int abs_offset = offset_seconds < 0 ? -offset_seconds : offset_seconds;
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", date.year,
                  date.month, date.day, h, m, s, offset_seconds < 0 ? '-' : '+', abs_offset / 3600,
                  abs_offset % 3600 / 60);
  }
  return buffer;
}

}  // namespace reparto
