// Tests of IanaZone (src/tz/iana_zone.h) against the IANA database: daylight-saving days of the
// five community zones 2021..2037, exact change instants, leap years, the 2038 limit, and a
// cross-check with real Red Eléctrica data (UTC and Madrid local starts of every hour).
// Units: instants in UtcSeconds, offsets in seconds east of UTC, steps in seconds.
#include "tz/iana_zone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/time.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

constexpr UtcSeconds kDay = 86400;
constexpr UtcSeconds kHour = 3600;

std::unique_ptr<IanaZone> MustLoad(const std::string& name) {
  auto zone = IanaZone::Load(name);
  EXPECT_TRUE(zone.ok()) << zone.status().message();
  return zone.ok() ? std::move(zone.value()) : nullptr;
}

// Last Sunday of `month` in `year`, counted independently of the zone code: 1970-01-01 was a
// Thursday, so (days + 4) % 7 is the weekday with Sunday = 0.
CivilDate LastSunday(int year, int month) {
  const CivilDate last_day =
      AddDays(CivilDate{month == 12 ? year + 1 : year, month % 12 + 1, 1}, -1);
  const std::int64_t days = DaysFromCivil(last_day);
  return CivilFromDays(days - (days + 4) % 7);
}

TEST(LastSundayHelper, MatchesCalendar) {
  // From a printed calendar: 2024-03-31 and 2024-10-27, 2025-03-30 and 2025-10-26, 2037-03-29 and
  // 2037-10-25, 2038-03-28 are Sundays (the last of their months).
  EXPECT_EQ(LastSunday(2024, 3), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(LastSunday(2024, 10), (CivilDate{2024, 10, 27}));
  EXPECT_EQ(LastSunday(2025, 3), (CivilDate{2025, 3, 30}));
  EXPECT_EQ(LastSunday(2025, 10), (CivilDate{2025, 10, 26}));
  EXPECT_EQ(LastSunday(2037, 3), (CivilDate{2037, 3, 29}));
  EXPECT_EQ(LastSunday(2037, 10), (CivilDate{2037, 10, 25}));
  EXPECT_EQ(LastSunday(2038, 3), (CivilDate{2038, 3, 28}));
}

struct ZoneCase {
  const char* name;
  int winter;  // offset in seconds east of UTC
  int summer;
};

const ZoneCase kZones[] = {
    {"Europe/Madrid", 3600, 7200}, {"Atlantic/Canary", 0, 3600}, {"Europe/Lisbon", 0, 3600},
    {"Europe/Paris", 3600, 7200},  {"Europe/Rome", 3600, 7200},
};

class EuropeanZoneTest : public ::testing::TestWithParam<ZoneCase> {};

INSTANTIATE_TEST_SUITE_P(Zones, EuropeanZoneTest, ::testing::ValuesIn(kZones),
                         [](const ::testing::TestParamInfo<ZoneCase>& param_info) {
                           std::string name = param_info.param.name;
                           for (char& c : name) {
                             if (c == '/') c = '_';
                           }
                           return name;
                         });

TEST_P(EuropeanZoneTest, DaylightSavingDaysHave92And100QuarterHours2021To2037) {
  const ZoneCase& param = GetParam();
  auto zone = MustLoad(param.name);
  ASSERT_NE(zone, nullptr);
  for (int year = 2021; year <= 2037; ++year) {
    SCOPED_TRACE(year);
    const CivilDate spring = LastSunday(year, 3);
    const CivilDate fall = LastSunday(year, 10);
    auto quarters = MakeDayGrid(*zone, {year, 1, 1}, {year + 1, 1, 1}, 900);
    auto hours = MakeDayGrid(*zone, {year, 1, 1}, {year + 1, 1, 1}, 3600);
    ASSERT_TRUE(quarters.ok()) << quarters.status().message();
    ASSERT_TRUE(hours.ok()) << hours.status().message();
    const int n_days = IsLeapYear(year) ? 366 : 365;
    ASSERT_EQ(quarters->days.size(), static_cast<std::size_t>(n_days));
    ASSERT_EQ(hours->days.size(), static_cast<std::size_t>(n_days));
    for (int i = 0; i < n_days; ++i) {
      const LocalDay& q = quarters->days[static_cast<std::size_t>(i)];
      const LocalDay& h = hours->days[static_cast<std::size_t>(i)];
      const int expected_hours = q.date == spring ? 23 : q.date == fall ? 25 : 24;
      ASSERT_EQ(q.date, AddDays({year, 1, 1}, i));
      ASSERT_EQ(q.n_intervals, expected_hours * 4) << FormatDate(q.date);
      ASSERT_EQ(h.n_intervals, expected_hours) << FormatDate(h.date);
      // Every day starts at local midnight: UTC midnight minus the offset in force then (the
      // change happens at 01:00Z, after every local midnight of these zones).
      const bool summer = spring < q.date && q.date <= fall;
      ASSERT_EQ(q.utc_start, DaysFromCivil(q.date) * kDay - (summer ? param.summer : param.winter))
          << FormatDate(q.date);
      ASSERT_EQ(h.utc_start, q.utc_start);
    }
    // Summer takes 1 hour off and winter gives it back: a plain year of 24-hour days.
    EXPECT_EQ(quarters->interval_count(), n_days * 96);
    EXPECT_EQ(hours->interval_count(), n_days * 24);
    EXPECT_EQ(quarters->utc_end(), DaysFromCivil({year + 1, 1, 1}) * kDay - param.winter);
  }
}

TEST_P(EuropeanZoneTest, OffsetsChangeExactlyAt0100ZOnTheLastSundays) {
  const ZoneCase& param = GetParam();
  auto zone = MustLoad(param.name);
  ASSERT_NE(zone, nullptr);
  for (int year = 2021; year <= 2037; ++year) {
    SCOPED_TRACE(year);
    const UtcSeconds spring = DaysFromCivil(LastSunday(year, 3)) * kDay + kHour;
    const UtcSeconds fall = DaysFromCivil(LastSunday(year, 10)) * kDay + kHour;
    EXPECT_EQ(*zone->OffsetAt(spring - 1), param.winter);
    EXPECT_EQ(*zone->OffsetAt(spring), param.summer);
    EXPECT_EQ(*zone->OffsetAt(fall - 1), param.summer);
    EXPECT_EQ(*zone->OffsetAt(fall), param.winter);
    // And nowhere else: hour by hour through the year, the offset is summer exactly in
    // [spring, fall).
    const UtcSeconds begin = DaysFromCivil({year, 1, 1}) * kDay;
    const UtcSeconds end = DaysFromCivil({year + 1, 1, 1}) * kDay;
    for (UtcSeconds t = begin; t < end; t += kHour) {
      auto offset = zone->OffsetAt(t);
      ASSERT_TRUE(offset.ok()) << offset.status().message();
      ASSERT_EQ(*offset, spring <= t && t < fall ? param.summer : param.winter)
          << FormatIsoInstant(t, 0, true);
    }
  }
}

TEST_P(EuropeanZoneTest, SpringDayIntervalsAroundTheChange) {
  // 2025-03-30: the interval after 01:45Z-02:00Z local (winter) is 03:00 local (summer), both
  // consecutive in UTC. For Madrid: day starts 2025-03-29T23:00Z; 01:00Z is index 8 (2 h later).
  const ZoneCase& param = GetParam();
  auto zone = MustLoad(param.name);
  ASSERT_NE(zone, nullptr);
  auto grid = MakeDayGrid(*zone, {2025, 3, 30}, {2025, 3, 31}, 900);
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  const UtcSeconds change = *ParseIsoInstant("2025-03-30T01:00:00Z");
  const std::int64_t index = grid->IndexOf(change);
  EXPECT_EQ(index, (kHour + param.winter) / 900);  // Madrid: (3600 + 3600) / 900 = 8
  EXPECT_EQ(FormatIsoInstant(change - 900, *zone->OffsetAt(change - 900)),
            param.winter == 0 ? "2025-03-30T00:45:00+00:00" : "2025-03-30T01:45:00+01:00");
  EXPECT_EQ(FormatIsoInstant(change, *zone->OffsetAt(change)),
            param.winter == 0 ? "2025-03-30T02:00:00+01:00" : "2025-03-30T03:00:00+02:00");
}

TEST_P(EuropeanZoneTest, LeapYearGridSizes) {
  auto zone = MustLoad(GetParam().name);
  ASSERT_NE(zone, nullptr);
  auto year2024_hours = MakeDayGrid(*zone, {2024, 1, 1}, {2025, 1, 1}, 3600);
  auto year2024_quarters = MakeDayGrid(*zone, {2024, 1, 1}, {2025, 1, 1}, 900);
  auto year2023_hours = MakeDayGrid(*zone, {2023, 1, 1}, {2024, 1, 1}, 3600);
  auto year2023_quarters = MakeDayGrid(*zone, {2023, 1, 1}, {2024, 1, 1}, 900);
  ASSERT_TRUE(year2024_hours.ok() && year2024_quarters.ok());
  ASSERT_TRUE(year2023_hours.ok() && year2023_quarters.ok());
  EXPECT_EQ(year2024_hours->days.size(), 366u);
  EXPECT_EQ(year2024_hours->interval_count(), 8784);      // 366 x 24
  EXPECT_EQ(year2024_quarters->interval_count(), 35136);  // 366 x 96
  EXPECT_EQ(year2023_hours->days.size(), 365u);
  EXPECT_EQ(year2023_hours->interval_count(), 8760);      // 365 x 24
  EXPECT_EQ(year2023_quarters->interval_count(), 35040);  // 365 x 96
  // 29 February 2024 is day 59 (0-based: 31 + 28), an ordinary 96-quarter-hour day.
  EXPECT_EQ(year2024_quarters->days[59].date, (CivilDate{2024, 2, 29}));
  EXPECT_EQ(year2024_quarters->days[59].n_intervals, 96);
  EXPECT_EQ(year2024_quarters->days[59].first_interval, 59 * 96);
}

TEST_P(EuropeanZoneTest, RangeEndsAt2038March28) {
  const ZoneCase& param = GetParam();
  auto zone = MustLoad(param.name);
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->supported_until(), kLastSupportedInstant);

  // Instants: the last second before 2038-03-28T00:00Z works, that instant does not.
  auto before = zone->OffsetAt(kLastSupportedInstant - 1);
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(*before, param.winter);
  auto at = zone->OffsetAt(kLastSupportedInstant);
  ASSERT_FALSE(at.ok());
  EXPECT_THAT(at.status().message(), HasSubstr("2038-03-28T00:00:00Z"));
  EXPECT_THAT(at.status().message(), HasSubstr(param.name));
  EXPECT_FALSE(zone->OffsetAt(*ParseIsoInstant("2038-07-01T12:00:00Z")).ok());

  // Dates: 2038-03-27 works (start, end and its grid), 2038-03-28 and later do not.
  auto start = zone->StartOfDay({2038, 3, 27});
  ASSERT_TRUE(start.ok()) << start.status().message();
  EXPECT_EQ(*start, DaysFromCivil({2038, 3, 27}) * kDay - param.winter);
  auto end = zone->EndOfDay({2038, 3, 27});
  ASSERT_TRUE(end.ok()) << end.status().message();
  EXPECT_EQ(*end, kLastSupportedInstant - param.winter);
  auto last_day = MakeDayGrid(*zone, {2038, 3, 27}, {2038, 3, 28}, 900);
  ASSERT_TRUE(last_day.ok()) << last_day.status().message();
  EXPECT_EQ(last_day->days[0].n_intervals, 96);
  auto early_2038 = MakeDayGrid(*zone, {2038, 1, 1}, {2038, 3, 28}, 3600);
  ASSERT_TRUE(early_2038.ok()) << early_2038.status().message();
  EXPECT_EQ(early_2038->interval_count(), (31 + 28 + 27) * 24);

  auto start_28 = zone->StartOfDay({2038, 3, 28});
  ASSERT_FALSE(start_28.ok());
  EXPECT_THAT(start_28.status().message(), HasSubstr("2038-03-28"));
  EXPECT_THAT(start_28.status().message(), HasSubstr(param.name));
  EXPECT_FALSE(zone->EndOfDay({2038, 3, 28}).ok());
  EXPECT_FALSE(zone->StartOfDay({2038, 10, 31}).ok());
  EXPECT_FALSE(zone->StartOfDay({2100, 1, 1}).ok());
  EXPECT_FALSE(zone->StartOfDay({9999, 12, 31}).ok());

  auto march = MakeDayGrid(*zone, {2038, 3, 1}, {2038, 4, 1}, 900);
  ASSERT_FALSE(march.ok());
  EXPECT_THAT(march.status().message(), HasSubstr("2038-03-28"));
  EXPECT_FALSE(MakeDayGrid(*zone, {2038, 3, 28}, {2038, 3, 29}, 3600).ok());
  EXPECT_FALSE(MakeDayGrid(*zone, {2037, 1, 1}, {2039, 1, 1}, 3600).ok());
  // The whole of 2037 is fine.
  EXPECT_TRUE(MakeDayGrid(*zone, {2037, 1, 1}, {2038, 1, 1}, 900).ok());
}

