// Tests of the E-REDES Balcão Digital reader (spec/formats.md §3): the real January 2022 export
// (XLSX and its CSV re-export must agree, values checked by hand against the file) and synthetic
// CSV renderings of the daylight-saving days in Europe/Lisbon.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/reader.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

const std::string kDir = std::string(REPARTO_SHARED_DATA) + "/consumption/";
const std::string kXlsx = kDir + "EREDES_balcao_digital_export_2022-01_15min_raw.xlsx";
const std::string kCsv = kDir + "EREDES_balcao_digital_export_2022-01_15min.csv";

constexpr UtcSeconds kJan1 = 1640995200;  // 2022-01-01T00:00:00Z = 00:00 in Lisbon (WET, UTC+0)

class EredesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto zone = IanaZone::Load("Europe/Lisbon");
    ASSERT_TRUE(zone.ok());
    lisbon_ = std::move(*zone);
  }
  std::unique_ptr<IanaZone> lisbon_;
};

// Checks the facts read by hand from the export (rows as in the XLSX; the CSV re-export has the
// same rows 14 lines earlier).
void CheckJanuary2022(const ReadingBatch& batch, std::uint32_t first_line) {
  ASSERT_EQ(batch.records.size(), 31u * 96u);  // 2976 quarter-hours, no DST change in January
  ASSERT_EQ(batch.names.size(), 1u);
  EXPECT_EQ(batch.names[0], "");  // the CPE was blanked in the published sample
  const auto& r = batch.records;
  // First row: 2022/01/01 00:15, Consumo registado 0.228 kW Real -> 0.057 kWh.
  EXPECT_EQ(r[0].start, kJan1);
  EXPECT_EQ(r[0].duration_seconds, 900);
  EXPECT_EQ(r[0].line, first_line);
  EXPECT_EQ(r[0].consumption, 57000);
  EXPECT_EQ(r[0].consumption_quality, Quality::kReal);
  // Injeção registada has Estado '-' on every row: not applicable, so missing (not zero).
  EXPECT_EQ(r[0].injection_quality, Quality::kMissing);
  // Row 4: 01:00, 0.044 kW -> 11000 mWh.
  EXPECT_EQ(r[3].start, kJan1 + 45 * 60);
  EXPECT_EQ(r[3].consumption, 11000);
  // The 2022/01/07 22:15 row is the maximum, 2.844 kW -> 0.711 kWh, starting 22:00Z.
  EXPECT_EQ(r[6 * 96 + 88].start, kJan1 + 6 * 86400 + 22 * 3600);
  EXPECT_EQ(r[6 * 96 + 88].consumption, 711000);
  // From 2022/01/11 00:15 on the values are Estimado: 0.252 kW -> 63000 mWh.
  EXPECT_EQ(r[959].consumption_quality, Quality::kReal);
  EXPECT_EQ(r[960].start, kJan1 + 10 * 86400);
  EXPECT_EQ(r[960].consumption, 63000);
  EXPECT_EQ(r[960].consumption_quality, Quality::kEstimated);
  EXPECT_EQ(r[960].line, first_line + 960);
  // Last row: 2022/02/01 00:00 closes 31 January: 23:45Z, 0.248 kW Estimado.
  EXPECT_EQ(r.back().start, kJan1 + 31 * 86400 - 900);
  EXPECT_EQ(r.back().consumption, 62000);
  EXPECT_EQ(r.back().consumption_quality, Quality::kEstimated);
  MilliWh total = 0;
  int real = 0;
  int estimated = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    total += r[i].consumption;
    if (r[i].consumption_quality == Quality::kReal) ++real;
    if (r[i].consumption_quality == Quality::kEstimated) ++estimated;
    EXPECT_EQ(r[i].injection_quality, Quality::kMissing);
    if (i > 0) {
      EXPECT_EQ(r[i].start - r[i - 1].start, 900) << i;
    }
  }
  EXPECT_EQ(total, 171725000);  // 171.725 kWh = sum of kW / 4
  EXPECT_EQ(real, 960);
  EXPECT_EQ(estimated, 2016);
}

TEST_F(EredesTest, RealXlsxExport) {
  auto batch = ReadReadingsFile(kXlsx, *lisbon_);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->source, kXlsx);
  CheckJanuary2022(*batch, 16);  // header on row 15
  EXPECT_EQ(batch->records.back().line, 2991u);
}

