// Tests of the Spanish hourly readers (spec/formats.md §4) in Europe/Madrid: the 23-hour spring day
// 2024-03-31 and the 25-hour autumn day 2024-10-27, with instants worked by hand:
//   2024-10-27 00:00 CEST = 2024-10-26T22:00:00Z; the day lasts 25 h, 2024-10-28 00:00 CET is
//   2024-10-27T23:00:00Z.  2024-03-31 00:00 CET = 2024-03-30T23:00:00Z; 23 h long.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/reader.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

constexpr UtcSeconds kOct26At22Z = 1729980000;  // 2024-10-26T22:00:00Z
constexpr UtcSeconds kMar30At23Z = 1711839600;  // 2024-03-30T23:00:00Z
constexpr UtcSeconds kHour = 3600;

class SpanishCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto zone = IanaZone::Load("Europe/Madrid");
    ASSERT_TRUE(zone.ok());
    madrid_ = std::move(*zone);
  }
  Result<ReadingBatch> Read(std::string_view text) {
    return ReadReadingsText(text, "es.csv", *madrid_);
  }
  std::unique_ptr<IanaZone> madrid_;
};

TEST_F(SpanishCsvTest, ConstantsAreRight) {
  EXPECT_EQ(FormatIsoInstant(kOct26At22Z, 0, true), "2024-10-26T22:00:00Z");
  EXPECT_EQ(FormatIsoInstant(kMar30At23Z, 0, true), "2024-03-30T23:00:00Z");
}

TEST_F(SpanishCsvTest, DatadisAutumnDayHas25Hours) {
  auto batch = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;27/10/2024;1;0,100;Real\n"
      "ES0031405000000001AA0F;27/10/2024;2;0,200;Real\n"
      "ES0031405000000001AA0F;27/10/2024;3;0,300;Estimada\n"
      "ES0031405000000001AA0F;27/10/2024;4;;Real\n"
      "ES0031405000000001AA0F;27/10/2024;25;1,5;R\n"
      "ES0031405000000001AA0F;28/10/2024;1;0,7;E\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  ASSERT_EQ(batch->names, std::vector<std::string>{"ES0031405000000001AA0F"});
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].start, kOct26At22Z);
  EXPECT_EQ(r[1].start, kOct26At22Z + kHour);
  EXPECT_EQ(r[2].start, kOct26At22Z + 2 * kHour);  // 02:00-03:00 CEST
  EXPECT_EQ(r[3].start, kOct26At22Z + 3 * kHour);  // 02:00-03:00 CET, the repeated hour
  EXPECT_EQ(r[4].start, kOct26At22Z + 24 * kHour);
  EXPECT_EQ(r[5].start, kOct26At22Z + 25 * kHour);
  for (const ReadingRecord& rec : r) {
    EXPECT_EQ(rec.duration_seconds, 3600);
    EXPECT_EQ(rec.injection_quality, Quality::kMissing);  // the format has no injection
  }
  EXPECT_EQ(r[0].consumption, 100000);
  EXPECT_EQ(r[0].consumption_quality, Quality::kReal);
  EXPECT_EQ(r[2].consumption, 300000);
  EXPECT_EQ(r[2].consumption_quality, Quality::kEstimated);
  EXPECT_EQ(r[3].consumption_quality, Quality::kMissing);  // empty cell: missing, not 0
  EXPECT_EQ(r[4].consumption, 1500000);
  EXPECT_EQ(r[5].consumption, 700000);
  EXPECT_EQ(r[5].consumption_quality, Quality::kEstimated);
  EXPECT_EQ(r[5].line, 7u);
}

TEST_F(SpanishCsvTest, TwentyFifthHourOnAnOrdinaryDayIsRejected) {
  auto batch = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;28/10/2024;25;0,100;Real\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(),
              HasSubstr("es.csv:2:35: hour 25 on 2024-10-28, a day of 24 hours in Europe/Madrid"));
}

