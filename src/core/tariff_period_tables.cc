// The tariff period tables as data (spec/tariffs.md §1-2, docs/tariffs.md "Tariff periods"): a
// table per tariff and zone, energy and power. A variant is data here, never a branch in code.
//
// How to read a table:
//   months  12 season digits for January..December (Spain: 1 high, 2 medium-high, 3 medium,
//           4 low); Portugal's tables have season 1 = winter, 2 = summer (daylight saving).
//   rows    one row per season and day type. Spanish day types: working day (Monday-Friday), then
//           Saturday/Sunday/national tariff holiday. Portuguese weekly cycle: Monday-Friday,
//           Saturday, Sunday. A row is 24 hour digits or 96 quarter-hour digits (spaces ignored),
//           each the period number (1 = P1) of that local hour or quarter-hour.
// Units: local wall-clock time of the tariff's zone. The strings are checked and expanded to 96
// quarter-hour slots at compile time: a row of the wrong length or a bad digit does not compile.
#include "core/internal/tariff_period_tables.h"

#include <string_view>

namespace reparto::internal {
namespace {

// Calling this during constant evaluation stops the build: the table data is malformed.
void MalformedTariffTableData() {}

struct TableText {
  unsigned tariffs = 0;
  TariffZone zone = TariffZone::kPeninsula;
  bool energy = false;
  bool power = false;
  SeasonRule season_rule = SeasonRule::kOne;
  DayRule day_rule = DayRule::kEveryDay;
  std::string_view months;  // kByMonth only
  std::array<std::array<std::string_view, kMaxDayTypes>, kMaxSeasons> rows{};
};

constexpr SlotRow ParseRow(std::string_view text) {
  SlotRow row{};
  int digits = 0;
  for (char c : text) {
    if (c == ' ') continue;
    if (c < '1' || c > '6') MalformedTariffTableData();
    ++digits;
  }
  if (digits != 24 && digits != kSlotsPerDay) MalformedTariffTableData();
  const int repeat = kSlotsPerDay / digits;
  int slot = 0;
  for (char c : text) {
    if (c == ' ') continue;
    for (int r = 0; r < repeat; ++r) row[static_cast<std::size_t>(slot++)] = std::uint8_t(c - '0');
  }
  return row;
}

constexpr int SeasonCount(const TableText& t) {
  switch (t.season_rule) {
    case SeasonRule::kOne:
      return 1;
    case SeasonRule::kByDaylightSaving:
      return 2;
    case SeasonRule::kByMonth:
      break;
  }
  int seasons = 0;
  for (char c : t.months) {
    if (c != ' ' && c - '0' > seasons) seasons = c - '0';
  }
  return seasons;
}

constexpr int DayTypeCount(DayRule rule) {
  switch (rule) {
    case DayRule::kEveryDay:
      return 1;
    case DayRule::kSpanishWorkingDay:
      return 2;
    case DayRule::kWeekly:
      return 3;
  }
  return 0;
}

constexpr PeriodTable Compile(const TableText& t) {
  PeriodTable table;
  table.tariffs = t.tariffs;
  table.zone = t.zone;
  table.energy = t.energy;
  table.power = t.power;
  table.season_rule = t.season_rule;
  table.day_rule = t.day_rule;
  if (t.season_rule == SeasonRule::kByMonth) {
    int month = 0;
    for (char c : t.months) {
      if (c == ' ') continue;
      if (c < '1' || c > '4' || month >= 12) MalformedTariffTableData();
      table.season_of_month[static_cast<std::size_t>(month++)] = std::uint8_t(c - '1');
    }
    if (month != 12) MalformedTariffTableData();
  }
  const int seasons = SeasonCount(t);
  const int day_types = DayTypeCount(t.day_rule);
  for (int s = 0; s < kMaxSeasons; ++s) {
    for (int d = 0; d < kMaxDayTypes; ++d) {
      const auto si = static_cast<std::size_t>(s);
      const auto di = static_cast<std::size_t>(d);
      const bool needed = s < seasons && d < day_types;
      if (needed != !t.rows[si][di].empty()) MalformedTariffTableData();
      if (needed) table.slots[si][di] = ParseRow(t.rows[si][di]);
    }
  }
  return table;
}

constexpr unsigned k20 = TariffBit(AccessTariff::k20TD);
constexpr unsigned k6Periods = TariffBit(AccessTariff::k30TD) | TariffBit(AccessTariff::k61TD);
constexpr unsigned kPortugal = TariffBit(AccessTariff::kPortugalSimple) |
                               TariffBit(AccessTariff::kPortugalDaily) |
                               TariffBit(AccessTariff::kPortugalWeekly);

// Hour of the day, for reading the 24-digit rows below:
//                      0000 0000 0011 1111 1111 2222
//                      0123 4567 8901 2345 6789 0123
constexpr std::string_view kAllP2 = "2222 2222 2222 2222 2222 2222";
constexpr std::string_view kAllP3 = "3333 3333 3333 3333 3333 3333";
constexpr std::string_view kAllP6 = "6666 6666 6666 6666 6666 6666";

// 2.0TD energy: P1 10-14, 18-22; P2 08-10, 14-18, 22-24; P3 00-08.
constexpr std::string_view k20Working = "3333 3333 2211 1122 2211 1122";
// Ceuta and Melilla, one hour later: P1 11-15, 19-23; P2 08-11, 15-19, 23-24.
constexpr std::string_view k20WorkingCeutaMelilla = "3333 3333 2221 1112 2221 1112";
// 2.0TD power: P1 08-24 on working days, P2 otherwise (every zone).
constexpr std::string_view k20PowerWorking = "2222 2222 1111 1111 1111 1111";

constexpr TableText TwoZeroEnergy(TariffZone zone, std::string_view working) {
  return {.tariffs = k20,
          .zone = zone,
          .energy = true,
          .day_rule = DayRule::kSpanishWorkingDay,
          .rows = {{{working, kAllP3}}}};
}

constexpr TableText TwoZeroPower(TariffZone zone) {
  return {.tariffs = k20,
          .zone = zone,
          .power = true,
          .day_rule = DayRule::kSpanishWorkingDay,
          .rows = {{{k20PowerWorking, kAllP2}}}};
}

// 3.0TD and 6.1TD (energy and power alike): four seasons by month, the peak and shoulder blocks
// take one period per season (high P1/P2, medium-high P2/P3, medium P3/P4, low P4/P5), 00-08 and
// non-working days are P6.
constexpr TableText SixPeriods(TariffZone zone, std::string_view months, std::string_view high,
                               std::string_view medium_high, std::string_view medium,
                               std::string_view low) {
  return {.tariffs = k6Periods,
          .zone = zone,
          .energy = true,
          .power = true,
          .season_rule = SeasonRule::kByMonth,
          .day_rule = DayRule::kSpanishWorkingDay,
          .months = months,
          .rows = {{{high, kAllP6}, {medium_high, kAllP6}, {medium, kAllP6}, {low, kAllP6}}}};
}

constexpr TableText kTexts[] = {
    TwoZeroEnergy(TariffZone::kPeninsula, k20Working),
    TwoZeroEnergy(TariffZone::kBalearics, k20Working),
    TwoZeroEnergy(TariffZone::kCanaryIslands, k20Working),
    TwoZeroEnergy(TariffZone::kCeuta, k20WorkingCeutaMelilla),
    TwoZeroEnergy(TariffZone::kMelilla, k20WorkingCeutaMelilla),
    TwoZeroPower(TariffZone::kPeninsula),
    TwoZeroPower(TariffZone::kBalearics),
    TwoZeroPower(TariffZone::kCanaryIslands),
    TwoZeroPower(TariffZone::kCeuta),
    TwoZeroPower(TariffZone::kMelilla),

    // Peninsula: high Jan, Feb, Jul, Dec; medium-high Mar, Nov; medium Jun, Aug, Sep; low Apr,
    // May, Oct. Peak 09-14, 18-22; shoulder 08-09, 14-18, 22-24.
    //         Jan..Dec       hour:  0000 0000 0011 1111 1111 2222
    //                               0123 4567 8901 2345 6789 0123
    SixPeriods(TariffZone::kPeninsula, "112 443 133 421",  //
               /* high        */ "6666 6666 2111 1122 2211 1122",
               /* medium-high */ "6666 6666 3222 2233 3322 2233",
               /* medium      */ "6666 6666 4333 3344 4433 3344",
               /* low         */ "6666 6666 5444 4455 5544 4455"),
    // Balearics: high Jun-Sep; medium-high May, Oct; medium Jan, Feb, Dec; low Mar, Apr, Nov.
    // Peak 10-15, 18-22; shoulder 08-10, 15-18, 22-24.
    SixPeriods(TariffZone::kBalearics, "334 421 111 243",  //
               /* high        */ "6666 6666 2211 1112 2211 1122",
               /* medium-high */ "6666 6666 3322 2223 3322 2233",
               /* medium      */ "6666 6666 4433 3334 4433 3344",
               /* low         */ "6666 6666 5544 4445 5544 4455"),
    // Canary Islands: high Jul-Oct; medium-high Nov, Dec; medium Jan-Mar; low Apr-Jun. Same hour
    // blocks as the Balearics.
    SixPeriods(TariffZone::kCanaryIslands, "333 444 111 122",  //
               /* high        */ "6666 6666 2211 1112 2211 1122",
               /* medium-high */ "6666 6666 3322 2223 3322 2233",
               /* medium      */ "6666 6666 4433 3334 4433 3344",
               /* low         */ "6666 6666 5544 4445 5544 4455"),
    // Ceuta (OUR READING, see docs/tariffs.md): high Jan, Feb, Aug, Sep; medium-high Jul, Oct;
    // medium Mar, Nov, Dec; low Apr-Jun. Peak 10-15, 19-23; shoulder 08-10, 15-19, 23-24.
    SixPeriods(TariffZone::kCeuta, "113 444 211 233",  //
               /* high        */ "6666 6666 2211 1112 2221 1112",
               /* medium-high */ "6666 6666 3322 2223 3332 2223",
               /* medium      */ "6666 6666 4433 3334 4443 3334",
               /* low         */ "6666 6666 5544 4445 5554 4445"),
    // Melilla (OUR READING, see docs/tariffs.md): high Jan, Jul-Sep; medium-high Feb, Dec;
    // medium Jun, Oct, Nov; low Mar-May. Hour blocks as Ceuta.
    SixPeriods(TariffZone::kMelilla, "124 443 111 332",  //
               /* high        */ "6666 6666 2211 1112 2221 1112",
               /* medium-high */ "6666 6666 3322 2223 3332 2223",
               /* medium      */ "6666 6666 4433 3334 4443 3334",
               /* low         */ "6666 6666 5544 4445 5554 4445"),

    // Portugal, simple: one period all day; power is one value for every Portuguese cycle.
    {.tariffs = TariffBit(AccessTariff::kPortugalSimple),
     .zone = TariffZone::kPortugal,
     .energy = true,
     .rows = {{{"1111 1111 1111 1111 1111 1111"}}}},
    {.tariffs = kPortugal,
     .zone = TariffZone::kPortugal,
     .power = true,
     .rows = {{{"1111 1111 1111 1111 1111 1111"}}}},

    // The 96-digit Portuguese rows have four quarter-hour digits per hour, two lines per row:
    //                          00   01   02   03   04   05   06   07   08   09   10   11
    //                          12   13   14   15   16   17   18   19   20   21   22   23
    // Portugal, daily cycle: 1 peak, 2 mid ("cheias"), 3 valley 22:00-08:00.
    // Winter peak 09:00-10:30, 18:00-20:30; summer peak 10:30-13:00, 19:30-21:00.
    {.tariffs = TariffBit(AccessTariff::kPortugalDaily),
     .zone = TariffZone::kPortugal,
     .energy = true,
     .season_rule = SeasonRule::kByDaylightSaving,
     .rows = {{
         {/* winter */ "3333 3333 3333 3333 3333 3333 3333 3333 2222 1111 1122 2222"
                       "2222 2222 2222 2222 2222 2222 1111 1111 1122 2222 3333 3333"},
         {/* summer */ "3333 3333 3333 3333 3333 3333 3333 3333 2222 2222 2211 1111"
                       "1111 2222 2222 2222 2222 2222 2222 2211 1111 2222 3333 3333"},
     }}},

    // Portugal, weekly cycle. Monday-Friday: valley 00:00-07:00, peak winter 09:30-12:00 and
    // 18:30-21:00, summer 09:15-12:15, mid otherwise. Saturday: mid winter 09:30-13:00 and
    // 18:30-22:00, summer 09:00-14:00 and 20:00-22:00, valley otherwise. Sunday: valley.
    {.tariffs = TariffBit(AccessTariff::kPortugalWeekly),
     .zone = TariffZone::kPortugal,
     .energy = true,
     .season_rule = SeasonRule::kByDaylightSaving,
     .day_rule = DayRule::kWeekly,
     .rows = {{
         {/* winter weekday  */ "3333 3333 3333 3333 3333 3333 3333 2222 2222 2211 1111 1111"
                                "2222 2222 2222 2222 2222 2222 2211 1111 1111 2222 2222 2222",
          /* winter Saturday */
          "3333 3333 3333 3333 3333 3333 3333 3333 3333 3322 2222 2222"
          "2222 3333 3333 3333 3333 3333 3322 2222 2222 2222 3333 3333",
          /* winter Sunday   */ kAllP3},
         {/* summer weekday  */ "3333 3333 3333 3333 3333 3333 3333 2222 2222 2111 1111 1111"
                                "1222 2222 2222 2222 2222 2222 2222 2222 2222 2222 2222 2222",
          /* summer Saturday */
          "3333 3333 3333 3333 3333 3333 3333 3333 3333 2222 2222 2222"
          "2222 2222 3333 3333 3333 3333 3333 3333 2222 2222 3333 3333",
          /* summer Sunday   */ kAllP3},
     }}},
};

constexpr auto CompileAll() {
  std::array<PeriodTable, std::size(kTexts)> tables{};
  for (std::size_t i = 0; i < tables.size(); ++i) tables[i] = Compile(kTexts[i]);
  return tables;
}

constexpr auto kTables = CompileAll();

}  // namespace

std::span<const PeriodTable> PeriodTables() { return kTables; }

}  // namespace reparto::internal
