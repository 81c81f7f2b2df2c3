// PVPC CSV reader (see price_files.h): utc_start, local_start_<zone>, one price column per
// region in €/kWh (or €/MWh when the header says so) → one hourly PriceSeries per region, µ€/kWh.
#include <string>
#include <vector>

#include "fileio/csv.h"
#include "ingest/price_files.h"
#include "ingest/price_values.h"
#include "ingest/text.h"

namespace reparto {
namespace {

using ingest::PriceUnit;

struct PriceColumn {
  std::size_t index = 0;
  PriceUnit unit = PriceUnit::kEurPerKWh;
  std::string header;
};

// "pvpc_PCB_peninsula_baleares_canarias_EUR_kWh" → "pvpc-pcb"; "pvpc_CM_..." → "pvpc-cm".
std::string SeriesNameOf(const std::string& normalized) {
  std::string_view rest = normalized;
  if (rest.starts_with("pvpc_")) rest.remove_prefix(5);
  const std::size_t end = rest.find('_');
  return "pvpc-" + std::string(rest.substr(0, end));
}

}  // namespace

Result<std::vector<PriceSeries>> ParsePvpcCsv(std::string_view text, const std::string& source,
                                              const TimeZone* zone) {
  CsvCursor csv(text, ',');
  const std::string kExpected =
      "expected the header 'utc_start,local_start_Europe_Madrid,"
      "pvpc_PCB_peninsula_baleares_canarias_EUR_kWh,pvpc_CM_ceuta_melilla_EUR_kWh'";
  if (!csv.Next()) {
    if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
    return Status::Error(source + ": empty file (" + kExpected + ")");
  }
  const std::string where1 = source + ":1:";
  if (csv.size() < 3 || ingest::NormalizeHeader(csv.field(0)) != "utc_start" ||
      !ingest::NormalizeHeader(csv.field(1)).starts_with("local_start")) {
    return Status::Error(where1 + "1: " + kExpected);
  }
  std::vector<PriceColumn> columns;
  for (std::size_t i = 2; i < csv.size(); ++i) {
    const std::string name = ingest::NormalizeHeader(csv.field(i));
    PriceColumn column{i, PriceUnit::kEurPerKWh, std::string(csv.field(i))};
    if (name.ends_with("eur_kwh")) {
      column.unit = PriceUnit::kEurPerKWh;
    } else if (name.ends_with("eur_mwh")) {
      column.unit = PriceUnit::kEurPerMWh;
    } else {
      return Status::Error(where1 + std::to_string(csv.column(i)) + ": column " +
                           ingest::Quote(csv.field(i)) +
                           " names no unit (expected a name ending in _EUR_kWh or _EUR_MWh)");
    }
    columns.push_back(std::move(column));
  }
  std::vector<ingest::SeriesBuilder> builders;
  std::vector<ingest::UnitCheck> checks;
  for (const PriceColumn& column : columns) {
    builders.emplace_back(SeriesNameOf(ingest::NormalizeHeader(column.header)), 3600);
    checks.emplace_back(column.unit);
  }
  const std::size_t width = csv.size();

  while (csv.Next()) {
    const std::string line = source + ":" + std::to_string(csv.line());
    auto at = [&](std::size_t field) { return line + ":" + std::to_string(csv.column(field)); };
    if (csv.size() != width) {
      return Status::Error(line + ": expected " + std::to_string(width) + " fields, got " +
                           std::to_string(csv.size()));
    }
    auto utc = ParseIsoInstant(csv.field(0));
    if (!utc.ok()) return utc.status().WithContext(at(0));
    if (*utc % 3600 != 0) {
      return Status::Error(at(0) + ": " + std::string(csv.field(0)) +
                           " does not start a whole UTC hour");
    }
    auto local = ParseIsoInstant(csv.field(1));
    if (!local.ok()) return local.status().WithContext(at(1));
    if (*local != *utc) {
      return Status::Error(at(1) + ": local time " + std::string(csv.field(1)) + " is " +
                           ingest::UtcText(*local) + ", not the same instant as utc_start " +
                           std::string(csv.field(0)));
    }
    if (zone != nullptr) {
      auto written = ingest::WrittenOffset(csv.field(1));
      if (!written.ok()) return written.status().WithContext(at(1));
      auto expected = zone->OffsetAt(*utc);
      if (!expected.ok()) return expected.status().WithContext(at(1));
      if (*written != *expected) {
        return Status::Error(at(1) + ": local time " + std::string(csv.field(1)) + " has offset " +
                             FormatIsoInstant(0, *written).substr(19) + " but " +
                             std::string(zone->name()) + " is at " +
                             FormatIsoInstant(0, *expected).substr(19) + " then");
      }
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::size_t field = columns[c].index;
      const ingest::PriceText price =
          ingest::ParsePriceText(csv.field(field), '.', columns[c].unit);
      if (!price.ok) {
        return Status::Error(line + ":" + std::to_string(csv.column_of(field, price.position)) +
                             ": " + price.error);
      }
      REPARTO_RETURN_IF_ERROR(checks[c].Add(price.value, csv.field(field), at(field)));
      REPARTO_RETURN_IF_ERROR(builders[c].Add(*utc, price.value, line));
    }
  }
  if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());

  std::vector<PriceSeries> out;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    REPARTO_RETURN_IF_ERROR(checks[c].Finish(source, "column " + ingest::Quote(columns[c].header)));
    auto series = builders[c].Finish(source);
    if (!series.ok()) return series.status();
    out.push_back(std::move(*series));
  }
  return out;
}

}  // namespace reparto
