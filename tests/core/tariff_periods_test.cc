// Tests of the tariff period engine (core/tariff_periods.h) against the tables of spec/tariffs.md
// §1-2, worked by hand: 2.0TD hour by hour, weekends and every tariff holiday (never Good Friday;
// 6 January only from 2022), Ceuta's one-hour shift, 3.0TD/6.1TD seasons in the Peninsula, the
// Balearics and the Canary Islands, Portugal's daily and weekly cycles at their quarter-hour
// boundaries, a month's period counts, and days of 23 and 25 hours through fake zones.
// Units: periods 1-based; local minutes of the day; instants UtcSeconds; steps seconds.
#include "core/tariff_periods.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <string>

namespace reparto {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kDay = 86400;
constexpr AccessTariff k20 = AccessTariff::k20TD;
constexpr AccessTariff k30 = AccessTariff::k30TD;
constexpr AccessTariff k61 = AccessTariff::k61TD;
constexpr AccessTariff kPtDaily = AccessTariff::kPortugalDaily;
constexpr AccessTariff kPtWeekly = AccessTariff::kPortugalWeekly;
constexpr TariffZone kPeninsula = TariffZone::kPeninsula;
constexpr TariffZone kPortugal = TariffZone::kPortugal;

int Energy(AccessTariff tariff, TariffZone zone, CivilDate day, int hour, int minute = 0,
           bool summer = false) {
  auto period = EnergyPeriodAt(tariff, zone, {day, hour * 60 + minute, summer});
  EXPECT_TRUE(period.ok()) << period.status().message();
  return period.ok() ? *period : -1;
}

int Power(AccessTariff tariff, TariffZone zone, CivilDate day, int hour) {
  auto period = PowerPeriodAt(tariff, zone, {day, hour * 60, false});
  EXPECT_TRUE(period.ok()) << period.status().message();
  return period.ok() ? *period : -1;
}

// The 24 hourly energy periods of a local day as digits, "333333332211...".
std::string Day(AccessTariff tariff, TariffZone zone, CivilDate day, bool summer = false) {
  std::string digits;
  for (int hour = 0; hour < 24; ++hour) {
    digits += static_cast<char>('0' + Energy(tariff, zone, day, hour, 0, summer));
  }
  return digits;
}

// The 96 quarter-hour energy periods of a local day as digits.
std::string Quarters(AccessTariff tariff, CivilDate day, bool summer) {
  std::string digits;
  for (int q = 0; q < 96; ++q) {
    digits += static_cast<char>('0' + Energy(tariff, kPortugal, day, q / 4, q % 4 * 15, summer));
  }
  return digits;
}

// --- Holidays -------------------------------------------------------------------------------

TEST(TariffHolidays, FixedDateNationalHolidaysOnly) {
  for (CivilDate day : {CivilDate{2025, 1, 1}, CivilDate{2025, 1, 6}, CivilDate{2025, 5, 1},
                        CivilDate{2025, 8, 15}, CivilDate{2025, 10, 12}, CivilDate{2025, 11, 1},
                        CivilDate{2025, 12, 6}, CivilDate{2025, 12, 8}, CivilDate{2025, 12, 25}}) {
    EXPECT_TRUE(IsSpanishTariffHoliday(day)) << FormatDate(day);
  }
  EXPECT_FALSE(IsSpanishTariffHoliday({2025, 4, 18}));   // Good Friday 2025
  EXPECT_FALSE(IsSpanishTariffHoliday({2024, 3, 29}));   // Good Friday 2024
  EXPECT_FALSE(IsSpanishTariffHoliday({2025, 4, 17}));   // Maundy Thursday (regional)
  EXPECT_FALSE(IsSpanishTariffHoliday({2025, 3, 19}));   // San José (regional)
  EXPECT_FALSE(IsSpanishTariffHoliday({2025, 12, 24}));  // Christmas Eve
  EXPECT_FALSE(IsSpanishTariffHoliday({2025, 1, 7}));    // a substituted day is not one
  EXPECT_FALSE(IsSpanishTariffHoliday({2021, 1, 6}));    // 6 January only from 2022
  EXPECT_TRUE(IsSpanishTariffHoliday({2022, 1, 6}));
}

// --- 2.0TD ----------------------------------------------------------------------------------

// Wednesday 8 January 2025, a working day: P3 00-08, P2 08-10, P1 10-14, P2 14-18, P1 18-22,
// P2 22-24.
TEST(TwoZeroTd, WorkingDayHourByHour) {
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 1, 8}), "333333332211112222111122");
  EXPECT_EQ(Day(k20, TariffZone::kBalearics, {2025, 1, 8}), "333333332211112222111122");
  EXPECT_EQ(Day(k20, TariffZone::kCanaryIslands, {2025, 1, 8}), "333333332211112222111122");
  // Quarter-hours read their hour: 09:45 is P2, 10:00 P1, 13:45 P1, 14:00 P2.
  EXPECT_EQ(Energy(k20, kPeninsula, {2025, 1, 8}, 9, 45), 2);
  EXPECT_EQ(Energy(k20, kPeninsula, {2025, 1, 8}, 10, 0), 1);
  EXPECT_EQ(Energy(k20, kPeninsula, {2025, 1, 8}, 13, 45), 1);
  EXPECT_EQ(Energy(k20, kPeninsula, {2025, 1, 8}, 14, 0), 2);
}

