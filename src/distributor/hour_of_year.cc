// Hour-of-year numbering for the Spanish coefficient file (see hour_of_year.h).
#include "distributor/hour_of_year.h"

#include <string>

namespace reparto::distributor {
namespace {

struct YearBounds {
  UtcSeconds start = 0;
  UtcSeconds end = 0;
};

Result<YearBounds> BoundsOf(const TimeZone& zone, int year) {
  auto start = zone.StartOfDay(CivilDate{year, 1, 1});
  if (!start.ok()) return start.status();
  auto end = zone.StartOfDay(CivilDate{year + 1, 1, 1});
  if (!end.ok()) return end.status();
  return YearBounds{*start, *end};
}

}  // namespace

Result<int> HourOfYear(const TimeZone& zone, int year, UtcSeconds hour_start) {
  auto bounds = BoundsOf(zone, year);
  if (!bounds.ok()) return bounds.status();
  if (hour_start < bounds->start || hour_start >= bounds->end) {
    return Status::Error("the instant " + FormatIsoInstant(hour_start, 0, true) +
                         " is outside the year " + std::to_string(year) + " in " +
                         std::string(zone.name()));
  }
  const UtcSeconds elapsed = hour_start - bounds->start;
  if (elapsed % 3600 != 0) {
    return Status::Error("the instant " + FormatIsoInstant(hour_start, 0, true) +
                         " is not at the start of an hour of the year " + std::to_string(year) +
                         " in " + std::string(zone.name()));
  }
  return static_cast<int>(elapsed / 3600) + 1;
}

Result<UtcSeconds> HourStart(const TimeZone& zone, int year, int hour_of_year) {
  auto bounds = BoundsOf(zone, year);
  if (!bounds.ok()) return bounds.status();
  const auto hours = static_cast<int>((bounds->end - bounds->start) / 3600);
  if (hour_of_year < 1 || hour_of_year > hours) {
    return Status::Error("hour " + std::to_string(hour_of_year) + " is outside 1.." +
                         std::to_string(hours) + " for the year " + std::to_string(year));
  }
  return bounds->start + static_cast<UtcSeconds>(hour_of_year - 1) * 3600;
}

int HoursInYear(const TimeZone& zone, int year) {
  auto bounds = BoundsOf(zone, year);
  if (!bounds.ok()) return 0;
  return static_cast<int>((bounds->end - bounds->start) / 3600);
}

}  // namespace reparto::distributor
