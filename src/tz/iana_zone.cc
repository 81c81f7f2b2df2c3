// IanaZone over date::tz (see iana_zone.h).
#include "tz/iana_zone.h"

#include <date/tz.h>

#include <chrono>

namespace reparto {
namespace {

const date::time_zone* AsZone(const void* zone) {
  return static_cast<const date::time_zone*>(zone);
}

Status TooLate(std::string_view what) {
  return Status::Error(std::string(what) +
                       " is on or after 2038-03-28, beyond the range where local times are "
                       "computed correctly");
}

}  // namespace

IanaZone::~IanaZone() = default;

Result<std::unique_ptr<IanaZone>> IanaZone::Load(std::string_view name) {
  try {
    const date::time_zone* zone = date::locate_zone(std::string(name));
    return std::unique_ptr<IanaZone>(new IanaZone(std::string(name), zone));
  } catch (const std::exception&) {
    return Status::Error("unknown time zone '" + std::string(name) +
                         "' (expected an IANA name such as Europe/Madrid)");
  }
}

Result<int> IanaZone::OffsetAt(UtcSeconds instant) const {
  if (instant >= kLastSupportedInstant) {
    return TooLate(FormatIsoInstant(instant, 0, true));
  }
  const date::sys_seconds t{std::chrono::seconds{instant}};
  const date::sys_info info = AsZone(zone_)->get_info(t);
  return static_cast<int>(info.offset.count());
}

Result<UtcSeconds> IanaZone::StartOfDay(CivilDate date) const {
  // Local midnight, or the first valid local time if midnight does not exist (no such zone among
  // the supported ones, but handled anyway).
  const std::int64_t local = DaysFromCivil(date) * 86400;
  if (local >= kLastSupportedInstant - 86400) return TooLate("the date " + FormatDate(date));
  const date::local_seconds lt{std::chrono::seconds{local}};
  const date::local_info info = AsZone(zone_)->get_info(lt);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the earlier instant starts the day
      return local - info.first.offset.count();
    case date::local_info::nonexistent:
      return info.second.begin.time_since_epoch().count();
  }
  return local - info.first.offset.count();
}

}  // namespace reparto
