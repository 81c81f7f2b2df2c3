// Tests of the local calendar (src/synth/calendar.h): weekdays, Easter, Spanish holidays, school
// holidays and local hours on the daylight-saving days of Europe/Madrid.
// Units: local clock hours, weekdays 0 = Monday.
#include "synth/calendar.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace reparto::synth {
namespace {

TEST(Calendar, WeekdaysAndEaster) {
  EXPECT_EQ(Weekday({1970, 1, 1}), 3);   // Thursday
  EXPECT_EQ(Weekday({2025, 3, 30}), 6);  // Sunday (spring change)
  EXPECT_EQ(Weekday({2024, 2, 29}), 3);  // Thursday
  // Easter Sundays from the church calendar.
  EXPECT_EQ(EasterSunday(2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(EasterSunday(2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(EasterSunday(2026), (CivilDate{2026, 4, 5}));
  EXPECT_EQ(EasterSunday(2038), (CivilDate{2038, 4, 25}));
}

TEST(Calendar, SpanishHolidays) {
  EXPECT_TRUE(IsSpanishNationalHoliday({2025, 1, 6}));
  EXPECT_TRUE(IsSpanishNationalHoliday({2025, 4, 18}));  // Good Friday
  EXPECT_TRUE(IsSpanishNationalHoliday({2025, 10, 12}));
  EXPECT_FALSE(IsSpanishNationalHoliday({2025, 4, 17}));
  EXPECT_FALSE(IsSpanishNationalHoliday({2025, 7, 25}));
  EXPECT_TRUE(IsSchoolHoliday({2025, 8, 1}));
  EXPECT_TRUE(IsSchoolHoliday({2025, 12, 24}));
  EXPECT_TRUE(IsSchoolHoliday({2025, 1, 7}));
  EXPECT_TRUE(IsSchoolHoliday({2025, 4, 21}));  // Easter Monday
  EXPECT_FALSE(IsSchoolHoliday({2025, 1, 8}));
  EXPECT_FALSE(IsSchoolHoliday({2025, 9, 9}));
  EXPECT_FALSE(IsSchoolHoliday({2025, 6, 20}));
}

TEST(Calendar, LocalHoursOnDaylightSavingDays) {
  auto grid = MakeDayGrid(Madrid(), {2025, 3, 30}, {2025, 3, 31}, 900);
  ASSERT_TRUE(grid.ok());
  auto calendar = MakeLocalCalendar(Madrid(), *grid);
  ASSERT_TRUE(calendar.ok());
  ASSERT_EQ(calendar->hour.size(), 92U);
  EXPECT_DOUBLE_EQ(calendar->hour[0], 0.125);  // midpoint of 00:00-00:15
  EXPECT_DOUBLE_EQ(calendar->hour[7], 1.875);
  EXPECT_DOUBLE_EQ(calendar->hour[8], 3.125);  // 02:00 does not exist
  EXPECT_DOUBLE_EQ(calendar->hour[91], 23.875);
  EXPECT_EQ(calendar->days[0].weekday, 6);
  EXPECT_TRUE(calendar->days[0].IsRestDay());

  grid = MakeDayGrid(Madrid(), {2025, 10, 26}, {2025, 10, 27}, 900);
  ASSERT_TRUE(grid.ok());
  calendar = MakeLocalCalendar(Madrid(), *grid);
  ASSERT_TRUE(calendar.ok());
  ASSERT_EQ(calendar->hour.size(), 100U);
  EXPECT_DOUBLE_EQ(calendar->hour[8], 2.125);   // first 02:00
  EXPECT_DOUBLE_EQ(calendar->hour[12], 2.125);  // second 02:00
  EXPECT_DOUBLE_EQ(calendar->hour[99], 23.875);
  EXPECT_EQ(calendar->days[0].day_of_year, 299);
}

}  // namespace
}  // namespace reparto::synth