TEST(TwoZeroTd, WeekendsAreValleyAllDay) {
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 1, 11}), std::string(24, '3'));        // Saturday
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 1, 12}), std::string(24, '3'));        // Sunday
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 1, 10}), "333333332211112222111122");  // Friday
}

TEST(TwoZeroTd, EveryTariffHolidayIsValleyAllDay) {
  // 2025's holidays; 1 Jan (Wed), 6 Jan (Mon), 1 May (Thu), 15 Aug (Fri), 8 Dec (Mon) and 25 Dec
  // (Thu) fall on weekdays. Every one of them is P3 at every hour.
  for (CivilDate day : {CivilDate{2025, 1, 1}, CivilDate{2025, 1, 6}, CivilDate{2025, 5, 1},
                        CivilDate{2025, 8, 15}, CivilDate{2025, 10, 12}, CivilDate{2025, 11, 1},
                        CivilDate{2025, 12, 6}, CivilDate{2025, 12, 8}, CivilDate{2025, 12, 25}}) {
    EXPECT_EQ(Day(k20, kPeninsula, day), std::string(24, '3')) << FormatDate(day);
    EXPECT_EQ(Power(k20, kPeninsula, day, 12), 2) << FormatDate(day);
  }
  // The day after Christmas is a working day again.
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 12, 26}), "333333332211112222111122");
}

TEST(TwoZeroTd, GoodFridayIsAWorkingDay) {
  // Friday 18 April 2025: P1 10-14 and 18-22 like any working day.
  EXPECT_EQ(Day(k20, kPeninsula, {2025, 4, 18}), "333333332211112222111122");
  EXPECT_EQ(Energy(k20, kPeninsula, {2025, 4, 18}, 11), 1);
  EXPECT_EQ(Energy(k30, kPeninsula, {2025, 4, 18}, 11), 4);  // April is low season: P4 at peak
}

TEST(TwoZeroTd, SixthOfJanuaryFrom2022) {
  // Wednesday 6 January 2021: a working day. Thursday 6 January 2022: P3 all day.
  EXPECT_EQ(Day(k20, kPeninsula, {2021, 1, 6}), "333333332211112222111122");
  EXPECT_EQ(Day(k20, kPeninsula, {2022, 1, 6}), std::string(24, '3'));
}

TEST(TwoZeroTd, CeutaAndMelillaOneHourLater) {
  // P1 11-15, 19-23; P2 08-11, 15-19, 23-24; P3 00-08.
  EXPECT_EQ(Day(k20, TariffZone::kCeuta, {2025, 1, 8}), "333333332221111222211112");
  EXPECT_EQ(Day(k20, TariffZone::kMelilla, {2025, 1, 8}), "333333332221111222211112");
  EXPECT_EQ(Day(k20, TariffZone::kCeuta, {2025, 1, 11}), std::string(24, '3'));
  EXPECT_EQ(Energy(k20, TariffZone::kCeuta, {2025, 1, 8}, 10), 2);  // Peninsula: P1
  EXPECT_EQ(Energy(k20, TariffZone::kCeuta, {2025, 1, 8}, 14), 1);  // Peninsula: P2
}

