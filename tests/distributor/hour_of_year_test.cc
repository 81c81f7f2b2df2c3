// Tests for the hour-of-year numbering on daylight-saving days (spec/formats.md §2), Europe/Madrid
// and Atlantic/Canary, 2024 (leap) and 2025.
#include "distributor/hour_of_year.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace reparto::distributor {
namespace {

using testing::At;
using testing::Zone;

int Hour(const TimeZone& zone, int year, std::string_view iso) {
  auto hour = HourOfYear(zone, year, At(iso));
  EXPECT_TRUE(hour.ok()) << iso << ": " << hour.status().message();
  return hour.ok() ? *hour : -1;
}

TEST(HourOfYear, MadridSpringForward2025) {
  auto madrid = Zone("Europe/Madrid");
  EXPECT_EQ(Hour(*madrid, 2025, "2025-01-01T00:00:00+01:00"), 1);
  // 1 Jan .. 29 Mar = 31 + 28 + 29 = 88 days = 2112 hours; 30 Mar 00:00 is hour 2113.
  EXPECT_EQ(Hour(*madrid, 2025, "2025-03-30T00:00:00+01:00"), 2113);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-03-30T01:00:00+01:00"), 2114);
  // 02:00 local does not exist: the next hour is 03:00 CEST.
  EXPECT_EQ(Hour(*madrid, 2025, "2025-03-30T03:00:00+02:00"), 2115);
}

TEST(HourOfYear, MadridFallBack2025) {
  auto madrid = Zone("Europe/Madrid");
  // 1 Jan .. 25 Oct = 298 days = 7152 hours, less the lost spring hour: 26 Oct 00:00 is 7152.
  EXPECT_EQ(Hour(*madrid, 2025, "2025-10-26T00:00:00+02:00"), 7152);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-10-26T01:00:00+02:00"), 7153);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-10-26T02:00:00+02:00"), 7154);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-10-26T02:00:00+01:00"), 7155);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-10-26T03:00:00+01:00"), 7156);
  EXPECT_EQ(Hour(*madrid, 2025, "2025-12-31T23:00:00+01:00"), 8760);
}

TEST(HourOfYear, MadridLeapYear2024) {
  auto madrid = Zone("Europe/Madrid");
  // 31 + 28 days = 1416 hours before 29 Feb.
  EXPECT_EQ(Hour(*madrid, 2024, "2024-02-29T00:00:00+01:00"), 1417);
  EXPECT_EQ(Hour(*madrid, 2024, "2024-12-31T23:00:00+01:00"), 8784);
  EXPECT_EQ(HoursInYear(*madrid, 2024), 8784);
  EXPECT_EQ(HoursInYear(*madrid, 2025), 8760);
}

TEST(HourOfYear, CanaryIslands2025) {
  auto canary = Zone("Atlantic/Canary");
  EXPECT_EQ(Hour(*canary, 2025, "2025-01-01T00:00:00Z"), 1);
  EXPECT_EQ(Hour(*canary, 2025, "2025-03-30T00:00:00+00:00"), 2113);
  // The Canaries jump from 01:00 WET to 02:00 WEST.
  EXPECT_EQ(Hour(*canary, 2025, "2025-03-30T02:00:00+01:00"), 2114);
  // 01:00-02:00 local happens twice on 26 October.
  EXPECT_EQ(Hour(*canary, 2025, "2025-10-26T01:00:00+01:00"), 7153);
  EXPECT_EQ(Hour(*canary, 2025, "2025-10-26T01:00:00+00:00"), 7154);
  EXPECT_EQ(Hour(*canary, 2025, "2025-12-31T23:00:00Z"), 8760);
  EXPECT_EQ(HoursInYear(*canary, 2024), 8784);
  EXPECT_EQ(HoursInYear(*canary, 2025), 8760);
}

TEST(HourOfYear, RejectsInstantsOutsideTheYearOrOffTheHour) {
  auto madrid = Zone("Europe/Madrid");
  EXPECT_FALSE(HourOfYear(*madrid, 2025, At("2024-12-31T23:00:00+01:00")).ok());
  EXPECT_FALSE(HourOfYear(*madrid, 2025, At("2026-01-01T00:00:00+01:00")).ok());
  auto off = HourOfYear(*madrid, 2025, At("2025-03-30T01:30:00+01:00"));
  ASSERT_FALSE(off.ok());
  EXPECT_THAT(off.status().message(), ::testing::HasSubstr("not at the start of an hour"));
}

TEST(HourStart, InvertsHourOfYearForEveryHour) {
  for (const char* name : {"Europe/Madrid", "Atlantic/Canary"}) {
    auto zone = Zone(name);
    for (int year : {2024, 2025}) {
      const int hours = HoursInYear(*zone, year);
      for (int h = 1; h <= hours; ++h) {
        auto start = HourStart(*zone, year, h);
        ASSERT_TRUE(start.ok()) << name << " " << year << " " << h;
        auto back = HourOfYear(*zone, year, *start);
        ASSERT_TRUE(back.ok());
        ASSERT_EQ(*back, h) << name << " " << year;
      }
    }
  }
}

TEST(HourStart, KnownInstantsAndRange) {
  auto madrid = Zone("Europe/Madrid");
  auto h2114 = HourStart(*madrid, 2025, 2114);
  ASSERT_TRUE(h2114.ok());
  EXPECT_EQ(*h2114, At("2025-03-30T00:00:00Z"));
  auto h7155 = HourStart(*madrid, 2025, 7155);
  ASSERT_TRUE(h7155.ok());
  EXPECT_EQ(*h7155, At("2025-10-26T01:00:00Z"));
  EXPECT_FALSE(HourStart(*madrid, 2025, 0).ok());
  EXPECT_FALSE(HourStart(*madrid, 2025, 8761).ok());
  EXPECT_TRUE(HourStart(*madrid, 2024, 8784).ok());
}

TEST(HoursInYear, ZeroBeyondTheSupportedRange) {
  auto madrid = Zone("Europe/Madrid");
  EXPECT_EQ(HoursInYear(*madrid, 2040), 0);
  FixedOffsetZone utc(0);
  EXPECT_EQ(HoursInYear(utc, 2040), 8784);
}

}  // namespace
}  // namespace reparto::distributor
