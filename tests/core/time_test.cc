// Tests of core time (src/core/time.h): civil-date arithmetic, ParseDate, ISO 8601 instants and the
// local-day grid over a fixed-offset zone and a fake daylight-saving zone. Instants are UtcSeconds,
// offsets and steps are seconds; expected numbers are worked by hand in the comments.
#include "core/time.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace reparto {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kDay = 86400;

// 2024-05-26 is day 19869: 2024-01-01 is 54 x 365 + 13 leap days (1972..2020) = 19723, then
// 31 + 29 + 31 + 30 + 25 = 146 more. Local midnight at +01:00 is 19869 x 86400 - 3600.
constexpr std::int64_t kMay26 = 19869;
constexpr UtcSeconds kMay26MidnightPlus1 = 1716678000;

TEST(CivilDays, KnownDays) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil({1970, 3, 1}), 59);           // 31 + 28
  EXPECT_EQ(DaysFromCivil({2000, 1, 1}), 10957);        // 30 x 365 + 7 leap days (1972..1996)
  EXPECT_EQ(DaysFromCivil({2000, 2, 29}), 10957 + 59);  // 2000 is a leap year (divisible by 400)
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 10957 + 60);
  EXPECT_EQ(DaysFromCivil({2024, 5, 26}), kMay26);
  EXPECT_EQ(DaysFromCivil({2038, 3, 28}), 24923);  // 68 x 365 + 17 + 31 + 28 + 27
  EXPECT_EQ(kMay26 * kDay - 3600, kMay26MidnightPlus1);
  // 2100 is not a leap year: 28 February is followed by 1 March.
  EXPECT_EQ(DaysFromCivil({2100, 3, 1}) - DaysFromCivil({2100, 2, 28}), 1);
  EXPECT_EQ(DaysFromCivil({2100, 3, 1}), 47541);
  EXPECT_EQ(DaysFromCivil({2024, 3, 1}) - DaysFromCivil({2024, 2, 28}), 2);
  // A year is 365 days, a leap year 366, a 400-year era 146097.
  EXPECT_EQ(DaysFromCivil({2024, 1, 1}) - DaysFromCivil({2023, 1, 1}), 365);
  EXPECT_EQ(DaysFromCivil({2025, 1, 1}) - DaysFromCivil({2024, 1, 1}), 366);
  EXPECT_EQ(DaysFromCivil({2101, 1, 1}) - DaysFromCivil({2100, 1, 1}), 365);
  EXPECT_EQ(DaysFromCivil({2400, 1, 1}) - DaysFromCivil({2000, 1, 1}), 146097);
}