TEST(TwoZeroTd, PowerPeriods) {
  // P1 08-24 on working days, P2 otherwise; the same in every Spanish zone.
  for (TariffZone zone : {kPeninsula, TariffZone::kBalearics, TariffZone::kCanaryIslands,
                          TariffZone::kCeuta, TariffZone::kMelilla}) {
    EXPECT_EQ(Power(k20, zone, {2025, 1, 8}, 7), 2);
    EXPECT_EQ(Power(k20, zone, {2025, 1, 8}, 8), 1);
    EXPECT_EQ(Power(k20, zone, {2025, 1, 8}, 23), 1);
    EXPECT_EQ(Power(k20, zone, {2025, 1, 11}, 12), 2);  // Saturday
  }
}

// --- 3.0TD / 6.1TD --------------------------------------------------------------------------

// Peninsula: peak 09-14, 18-22; shoulder 08-09, 14-18, 22-24; valley 00-08 (P6).
TEST(SixPeriodTariffs, PeninsulaEachSeason) {
  // High (January): P1 at peak, P2 at shoulder.
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 1, 8}), "666666662111112222111122");
  // Medium-high (March): P2 / P3.
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 3, 5}), "666666663222223333222233");
  // Medium (June): P3 / P4.
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 6, 4}), "666666664333334444333344");
  // Low (April): P4 / P5.
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 4, 9}), "666666665444445555444455");
  // Every month's season: Jan H, Feb H, Mar MH, Apr L, May L, Jun M, Jul H, Aug M, Sep M, Oct L,
  // Nov MH, Dec H: the period at 10:00 of a working day (a Wednesday) of each month.
  const std::array<CivilDate, 12> working = {{{2025, 1, 8},
                                              {2025, 2, 5},
                                              {2025, 3, 5},
                                              {2025, 4, 9},
                                              {2025, 5, 7},
                                              {2025, 6, 4},
                                              {2025, 7, 2},
                                              {2025, 8, 6},
                                              {2025, 9, 3},
                                              {2025, 10, 8},
                                              {2025, 11, 5},
                                              {2025, 12, 3}}};
  std::string peaks;
  for (CivilDate day : working) peaks += static_cast<char>('0' + Energy(k30, kPeninsula, day, 10));
  EXPECT_EQ(peaks, "112443133421");
  // Weekends and holidays: P6 all day.
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 1, 11}), std::string(24, '6'));
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 1, 6}), std::string(24, '6'));
  EXPECT_EQ(Day(k30, kPeninsula, {2025, 4, 18}), "666666665444445555444455");  // Good Friday
}

TEST(SixPeriodTariffs, SixOneTdAndPowerFollowTheSameMatrix) {
  for (CivilDate day : {CivilDate{2025, 1, 8}, CivilDate{2025, 3, 5}, CivilDate{2025, 6, 4},
                        CivilDate{2025, 4, 9}, CivilDate{2025, 1, 11}}) {
    EXPECT_EQ(Day(k61, kPeninsula, day), Day(k30, kPeninsula, day)) << FormatDate(day);
    for (int hour = 0; hour < 24; ++hour) {
      EXPECT_EQ(Power(k30, kPeninsula, day, hour), Energy(k30, kPeninsula, day, hour));
      EXPECT_EQ(Power(k61, kPeninsula, day, hour), Energy(k30, kPeninsula, day, hour));
    }
  }
}

