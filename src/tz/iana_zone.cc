// IanaZone over date::tz (see iana_zone.h): offsets in seconds east of UTC, instants in UtcSeconds.
#include "tz/iana_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>

namespace reparto {
namespace {

// 2037-01-01T00:00:00Z: the compiled zone files list explicit transitions up to the end of 2037.
constexpr UtcSeconds kTableLastYearStart = 2114380800;
constexpr UtcSeconds kDay = 86400;
// A daylight-saving rule ("last Sunday of March", "second Sunday of March", a fixed date) brings
// its change back at least 52 weeks after the previous year's.
constexpr UtcSeconds kMinYearGap = 364 * kDay;

const date::time_zone* AsZone(const void* zone) {
  return static_cast<const date::time_zone*>(zone);
}

date::sys_info InfoAt(const date::time_zone* zone, UtcSeconds instant) {
  return zone->get_info(date::sys_seconds{std::chrono::seconds{instant}});
}

UtcSeconds Seconds(date::sys_seconds t) { return t.time_since_epoch().count(); }

// The first instant at which the library's answers for `zone` may be wrong: 52 weeks after the
// earliest transition the table lists in its last year (the same change one year on is the first
// one the table does not list), and never later than kLastSupportedInstant.
UtcSeconds SupportedUntil(const date::time_zone* zone) {
  UtcSeconds earliest_last_year = -1;
  date::sys_info info = InfoAt(zone, kLastSupportedInstant - 1);
  while (Seconds(info.begin) >= kTableLastYearStart) {
    earliest_last_year = Seconds(info.begin);
    info = InfoAt(zone, earliest_last_year - 1);
  }
  if (earliest_last_year < 0) return kLastSupportedInstant;  // no change any more: a fixed offset
  return std::min(kLastSupportedInstant, earliest_last_year + kMinYearGap);
}

}  // namespace

IanaZone::~IanaZone() = default;

Result<std::unique_ptr<IanaZone>> IanaZone::Load(std::string_view name) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(std::string(name));
  } catch (const std::exception& e) {
    return Status::Error("unknown time zone '" + std::string(name) +
                         "' (expected an IANA name such as Europe/Madrid): " + e.what());
  }
  return std::unique_ptr<IanaZone>(new IanaZone(std::string(name), zone, SupportedUntil(zone)));
}

Result<int> IanaZone::OffsetAt(UtcSeconds instant) const {
  if (instant >= supported_until_) {
    return Status::Error("the instant " + FormatIsoInstant(instant, 0, true) +
                         " is beyond the range of time zone " + name_ + ", which ends at " +
                         FormatIsoInstant(supported_until_, 0, true) +
                         " (the zone tables stop in 2037; later offsets would be wrong)");
  }
  return static_cast<int>(InfoAt(AsZone(zone_), instant).offset.count());
}

UtcSeconds IanaZone::LocalMidnight(CivilDate date) const {
  const std::int64_t local = DaysFromCivil(date) * kDay;
  const date::local_info info =
      AsZone(zone_)->get_info(date::local_seconds{std::chrono::seconds{local}});
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the earlier of the two instants starts the day
      return local - info.first.offset.count();
    case date::local_info::nonexistent:  // the day starts when the clocks jump
      return Seconds(info.second.begin);
  }
  return local - info.first.offset.count();
}

Result<UtcSeconds> IanaZone::CheckedEnd(CivilDate date) const {
  if (!IsValidCivilDate(date)) {
    return Status::Error("the date " + FormatDate(date) + " does not exist");
  }
  const CivilDate next = AddDays(date, 1);
  // Local midnight is within a day of the same UTC midnight: dates far beyond the range are
  // refused before asking the library.
  const UtcSeconds end = DaysFromCivil(next) * kDay > supported_until_ + kDay ? supported_until_ + 1
                                                                              : LocalMidnight(next);
  if (end > supported_until_) {
    return Status::Error("the local day " + FormatDate(date) + " in " + name_ +
                         " is beyond the range of the time zone tables, which ends at " +
                         FormatIsoInstant(supported_until_, 0, true) +
                         " (the last supported day ends by then; the zone tables stop in 2037 "
                         "and later offsets would be wrong)");
  }
  return end;
}

Result<UtcSeconds> IanaZone::StartOfDay(CivilDate date) const {
  auto end = CheckedEnd(date);
  if (!end.ok()) return end.status();
  return LocalMidnight(date);
}

Result<UtcSeconds> IanaZone::EndOfDay(CivilDate date) const { return CheckedEnd(date); }

}  // namespace reparto