TEST_F(EredesTest, RealCsvReExport) {
  auto batch = ReadReadingsFile(kCsv, *lisbon_);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  CheckJanuary2022(*batch, 2);
}

TEST_F(EredesTest, XlsxAndCsvAgreeRecordByRecord) {
  auto xlsx = ReadReadingsFile(kXlsx, *lisbon_);
  auto csv = ReadReadingsFile(kCsv, *lisbon_);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  ASSERT_EQ(xlsx->records.size(), csv->records.size());
  for (std::size_t i = 0; i < xlsx->records.size(); ++i) {
    const ReadingRecord& a = xlsx->records[i];
    const ReadingRecord& b = csv->records[i];
    ASSERT_EQ(a.start, b.start) << i;
    ASSERT_EQ(a.consumption, b.consumption) << i;
    ASSERT_EQ(a.consumption_quality, b.consumption_quality) << i;
    ASSERT_EQ(a.injection_quality, b.injection_quality) << i;
    ASSERT_EQ(a.line, b.line + 14) << i;
  }
}

// A ';'-separated, decimal-comma rendering with metadata rows, as the portal's CSV shows it.
std::string DstDay(const std::string& date, const std::string& next_date, int first_repeat_rows,
                   int drop_rows) {
  std::ostringstream out;
  out << "Dados Globais;\nCPE;PT0002000000000001AB\nIntervalo:;15 min\n"
      << "Data;Hora;Consumo medido na IC, Ativa (kW);Estado;Injeção na rede medida na IC, Ativa "
         "(kW);Estado;Consumo registado (kW);Estado;Injeção registada (kW);Estado\n";
  // Labels: 00:15 .. 02:00, then (autumn) 01:15 .. 02:00 again, or (spring) 01:00 then 02:15,
  // then on to 24:00 written as 00:00 of the next date.
  std::vector<std::string> labels;
  char buffer[8];
  for (int m = 15; m <= 1440; m += 15) {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", m / 60 % 24, m % 60);
    labels.push_back(buffer);
    if (m == 120 && first_repeat_rows > 0) {
      for (int k = 1; k <= first_repeat_rows; ++k) {
        std::snprintf(buffer, sizeof buffer, "%02d:%02d", 1, k * 15 % 60);
        labels.push_back(k == 4 ? "02:00" : buffer);
      }
    }
  }
  if (first_repeat_rows < 0) {  // spring: no 01:15 .. 02:00 (local 01:00 jumps to 02:00)
    labels.erase(labels.begin() + 4, labels.begin() + 8);
  }
  for (int i = 0; i < static_cast<int>(labels.size()) - drop_rows; ++i) {
    const bool last = i == static_cast<int>(labels.size()) - 1;
    out << (last ? next_date : date) << ";" << labels[i] << ";0;-;0;-;0,"
        << std::string(3 - std::to_string(i + 1).size(), '0') << i + 1 << ";Real;0,000;Real\n";
  }
  return out.str();
}

TEST_F(EredesTest, AutumnDayOf100RowsIsPlacedByCounting) {
  const std::string text = DstDay("2022/10/30", "2022/10/31", 4, 0);
  auto batch = ReadReadingsText(text, "dst.csv", *lisbon_);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->names[0], "PT0002000000000001AB");
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 100u);
  // 2022-10-30 00:00 WEST = 2022-10-29T23:00:00Z; row k starts k quarter-hours later.
  constexpr UtcSeconds kStart = 1667084400;
  EXPECT_EQ(FormatIsoInstant(kStart, 0, true), "2022-10-29T23:00:00Z");
  for (std::size_t k = 0; k < r.size(); ++k) {
    EXPECT_EQ(r[k].start, kStart + static_cast<UtcSeconds>(k) * 900) << k;
    EXPECT_EQ(r[k].consumption, 250 * static_cast<MilliWh>(k + 1)) << k;  // (k+1)/1000 kW / 4
    EXPECT_EQ(r[k].injection, 0);
    EXPECT_EQ(r[k].injection_quality, Quality::kReal);
    EXPECT_EQ(r[k].line, 5u + k);
  }
  // The second "01:15" row (the 9th) is 01:00-01:15 WET = 01:00Z.
  EXPECT_EQ(FormatIsoInstant(r[8].start, 0, true), "2022-10-30T01:00:00Z");
  EXPECT_EQ(FormatIsoInstant(r[99].start, 0, true), "2022-10-30T23:45:00Z");
}

