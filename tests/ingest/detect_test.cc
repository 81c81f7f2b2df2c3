// Tests of format detection (one header per format, the real files, the ZIP magic) and of an XLSX
// built in memory with inline strings and numeric cells (the other way workbooks store text).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <sstream>

#include "ingest/reader.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

ReadingFormat Detect(std::string_view head) {
  auto f = DetectFormat("x", head);
  EXPECT_TRUE(f.ok()) << f.status().message();
  return f.ok() ? *f : ReadingFormat::kCanonicalCsv;
}

TEST(DetectTest, EachFormatFromItsHeader) {
  EXPECT_EQ(Detect("participant,start,consumption_kwh,injection_kwh,quality\nA,..."),
            ReadingFormat::kCanonicalCsv);
  EXPECT_EQ(Detect("\xEF\xBB\xBFparticipant,start,consumption_kwh,injection_kwh\r\n"),
            ReadingFormat::kCanonicalCsv);
  EXPECT_EQ(Detect("CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n"), ReadingFormat::kDatadis);
  EXPECT_EQ(Detect("CUPS;Fecha;Hora;consumo_kWh;metodoObtencion;energiaVertida_kWh;"
                   "energiaGenerada_kWh;energiaAutoconsumida_kWh\n"),
            ReadingFormat::kDatadisSelfConsumption);
  EXPECT_EQ(Detect("CUPS;Fecha;Hora;AE_kWh;AS_KWh;AE_AUTOCONS_kWh;REAL/ESTIMADO\n"),
            ReadingFormat::kEDistribucion);
  EXPECT_EQ(Detect("CUPS;FECHA;HORA;EHCR (kWh);EHEX (kWh)\n"), ReadingFormat::kUfd);
  EXPECT_EQ(Detect("CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh;\n"), ReadingFormat::kIDe);
  EXPECT_EQ(Detect("Dados Globais;\nCPE;PT00\n"), ReadingFormat::kEredesCsv);
  EXPECT_EQ(Detect("date,time,consumo_medido_IC_kW,estado1\n"), ReadingFormat::kEredesCsv);
  EXPECT_EQ(Detect("Something;\n\nData;Hora;Consumo registado (kW);Estado\n"),
            ReadingFormat::kEredesCsv);
  EXPECT_EQ(Detect(std::string_view("PK\x03\x04\x14\x00", 6)), ReadingFormat::kEredesXlsx);
}

TEST(DetectTest, UnknownHeaderIsAnError) {
  auto f = DetectFormat("odd.csv", "time;kW\n");
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.status().message(),
              HasSubstr("odd.csv: unrecognised readings format: first line 'time;kW'"));
}