// Balearics: high Jun-Sep, medium-high May/Oct, medium Jan/Feb/Dec, low Mar/Apr/Nov; peak 10-15
// and 18-22, shoulder 08-10, 15-18, 22-24.
TEST(SixPeriodTariffs, Balearics) {
  const TariffZone zone = TariffZone::kBalearics;
  EXPECT_EQ(Day(k30, zone, {2025, 7, 2}), "666666662211111222111122");   // high
  EXPECT_EQ(Day(k30, zone, {2025, 5, 7}), "666666663322222333222233");   // medium-high
  EXPECT_EQ(Day(k30, zone, {2025, 1, 8}), "666666664433333444333344");   // medium
  EXPECT_EQ(Day(k30, zone, {2025, 11, 5}), "666666665544444555444455");  // low
  // 09:00 in July: P2 here, P1 in the Peninsula; 14:00: P1 here, P2 in the Peninsula.
  EXPECT_EQ(Energy(k30, zone, {2025, 7, 2}, 9), 2);
  EXPECT_EQ(Energy(k30, kPeninsula, {2025, 7, 2}, 9), 1);
  EXPECT_EQ(Energy(k30, zone, {2025, 7, 2}, 14), 1);
  EXPECT_EQ(Energy(k30, kPeninsula, {2025, 7, 2}, 14), 2);
}

// Canary Islands: high Jul-Oct, medium-high Nov-Dec, medium Jan-Mar, low Apr-Jun; the Balearic
// hour blocks.
TEST(SixPeriodTariffs, CanaryIslands) {
  const TariffZone zone = TariffZone::kCanaryIslands;
  EXPECT_EQ(Day(k30, zone, {2025, 8, 6}), "666666662211111222111122");   // high
  EXPECT_EQ(Day(k30, zone, {2025, 11, 5}), "666666663322222333222233");  // medium-high
  EXPECT_EQ(Day(k30, zone, {2025, 2, 5}), "666666664433333444333344");   // medium
  EXPECT_EQ(Day(k30, zone, {2025, 5, 7}), "666666665544444555444455");   // low
  EXPECT_EQ(Day(k30, zone, {2025, 10, 12}), std::string(24, '6'));       // holiday (Sunday too)
}

TEST(SixPeriodTariffs, CeutaAndMelillaOurReading) {
  // Peak 10-15, 19-23; shoulder 08-10, 15-19, 23-24. Ceuta: August high, July medium-high.
  EXPECT_EQ(Day(k30, TariffZone::kCeuta, {2025, 8, 6}), "666666662211111222211112");
  EXPECT_EQ(Day(k30, TariffZone::kCeuta, {2025, 7, 2}), "666666663322222333322223");
  // Melilla: July high, March low.
  EXPECT_EQ(Day(k30, TariffZone::kMelilla, {2025, 7, 2}), "666666662211111222211112");
  EXPECT_EQ(Day(k30, TariffZone::kMelilla, {2025, 3, 5}), "666666665544444555544445");
}

// --- Portugal -------------------------------------------------------------------------------

TEST(PortugalCycles, DailyWinterAndSummer) {
  const CivilDate day{2025, 1, 8};
  // Winter: valley 22:00-08:00, peak 09:00-10:30 and 18:00-20:30, mid otherwise.
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 7, 45), 3);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 8, 45), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 9, 0), 1);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 10, 15), 1);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 10, 30), 2);  // the 10:30 boundary
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 17, 45), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 20, 15), 1);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 20, 30), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 22, 0), 3);
  // Summer: peak 10:30-13:00 and 19:30-21:00.
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 10, 15, true), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 10, 30, true), 1);  // the 10:30 boundary
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 12, 45, true), 1);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 13, 0, true), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 19, 15, true), 2);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 19, 30, true), 1);
  EXPECT_EQ(Energy(kPtDaily, kPortugal, day, 21, 0, true), 2);
  // Whole days: 40 valley quarter-hours, 16 peak (winter 6 + 10, summer 10 + 6), 40 mid; the
  // daily cycle has no day types, so a Sunday reads like a Wednesday.
  const std::string winter = Quarters(kPtDaily, day, false);
  const std::string summer = Quarters(kPtDaily, day, true);
  EXPECT_EQ(std::count(winter.begin(), winter.end(), '1'), 16);
  EXPECT_EQ(std::count(winter.begin(), winter.end(), '3'), 40);
  EXPECT_EQ(std::count(summer.begin(), summer.end(), '1'), 16);
  EXPECT_EQ(Quarters(kPtDaily, {2025, 1, 12}, false), winter);
}