TEST(CivilDays, FromDaysKnown) {
  EXPECT_EQ(CivilFromDays(0), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(CivilFromDays(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(CivilFromDays(10957 + 59), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(CivilFromDays(47541 - 1), (CivilDate{2100, 2, 28}));
  EXPECT_EQ(CivilFromDays(47541), (CivilDate{2100, 3, 1}));
}

TEST(CivilDays, RoundTripEveryDay1600To2400) {
  // Every day of 1600..2400 maps back to itself, and consecutive day numbers are consecutive dates
  // (day + 1, or the 1st of the next month after the last valid day).
  CivilDate expected{1600, 1, 1};
  const std::int64_t first = DaysFromCivil(expected);
  const std::int64_t last = DaysFromCivil({2400, 12, 31});
  int leap_days = 0;
  for (std::int64_t days = first; days <= last; ++days) {
    const CivilDate date = CivilFromDays(days);
    ASSERT_EQ(date, expected) << days;
    ASSERT_EQ(DaysFromCivil(date), days);
    ASSERT_TRUE(IsValidCivilDate(date));
    if (date.month == 2 && date.day == 29) ++leap_days;
    CivilDate next{expected.year, expected.month, expected.day + 1};
    if (!IsValidCivilDate(next)) next = {expected.year, expected.month + 1, 1};
    if (next.month == 13) next = {expected.year + 1, 1, 1};
    expected = next;
  }
  // Multiples of 4 from 1600 to 2400: (2400 - 1600) / 4 + 1 = 201, minus the six centuries not
  // divisible by 400 (1700, 1800, 1900, 2100, 2200, 2300) = 195.
  EXPECT_EQ(leap_days, 195);
}

TEST(CivilDays, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_TRUE(IsValidCivilDate({2024, 2, 29}));
  EXPECT_TRUE(IsValidCivilDate({2000, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({2023, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({2100, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({2024, 4, 31}));
  EXPECT_TRUE(IsValidCivilDate({2024, 12, 31}));
  EXPECT_FALSE(IsValidCivilDate({2024, 13, 1}));
  EXPECT_FALSE(IsValidCivilDate({2024, 0, 1}));
  EXPECT_FALSE(IsValidCivilDate({2024, 1, 0}));
}

TEST(CivilDays, AddDays) {
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (CivilDate{2023, 3, 1}));
  EXPECT_EQ(AddDays({2024, 12, 31}, 1), (CivilDate{2025, 1, 1}));
  EXPECT_EQ(AddDays({2025, 1, 1}, -1), (CivilDate{2024, 12, 31}));
  EXPECT_EQ(AddDays({2024, 1, 1}, 366), (CivilDate{2025, 1, 1}));
}

TEST(ParseDate, ValidDates) {
  EXPECT_EQ(*ParseDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(*ParseDate("1970-01-01"), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(FormatDate({2025, 3, 30}), "2025-03-30");
  EXPECT_EQ(FormatDate(*ParseDate("2100-12-31")), "2100-12-31");
}

TEST(ParseDate, ErrorsNameTheText) {
  for (const char* text :
       {"2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-2-29",
        "2024/02/29", "20a4-01-01", "", "2024-02-29T00", " 2024-02-2"}) {
    auto date = ParseDate(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_THAT(date.status().message(), HasSubstr("'" + std::string(text) + "'"));
  }
  EXPECT_THAT(ParseDate("2024/02/29").status().message(), HasSubstr("YYYY-MM-DD"));
}

TEST(ParseIsoInstant, OffsetsAndZ) {
  // All name the same instant: 2024-05-26 00:00 at +01:00 = 2024-05-25 23:00Z.
  for (const char* text :
       {"2024-05-26T00:00:00+01:00", "2024-05-25T23:00:00Z", "2024-05-25T20:00:00-03:00",
        "2024-05-26T00:00:00+0100", "2024-05-26T00:00+01:00", "2024-05-25T23:00Z",
        "2024-05-26T00:00:00+01", "2024-05-26 00:00:00+01:00", "2024-05-25T23:00:00.000Z",
        "2024-05-26T01:00:00+02:00", "2024-05-25T23:00:00+00:00", "2024-05-25T23:00:00-00:00",
        "2024-05-26T04:30:00+05:30"}) {
    auto instant = ParseIsoInstant(text);
    ASSERT_TRUE(instant.ok()) << instant.status().message();
    EXPECT_EQ(*instant, kMay26MidnightPlus1) << text;
  }
  EXPECT_EQ(*ParseIsoInstant("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseIsoInstant("1970-01-01T00:00:01+00:00"), 1);
  EXPECT_EQ(*ParseIsoInstant("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(*ParseIsoInstant("2024-05-26T00:15:30Z"), kMay26 * kDay + 15 * 60 + 30);
}

TEST(ParseIsoInstant, ErrorsNameTheTextAndTheProblem) {
  struct Case {
    const char* text;
    const char* problem;
  };
  const Case cases[] = {
      {"2024-05-26T00:00:00", "missing UTC offset"},
      {"2024-05-26T00:00", "missing UTC offset"},
      {"2024-05-26T00:00:00 CET", "missing UTC offset"},
      {"2024-05-26", "too short"},
      {"2024-13-26T00:00:00Z", "not a valid date"},
      {"2023-02-29T00:00:00Z", "not a valid date"},
      {"2024-05-26X00:00:00Z", "expected 'T'"},
      {"2024-05-26T0a:00:00Z", "not hh:mm"},
      {"2024-05-26T00-00:00Z", "not hh:mm"},
      {"2024-05-26T24:00:00Z", "out of range"},
      {"2024-05-26T00:60:00Z", "out of range"},
      {"2024-05-26T00:00:60Z", "out of range"},
      {"2024-05-26T00:00:0xZ", "seconds"},
      {"2024-05-26T00:00:00.5Z", "fractions of a second"},
      {"2024-05-26T00:00:00.Z", "digits after the decimal point"},
      {"2024-05-26T00:00:00+19:00", "bad UTC offset"},
      {"2024-05-26T00:00:00+01:60", "bad UTC offset"},
      {"2024-05-26T00:00:00+1:00", "bad UTC offset"},
      {"2024-05-26T00:00:00+01:0", "bad UTC offset"},
      {"2024-05-26T00:00:00Zjunk", "unexpected characters"},
      {"2024-05-26T00:00:00+01:00:00", "unexpected characters"},
  };
  for (const Case& c : cases) {
    auto instant = ParseIsoInstant(c.text);
    ASSERT_FALSE(instant.ok()) << c.text;
    EXPECT_THAT(instant.status().message(), HasSubstr("'" + std::string(c.text) + "'"));
    EXPECT_THAT(instant.status().message(), HasSubstr(c.problem)) << c.text;
  }
}

TEST(FormatIsoInstant, OffsetsAndZ) {
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, 3600), "2024-05-26T00:00:00+01:00");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, 7200), "2024-05-26T01:00:00+02:00");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, 0, true), "2024-05-25T23:00:00Z");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, 0), "2024-05-25T23:00:00+00:00");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, -10800), "2024-05-25T20:00:00-03:00");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1, 19800), "2024-05-26T04:30:00+05:30");
  EXPECT_EQ(FormatIsoInstant(kMay26MidnightPlus1 + 15 * 60 + 7, 3600), "2024-05-26T00:15:07+01:00");
  EXPECT_EQ(FormatIsoInstant(0, 0, true), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoInstant(-1, 0, true), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoInstant(-1, 3600), "1970-01-01T00:59:59+01:00");
  // use_z only applies to offset 0.
  EXPECT_EQ(FormatIsoInstant(0, 3600, true), "1970-01-01T01:00:00+01:00");
}

TEST(FormatIsoInstant, RoundTripsThroughParse) {
  for (UtcSeconds instant : {UtcSeconds{0}, UtcSeconds{-86401}, kMay26MidnightPlus1,
                             UtcSeconds{2153347199}, UtcSeconds{951782400}}) {
    for (int offset : {0, 3600, 7200, -10800, 19800}) {
      EXPECT_EQ(*ParseIsoInstant(FormatIsoInstant(instant, offset)), instant) << instant;
    }
    EXPECT_EQ(*ParseIsoInstant(FormatIsoInstant(instant, 0, true)), instant);
  }
}

TEST(MakeDayGrid, FixedOffsetDays) {
  const FixedOffsetZone zone(3600);
  auto grid = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 28}, 900);
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  ASSERT_EQ(grid->days.size(), 2u);
  EXPECT_EQ(grid->step_seconds, 900);
  EXPECT_EQ(grid->days[0].date, (CivilDate{2024, 5, 26}));
  EXPECT_EQ(grid->days[0].utc_start, kMay26MidnightPlus1);
  EXPECT_EQ(grid->days[0].n_intervals, 96);
  EXPECT_EQ(grid->days[0].first_interval, 0);
  EXPECT_EQ(grid->days[1].date, (CivilDate{2024, 5, 27}));
  EXPECT_EQ(grid->days[1].utc_start, kMay26MidnightPlus1 + kDay);
  EXPECT_EQ(grid->days[1].first_interval, 96);
  EXPECT_EQ(grid->interval_count(), 192);
  EXPECT_EQ(grid->utc_start(), kMay26MidnightPlus1);
  EXPECT_EQ(grid->utc_end(), kMay26MidnightPlus1 + 2 * kDay);
}

TEST(MakeDayGrid, IndexOf) {
  const FixedOffsetZone zone(3600);
  auto grid = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 28}, 900);
  ASSERT_TRUE(grid.ok());
  const UtcSeconds start = kMay26MidnightPlus1;
  EXPECT_EQ(grid->IndexOf(start), 0);
  EXPECT_EQ(grid->IndexOf(start + 900), 1);
  EXPECT_EQ(grid->IndexOf(*ParseIsoInstant("2024-05-26T10:30:00+01:00")), 42);  // 10.5 h x 4
  EXPECT_EQ(grid->IndexOf(*ParseIsoInstant("2024-05-27T00:00:00+01:00")), 96);
  EXPECT_EQ(grid->IndexOf(start + 2 * kDay - 900), 191);
  EXPECT_EQ(grid->IndexOf(start + 899), -1);       // not on a step boundary
  EXPECT_EQ(grid->IndexOf(start - 900), -1);       // before
  EXPECT_EQ(grid->IndexOf(start + 2 * kDay), -1);  // the end is exclusive
  EXPECT_EQ(DayGrid{}.IndexOf(start), -1);
  EXPECT_EQ(DayGrid{}.interval_count(), 0);
}

