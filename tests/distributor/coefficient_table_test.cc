// Tests for TableForYear: fixed vs hourly, which coefficients each hour takes, and the errors
// (uncovered hours, unsupported methods, producers holding shares, ids that are not CUPS).
#include "distributor/coefficient_table.h"

#include "distributor/hour_of_year.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace reparto::distributor {
namespace {

using testing::At;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kCupsA;
using testing::kCupsB;
using testing::kCupsC;
using testing::Zone;

constexpr Coefficient kAll = kCoefficientScale;

Participant Member(std::string_view id, Role role) {
  Participant p;
  p.id = std::string(id);
  p.role = role;
  return p;
}

// A (consumer), PV1 (producer), B (prosumer), C (consumer): the file lists A, B, C.
Community MakeCommunity() {
  Community c;
  c.id = "edificio-sol";
  c.timezone = "Europe/Madrid";
  c.rules.country = Country::kSpain;
  c.rules.step_seconds = 3600;
  c.participants = {Member(kCupsA, Role::kConsumer), Member("PV1", Role::kProducer),
                    Member(kCupsB, Role::kProsumer), Member(kCupsC, Role::kConsumer)};
  return c;
}

SharingPeriod Fixed(UtcSeconds from, UtcSeconds to, std::vector<Coefficient> set) {
  SharingPeriod p;
  p.from = from;
  p.to = to;
  p.method = Method::kFixed;
  p.fixed = std::move(set);
  return p;
}

SharingPeriod Variable(int row_seconds) {
  SharingPeriod p;
  p.method = Method::kVariable;
  p.row_seconds = row_seconds;
  return p;
}

TEST(TableForYear, OneFixedPeriodCoveringTheYearGivesAFixedTable) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  c.periods = {Fixed(kBeginningOfTime, kEndOfTime, {500000000, 0, 300000000, 200000000})};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_FALSE(table->hourly);
  EXPECT_EQ(table->year, 2025);
  EXPECT_THAT(table->cups, ElementsAre(kCupsA, kCupsB, kCupsC));
  EXPECT_EQ(table->row_count(), 1);
  EXPECT_THAT(table->Row(0), ElementsAre(500000000, 300000000, 200000000));
}

TEST(TableForYear, TwoFixedPeriodsGiveAnHourlyTableSwitchingAtTheBoundary) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  const UtcSeconds march = At("2025-03-01T00:00:00+01:00");
  c.periods = {Fixed(kBeginningOfTime, march, {kAll, 0, 0, 0}),
               Fixed(march, kEndOfTime, {0, 0, 0, kAll})};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_TRUE(table->hourly);
  EXPECT_EQ(table->row_count(), 8760);
  // 1 March 00:00 is hour (31 + 28) * 24 + 1 = 1417: row 1416.
  EXPECT_THAT(table->Row(1415), ElementsAre(kAll, 0, 0));
  EXPECT_THAT(table->Row(1416), ElementsAre(0, 0, kAll));
  EXPECT_THAT(table->Row(8759), ElementsAre(0, 0, kAll));
}

TEST(TableForYear, QuarterHourRowsTakeTheRowAtEachHourStart) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  SharingPeriod p = Variable(900);
  const UtcSeconds start = *HourStart(*madrid, 2025, 1);
  for (int q = 0; q < 8760 * 4; ++q) {
    // :00 rows all to A, the other quarters all to C.
    p.rows.push_back(
        CoefficientRow{start + q * 900, q % 4 == 0 ? std::vector<Coefficient>{kAll, 0, 0, 0}
                                                   : std::vector<Coefficient>{0, 0, 0, kAll}});
  }
  c.periods = {p};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_TRUE(table->hourly);
  for (int row : {0, 2113, 2114, 7153, 7154, 8759}) {
    EXPECT_THAT(table->Row(row), ElementsAre(kAll, 0, 0)) << row;
  }
}

