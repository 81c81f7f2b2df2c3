// Spain settles hourly: quarter-hour meter data are summed to hours first, then netted and shared
// per hour (spec/allocation.md §1, §5). Hand-worked numbers.
#include <gtest/gtest.h>

#include "core/readings.h"
#include "support/allocation_fixture.h"

namespace reparto::testing {
namespace {

ReadingRecord Quarter(UtcSeconds start, std::uint32_t name, std::uint32_t line, double cr_kwh,
                      double ir_kwh) {
  ReadingRecord r;
  r.start = start;
  r.duration_seconds = 900;
  r.name = name;
  r.line = line;
  r.consumption = KWh(cr_kwh);
  r.injection = KWh(ir_kwh);
  r.consumption_quality = Quality::kReal;
  r.injection_quality = Quality::kReal;
  return r;
}

// A prosumer imports 1 kWh in each of the first two quarter-hours and exports 1 kWh in each of the
// last two. Netted per quarter-hour it would consume 2 and inject 2; netted over the Spanish hour
// it consumes 0 and injects 0. With a fixed 0.5 share of a 6 kWh hourly pool it gets 3 kWh, all
// surplus (EHEX, compensated on its bill), and nothing from the retailer (EHCR).
TEST(SpanishHourly, QuarterHoursAreSummedToHoursBeforeNetting) {
  Fixture f(Country::kSpain, 3600);
  const int a = f.Add("ES0021000000000001RK0F", Role::kProsumer);
  const int b = f.Add("B", Role::kConsumer);
  const int pv = f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {Ppb(0.5), Ppb(0.5), 0};
  ReadingTable table(3, f.grid);
  ReadingBatch batch;
  batch.source = "quarters.csv";
  batch.names = {"ES0021000000000001RK", "B", "PV"};  // the CUPS without its suffix also matches
  const UtcSeconds h0 = f.Start(0);
  std::uint32_t line = 2;
  for (int q = 0; q < 4; ++q) {
    batch.records.push_back(Quarter(h0 + q * 900, 0, line++, q < 2 ? 1 : 0, q < 2 ? 0 : 1));
    batch.records.push_back(Quarter(h0 + q * 900, 1, line++, 1, 0));
    batch.records.push_back(Quarter(h0 + q * 900, 2, line++, 0, 1.5));
  }
  ASSERT_TRUE(PlaceReadings(f.community, batch, table).ok());
  table.Finish();
  const CollectingSink sink = f.Run(table);
  const Row& prosumer = sink.at(a, 0);
  EXPECT_EQ(prosumer.cr, KWh(2));
  EXPECT_EQ(prosumer.ir, KWh(2));
  EXPECT_EQ(prosumer.cm, 0);
  EXPECT_EQ(prosumer.im, 0);
  EXPECT_EQ(sink.pool(0), KWh(6));
  EXPECT_EQ(prosumer.imputed, KWh(3));
  EXPECT_EQ(prosumer.surplus, KWh(3));
  EXPECT_EQ(prosumer.supplier, 0);
  EXPECT_EQ(sink.at(b, 0).cm, KWh(4));
  EXPECT_EQ(sink.at(b, 0).self_consumed, KWh(3));
  EXPECT_EQ(sink.at(b, 0).supplier, KWh(1));
  EXPECT_EQ(sink.at(pv, 0).quality, Quality::kReal);
}

// An hour with only three of its four quarter-hours is computed with what is known and flagged
// missing; it is never taken as complete.
TEST(SpanishHourly, IncompleteHourIsFlaggedMissing) {
  Fixture f(Country::kSpain, 3600);
  const int a = f.Add("A", Role::kConsumer);
  f.Add("PV", Role::kProducer);
  f.Period(Method::kFixed).fixed = {Ppb(1), 0};
  ReadingTable table(2, f.grid);
  ReadingBatch batch;
  batch.source = "a.csv";
  batch.names = {"A"};
  for (int q = 0; q < 3; ++q)
    batch.records.push_back(Quarter(f.Start(0) + q * 900, 0, 2 + q, 1, 0));
  ASSERT_TRUE(PlaceReadings(f.community, batch, table).ok());
  table.Finish();
  EXPECT_EQ(table.cr(a)[0], KWh(3));
  EXPECT_EQ(table.cr_quality(a)[0], Quality::kMissing);
}

// Placement is all or nothing, and errors name the file and lines.
TEST(SpanishHourly, PlacementErrorsNameTheLinesAndWriteNothing) {
  Fixture f(Country::kSpain, 3600);
  const int a = f.Add("A", Role::kConsumer);
  ReadingTable table(1, f.grid);
  ReadingBatch batch;
  batch.source = "a.csv";
  batch.names = {"A", "Z"};
  batch.records.push_back(Quarter(f.Start(0), 0, 2, 1, 0));
  batch.records.push_back(Quarter(f.Start(0), 0, 7, 1, 0));
  Status s = PlaceReadings(f.community, batch, table);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "a.csv: lines 2 and 7 both give participant 'A' at 2024-05-26T00:00:00Z");
  EXPECT_EQ(table.cr_quality(a)[0], Quality::kMissing);

  batch.records = {Quarter(f.Start(0), 0, 2, 1, 0), Quarter(f.Start(1), 1, 3, 1, 0)};
  s = PlaceReadings(f.community, batch, table);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "a.csv:3: unknown participant 'Z' (not in community 'test')");
  EXPECT_EQ(table.cr_quality(a)[0], Quality::kMissing);

  batch.records = {Quarter(f.Start(0), 0, 2, 1, 0)};
  batch.records[0].consumption = -5;
  s = PlaceReadings(f.community, batch, table);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("a.csv:2: negative consumption"), std::string::npos);
}

}  // namespace
}  // namespace reparto::testing
