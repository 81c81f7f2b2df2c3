// The tariff period tables (spec/tariffs.md §1-2) in the form the period engine reads: one table
// per (tariff, zone, energy or power), each a season per month (or by daylight saving) and, per
// season and day type, a row of 96 quarter-hour slots holding 1-based period numbers.
//
// The data itself is written as readable digit strings in core/tariff_period_tables.cc and turned
// into these arrays at compile time (a malformed row does not compile). Units: local wall-clock
// quarter-hours (slot k covers local minutes [15k, 15k + 15)); periods 1..6.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "core/tariff.h"

namespace reparto::internal {

// How a table picks its season.
enum class SeasonRule : std::uint8_t {
  kOne,               // one season all year
  kByMonth,           // `season_of_month[month - 1]` (Spain: high, medium-high, medium, low)
  kByDaylightSaving,  // 0 = winter, 1 = summer: the zone's UTC offset is larger than on 1 Jan
};

// How a table picks its day type.
enum class DayRule : std::uint8_t {
  kEveryDay,           // one day type
  kSpanishWorkingDay,  // 0 = Monday-Friday working day, 1 = Saturday, Sunday or tariff holiday
  kWeekly,             // 0 = Monday-Friday, 1 = Saturday, 2 = Sunday (no holidays)
};

inline constexpr int kSlotsPerDay = 96;
inline constexpr int kMaxSeasons = 4;
inline constexpr int kMaxDayTypes = 3;

// Bit of a tariff in PeriodTable::tariffs.
constexpr unsigned TariffBit(AccessTariff tariff) { return 1u << static_cast<unsigned>(tariff); }

using SlotRow = std::array<std::uint8_t, kSlotsPerDay>;

struct PeriodTable {
  unsigned tariffs = 0;  // TariffBit()s of the tariffs it applies to
  TariffZone zone = TariffZone::kPeninsula;
  bool energy = false;  // applies to energy periods
  bool power = false;   // applies to power periods
  SeasonRule season_rule = SeasonRule::kOne;
  DayRule day_rule = DayRule::kEveryDay;
  std::array<std::uint8_t, 12> season_of_month{};  // kByMonth: season index of Jan..Dec
  std::array<std::array<SlotRow, kMaxDayTypes>, kMaxSeasons> slots{};  // [season][day type]
};

// Every table, in no particular order; each (tariff, zone, energy/power) appears at most once.
std::span<const PeriodTable> PeriodTables();

}  // namespace reparto::internal