TEST(IanaZone, LimitConstantIs2038March28) {
  // 24923 days from 1970-01-01 to 2038-03-28 (68 years with 17 leap days, then 31 + 28 + 27).
  EXPECT_EQ(kLastSupportedInstant, (68 * 365 + 17 + 31 + 28 + 27) * kDay);
  EXPECT_EQ(FormatIsoInstant(kLastSupportedInstant, 0, true), "2038-03-28T00:00:00Z");
}

TEST(IanaZone, ZoneChangingEarlierIn2038HasAnEarlierLimit) {
  // New York changed on 2037-03-08T07:00Z (second Sunday of March, 02:00 EST); the tables do not
  // list 2038-03-14, so the zone refuses instants from 52 weeks after 2037-03-08T07:00Z on.
  auto zone = MustLoad("America/New_York");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->supported_until(), *ParseIsoInstant("2038-03-07T07:00:00Z"));
  EXPECT_EQ(*zone->OffsetAt(*ParseIsoInstant("2037-07-01T00:00:00Z")), -4 * 3600);
  EXPECT_FALSE(zone->OffsetAt(*ParseIsoInstant("2038-03-20T12:00:00Z")).ok());
  EXPECT_TRUE(MakeDayGrid(*zone, {2038, 1, 1}, {2038, 3, 6}, 3600).ok());
  EXPECT_FALSE(MakeDayGrid(*zone, {2038, 1, 1}, {2038, 3, 8}, 3600).ok());
}