TEST(MakeDayGrid, HourlyAndOtherSteps) {
  const FixedOffsetZone zone(0);
  EXPECT_EQ(MakeDayGrid(zone, {2024, 1, 1}, {2025, 1, 1}, 3600)->interval_count(), 8784);
  EXPECT_EQ(MakeDayGrid(zone, {2023, 1, 1}, {2024, 1, 1}, 3600)->interval_count(), 8760);
  EXPECT_EQ(MakeDayGrid(zone, {2024, 1, 1}, {2024, 1, 2}, 300)->days[0].n_intervals, 288);
  EXPECT_EQ(MakeDayGrid(zone, {2024, 1, 1}, {2024, 1, 2}, 5400)->days[0].n_intervals, 16);
  EXPECT_EQ(MakeDayGrid(zone, {2024, 1, 1}, {2024, 1, 2}, 86400)->days[0].n_intervals, 1);
}

TEST(MakeDayGrid, StepNotDividingADayIsAnError) {
  const FixedOffsetZone zone(3600);
  for (int step : {420, 7000, 0, -900, 86401, 172800}) {
    auto grid = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 27}, step);
    ASSERT_FALSE(grid.ok()) << step;
    EXPECT_THAT(grid.status().message(), HasSubstr(std::to_string(step) + " s"));
    EXPECT_THAT(grid.status().message(), HasSubstr("does not divide a day"));
  }
}

