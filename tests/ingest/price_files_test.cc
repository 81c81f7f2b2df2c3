// Price files: the real PVPC CSV (45 384 hours, 4 missing days, DST days), ESIOS 1739 JSON (the
// 25-hour day), OMIE quarter-hours (96 points), the generic CSV, exact decimals and every kind of
// bad input named by file, line and column. Real data is read from REPARTO_SHARED_DATA.
#include "ingest/price_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/price_lookup.h"
#include "fileio/read_file.h"
#include "ingest/price_values.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

const std::string kPrices = std::string(REPARTO_SHARED_DATA) + "/prices/";
const std::string kPvpcFile = kPrices + "PVPC_2.0TD_hourly_EUR_per_kWh_2021-06-01_2026-08-07.csv";
const std::string kOmieFile = kPrices + "OMIE__INT_PBC_EV_H_1_01_10_2025_15min_utf8.txt";

const TimeZone& Madrid() {
  static const std::unique_ptr<IanaZone> zone = IanaZone::Load("Europe/Madrid").value();
  return *zone;
}

UtcSeconds At(std::string_view iso) { return *ParseIsoInstant(iso); }

// The real PVPC file, read once for every test that needs it.
const std::vector<PriceSeries>& Pvpc() {
  static const std::vector<PriceSeries> series = [] {
    auto read = ReadPriceFile(kPvpcFile, PriceFormat::kPvpc, Madrid());
    EXPECT_TRUE(read.ok()) << read.status().message();
    return read.ok() ? *read : std::vector<PriceSeries>{};
  }();
  return series;
}

// ---- exact decimals ----------------------------------------------------------------------------

MicroPrice Price(std::string_view text, ingest::PriceUnit unit, char point = '.') {
  const ingest::PriceText p = ingest::ParsePriceText(text, point, unit);
  EXPECT_TRUE(p.ok) << text << ": " << p.error;
  return p.value;
}

