// Price files (see price_files.h): format names and detection, the generic `start,price` CSV and
// the dispatcher. PVPC, ESIOS and OMIE live in pvpc_csv.cc, esios_json.cc and omie_prices.cc.
#include "ingest/price_files.h"

#include "fileio/csv.h"
#include "fileio/read_file.h"
#include "ingest/price_values.h"
#include "ingest/text.h"

namespace reparto {

std::string_view PriceFormatName(PriceFormat format) {
  switch (format) {
    case PriceFormat::kPvpc:
      return "pvpc";
    case PriceFormat::kEsios:
      return "esios";
    case PriceFormat::kOmie:
      return "omie";
    case PriceFormat::kCsv:
      return "csv";
  }
  return "csv";
}

Result<PriceFormat> ParsePriceFormatName(std::string_view name) {
  for (PriceFormat format :
       {PriceFormat::kPvpc, PriceFormat::kEsios, PriceFormat::kOmie, PriceFormat::kCsv}) {
    if (PriceFormatName(format) == name) return format;
  }
  return Status::Error("unknown price format " + ingest::Quote(name) +
                       " (expected pvpc, esios, omie or csv)");
}

Result<PriceFormat> DetectPriceFormat(std::string_view source, std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return PriceFormat::kEsios;
  const std::string_view line = text.substr(0, text.find('\n'));
  const std::string normalized = ingest::NormalizeHeader(line);
  if (normalized.starts_with("utc_start_local_start")) return PriceFormat::kPvpc;
  if (normalized.starts_with("omie")) return PriceFormat::kOmie;
  if (normalized.starts_with("start_price")) return PriceFormat::kCsv;
  return Status::Error(std::string(source) + ":1: not a known price file (expected a PVPC CSV " +
                       "'utc_start,local_start_...', an ESIOS JSON '{\"indicator\": ...}', an " +
                       "OMIE file 'OMIE - Mercado de electricidad;...' or a CSV " +
                       "'start,price_eur_per_kwh')");
}

Result<PriceSeries> ParsePriceCsv(std::string_view text, const std::string& source,
                                  const PriceCsvOptions& options) {
  CsvCursor csv(text, ',');
  const std::string kExpected =
      "expected the header 'start,price_eur_per_kwh' or "
      "'start,price_eur_per_mwh'";
  if (!csv.Next()) {
    if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
    return Status::Error(source + ": empty file (" + kExpected + ")");
  }
  if (csv.size() != 2 || ingest::NormalizeHeader(csv.field(0)) != "start") {
    return Status::Error(source + ":1:1: " + kExpected);
  }
  const std::string unit_name = ingest::NormalizeHeader(csv.field(1));
  ingest::PriceUnit unit;
  if (unit_name == "price_eur_per_kwh") {
    unit = ingest::PriceUnit::kEurPerKWh;
  } else if (unit_name == "price_eur_per_mwh") {
    unit = ingest::PriceUnit::kEurPerMWh;
  } else {
    return Status::Error(source + ":1:" + std::to_string(csv.column(1)) + ": column " +
                         ingest::Quote(csv.field(1)) +
                         " names no unit (expected price_eur_per_kwh or price_eur_per_mwh)");
  }
  if (options.step_seconds < 0) return Status::Error(source + ": the step must be positive");
  ingest::SeriesBuilder builder(options.name, options.step_seconds);
  ingest::UnitCheck check(unit);
  while (csv.Next()) {
    const std::string line = source + ":" + std::to_string(csv.line());
    if (csv.size() != 2) {
      return Status::Error(line + ": expected 2 fields, got " + std::to_string(csv.size()));
    }
    auto start = ParseIsoInstant(ingest::Trim(csv.field(0)));
    if (!start.ok()) return start.status().WithContext(line + ":" + std::to_string(csv.column(0)));
    const ingest::PriceText price = ingest::ParsePriceText(csv.field(1), '.', unit);
    if (!price.ok) {
      return Status::Error(line + ":" + std::to_string(csv.column_of(1, price.position)) + ": " +
                           price.error);
    }
    REPARTO_RETURN_IF_ERROR(
        check.Add(price.value, csv.field(1), line + ":" + std::to_string(csv.column(1))));
    REPARTO_RETURN_IF_ERROR(builder.Add(*start, price.value, line));
  }
  if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
  REPARTO_RETURN_IF_ERROR(check.Finish(source, "column " + ingest::Quote(unit_name)));
  return builder.Finish(source);
}

Result<std::vector<PriceSeries>> ReadPriceText(std::string_view text, const std::string& source,
                                               std::optional<PriceFormat> format,
                                               const TimeZone& zone,
                                               const PriceCsvOptions& csv_options) {
  if (!format) {
    auto detected = DetectPriceFormat(source, text);
    if (!detected.ok()) return detected.status();
    format = *detected;
  }
  switch (*format) {
    case PriceFormat::kPvpc:
      return ParsePvpcCsv(text, source, &zone);
    case PriceFormat::kEsios:
      return ParseEsiosJson(text, source);
    case PriceFormat::kOmie:
      return ParseOmiePrices(text, source, zone);
    case PriceFormat::kCsv: {
      auto series = ParsePriceCsv(text, source, csv_options);
      if (!series.ok()) return series.status();
      return std::vector<PriceSeries>{std::move(*series)};
    }
  }
  return Status::Error(source + ": unknown price format");
}

Result<std::vector<PriceSeries>> ReadPriceFile(const std::string& path,
                                               std::optional<PriceFormat> format,
                                               const TimeZone& zone,
                                               const PriceCsvOptions& csv_options) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadPriceText(*content, path, format, zone, csv_options);
}

const PriceSeries* FindSeries(const std::vector<PriceSeries>& series, std::string_view name) {
  for (const PriceSeries& s : series) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace reparto