TEST_F(EredesTest, IncompleteDstDayIsRejected) {
  const std::string text = DstDay("2022/10/30", "2022/10/31", 4, 1);  // 99 rows
  auto batch = ReadReadingsText(text, "dst.csv", *lisbon_);
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(),
              HasSubstr("dst.csv:5: day 2022-10-30 has 100 quarter-hours in Europe/Lisbon but "
                        "the file has 99 rows for it (lines 5 to 103)"));
}

TEST_F(EredesTest, SpringDayOf92Rows) {
  const std::string text = DstDay("2022/03/27", "2022/03/28", -1, 0);
  auto batch = ReadReadingsText(text, "spring.csv", *lisbon_);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 92u);
  EXPECT_EQ(FormatIsoInstant(r[0].start, 0, true), "2022-03-27T00:00:00Z");
  EXPECT_EQ(FormatIsoInstant(r[4].start, 0, true), "2022-03-27T01:00:00Z");  // 02:00 WEST
  EXPECT_EQ(FormatIsoInstant(r[91].start, 0, true), "2022-03-27T22:45:00Z");
}

TEST_F(EredesTest, OlderExportWithHeaderOnRow8And24Hundred) {
  const std::string text =
      "Dados Globais,\nCPE,PT0002000000000002CD\n,\n,\nMês/Ano,janeiro 2021\n"
      "Intervalo:,15 min\n,\n"
      "Data,Hora,\"Consumo registado, Ativa (kW)\",Estado\n"
      "2021/01/01,00:15,\"1,004\",Real\n"
      "2021/01/01,24:00,0.5,Estimado\n"
      "2021/01/02,00:15,,Real\n";
  auto batch = ReadReadingsText(text, "old.csv", *lisbon_);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(batch->names[0], "PT0002000000000002CD");
  EXPECT_EQ(FormatIsoInstant(r[0].start, 0, true), "2021-01-01T00:00:00Z");
  EXPECT_EQ(r[0].consumption, 251000);
  EXPECT_EQ(r[0].line, 9u);
  EXPECT_EQ(FormatIsoInstant(r[1].start, 0, true), "2021-01-01T23:45:00Z");
  EXPECT_EQ(r[1].consumption, 125000);
  EXPECT_EQ(r[1].consumption_quality, Quality::kEstimated);
  EXPECT_EQ(r[1].injection_quality, Quality::kMissing);    // no injection column
  EXPECT_EQ(r[2].consumption_quality, Quality::kMissing);  // empty cell
}

TEST_F(EredesTest, ErrorsNamePosition) {
  const std::string header = "date,time,consumo_registado_kW,estado3\n";
  auto negative = ReadReadingsText(header + "2022/01/01,00:15,-0.1,Real\n", "e.csv", *lisbon_);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().message(), "e.csv:2:18: negative consumption '-0.1'");
  auto bad_time = ReadReadingsText(header + "2022/01/01,00:10,0.1,Real\n", "e.csv", *lisbon_);
  ASSERT_FALSE(bad_time.ok());
  EXPECT_THAT(bad_time.status().message(), HasSubstr("e.csv:2:12: bad time '00:10'"));
  auto bad_estado = ReadReadingsText(header + "2022/01/01,00:15,0.1,Fake\n", "e.csv", *lisbon_);
  ASSERT_FALSE(bad_estado.ok());
  EXPECT_THAT(bad_estado.status().message(), HasSubstr("e.csv:2:22: unknown Estado 'Fake'"));
  auto duplicate = ReadReadingsText(
      header + "2022/01/01,00:15,0.1,Real\n2022/01/01,00:15,0.1,Real\n", "e.csv", *lisbon_);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(duplicate.status().message(), HasSubstr("lines 2 and 3"));
  auto no_column = ReadReadingsText("date,time,x\n2022/01/01,00:15,1\n", "e.csv", *lisbon_);
  ASSERT_FALSE(no_column.ok());
  EXPECT_THAT(no_column.status().message(), HasSubstr("no column 'Consumo registado (kW)'"));
}

TEST_F(EredesTest, CorruptXlsxIsAnError) {
  std::string bytes("PK\x03\x04garbage", 11);
  auto batch = ReadReadingsText(bytes, "bad.xlsx", *lisbon_);
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(), HasSubstr("bad.xlsx: not a valid XLSX (ZIP) file"));
}

}  // namespace
}  // namespace reparto