TEST(PortugalCycles, WeeklyWinterAndSummer) {
  const CivilDate wednesday{2025, 1, 8};
  // Weekdays, winter: valley 00:00-07:00, peak 09:30-12:00 and 18:30-21:00, mid otherwise.
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 6, 45), 3);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 7, 0), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 9, 15), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 9, 30), 1);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 11, 45), 1);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 12, 0), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 18, 30), 1);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 21, 0), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 23, 45), 2);
  // Weekdays, summer: peak 09:15-12:15 (the 09:15 boundary).
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 9, 0, true), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 9, 15, true), 1);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 12, 0, true), 1);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 12, 15, true), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, wednesday, 19, 0, true), 2);
  // Saturday, winter: mid 09:30-13:00 and 18:30-22:00, valley otherwise.
  const CivilDate saturday{2025, 1, 11};
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 9, 15), 3);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 9, 30), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 12, 45), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 13, 0), 3);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 18, 30), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 22, 0), 3);
  // Saturday, summer: mid 09:00-14:00 and 20:00-22:00.
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 8, 45, true), 3);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 9, 0, true), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 13, 45, true), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 14, 0, true), 3);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 20, 0, true), 2);
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, saturday, 22, 0, true), 3);
  // Sunday: valley all day, winter and summer. No Spanish holidays in Portugal's cycles: 1 Jan
  // 2025 (a Wednesday) has its weekday peak.
  EXPECT_EQ(Quarters(kPtWeekly, {2025, 1, 12}, false), std::string(96, '3'));
  EXPECT_EQ(Quarters(kPtWeekly, {2025, 1, 12}, true), std::string(96, '3'));
  EXPECT_EQ(Energy(kPtWeekly, kPortugal, {2025, 1, 1}, 10), 1);
}

TEST(PortugalCycles, SimpleAndPowerAreOnePeriod) {
  EXPECT_EQ(Quarters(AccessTariff::kPortugalSimple, {2025, 1, 8}, false), std::string(96, '1'));
  for (AccessTariff t : {AccessTariff::kPortugalSimple, kPtDaily, kPtWeekly}) {
    EXPECT_EQ(Power(t, kPortugal, {2025, 1, 8}, 10), 1);
  }
}

// --- Every table --------------------------------------------------------------------------

TEST(PeriodTables, EveryCombinationUsesExactlyItsPeriods) {
  const std::array<AccessTariff, 6> tariffs = {
      k20, k30, k61, AccessTariff::kPortugalSimple, kPtDaily, kPtWeekly};
  const std::array<TariffZone, 6> zones = {
      kPeninsula,         TariffZone::kBalearics, TariffZone::kCanaryIslands,
      TariffZone::kCeuta, TariffZone::kMelilla,   kPortugal};
  for (AccessTariff tariff : tariffs) {
    for (TariffZone zone : zones) {
      const std::string what =
          std::string(AccessTariffName(tariff)) + " in " + std::string(TariffZoneName(zone));
      if (!CheckTariffZone(tariff, zone).ok()) {
        auto refused = EnergyPeriodAt(tariff, zone, {{2025, 1, 8}, 600, false});
        ASSERT_FALSE(refused.ok()) << what;
        EXPECT_THAT(refused.status().message(), HasSubstr("does not exist in zone")) << what;
        EXPECT_FALSE(PowerPeriodAt(tariff, zone, {{2025, 1, 8}, 600, false}).ok()) << what;
        continue;
      }
      // Over a year (every third day, so every weekday and month), both seasons of daylight saving,
      // every quarter-hour: each energy and power period of the tariff appears, and nothing
      // outside 1..count.
      std::array<int, 8> energy_seen{}, power_seen{};
      for (CivilDate day{2025, 1, 1}; day < CivilDate{2026, 1, 1}; day = AddDays(day, 3)) {
        for (bool summer : {false, true}) {
          for (int minute = 0; minute < 1440; minute += 15) {
            auto e = EnergyPeriodAt(tariff, zone, {day, minute, summer});
            auto p = PowerPeriodAt(tariff, zone, {day, minute, summer});
            ASSERT_TRUE(e.ok() && p.ok()) << what;
            ASSERT_GE(*e, 1) << what;
            ASSERT_LE(*e, EnergyPeriodCount(tariff)) << what << " " << FormatDate(day);
            ASSERT_GE(*p, 1) << what;
            ASSERT_LE(*p, PowerPeriodCount(tariff)) << what;
            ++energy_seen[static_cast<std::size_t>(*e)];
            ++power_seen[static_cast<std::size_t>(*p)];
          }
        }
      }
      for (int period = 1; period <= EnergyPeriodCount(tariff); ++period) {
        EXPECT_GT(energy_seen[static_cast<std::size_t>(period)], 0) << what << " P" << period;
      }
      for (int period = 1; period <= PowerPeriodCount(tariff); ++period) {
        EXPECT_GT(power_seen[static_cast<std::size_t>(period)], 0) << what << " P" << period;
      }
    }
  }
}