TEST(PriceDecimal, ExactConversionToMicroEurosPerKWh) {
  using ingest::PriceUnit;
  EXPECT_EQ(Price("0.11633", PriceUnit::kEurPerKWh), 116'330);
  EXPECT_EQ(Price("0.1", PriceUnit::kEurPerKWh), 100'000);
  EXPECT_EQ(Price(" 2 ", PriceUnit::kEurPerKWh), 2'000'000);
  EXPECT_EQ(Price("132.9", PriceUnit::kEurPerMWh), 132'900);
  EXPECT_EQ(Price("-1.45", PriceUnit::kEurPerMWh), -1'450);
  EXPECT_EQ(Price("   105,10", PriceUnit::kEurPerMWh, ','), 105'100);
  // A 7th decimal of €/kWh (4th of €/MWh) is rounded half away from zero.
  EXPECT_EQ(Price("0.1234565", PriceUnit::kEurPerKWh), 123'457);
  EXPECT_EQ(Price("0.1234564999", PriceUnit::kEurPerKWh), 123'456);
  EXPECT_EQ(Price("-0.1234565", PriceUnit::kEurPerKWh), -123'457);
  EXPECT_EQ(Price("0.0005", PriceUnit::kEurPerMWh), 1);
  EXPECT_EQ(Price("-0.0004", PriceUnit::kEurPerMWh), 0);
  EXPECT_EQ(Price("007.50", PriceUnit::kEurPerMWh), 7'500);
}

TEST(PriceDecimal, RejectsWhatIsNotAPlainDecimal) {
  using ingest::PriceUnit;
  for (std::string_view bad : {"", "  ", "1e3", "1.", ".5", "1,5", "0.1x", "--1", "1 000"}) {
    const ingest::PriceText p = ingest::ParsePriceText(bad, '.', PriceUnit::kEurPerKWh);
    EXPECT_FALSE(p.ok) << bad;
    EXPECT_FALSE(p.error.empty()) << bad;
  }
  const ingest::PriceText p = ingest::ParsePriceText("0.1x6", '.', PriceUnit::kEurPerKWh);
  EXPECT_EQ(p.position, 3u);
  EXPECT_EQ(p.error,
            "malformed price '0.1x6' (expected a decimal number with '.' as decimal point)");
  EXPECT_FALSE(ingest::ParsePriceText("1234567890123", '.', PriceUnit::kEurPerKWh).ok);
}

// ---- the real PVPC file ------------------------------------------------------------------------

TEST(PvpcCsv, RealFileHasEveryRowInTwoSeries) {
  const auto& series = Pvpc();
  ASSERT_EQ(series.size(), 2u);
  const PriceSeries* pcb = FindSeries(series, "pvpc-pcb");
  const PriceSeries* cm = FindSeries(series, "pvpc-cm");
  ASSERT_NE(pcb, nullptr);
  ASSERT_NE(cm, nullptr);
  EXPECT_EQ(pcb->step_seconds, 3600);
  EXPECT_EQ(pcb->points.size(), 45'384u);
  EXPECT_EQ(cm->points.size(), 45'384u);
  // Line 2: 2021-05-31T22:00Z,...,0.11633,0.11633.
  EXPECT_EQ(pcb->points[0], (PricePoint{At("2021-05-31T22:00Z"), 116'330}));
  // Line 12: 2021-06-01T08:00Z,...,0.24262,0.14928 (Ceuta and Melilla's peak hours differ).
  EXPECT_EQ(pcb->points[10], (PricePoint{At("2021-06-01T08:00Z"), 242'620}));
  EXPECT_EQ(cm->points[10], (PricePoint{At("2021-06-01T08:00Z"), 149'280}));
  // Line 20001: 2023-09-14T05:00Z,...,0.15975.
  EXPECT_EQ(pcb->points[19'999], (PricePoint{At("2023-09-14T05:00Z"), 159'750}));
  // Last line: 2026-08-08T21:00Z,...,0.23013.
  EXPECT_EQ(pcb->points.back(), (PricePoint{At("2026-08-08T21:00Z"), 230'130}));
}

TEST(PvpcCsv, LookupReportsExactlyTheFourMissingDays) {
  const PriceSeries* pcb = FindSeries(Pvpc(), "pvpc-pcb");
  ASSERT_NE(pcb, nullptr);
  const UtcSeconds first = *Madrid().StartOfDay({2021, 6, 1});
  const UtcSeconds end = *Madrid().EndOfDay({2026, 8, 8});
  const int n = static_cast<int>((end - first) / 3600);
  const PriceCoverage cover = PricesForIntervals(*pcb, Madrid(), first, 3600, n);
  EXPECT_EQ(cover.missing_days,
            (std::vector<CivilDate>{{2022, 4, 1}, {2022, 6, 26}, {2024, 12, 12}, {2026, 7, 8}}));
  EXPECT_EQ(cover.missing_per_day, (std::vector<int>{24, 24, 24, 24}));
  EXPECT_EQ(cover.missing_count(), 4 * 24);
  EXPECT_EQ(static_cast<std::size_t>(n) - 4 * 24, pcb->points.size());
  EXPECT_EQ(RequireComplete(cover, pcb->name).message(),
            "price series pvpc-pcb has no prices for 2022-04-01 (24 of 24 hours missing), "
            "2022-06-26 (24 of 24 hours missing), 2024-12-12 (24 of 24 hours missing), "
            "2026-07-08 (24 of 24 hours missing); import them or bill with --allow-incomplete");
  // The hours around the gap of 2024-12-12 are there (lines 30914 and 30915).
  const std::int64_t before = (At("2024-12-11T22:00Z") - first) / 3600;
  EXPECT_EQ(cover.missing[before], 0);
  EXPECT_EQ(cover.prices[before], 197'620);
  EXPECT_EQ(cover.missing[before + 1], 1);
  EXPECT_EQ(cover.missing[before + 24], 1);
  EXPECT_EQ(cover.missing[before + 25], 0);
  EXPECT_EQ(cover.prices[before + 25], 168'170);
  // A month without gaps is complete.
  const UtcSeconds may = *Madrid().StartOfDay({2024, 5, 1});
  EXPECT_TRUE(PricesForIntervals(*pcb, Madrid(), may, 3600, 31 * 24).complete());
}

TEST(PvpcCsv, FallBackDayHas25HourlyPricesAndSpringForward23) {
  const PriceSeries* pcb = FindSeries(Pvpc(), "pvpc-pcb");
  ASSERT_NE(pcb, nullptr);
  const UtcSeconds oct31 = *Madrid().StartOfDay({2021, 10, 31});
  ASSERT_EQ(*Madrid().EndOfDay({2021, 10, 31}) - oct31, 25 * 3600);
  const PriceCoverage fall = PricesForIntervals(*pcb, Madrid(), oct31, 3600, 25);
  ASSERT_TRUE(fall.complete());
  EXPECT_EQ(fall.prices[0], 171'480);   // 00:00+02:00
  EXPECT_EQ(fall.prices[2], 109'550);   // 02:00+02:00
  EXPECT_EQ(fall.prices[3], 104'850);   // 02:00+01:00, the repeated hour
  EXPECT_EQ(fall.prices[24], 146'120);  // 23:00+01:00
  const UtcSeconds mar27 = *Madrid().StartOfDay({2022, 3, 27});
  ASSERT_EQ(*Madrid().EndOfDay({2022, 3, 27}) - mar27, 23 * 3600);
  const PriceCoverage spring = PricesForIntervals(*pcb, Madrid(), mar27, 3600, 23);
  ASSERT_TRUE(spring.complete());
  EXPECT_EQ(spring.prices[1], 309'720);  // 01:00+01:00
  EXPECT_EQ(spring.prices[2], 299'200);  // 03:00+02:00
}

TEST(PvpcCsv, QuarterHourLookupRepeatsTheHourlyPrice) {
  const PriceSeries* pcb = FindSeries(Pvpc(), "pvpc-pcb");
  ASSERT_NE(pcb, nullptr);
  const UtcSeconds first = *Madrid().StartOfDay({2021, 6, 1});
  const PriceCoverage cover = PricesForIntervals(*pcb, Madrid(), first, 900, 96);
  ASSERT_TRUE(cover.complete());
  EXPECT_EQ(std::vector<MicroPrice>(cover.prices.begin(), cover.prices.begin() + 8),
            (std::vector<MicroPrice>{116'330, 116'330, 116'330, 116'330, 115'950, 115'950, 115'950,
                                     115'950}));
  EXPECT_EQ(cover.prices[95], cover.prices[92]);
  // The missing day 2022-04-01 is 96 missing quarter-hours.
  const UtcSeconds apr1 = *Madrid().StartOfDay({2022, 4, 1});
  const PriceCoverage gap = PricesForIntervals(*pcb, Madrid(), apr1 - 3600, 900, 4 + 96 + 4);
  EXPECT_EQ(gap.missing_days, (std::vector<CivilDate>{{2022, 4, 1}}));
  EXPECT_EQ(RequireComplete(gap, "pvpc-pcb").message(),
            "price series pvpc-pcb has no prices for 2022-04-01 (96 of 96 quarter-hours missing); "
            "import them or bill with --allow-incomplete");
}

// ---- bad PVPC input ----------------------------------------------------------------------------

constexpr std::string_view kPvpcHeader =
    "utc_start,local_start_Europe_Madrid,pvpc_PCB_peninsula_baleares_canarias_EUR_kWh,"
    "pvpc_CM_ceuta_melilla_EUR_kWh\n"
    "2021-05-31T22:00Z,2021-06-01T00:00:00+02:00,0.11633,0.11633\n";

std::string PvpcError(std::string_view line3, const TimeZone* zone = nullptr) {
  auto read = ParsePvpcCsv(std::string(kPvpcHeader) + std::string(line3) + "\n", "p.csv", zone);
  EXPECT_FALSE(read.ok());
  return read.ok() ? "" : read.status().message();
}

TEST(PvpcCsv, BadRowsAreNamedByLineAndColumn) {
  // Column 45 is where the third field starts on these lines.
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T01:00:00+02:00,132.9,0.11595"),
            "p.csv:3:45: 132.9 €/kWh is not a plausible retail price; is the file in €/MWh?");
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T01:00:00+02:00,0.1x595,0.11595"),
            "p.csv:3:48: malformed price '0.1x595' (expected a decimal number with '.' as "
            "decimal point)");
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T01:00:00+02:00,,0.11595"),
            "p.csv:3:45: empty price (leave the row out for a missing hour)");
  EXPECT_THAT(PvpcError("2021-05-31T25:00Z,2021-06-01T01:00:00+02:00,0.1,0.1"),
              HasSubstr("p.csv:3:1: instant '2021-05-31T25:00Z'"));
  EXPECT_EQ(PvpcError("2021-05-31T22:00Z,2021-06-01T00:00:00+02:00,0.1,0.1"),
            "p.csv:3: duplicate time 2021-05-31T22:00:00Z (already at p.csv:2)");
  EXPECT_EQ(PvpcError("2021-05-31T21:00Z,2021-05-31T23:00:00+02:00,0.1,0.1"),
            "p.csv:3: 2021-05-31T21:00:00Z is before 2021-05-31T22:00:00Z at p.csv:2; times "
            "must increase");
  EXPECT_EQ(PvpcError("2021-05-31T23:30Z,2021-06-01T01:30:00+02:00,0.1,0.1"),
            "p.csv:3:1: 2021-05-31T23:30Z does not start a whole UTC hour");
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T01:00:00+01:00,0.1,0.1"),
            "p.csv:3:19: local time 2021-06-01T01:00:00+01:00 is 2021-06-01T00:00:00Z, not the "
            "same instant as utc_start 2021-05-31T23:00Z");
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T00:00:00+01:00,0.1,0.1", &Madrid()),
            "p.csv:3:19: local time 2021-06-01T00:00:00+01:00 has offset +01:00 but "
            "Europe/Madrid is at +02:00 then");
  EXPECT_EQ(PvpcError("2021-05-31T23:00Z,2021-06-01T01:00:00+02:00,0.1"),
            "p.csv:3: expected 4 fields, got 3");
}

TEST(PvpcCsv, HeaderMustNameTheUnit) {
  auto read = ParsePvpcCsv("utc_start,local_start_Europe_Madrid,pvpc_price\n", "p.csv");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(),
            "p.csv:1:37: column 'pvpc_price' names no unit (expected a name ending in _EUR_kWh "
            "or _EUR_MWh)");
  auto mwh = ParsePvpcCsv(
      "utc_start,local_start,price_EUR_MWh\n2021-05-31T22:00Z,2021-06-01T00:00:00+02:00,0.5\n"
      "2021-05-31T23:00Z,2021-06-01T01:00:00+02:00,0.25\n",
      "p.csv");
  ASSERT_FALSE(mwh.ok());
  EXPECT_EQ(mwh.status().message(),
            "p.csv: every price of column 'price_EUR_MWh' is below 1 €/MWh (the largest is 0.5 "
            "at p.csv:2:45); is the file in €/kWh?");
}

TEST(PvpcCsv, GapsAreNotReadErrors) {
  auto read = ParsePvpcCsv(
      std::string(kPvpcHeader) + "2021-06-01T02:00Z,2021-06-01T04:00:00+02:00,0.2,0.3\n", "p.csv",
      &Madrid());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ((*read)[0].points.size(), 2u);
  EXPECT_EQ((*read)[1].points[1], (PricePoint{At("2021-06-01T02:00Z"), 300'000}));
}

// ---- ESIOS -------------------------------------------------------------------------------------

TEST(EsiosJson, FallBackDayGives25HourlyPoints) {
  auto read =
      ReadPriceFile(kPrices + "aiopvpc__PRICES_ESIOS_1739_2021_10_31.json", std::nullopt, Madrid());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 1u);
  const PriceSeries& s = (*read)[0];
  EXPECT_EQ(s.name, "esios-1739");
  EXPECT_EQ(s.step_seconds, 3600);
  ASSERT_EQ(s.points.size(), 25u);
  EXPECT_EQ(s.points[0], (PricePoint{At("2021-10-30T22:00:00Z"), 132'900}));  // 132.9 €/MWh
  // The repeated 02:00 (+01:00) is 01:00Z, although the file's datetime_utc says 00:00Z.
  EXPECT_EQ(s.points[3], (PricePoint{At("2021-10-31T01:00:00Z"), 68'010}));
  EXPECT_EQ(s.points[24], (PricePoint{At("2021-10-31T22:00:00Z"), 112'670}));
  const UtcSeconds day = *Madrid().StartOfDay({2021, 10, 31});
  EXPECT_TRUE(PricesForIntervals(s, Madrid(), day, 3600, 25).complete());
}

TEST(EsiosJson, OrdinaryAndNegativeDays) {
  auto oct30 = ReadPriceFile(kPrices + "aiopvpc__PRICES_ESIOS_1739_2021_10_30.json",
                             PriceFormat::kEsios, Madrid());
  ASSERT_TRUE(oct30.ok()) << oct30.status().message();
  EXPECT_EQ((*oct30)[0].points.size(), 24u);
  EXPECT_EQ((*oct30)[0].points[0].price, 99'680);
  auto mar9 = ReadPriceFile(kPrices + "aiopvpc__PRICES_ESIOS_1739_2024_03_09.json",
                            PriceFormat::kEsios, Madrid());
  ASSERT_TRUE(mar9.ok()) << mar9.status().message();
  ASSERT_EQ((*mar9)[0].points.size(), 24u);
  EXPECT_EQ((*mar9)[0].points[0], (PricePoint{At("2024-03-08T23:00:00Z"), -1'450}));
  EXPECT_EQ((*mar9)[0].points[10].price, -1'000);  // -1.0
  EXPECT_EQ((*mar9)[0].points[20].price, 2'090);
}

std::string EsiosError(std::string_view json) {
  auto read = ParseEsiosJson(json, "e.json");
  EXPECT_FALSE(read.ok());
  return read.ok() ? "" : read.status().message();
}

constexpr std::string_view kEsiosHead =
    R"({"indicator": {"id": 1739, "magnitud": [{"name": "Precio", "id": 23}],
        "tiempo": [{"name": "Hora", "id": 4}], "values": [)";

TEST(EsiosJson, BadInputIsNamed) {
  EXPECT_THAT(EsiosError("{\"indicator\": {\"id\": 1739,\n \"values\": [}"),
              HasSubstr("e.json: parse error at line 2"));
  EXPECT_EQ(EsiosError(R"({"values": []})"),
            "e.json: expected an ESIOS indicator object {\"indicator\": {\"id\": ..., "
            "\"values\": [...]}}");
  EXPECT_EQ(EsiosError(R"({"indicator": {"id": 600, "magnitud": [{"name": "MW", "id": 20}],
                          "values": []}})"),
            "e.json: indicator 600: magnitude 'MW' (id 20) is not a price in €/MWh "
            "(magnitude 23)");
  const std::string a = R"({"value": 50.5, "datetime": "2021-10-30T00:00:00.000+02:00",
                             "tz_time": "2021-10-29T22:00:00.000Z", "geo_id": 3})";
  const std::string b = R"({"value": 51, "datetime": "2021-10-30T01:00:00.000+02:00",
                             "tz_time": "2021-10-29T22:00:00.000Z", "geo_id": 3})";
  EXPECT_EQ(EsiosError(std::string(kEsiosHead) + a + "," + b + "]}}"),
            "e.json: values[1] (2021-10-30T01:00:00.000+02:00): tz_time 2021-10-29T22:00:00.000Z "
            "is not the same instant");
  EXPECT_EQ(EsiosError(std::string(kEsiosHead) + a + "," + a + "]}}"),
            "e.json: values[1] (2021-10-30T00:00:00.000+02:00): duplicate time "
            "2021-10-29T22:00:00Z (already at e.json: values[0] "
            "(2021-10-30T00:00:00.000+02:00))");
  EXPECT_EQ(EsiosError(std::string(kEsiosHead) +
                       R"({"value": "50", "datetime": "2021-10-30T00:00:00+02:00"}]}})"),
            "e.json: values[0] (2021-10-30T00:00:00+02:00): expected a numeric \"value\" "
            "(€/MWh)");
  EXPECT_EQ(EsiosError(std::string(kEsiosHead) +
                       R"({"value": 0.1329, "datetime": "2021-10-30T00:00:00+02:00"}]}})"),
            "e.json: every price of values is below 1 €/MWh (the largest is 0.1329 at e.json: "
            "values[0] (2021-10-30T00:00:00+02:00)); is the file in €/kWh?");
}

// ---- OMIE --------------------------------------------------------------------------------------

TEST(OmiePrices, QuarterHoursOfSpainAndPortugal) {
  auto read = ReadPriceFile(kOmieFile, std::nullopt, Madrid());
  ASSERT_TRUE(read.ok()) << read.status().message();
  const PriceSeries* es = FindSeries(*read, "omie-es");
  const PriceSeries* pt = FindSeries(*read, "omie-pt");
  ASSERT_NE(es, nullptr);
  ASSERT_NE(pt, nullptr);
  EXPECT_EQ(es->step_seconds, 900);
  ASSERT_EQ(es->points.size(), 96u);
  ASSERT_EQ(pt->points.size(), 96u);
  // 2025-10-01 00:00 in Madrid is 2025-09-30T22:00Z; H1Q1 105,10 €/MWh.
  EXPECT_EQ(es->points[0], (PricePoint{At("2025-09-30T22:00:00Z"), 105'100}));
  // H10Q4: Spain 60,00, Portugal 60,87.
  EXPECT_EQ(es->points[39], (PricePoint{At("2025-10-01T07:45:00Z"), 60'000}));
  EXPECT_EQ(pt->points[39].price, 60'870);
  EXPECT_EQ(es->points[95], (PricePoint{At("2025-10-01T21:45:00Z"), 101'520}));
  // Hourly billing over the quarter-hours: H1 = (105.10 + 104.24 + 102.28 + 102.00) / 4
  // = 103.405 €/MWh = 103 405 µ€/kWh exactly; H2 = (106.63 + 105.68 + 105.19 + 105.01) / 4
  // = 105.6275 €/MWh = 105 627.5 → 105 628 (half away from zero).
  const PriceCoverage hours = PricesForIntervals(*es, Madrid(), es->points[0].start, 3600, 24);
  ASSERT_TRUE(hours.complete());
  EXPECT_EQ(hours.prices[0], 103'405);
  EXPECT_EQ(hours.prices[1], 105'628);
}

TEST(OmiePrices, ColumnsMustMatchTheLengthOfTheLocalDay) {
  auto text = ReadWholeFile(kOmieFile);
  ASSERT_TRUE(text.ok());
  std::string shifted = *text;
  const std::size_t date = shifted.find(";01/10/2025;");
  ASSERT_NE(date, std::string::npos);
  shifted.replace(date, 12, ";26/10/2025;");  // the fall-back day has 100 quarter-hours
  auto read = ParseOmiePrices(shifted, "omie.txt", Madrid());
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(),
            "omie.txt:3: 96 period columns but 2025-10-26 in Europe/Madrid has 100 periods of "
            "900 s");
}

TEST(OmiePrices, HourlyFileAndBadNumbers) {
  std::string header = "OMIE - Mercado de electricidad;;;01/07/2024;\n\n;";
  std::string es = "Precio marginal en el sistema español (EUR/MWh);";
  for (int h = 1; h <= 24; ++h) {
    header += "H" + std::to_string(h) + ";";
    es += std::to_string(60 + h) + ",5;";
  }
  auto read = ParseOmiePrices(header + "\n" + es + "\n", "o.txt", Madrid());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].step_seconds, 3600);
  ASSERT_EQ((*read)[0].points.size(), 24u);
  EXPECT_EQ((*read)[0].points[23], (PricePoint{At("2024-07-01T21:00:00Z"), 84'500}));
  const std::size_t bad = es.find("70,5");
  es.replace(bad, 4, "70.5");
  read = ParseOmiePrices(header + "\n" + es + "\n", "o.txt", Madrid());
  ASSERT_FALSE(read.ok());
  EXPECT_THAT(read.status().message(),
              HasSubstr("o.txt:4:" + std::to_string(bad + 3) + ": malformed price '70.5'"));
}

// ---- generic CSV -------------------------------------------------------------------------------

TEST(PriceCsv, UnitFromTheHeaderAndStepInferred) {
  auto kwh = ParsePriceCsv(
      "start,price_eur_per_kwh\n2024-07-01T00:00:00+02:00,0.15\n2024-07-01T00:15:00+02:00,0.16\n"
      "2024-07-01T01:00:00+02:00,0.2\n",
      "p.csv", {.name = "fixed", .step_seconds = 0});
  ASSERT_TRUE(kwh.ok()) << kwh.status().message();
  EXPECT_EQ(kwh->name, "fixed");
  EXPECT_EQ(kwh->step_seconds, 900);
  EXPECT_EQ(kwh->points[2], (PricePoint{At("2024-06-30T23:00:00Z"), 200'000}));
  auto mwh = ParsePriceCsv("start,price_eur_per_mwh\n2024-07-01T00:00Z,95.43\n", "p.csv",
                           {.name = "x", .step_seconds = 3600});
  ASSERT_TRUE(mwh.ok()) << mwh.status().message();
  EXPECT_EQ(mwh->points[0].price, 95'430);
}

TEST(PriceCsv, BadInputIsNamed) {
  auto error = [](std::string_view text, int step = 0) {
    auto read = ParsePriceCsv(text, "p.csv", {.name = "x", .step_seconds = step});
    EXPECT_FALSE(read.ok());
    return read.ok() ? std::string() : read.status().message();
  };
  EXPECT_EQ(error("start,price\n2024-07-01T00:00Z,0.1\n"),
            "p.csv:1:7: column 'price' names no unit (expected price_eur_per_kwh or "
            "price_eur_per_mwh)");
  EXPECT_EQ(error("start,price_eur_per_kwh\n2024-07-01T00:00Z,0.1\n2024-07-01T01:00Z,132.9\n"),
            "p.csv:3:19: 132.9 €/kWh is not a plausible retail price; is the file in €/MWh?");
  EXPECT_EQ(error("start,price_eur_per_mwh\n2024-07-01T00:00Z,0.1\n2024-07-01T01:00Z,0.2\n"),
            "p.csv: every price of column 'price_eur_per_mwh' is below 1 €/MWh (the largest is "
            "0.2 at p.csv:3:19); is the file in €/kWh?");
  EXPECT_EQ(error("start,price_eur_per_kwh\n2024-07-01T00:00Z,0.1\n2024-07-01T01:00Z,0.1\n"
                  "2024-07-01T01:45Z,0.1\n"),
            "p.csv:3: 2024-07-01T01:00:00Z is 3600 s after 2024-07-01T00:00:00Z at p.csv:2, not a "
            "whole number of 2700 s steps");
  EXPECT_EQ(error("start,price_eur_per_kwh\n2024-07-01T00:00Z,0.1\n2024-07-01T00:30Z,0.1\n", 3600),
            "p.csv:3: 2024-07-01T00:30:00Z is 1800 s after 2024-07-01T00:00:00Z at p.csv:2, not a "
            "whole number of 3600 s steps");
  EXPECT_EQ(error("start,price_eur_per_kwh\n2024-07-01T00:00Z,0.1\n"),
            "p.csv: a single price cannot tell the step; give the step explicitly");
  EXPECT_THAT(error("start,price_eur_per_kwh\n2024-07-01 00:00,0.1\n"),
              HasSubstr("p.csv:2:1: instant '2024-07-01 00:00'"));
}

// ---- formats -----------------------------------------------------------------------------------

TEST(PriceFormats, NamesAndDetection) {
  for (PriceFormat f :
       {PriceFormat::kPvpc, PriceFormat::kEsios, PriceFormat::kOmie, PriceFormat::kCsv}) {
    EXPECT_EQ(*ParsePriceFormatName(PriceFormatName(f)), f);
  }
  EXPECT_FALSE(ParsePriceFormatName("xlsx").ok());
  EXPECT_EQ(*DetectPriceFormat("x", "\xEF\xBB\xBFutc_start,local_start_Europe_Madrid,p_EUR_kWh"),
            PriceFormat::kPvpc);
  EXPECT_EQ(*DetectPriceFormat("x", "  \n{\"indicator\": {}}"), PriceFormat::kEsios);
  EXPECT_EQ(*DetectPriceFormat("x", "OMIE - Mercado de electricidad;x\n"), PriceFormat::kOmie);
  EXPECT_EQ(*DetectPriceFormat("x", "start,price_eur_per_mwh\r\n"), PriceFormat::kCsv);
  auto unknown = DetectPriceFormat("x.csv", "fecha;hora;precio\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("x.csv:1: not a known price file"));
  auto missing = ReadPriceFile(kPrices + "no_such_file.csv", std::nullopt, Madrid());
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace reparto