TEST(TableForYear, NamesTheFirstUncoveredHourWithItsLocalTime) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  // Hour 101 starts 100 h after 1 Jan 00:00: 5 Jan 04:00.
  c.periods = {Fixed(kBeginningOfTime, At("2025-01-05T04:00:00+01:00"), {kAll, 0, 0, 0}),
               Fixed(At("2025-01-05T06:00:00+01:00"), kEndOfTime, {kAll, 0, 0, 0})};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(),
              HasSubstr("hour 0101 (2025-01-05T04:00:00+01:00) of 2025 is not covered"));
}

TEST(TableForYear, NamesAMissingVariableRowOnTheRepeatedAutumnHour) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  SharingPeriod p = Variable(3600);
  for (int h = 1; h <= 8760; ++h) {
    if (h == 7155) continue;  // the second 02:00-03:00 of 26 October
    p.rows.push_back(CoefficientRow{*HourStart(*madrid, 2025, h), {0, 0, kAll, 0}});
  }
  c.periods = {p};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(),
              HasSubstr("hour 7155 (2025-10-26T02:00:00+01:00) has no row"));
}

TEST(TableForYear, UncoveredHoursTakeAFixedCountryDefaultByContractedPower) {
  // When the rule set's default is a coefficient set (Spain: proportional to contracted power),
  // hours no period covers take it instead of failing.
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  c.rules.default_method = Method::kFixed;
  c.participants[0].contracted_power_kw = 3.3;
  c.participants[2].contracted_power_kw = 6.6;
  // No period at all: a fixed file. Cumulative floors of 1e9 x 3300/9900 and 9900/9900:
  // 333333333, then 1000000000 - 333333333 = 666666667; C has no contracted power.
  auto fixed = TableForYear(c, *madrid, 2025);
  ASSERT_TRUE(fixed.ok()) << fixed.status().message();
  EXPECT_FALSE(fixed->hourly);
  EXPECT_THAT(fixed->Row(0), ElementsAre(333333333, 666666667, 0));
  // A period for January only: hourly, the default from 1 February 00:00 (hour 745).
  c.periods = {Fixed(kBeginningOfTime, At("2025-02-01T00:00:00+01:00"), {0, 0, 0, kAll})};
  auto hourly = TableForYear(c, *madrid, 2025);
  ASSERT_TRUE(hourly.ok()) << hourly.status().message();
  EXPECT_TRUE(hourly->hourly);
  EXPECT_THAT(hourly->Row(743), ElementsAre(0, 0, kAll));
  EXPECT_THAT(hourly->Row(744), ElementsAre(333333333, 666666667, 0));
}

TEST(TableForYear, RejectsMethodsTheFileCannotExpress) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  SharingPeriod proportional;
  proportional.method = Method::kProportional;
  c.periods = {proportional};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("hour 0001"));
  EXPECT_THAT(table.status().message(), HasSubstr("'proportional' sharing period"));
}

TEST(TableForYear, RejectsAProducerHoldingAShare) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  c.periods = {Fixed(kBeginningOfTime, kEndOfTime, {500000000, 100000000, 200000000, 200000000})};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("add up to 900000000 ppb"));
}

TEST(TableForYear, RejectsConsumerIdsThatAreNotCups) {
  auto madrid = Zone("Europe/Madrid");
  Community c = MakeCommunity();
  c.participants[3].id = "flat-3B";
  c.periods = {Fixed(kBeginningOfTime, kEndOfTime, {kAll, 0, 0, 0})};
  auto table = TableForYear(c, *madrid, 2025);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("participant 4: CUPS 'flat-3B'"));
}

TEST(TableForYear, RejectsACommunityWithoutConsumers) {
  auto madrid = Zone("Europe/Madrid");
  Community c;
  c.id = "solo";
  c.participants = {Member("PV1", Role::kProducer)};
  EXPECT_THAT(TableForYear(c, *madrid, 2025).status().message(), HasSubstr("no consumers"));
}

}  // namespace
}  // namespace reparto::distributor