TEST(PeriodTables, RejectsBadInput) {
  EXPECT_FALSE(EnergyPeriodAt(k20, kPeninsula, {{2025, 1, 8}, 1440, false}).ok());
  EXPECT_FALSE(EnergyPeriodAt(k20, kPeninsula, {{2025, 1, 8}, -1, false}).ok());
  EXPECT_FALSE(EnergyPeriodAt(k20, kPeninsula, {{2025, 2, 30}, 0, false}).ok());
  FixedOffsetZone cet(3600);
  EXPECT_FALSE(EnergyPeriods(k20, kPeninsula, cet, 0, 0, 10).ok());
  EXPECT_FALSE(EnergyPeriods(k20, kPeninsula, cet, 0, 3600, -1).ok());
  EXPECT_FALSE(EnergyPeriods(kPtDaily, kPeninsula, cet, 0, 3600, 10).ok());
  auto none = EnergyPeriods(k20, kPeninsula, cet, 0, 3600, 0);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(PeriodTables, DefaultTimeZones) {
  EXPECT_EQ(DefaultTimeZoneName(kPeninsula), "Europe/Madrid");
  EXPECT_EQ(DefaultTimeZoneName(TariffZone::kBalearics), "Europe/Madrid");
  EXPECT_EQ(DefaultTimeZoneName(TariffZone::kCeuta), "Europe/Madrid");
  EXPECT_EQ(DefaultTimeZoneName(TariffZone::kCanaryIslands), "Atlantic/Canary");
  EXPECT_EQ(DefaultTimeZoneName(kPortugal), "Europe/Lisbon");
}

// --- Intervals over a zone ----------------------------------------------------------------

// The EU daylight-saving rule over a standard offset (+3600 Madrid, 0 Lisbon): summer from the
// last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. Counts OffsetAt calls.
class EuRuleZone final : public TimeZone {
 public:
  explicit EuRuleZone(int standard) : standard_(standard) {}
  std::string_view name() const override { return "eu-rule"; }
  Result<int> OffsetAt(UtcSeconds t) const override {
    ++calls;
    const int year = CivilFromDays(t >= 0 ? t / kDay : (t - kDay + 1) / kDay).year;
    const bool summer =
        t >= LastSunday(year, 3) * kDay + 3600 && t < LastSunday(year, 10) * kDay + 3600;
    return standard_ + (summer ? 3600 : 0);
  }
  Result<UtcSeconds> StartOfDay(CivilDate date) const override {
    const UtcSeconds summer_midnight = DaysFromCivil(date) * kDay - standard_ - 3600;
    if (*OffsetAt(summer_midnight) == standard_ + 3600) return summer_midnight;
    return DaysFromCivil(date) * kDay - standard_;
  }
  mutable std::atomic<int> calls{0};

 private:
  static std::int64_t LastSunday(int year, int month) {
    std::int64_t last = DaysFromCivil(AddDays({year, month + 1, 1}, -1));
    while ((last % 7 + 7 + 3) % 7 != 6) --last;  // 1970-01-01 was a Thursday (3, Monday = 0)
    return last;
  }
  int standard_;
};

std::array<int, 7> Count(const std::vector<std::uint8_t>& periods) {
  std::array<int, 7> count{};
  for (std::uint8_t p : periods) ++count[p];
  return count;
}

// January 2025, Peninsula 2.0TD, by hand: 31 days, 8 weekend days (4-5, 11-12, 18-19, 25-26)
// and two weekday holidays (Wed 1, Mon 6) leave 21 working days. P1 = 21 × 8 = 168 hours,
// P2 = 21 × 8 = 168, P3 = 21 × 8 + 10 × 24 = 408; 744 hours in all. Power: P1 = 21 × 16 = 336,
// P2 = 408.
TEST(PeriodIntervals, January2025Counts) {
  EuRuleZone madrid(3600);
  const UtcSeconds start = *madrid.StartOfDay({2025, 1, 1});
  EXPECT_EQ(start, DaysFromCivil({2025, 1, 1}) * kDay - 3600);
  auto hours = EnergyPeriods(k20, kPeninsula, madrid, start, 3600, 744);
  ASSERT_TRUE(hours.ok()) << hours.status().message();
  const auto count = Count(*hours);
  EXPECT_EQ(count[1], 168);
  EXPECT_EQ(count[2], 168);
  EXPECT_EQ(count[3], 408);
  // OffsetAt about twice a day, not once per interval.
  EXPECT_LE(madrid.calls.load(), 2 * 31 + 2);
  auto power = PowerPeriods(k20, kPeninsula, madrid, start, 3600, 744);
  ASSERT_TRUE(power.ok());
  EXPECT_EQ(Count(*power)[1], 336);
  EXPECT_EQ(Count(*power)[2], 408);
  // Quarter-hours: four times as many of each.
  auto quarters = EnergyPeriods(k20, kPeninsula, madrid, start, 900, 744 * 4);
  ASSERT_TRUE(quarters.ok());
  EXPECT_EQ(Count(*quarters)[1], 168 * 4);
  EXPECT_EQ(Count(*quarters)[3], 408 * 4);
  // 8 January 2025 is hours 168..191: a working day.
  std::string wednesday;
  for (int h = 168; h < 192; ++h) wednesday += static_cast<char>('0' + (*hours)[h]);
  EXPECT_EQ(wednesday, "333333332211112222111122");
}

// 30 March 2025 in Madrid has 23 hours (02:00 local does not exist), 26 October 25 (02:00 local
// twice). Both are Sundays: P3 (2.0TD) and P6 (3.0TD) all day; Monday after is a working day.
TEST(PeriodIntervals, MadridDaylightSavingDays) {
  EuRuleZone madrid(3600);
  const UtcSeconds march30 = *madrid.StartOfDay({2025, 3, 30});
  const UtcSeconds march31 = *madrid.StartOfDay({2025, 3, 31});
  EXPECT_EQ((march31 - march30) / 3600, 23);
  auto spring = EnergyPeriods(k20, kPeninsula, madrid, march30, 3600, 23 + 24);
  ASSERT_TRUE(spring.ok());
  std::string digits;
  for (std::uint8_t p : *spring) digits += static_cast<char>('0' + p);
  EXPECT_EQ(digits, std::string(23, '3') + "333333332211112222111122");

  const UtcSeconds october26 = *madrid.StartOfDay({2025, 10, 26});
  const UtcSeconds october27 = *madrid.StartOfDay({2025, 10, 27});
  EXPECT_EQ((october27 - october26) / 3600, 25);
  auto fall = EnergyPeriods(k30, kPeninsula, madrid, october26, 3600, 25 + 24);
  ASSERT_TRUE(fall.ok());
  digits.clear();
  for (std::uint8_t p : *fall) digits += static_cast<char>('0' + p);
  // Monday 27 October: October is low season, P4 peak and P5 shoulder.
  EXPECT_EQ(digits, std::string(25, '6') + "666666665444445555444455");
}

// A zone that falls back from +02:00 to +01:00 at 2025-01-08T10:00Z, a Wednesday: local 12:00
// becomes 11:00, so the day has 25 hours and local 11:00 twice; both get the period of local
// hour 11 (P1), and the hours after read their own local hour.
class OneChangeZone final : public TimeZone {
 public:
  std::string_view name() const override { return "one-change"; }
  Result<int> OffsetAt(UtcSeconds t) const override { return t < kChange ? 7200 : 3600; }
  Result<UtcSeconds> StartOfDay(CivilDate date) const override {
    const UtcSeconds before = DaysFromCivil(date) * kDay - 7200;
    return before < kChange ? before : DaysFromCivil(date) * kDay - 3600;
  }
  static constexpr UtcSeconds kChange = 20096 * kDay + 10 * 3600;  // 2025-01-08T10:00Z
};

TEST(PeriodIntervals, RepeatedHourGetsThePeriodOfItsLocalHour) {
  ASSERT_EQ(DaysFromCivil({2025, 1, 8}), 20096);
  OneChangeZone zone;
  const UtcSeconds start = *zone.StartOfDay({2025, 1, 8});
  auto hours = EnergyPeriods(k20, kPeninsula, zone, start, 3600, 25);
  ASSERT_TRUE(hours.ok());
  std::string digits;
  for (std::uint8_t p : *hours) digits += static_cast<char>('0' + p);
  // Local hours 0..11, 11 again, 12..23.
  EXPECT_EQ(digits,
            "333333332211"
            "1"
            "112222111122");
  // Quarter-hours: the repeated 11:00-12:00 is four more P1 quarter-hours.
  auto quarters = EnergyPeriods(k20, kPeninsula, zone, start, 900, 100);
  ASSERT_TRUE(quarters.ok());
  EXPECT_EQ(Count(*quarters)[1], 8 * 4 + 4);
}

// Lisbon: summer begins at 01:00 UTC on the last Sunday of March. The daily cycle reads winter
// before and summer after, within the same local day; 10:30 local is then peak (summer), while
// the day of the October change is winter again from 01:00 local.
TEST(PeriodIntervals, LisbonSummerFollowsDaylightSaving) {
  EuRuleZone lisbon(0);
  const UtcSeconds march30 = *lisbon.StartOfDay({2025, 3, 30});
  auto spring = EnergyPeriods(kPtDaily, kPortugal, lisbon, march30, 900, 92);
  ASSERT_TRUE(spring.ok());
  // Quarter-hours 0..3 are 00:00-01:00 WET, then 02:00 WEST onwards: 10:30 WEST is index
  // 4 + (10.5 - 2) × 4 = 38.
  EXPECT_EQ((*spring)[38], 1);  // summer peak
  EXPECT_EQ((*spring)[36], 2);  // 10:00, summer mid (winter would be peak)
  const UtcSeconds october26 = *lisbon.StartOfDay({2025, 10, 26});
  auto fall = EnergyPeriods(kPtDaily, kPortugal, lisbon, october26, 900, 100);
  ASSERT_TRUE(fall.ok());
  // 00:00-02:00 WEST (8), then 01:00 WET again: 10:30 WET is 8 + (10.5 - 1) × 4 = 46.
  EXPECT_EQ((*fall)[46], 2);  // winter mid (summer would be peak)
  EXPECT_EQ((*fall)[44], 1);  // 10:00 winter peak
  // Weekly cycle on Monday 31 March: summer peak from 09:15.
  const UtcSeconds march31 = *lisbon.StartOfDay({2025, 3, 31});
  auto weekly = EnergyPeriods(kPtWeekly, kPortugal, lisbon, march31, 900, 96);
  ASSERT_TRUE(weekly.ok());
  EXPECT_EQ((*weekly)[36], 2);  // 09:00
  EXPECT_EQ((*weekly)[37], 1);  // 09:15
  EXPECT_EQ((*weekly)[49], 2);  // 12:15
}

}  // namespace
}  // namespace reparto
