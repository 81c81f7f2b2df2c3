// The tariff period engine (tariff_periods.h): looks up the table of a tariff and zone, picks the
// season and day type of a local day and reads the quarter-hour slot. No tariff rule lives here;
// the rules are the data in tariff_period_tables.cc.
#include "core/tariff_periods.h"

#include <algorithm>
#include <limits>
#include <string>

#include "core/internal/tariff_period_tables.h"

namespace reparto {
namespace {

using internal::PeriodTable;
using internal::SlotRow;

constexpr int kSecondsPerDay = 86400;
constexpr int kSecondsPerSlot = kSecondsPerDay / internal::kSlotsPerDay;

bool IsPortuguese(AccessTariff tariff) {
  return tariff == AccessTariff::kPortugalSimple || tariff == AccessTariff::kPortugalDaily ||
         tariff == AccessTariff::kPortugalWeekly;
}

Result<const PeriodTable*> TableFor(AccessTariff tariff, TariffZone zone, bool power) {
  REPARTO_RETURN_IF_ERROR(CheckTariffZone(tariff, zone));
  for (const PeriodTable& table : internal::PeriodTables()) {
    if ((table.tariffs & internal::TariffBit(tariff)) != 0 && table.zone == zone &&
        (power ? table.power : table.energy)) {
      return &table;
    }
  }
  return Status::Error(std::string("no ") + (power ? "power" : "energy") +
                       " period table for tariff " + std::string(AccessTariffName(tariff)) +
                       " in zone " + std::string(TariffZoneName(zone)));
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// 0 = Monday .. 6 = Sunday, from days since 1970-01-01 (a Thursday).
int Weekday(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

const SlotRow& RowFor(const PeriodTable& table, CivilDate day, std::int64_t days, bool summer) {
  int season = 0;
  switch (table.season_rule) {
    case internal::SeasonRule::kOne:
      break;
    case internal::SeasonRule::kByMonth:
      season = table.season_of_month[static_cast<std::size_t>(day.month - 1)];
      break;
    case internal::SeasonRule::kByDaylightSaving:
      season = summer ? 1 : 0;
      break;
  }
  int day_type = 0;
  const int weekday = Weekday(days);
  switch (table.day_rule) {
    case internal::DayRule::kEveryDay:
      break;
    case internal::DayRule::kSpanishWorkingDay:
      day_type = (weekday >= 5 || IsSpanishTariffHoliday(day)) ? 1 : 0;
      break;
    case internal::DayRule::kWeekly:
      day_type = weekday < 5 ? 0 : weekday - 4;
      break;
  }
  return table.slots[static_cast<std::size_t>(season)][static_cast<std::size_t>(day_type)];
}

Result<int> PeriodAt(AccessTariff tariff, TariffZone zone, const LocalTime& time, bool power) {
  auto table = TableFor(tariff, zone, power);
  if (!table.ok()) return table.status();
  if (!IsValidCivilDate(time.day)) return Status::Error("invalid date " + FormatDate(time.day));
  if (time.minute_of_day < 0 || time.minute_of_day >= 24 * 60) {
    return Status::Error("minute of the day " + std::to_string(time.minute_of_day) +
                         " is outside 0..1439");
  }
  const SlotRow& row = RowFor(**table, time.day, DaysFromCivil(time.day), time.summer);
  return static_cast<int>(row[static_cast<std::size_t>(time.minute_of_day / 15)]);
}

// Fills the periods of intervals [first + k·step, ...) for k in [begin, end), all of which are at
// UTC offset `offset`.
class PeriodFiller {
 public:
  PeriodFiller(const PeriodTable& table, const TimeZone& zone, UtcSeconds first, int step,
               std::vector<std::uint8_t>& out)
      : table_(table), zone_(zone), first_(first), step_(step), out_(out) {}

  Status Fill(std::int64_t begin, std::int64_t end, int offset) {
    for (std::int64_t k = begin; k < end; ++k) {
      const std::int64_t local = first_ + k * step_ + offset;
      const std::int64_t days = FloorDiv(local, kSecondsPerDay);
      if (days != day_ || offset != offset_ || row_ == nullptr) {
        REPARTO_RETURN_IF_ERROR(SelectRow(days, offset));
      }
      const std::int64_t slot = (local - days * kSecondsPerDay) / kSecondsPerSlot;
      out_[static_cast<std::size_t>(k)] = (*row_)[static_cast<std::size_t>(slot)];
    }
    return Status::Ok();
  }

 private:
  Status SelectRow(std::int64_t days, int offset) {
    const CivilDate day = CivilFromDays(days);
    bool summer = false;
    if (table_.season_rule == internal::SeasonRule::kByDaylightSaving) {
      if (day.year != january_year_) {
        auto january = zone_.OffsetAt(DaysFromCivil({day.year, 1, 1}) * kSecondsPerDay);
        if (!january.ok()) return january.status();
        january_offset_ = *january;
        january_year_ = day.year;
      }
      summer = offset > january_offset_;
    }
    row_ = &RowFor(table_, day, days, summer);
    day_ = days;
    offset_ = offset;
    return Status::Ok();
  }

  const PeriodTable& table_;
  const TimeZone& zone_;
  UtcSeconds first_;
  int step_;
  std::vector<std::uint8_t>& out_;
  const SlotRow* row_ = nullptr;
  std::int64_t day_ = std::numeric_limits<std::int64_t>::min();
  int offset_ = 0;
  int january_year_ = std::numeric_limits<int>::min();
  int january_offset_ = 0;
};

Result<std::vector<std::uint8_t>> Periods(AccessTariff tariff, TariffZone zone,
                                          const TimeZone& time_zone, UtcSeconds first,
                                          int step_seconds, int n, bool power) {
  auto table = TableFor(tariff, zone, power);
  if (!table.ok()) return table.status();
  if (step_seconds <= 0) return Status::Error("interval step must be positive");
  if (n < 0) return Status::Error("interval count must not be negative");
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n));
  PeriodFiller filler(**table, time_zone, first, step_seconds, out);
  const std::int64_t per_chunk = std::max(1, kSecondsPerDay / step_seconds);
  auto offset_of = [&](std::int64_t k) { return time_zone.OffsetAt(first + k * step_seconds); };
  std::int64_t k = 0;
  while (k < n) {
    std::int64_t end = std::min<std::int64_t>(n, k + per_chunk);
    auto offset = offset_of(k);
    if (!offset.ok()) return offset.status();
    auto last = offset_of(end - 1);
    if (!last.ok()) return last.status();
    if (*last != *offset) {
      // An offset change inside the chunk: bisect for the first interval at the new offset.
      std::int64_t same = k;
      std::int64_t changed = end - 1;
      while (changed - same > 1) {
        const std::int64_t mid = same + (changed - same) / 2;
        auto at = offset_of(mid);
        if (!at.ok()) return at.status();
        (*at == *offset ? same : changed) = mid;
      }
      end = changed;
    }
    REPARTO_RETURN_IF_ERROR(filler.Fill(k, end, *offset));
    k = end;
  }
  return out;
}

}  // namespace

bool IsSpanishTariffHoliday(CivilDate day) {
  struct MonthDay {
    int month;
    int day;
    int from_year;
  };
  static constexpr MonthDay kHolidays[] = {
      {1, 1, 0},  {1, 6, 2022}, {5, 1, 0},  {8, 15, 0},  {10, 12, 0},
      {11, 1, 0}, {12, 6, 0},   {12, 8, 0}, {12, 25, 0},
  };
  for (const MonthDay& h : kHolidays) {
    if (day.month == h.month && day.day == h.day && day.year >= h.from_year) return true;
  }
  return false;
}

Status CheckTariffZone(AccessTariff tariff, TariffZone zone) {
  if (IsPortuguese(tariff) == (zone == TariffZone::kPortugal)) return Status::Ok();
  return Status::Error("tariff " + std::string(AccessTariffName(tariff)) +
                       " does not exist in zone " + std::string(TariffZoneName(zone)) +
                       (zone == TariffZone::kPortugal
                            ? " (Portugal's cycles: pt-simple, pt-daily, pt-weekly)"
                            : " (Spanish tariffs: 2.0TD, 3.0TD, 6.1TD)"));
}

Result<int> EnergyPeriodAt(AccessTariff tariff, TariffZone zone, const LocalTime& time) {
  return PeriodAt(tariff, zone, time, /*power=*/false);
}

Result<int> PowerPeriodAt(AccessTariff tariff, TariffZone zone, const LocalTime& time) {
  return PeriodAt(tariff, zone, time, /*power=*/true);
}

std::string_view DefaultTimeZoneName(TariffZone zone) {
  switch (zone) {
    case TariffZone::kCanaryIslands:
      return "Atlantic/Canary";
    case TariffZone::kPortugal:
      return "Europe/Lisbon";
    default:
      return "Europe/Madrid";
  }
}

Result<std::vector<std::uint8_t>> EnergyPeriods(AccessTariff tariff, TariffZone zone,
                                                const TimeZone& time_zone, UtcSeconds first,
                                                int step_seconds, int n) {
  return Periods(tariff, zone, time_zone, first, step_seconds, n, /*power=*/false);
}

Result<std::vector<std::uint8_t>> PowerPeriods(AccessTariff tariff, TariffZone zone,
                                               const TimeZone& time_zone, UtcSeconds first,
                                               int step_seconds, int n) {
  return Periods(tariff, zone, time_zone, first, step_seconds, n, /*power=*/true);
}

}  // namespace reparto