TEST_F(SpanishCsvTest, DatadisSelfConsumptionSpringDayHas23Hours) {
  const std::string header =
      "CUPS;Fecha;Hora;consumo_kWh;metodoObtencion;energiaVertida_kWh;energiaGenerada_kWh;"
      "energiaAutoconsumida_kWh\n";
  auto batch = Read(header +
                    "ES0031405000000001AA0F;2024/03/31;01:00;0,250;Real;1,125;2,000;0,500\n"
                    "ES0031405000000001AA0F;2024/03/31;02:00;0,250;Real;;;\n"
                    "ES0031405000000001AA0F;2024/03/31;03:00;0,010;Estimada;0;0;0\n"
                    "ES0031405000000001AA0F;2024/03/31;23:00;0,5;Real;0,000;0;0\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].start, kMar30At23Z);
  EXPECT_EQ(r[1].start, kMar30At23Z + kHour);
  EXPECT_EQ(r[2].start, kMar30At23Z + 2 * kHour);  // 03:00-04:00 CEST right after 01:00-02:00 CET
  EXPECT_EQ(r[3].start, kMar30At23Z + 22 * kHour);
  EXPECT_EQ(r[0].consumption, 250000);
  EXPECT_EQ(r[0].injection, 1125000);
  EXPECT_EQ(r[0].injection_quality, Quality::kReal);
  EXPECT_EQ(r[1].injection_quality, Quality::kMissing);
  EXPECT_EQ(r[2].injection, 0);
  EXPECT_EQ(r[2].injection_quality, Quality::kEstimated);
  EXPECT_EQ(r[3].injection_quality, Quality::kReal);

  auto hour24 = Read(header + "ES0031405000000001AA0F;2024/03/31;24:00;0,5;Real;0;0;0\n");
  ASSERT_FALSE(hour24.ok());
  EXPECT_THAT(hour24.status().message(),
              HasSubstr("es.csv:2:35: hour 24 on 2024-03-31, a day of 23 hours"));
}

TEST_F(SpanishCsvTest, EDistribucionImportExportAndQuality) {
  auto batch = Read(
      "CUPS;Fecha;Hora;AE_kWh;AS_KWh;AE_AUTOCONS_kWh;REAL/ESTIMADO\n"
      "ES0031405000000001AA0F;01/07/2024;1;0,412;0,000;;R\n"
      "ES0031405000000001AA0F;01/07/2024;13;0,000;2,031;;E\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(FormatIsoInstant(r[0].start, 0, true), "2024-06-30T22:00:00Z");
  EXPECT_EQ(FormatIsoInstant(r[1].start, 0, true), "2024-07-01T10:00:00Z");
  EXPECT_EQ(r[0].consumption, 412000);
  EXPECT_EQ(r[0].injection, 0);
  EXPECT_EQ(r[0].injection_quality, Quality::kReal);
  EXPECT_EQ(r[1].injection, 2031000);
  EXPECT_EQ(r[1].injection_quality, Quality::kEstimated);
  EXPECT_EQ(r[1].consumption_quality, Quality::kEstimated);
}

TEST_F(SpanishCsvTest, UfdHourTwentyFour) {
  auto batch = Read(
      "CUPS;FECHA;HORA;EHCR (kWh);EHEX (kWh)\n"
      "ES0022000000000001AA1P;2024/01/15;24;1,001;0,002\n"
      "ES0022000000000002BB1P;2024/01/15;24;;0,002\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  ASSERT_EQ(batch->records.size(), 2u);
  ASSERT_EQ(batch->names.size(), 2u);
  EXPECT_EQ(batch->records[1].name, 1u);
  EXPECT_EQ(FormatIsoInstant(batch->records[0].start, 0, true), "2024-01-15T22:00:00Z");
  EXPECT_EQ(batch->records[0].consumption, 1001000);
  EXPECT_EQ(batch->records[0].injection, 2000);
  EXPECT_EQ(batch->records[0].consumption_quality, Quality::kReal);
  EXPECT_EQ(batch->records[1].consumption_quality, Quality::kMissing);
}

TEST_F(SpanishCsvTest, IDeWattHoursAndInvVerOnTheAutumnDay) {
  auto batch = Read(
      "CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh;\n"
      "ES0021000000000001AA0F;2024/10/27 01:00;1;100;0;\n"
      "ES0021000000000001AA0F;2024/10/27 02:00;1;200;0;\n"
      "ES0021000000000001AA0F;2024/10/27 03:00;1;300;0;\n"
      "ES0021000000000001AA0F;2024/10/27 03:00;0;400;5;\n"
      "ES0021000000000001AA0F;2024/10/27 04:00;0;500;;\n"
      "ES0021000000000001AA0F;2024/10/28 00:00;0;1234;0;\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].start, kOct26At22Z);
  EXPECT_EQ(r[1].start, kOct26At22Z + kHour);
  EXPECT_EQ(r[2].start, kOct26At22Z + 2 * kHour);  // VER: 02:00-03:00 CEST
  EXPECT_EQ(r[3].start, kOct26At22Z + 3 * kHour);  // INV: 02:00-03:00 CET
  EXPECT_EQ(r[4].start, kOct26At22Z + 4 * kHour);
  EXPECT_EQ(r[5].start, kOct26At22Z + 24 * kHour);  // ends at 00:00 on the 28th: the 25th hour
  EXPECT_EQ(r[0].consumption, 100000);              // 100 Wh
  EXPECT_EQ(r[3].injection, 5000);
  EXPECT_EQ(r[4].injection_quality, Quality::kMissing);
  EXPECT_EQ(r[5].consumption, 1234000);
  EXPECT_EQ(r[5].duration_seconds, 3600);
}

TEST_F(SpanishCsvTest, IDeSpringDay) {
  auto batch = Read(
      "CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh\n"
      "ES0021000000000001AA0F;2024/03/31 02:00;0;10;0\n"
      "ES0021000000000001AA0F;2024/03/31 04:00;1;20;0\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->records[0].start, kMar30At23Z + kHour);      // 01:00-02:00 CET
  EXPECT_EQ(batch->records[1].start, kMar30At23Z + 2 * kHour);  // 03:00-04:00 CEST
  // "03:00" in summer time is the same instant as "02:00" in winter time: the same hour.
  auto same = Read(
      "CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh\n"
      "ES0021000000000001AA0F;2024/03/31 03:00;1;10;0\n");
  ASSERT_TRUE(same.ok()) << same.status().message();
  EXPECT_EQ(same->records[0].start, kMar30At23Z + kHour);
}

TEST_F(SpanishCsvTest, IDeRepeatedHourWithoutFlagIsAnError) {
  auto batch = Read(
      "CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh\n"
      "ES0021000000000001AA0F;2024/10/27 03:00;;300;0\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(), HasSubstr("es.csv:2:24: "));
  EXPECT_THAT(batch.status().message(), HasSubstr("happens twice"));
}

TEST_F(SpanishCsvTest, IDeRejectsAThousandsPoint) {
  auto batch = Read(
      "CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh\n"
      "ES0021000000000001AA0F;2024/07/01 01:00;1;1.234;0\n");
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(),
              HasSubstr("es.csv:2:44: malformed consumption '1.234' (expected a decimal number of "
                        "Wh with ','"));
}

TEST_F(SpanishCsvTest, HoursZeroToTwentyThreeOnlyWhenConsistent) {
  auto batch = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;0;0,1;R\n"
      "ES0031405000000001AA0F;01/07/2024;23;0,2;R\n");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(FormatIsoInstant(batch->records[0].start, 0, true), "2024-06-30T22:00:00Z");
  EXPECT_EQ(FormatIsoInstant(batch->records[1].start, 0, true), "2024-07-01T21:00:00Z");

  auto mixed = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;0;0,1;R\n"
      "ES0031405000000001AA0F;01/07/2024;24;0,2;R\n");
  ASSERT_FALSE(mixed.ok());
  EXPECT_THAT(mixed.status().message(),
              HasSubstr("es.csv: line 2 has hour 0 and line 3 has hour 24"));

  // 0-23 numbering on the spring day: 22 is the last hour.
  auto spring = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;31/03/2024;0;0,1;R\n"
      "ES0031405000000001AA0F;31/03/2024;23;0,2;R\n");
  ASSERT_FALSE(spring.ok());
  EXPECT_THAT(spring.status().message(), HasSubstr("es.csv:3:35: hour 23 on 2024-03-31"));
}

TEST_F(SpanishCsvTest, NegativeAndMalformedValuesAreErrorsWithPosition) {
  auto negative = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;1;-0,5;R\n");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().message(), "es.csv:2:37: negative consumption '-0,5'");
  auto malformed = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;1;0,1x;R\n");
  ASSERT_FALSE(malformed.ok());
  EXPECT_THAT(malformed.status().message(), HasSubstr("es.csv:2:40: malformed consumption '0,1x'"));
  auto bad_quality = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;1;0,1;Maybe\n");
  ASSERT_FALSE(bad_quality.ok());
  EXPECT_THAT(bad_quality.status().message(), HasSubstr("es.csv:2:41: unknown quality 'Maybe'"));
  auto duplicate = Read(
      "CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"
      "ES0031405000000001AA0F;01/07/2024;1;0,1;R\n"
      "ES0031405000000001AA0F;2024/07/01;01:00;0,1;R\n");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(duplicate.status().message(), HasSubstr("lines 2 and 3"));
}

TEST_F(SpanishCsvTest, SpanishFormatsNeedAZone) {
  auto batch =
      ReadReadingsText("CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n", "es.csv", ReadOptions{});
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(), HasSubstr("needs the time zone"));
}

}  // namespace
}  // namespace reparto