TEST(DetectTest, RealFiles) {
  const std::string dir = std::string(REPARTO_SHARED_DATA) + "/consumption/";
  for (const auto& [name, format] :
       {std::pair{"EREDES_balcao_digital_export_2022-01_15min_raw.xlsx",
                  ReadingFormat::kEredesXlsx},
        std::pair{"EREDES_balcao_digital_export_2022-01_15min.csv", ReadingFormat::kEredesCsv}}) {
    std::ifstream in(dir + name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    auto f = DetectFormat(name, head);
    ASSERT_TRUE(f.ok()) << f.status().message();
    EXPECT_EQ(*f, format) << name;
  }
}

TEST(DetectTest, FormatNamesRoundTrip) {
  for (ReadingFormat f :
       {ReadingFormat::kCanonicalCsv, ReadingFormat::kEredesXlsx, ReadingFormat::kEredesCsv,
        ReadingFormat::kDatadis, ReadingFormat::kDatadisSelfConsumption,
        ReadingFormat::kEDistribucion, ReadingFormat::kUfd, ReadingFormat::kIDe}) {
    auto parsed = ParseFormatName(FormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_EQ(FormatName(ReadingFormat::kIDe), "i-de");
  EXPECT_FALSE(ParseFormatName("xls").ok());
}

// Builds a minimal workbook in memory: no sharedStrings.xml, text as inline strings, numbers as
// numeric cells, a gap (no cell) in column C.
std::string MakeXlsx(const std::string& sheet_xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  const auto add = [&](const char* name, const std::string& content) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name, s, ZIP_FL_OVERWRITE);
  };
  const std::string workbook =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Consumos\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
  const std::string rels =
      "<Relationships><Relationship Id=\"rId7\" Type=\"worksheet\" "
      "Target=\"worksheets/data.xml\"/></Relationships>";
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", rels);
  add("xl/worksheets/data.xml", sheet_xml);
  zip_close(archive);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

std::string InlineCell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

TEST(XlsxTest, InlineStringsNumericCellsAndSheetFromRelationships) {
  std::string rows;
  rows += "<row r=\"3\">" + InlineCell("A3", "CPE") + InlineCell("B3", "PT0002000000000003EF") +
          "</row>";
  rows += "<row r=\"8\">" + InlineCell("A8", "Data") + InlineCell("B8", "Hora") +
          InlineCell("D8", "Consumo registado (kW)") + InlineCell("E8", "Estado") +
          InlineCell("F8", "Injeção registada (kW)") + InlineCell("G8", "Estado") + "</row>";
  // Date and hour as Excel numbers: 44562 = 2022-01-01, 0.0104166... = 00:15.
  rows +=
      "<row r=\"9\"><c r=\"A9\"><v>44562</v></c><c r=\"B9\"><v>1.0416666666666666E-2</v></c>"
      "<c r=\"D9\"><v>1.2E-1</v></c>" +
      InlineCell("E9", "Real") + "<c r=\"F9\"><v>0</v></c>" + InlineCell("G9", "-") + "</row>";
  rows += "<row r=\"10\">" + InlineCell("A10", "2022/01/01") + InlineCell("B10", "00:30") +
          "<c r=\"D10\" t=\"str\"><v>0.5</v></c>" + InlineCell("E10", "Estimado") +
          "<c r=\"F10\"><v>0.004</v></c>" + InlineCell("G10", "Real") + "</row>";
  const std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
      rows + "</sheetData></worksheet>";
  const std::string bytes = MakeXlsx(sheet);
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  FixedOffsetZone utc(0);
  auto batch = ReadReadingsText(bytes, "inline.xlsx", utc);
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ(batch->names[0], "PT0002000000000003EF");
  const auto& r = batch->records;
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(FormatIsoInstant(r[0].start, 0, true), "2022-01-01T00:00:00Z");
  EXPECT_EQ(r[0].consumption, 30000);  // 0.12 kW / 4
  EXPECT_EQ(r[0].line, 9u);
  EXPECT_EQ(r[0].injection_quality, Quality::kMissing);
  EXPECT_EQ(r[1].start, r[0].start + 900);
  EXPECT_EQ(r[1].consumption, 125000);
  EXPECT_EQ(r[1].consumption_quality, Quality::kEstimated);
  EXPECT_EQ(r[1].injection, 1000);
  EXPECT_EQ(r[1].injection_quality, Quality::kReal);

  // A bad value is reported by row and column letter.
  const std::string bad =
      MakeXlsx("<worksheet><sheetData><row r=\"1\">" + InlineCell("A1", "Data") +
               InlineCell("B1", "Hora") + InlineCell("C1", "Consumo registado (kW)") +
               "</row><row r=\"2\">" + InlineCell("A2", "2022/01/01") + InlineCell("B2", "00:15") +
               InlineCell("C2", "abc") + "</row></sheetData></worksheet>");
  auto error = ReadReadingsText(bad, "bad.xlsx", utc);
  ASSERT_FALSE(error.ok());
  EXPECT_THAT(error.status().message(),
              HasSubstr("bad.xlsx: row 2, column C: malformed consumption 'abc'"));
}

}  // namespace
}  // namespace reparto