TEST(MakeDayGrid, BadPeriods) {
  const FixedOffsetZone zone(0);
  auto empty = MakeDayGrid(zone, {2024, 5, 26}, {2024, 5, 26}, 900);
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("empty period"));
  EXPECT_FALSE(MakeDayGrid(zone, {2024, 5, 27}, {2024, 5, 26}, 900).ok());
  auto invalid = MakeDayGrid(zone, {2023, 2, 29}, {2023, 3, 2}, 900);
  ASSERT_FALSE(invalid.ok());
  EXPECT_THAT(invalid.status().message(), HasSubstr("2023-02-29"));
}

// A fake zone at +01:00 in winter and +02:00 from 2025-03-30T01:00Z to 2025-10-26T01:00Z, like
// Europe/Madrid, written with plain arithmetic.
class FakeMadrid final : public TimeZone {
 public:
  std::string_view name() const override { return "fake/Madrid"; }
  Result<int> OffsetAt(UtcSeconds instant) const override {
    return kSpring <= instant && instant < kFall ? 7200 : 3600;
  }
  Result<UtcSeconds> StartOfDay(CivilDate date) const override {
    const CivilDate spring{2025, 3, 30};
    const CivilDate fall{2025, 10, 26};
    return DaysFromCivil(date) * kDay - (spring < date && date <= fall ? 7200 : 3600);
  }
  static constexpr UtcSeconds kSpring = 20177 * kDay + 3600;  // 2025-03-30T01:00Z
  static constexpr UtcSeconds kFall = 20387 * kDay + 3600;    // 2025-10-26T01:00Z
};

TEST(MakeDayGrid, DaylightSavingDaysThroughTheDefaultEndOfDay) {
  EXPECT_EQ(DaysFromCivil({2025, 3, 30}), 20177);
  EXPECT_EQ(DaysFromCivil({2025, 10, 26}), 20387);
  const FakeMadrid zone;
  auto grid = MakeDayGrid(zone, {2025, 3, 29}, {2025, 3, 31}, 900);
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  EXPECT_EQ(grid->days[0].n_intervals, 96);
  EXPECT_EQ(grid->days[1].n_intervals, 92);
  EXPECT_EQ(grid->days[1].first_interval, 96);
  EXPECT_EQ(grid->interval_count(), 188);
  // The first summer interval (03:00 local) starts at 01:00Z: 2 hours into the day = index 96 + 8.
  EXPECT_EQ(grid->IndexOf(FakeMadrid::kSpring), 104);
  auto fall = MakeDayGrid(zone, {2025, 10, 26}, {2025, 10, 27}, 3600);
  ASSERT_TRUE(fall.ok());
  EXPECT_EQ(fall->days[0].n_intervals, 25);
  auto year = MakeDayGrid(zone, {2025, 1, 1}, {2026, 1, 1}, 900);
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->interval_count(), 365 * 96);
}

TEST(MakeDayGrid, StepThatDoesNotFitA23HourDayNamesTheDay) {
  // 5400 s (1.5 h) divides 24 h but not the 23 hours of 2025-03-30.
  const FakeMadrid zone;
  auto grid = MakeDayGrid(zone, {2025, 3, 29}, {2025, 4, 1}, 5400);
  ASSERT_FALSE(grid.ok());
  EXPECT_THAT(grid.status().message(), HasSubstr("2025-03-30"));
  EXPECT_THAT(grid.status().message(), HasSubstr("fake/Madrid"));
  EXPECT_THAT(grid.status().message(), HasSubstr("82800 s"));
}

}  // namespace
}  // namespace reparto
