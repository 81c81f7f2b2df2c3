// Time in the engine: UTC instants, civil dates, and the grid of local days.
//
// Inside the engine every instant is UTC (`UtcSeconds`, seconds since 1970-01-01T00:00:00Z) and an
// interval is its UTC start plus the community's step. Local time is needed only at the edges
// (local days, months, file hour numbers, printed offsets); it comes through the `TimeZone`
// interface, implemented by the tz adapter over the IANA database (tests may use a fake).
//
//   const TimeZone& madrid = ...;
//   auto grid = MakeDayGrid(madrid, {2025, 3, 30}, {2025, 3, 31}, 900);
//   grid->days[0].n_intervals == 92;  // the spring-forward day has 23 hours
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace reparto {

using UtcSeconds = std::int64_t;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
std::int64_t DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(std::int64_t days);
CivilDate AddDays(CivilDate date, int days);
// The first day of the month after `date`'s month.
CivilDate FirstDayOfNextMonth(CivilDate date);
bool IsValidCivilDate(CivilDate date);
bool IsLeapYear(int year);
// "2025-03-30".
std::string FormatDate(CivilDate date);
Result<CivilDate> ParseDate(std::string_view text);  // YYYY-MM-DD

// A time zone: offsets from UTC and local midnights. Implementations must be thread-safe.
class TimeZone {
 public:
  virtual ~TimeZone() = default;
  virtual std::string_view name() const = 0;
  // Seconds to add to UTC to get local time at `instant` (+3600 for CET).
  virtual Result<int> OffsetAt(UtcSeconds instant) const = 0;
  // UTC instant at which the local day `date` starts (local 00:00, or the first valid local time).
  virtual Result<UtcSeconds> StartOfDay(CivilDate date) const = 0;
  // UTC instant at which the local day `date` ends: the start of the next day. A zone with a
  // limited range overrides it so that its last supported day can still be closed.
  virtual Result<UtcSeconds> EndOfDay(CivilDate date) const { return StartOfDay(AddDays(date, 1)); }
};

// A zone with one fixed offset and no daylight saving (tests, and "Z" timestamps).
class FixedOffsetZone final : public TimeZone {
 public:
  explicit FixedOffsetZone(int offset_seconds) : offset_(offset_seconds) {}
  std::string_view name() const override { return "fixed"; }
  Result<int> OffsetAt(UtcSeconds) const override { return offset_; }
  Result<UtcSeconds> StartOfDay(CivilDate date) const override {
    return DaysFromCivil(date) * 86400 - offset_;
  }

 private:
  int offset_;
};

// The local civil date at `instant` in `zone`.
Result<CivilDate> LocalDateAt(const TimeZone& zone, UtcSeconds instant);

// One local day of a community: its civil date, the UTC instant it starts, and how many
// settlement intervals it holds (92, 96 or 100 quarter-hours; 23, 24 or 25 hours).
struct LocalDay {
  CivilDate date;
  UtcSeconds utc_start = 0;
  int n_intervals = 0;
  // Index of this day's first interval in the whole grid.
  std::int64_t first_interval = 0;
};

// The settlement grid of a period: consecutive local days, intervals of `step_seconds`.
struct DayGrid {
  int step_seconds = 900;
  std::vector<LocalDay> days;

  std::int64_t interval_count() const {
    return days.empty() ? 0 : days.back().first_interval + days.back().n_intervals;
  }
  UtcSeconds utc_start() const { return days.empty() ? 0 : days.front().utc_start; }
  UtcSeconds utc_end() const {
    return days.empty() ? 0 : utc_start() + interval_count() * step_seconds;
  }
  // Index of the interval starting at `instant`, or -1 if it is outside the grid or not on a
  // step boundary.
  std::int64_t IndexOf(UtcSeconds instant) const;
};

// Builds the grid of local days [first, last_exclusive). `step_seconds` must divide every day's
// length (60, 300, 900, 1800 and 3600 always do).
Result<DayGrid> MakeDayGrid(const TimeZone& zone, CivilDate first, CivilDate last_exclusive,
                            int step_seconds);

// ISO 8601 instant with an offset or Z: "2024-05-26T00:00:00+01:00", "2024-05-26T00:00Z".
Result<UtcSeconds> ParseIsoInstant(std::string_view text);
// "2024-05-26T00:00:00+01:00" for `instant` shown at `offset_seconds` (Z when 0 and `use_z`).
std::string FormatIsoInstant(UtcSeconds instant, int offset_seconds, bool use_z = false);

}  // namespace reparto