TEST(IanaZone, ZoneWithoutDaylightSavingKeepsTheGlobalLimit) {
  auto utc = MustLoad("UTC");
  ASSERT_NE(utc, nullptr);
  EXPECT_EQ(utc->supported_until(), kLastSupportedInstant);
  EXPECT_EQ(*utc->OffsetAt(kLastSupportedInstant - 1), 0);
}

TEST(IanaZone, UnknownZoneIsNamed) {
  auto zone = IanaZone::Load("Europe/Madird");
  ASSERT_FALSE(zone.ok());
  EXPECT_THAT(zone.status().message(), HasSubstr("unknown time zone 'Europe/Madird'"));
  EXPECT_FALSE(IanaZone::Load("").ok());
  EXPECT_FALSE(IanaZone::Load("+01:00").ok());
}

TEST(IanaZone, NameIsKept) {
  auto zone = MustLoad("Europe/Lisbon");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->name(), "Europe/Lisbon");
}

TEST(IanaZone, InvalidDateIsRejected) {
  auto zone = MustLoad("Europe/Madrid");
  ASSERT_NE(zone, nullptr);
  auto start = zone->StartOfDay({2023, 2, 29});
  ASSERT_FALSE(start.ok());
  EXPECT_THAT(start.status().message(), HasSubstr("2023-02-29"));
}

TEST(IanaZone, DayWhoseMidnightDoesNotExistStartsWhenClocksJump) {
  // America/Santiago moved from -04 to -03 at local 2022-09-11 00:00, which became 01:00: the day
  // starts at 01:00 -03 = 04:00Z and lasts 23 hours (to 2022-09-12 00:00 -03 = 03:00Z).
  auto zone = MustLoad("America/Santiago");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(*zone->StartOfDay({2022, 9, 11}), *ParseIsoInstant("2022-09-11T04:00:00Z"));
  auto grid = MakeDayGrid(*zone, {2022, 9, 10}, {2022, 9, 13}, 3600);
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  EXPECT_EQ(grid->days[0].n_intervals, 24);
  EXPECT_EQ(grid->days[1].n_intervals, 23);
  EXPECT_EQ(grid->days[2].n_intervals, 24);
}

// Real data: every hour from 2021-06-01 to 2026-08-08 of REE's PVPC file carries its UTC start
// and its Madrid local start with offset, written by REE/ESIOS independently of this code.
TEST(IanaZone, MadridMatchesReeHourlyFile) {
  auto zone = MustLoad("Europe/Madrid");
  ASSERT_NE(zone, nullptr);
  const std::string path = std::string(REPARTO_SHARED_DATA) +
                           "/prices/PVPC_2.0TD_hourly_EUR_per_kWh_2021-06-01_2026-08-07.csv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  std::string line;
  std::getline(in, line);
  ASSERT_THAT(line, ::testing::StartsWith("utc_start,local_start_Europe_Madrid,"));
  std::map<CivilDate, int> hours_per_local_day;
  int rows = 0;
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    const std::size_t comma1 = line.find(',');
    const std::size_t comma2 = line.find(',', comma1 + 1);
    ASSERT_NE(comma2, std::string::npos) << path << ":" << line_number;
    const std::string utc_text = line.substr(0, comma1);
    const std::string local_text = line.substr(comma1 + 1, comma2 - comma1 - 1);
    auto utc = ParseIsoInstant(utc_text);
    auto local = ParseIsoInstant(local_text);
    ASSERT_TRUE(utc.ok()) << utc.status().message();
    ASSERT_TRUE(local.ok()) << local.status().message();
    ASSERT_EQ(*utc, *local) << path << ":" << line_number;
    auto offset = zone->OffsetAt(*utc);
    ASSERT_TRUE(offset.ok()) << offset.status().message();
    // The file writes the instant at Madrid's offset: formatting ours must give the same text.
    ASSERT_EQ(FormatIsoInstant(*utc, *offset), local_text) << path << ":" << line_number;
    ++hours_per_local_day[*ParseDate(local_text.substr(0, 10))];
    ++rows;
  }
  // The file runs from local 2021-06-01 to 2026-08-08 inclusive (1895 days) with four days missing
  // (README): 1891 days x 24 hours, the five 23-hour and five 25-hour days cancelling out.
  EXPECT_EQ(hours_per_local_day.begin()->first, (CivilDate{2021, 6, 1}));
  EXPECT_EQ(hours_per_local_day.rbegin()->first, (CivilDate{2026, 8, 8}));
  EXPECT_EQ(hours_per_local_day.size(), 1895u - 4u);
  for (CivilDate missing : {CivilDate{2022, 4, 1}, CivilDate{2022, 6, 26}, CivilDate{2024, 12, 12},
                            CivilDate{2026, 7, 8}}) {
    EXPECT_EQ(hours_per_local_day.count(missing), 0u) << FormatDate(missing);
  }
  EXPECT_EQ(rows, 1891 * 24);
  // Every day present in the file has as many hours as our grid says (23 on 2022-03-27, 25 on
  // 2021-10-31, ...).
  auto grid = MakeDayGrid(*zone, {2021, 6, 1}, {2026, 8, 9}, 3600);
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  ASSERT_EQ(grid->days.size(), 1895u);
  int short_days = 0;
  int long_days = 0;
  for (const LocalDay& day : grid->days) {
    auto it = hours_per_local_day.find(day.date);
    if (it == hours_per_local_day.end()) continue;
    EXPECT_EQ(it->second, day.n_intervals) << FormatDate(day.date);
    short_days += day.n_intervals == 23;
    long_days += day.n_intervals == 25;
  }
  // Spring days 2022..2026 and fall days 2021..2025 in the span (none is a missing day).
  EXPECT_EQ(short_days, 5);
  EXPECT_EQ(long_days, 5);
}

}  // namespace
}  // namespace reparto
