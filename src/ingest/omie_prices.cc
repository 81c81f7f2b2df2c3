// OMIE day-ahead marginal price file reader (see price_files.h): one local day, semicolon
// separated, decimal commas, €/MWh → PriceSeries "omie-es" / "omie-pt" in µ€/kWh, step 900 for
// H1Q1..H24Q4 columns, 3600 for H1..H24.
#include <optional>
#include <string>
#include <vector>

#include "fileio/csv.h"
#include "ingest/price_files.h"
#include "ingest/price_values.h"
#include "ingest/text.h"

namespace reparto {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "H7Q3" → (7, 3); "H7" → (7, 0); nullopt otherwise.
std::optional<std::pair<int, int>> HourColumn(std::string_view text) {
  text = ingest::Trim(text);
  if (text.size() < 2 || (text[0] != 'H' && text[0] != 'h')) return std::nullopt;
  std::size_t pos = 1;
  int hour = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && hour < 100) {
    hour = hour * 10 + (text[pos++] - '0');
  }
  if (pos == 1) return std::nullopt;
  if (pos == text.size()) return std::make_pair(hour, 0);
  if ((text[pos] != 'Q' && text[pos] != 'q') || pos + 2 != text.size()) return std::nullopt;
  const char q = text[pos + 1];
  if (q < '1' || q > '4') return std::nullopt;
  return std::make_pair(hour, q - '0');
}

// The series a row label holds: "omie-es" for "Precio marginal en el sistema español (EUR/MWh)",
// "omie-pt" for the Portuguese one (matched on their ASCII prefixes: files are seen as Latin-1,
// UTF-8 or UTF-8 read twice), "" for every other row.
std::string SeriesOfLabel(const std::string& lower) {
  if (!lower.starts_with("precio marginal en el sistema")) return "";
  if (lower.find("sistema espa") != std::string::npos) return "omie-es";
  if (lower.find("sistema portugu") != std::string::npos) return "omie-pt";
  return "";
}

}  // namespace

Result<std::vector<PriceSeries>> ParseOmiePrices(std::string_view text, const std::string& source,
                                                 const TimeZone& zone) {
  CsvCursor csv(text, ';');
  if (!csv.Next()) {
    if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
    return Status::Error(source + ": empty file (expected an OMIE price file)");
  }
  // Line 1: "OMIE - Mercado de electricidad;Fecha Emisión :30/09/2025 - 13:51;;01/10/2025;...".
  if (!Lower(csv.field(0)).starts_with("omie")) {
    return Status::Error(source + ":" + std::to_string(csv.line()) +
                         ":1: expected a first line starting with 'OMIE'");
  }
  std::optional<CivilDate> day;
  for (std::size_t i = 1; i < csv.size() && !day; ++i) {
    day = ingest::ParseFlexibleDate(ingest::Trim(csv.field(i)));
  }
  if (!day) {
    return Status::Error(source + ":" + std::to_string(csv.line()) +
                         ": no date (DD/MM/YYYY) of the prices in the first line");
  }
  auto day_start = zone.StartOfDay(*day);
  if (!day_start.ok()) return day_start.status().WithContext(source);
  auto day_end = zone.EndOfDay(*day);
  if (!day_end.ok()) return day_end.status().WithContext(source);

  // Header: ";H1Q1;H1Q2;...;H24Q4;".
  if (!csv.Next()) {
    return Status::Error(source + ": expected the header ';H1Q1;H1Q2;...' after the first line");
  }
  const std::string header_at = source + ":" + std::to_string(csv.line());
  int step = 0;
  std::size_t n_columns = 0;
  for (std::size_t i = 1; i < csv.size(); ++i) {
    if (ingest::Trim(csv.field(i)).empty() && i + 1 == csv.size()) break;  // trailing ';'
    const auto hour = HourColumn(csv.field(i));
    const int this_step = hour && hour->second > 0 ? 900 : 3600;
    const std::size_t index =
        hour ? static_cast<std::size_t>(this_step == 900 ? (hour->first - 1) * 4 + hour->second - 1
                                                         : hour->first - 1)
             : 0;
    if (!hour || hour->first < 1 || (step != 0 && this_step != step) || index != n_columns) {
      return Status::Error(header_at + ":" + std::to_string(csv.column(i)) + ": column " +
                           ingest::Quote(csv.field(i)) + " is not the next period (expected " +
                           (step == 3600 ? "H" + std::to_string(n_columns + 1)
                                         : "H" + std::to_string(n_columns / 4 + 1) + "Q" +
                                               std::to_string(n_columns % 4 + 1)) +
                           ")");
    }
    step = this_step;
    ++n_columns;
  }
  if (n_columns == 0) return Status::Error(header_at + ": expected the columns H1Q1;H1Q2;...");
  const std::int64_t day_periods = (*day_end - *day_start) / step;
  if (static_cast<std::int64_t>(n_columns) != day_periods) {
    return Status::Error(header_at + ": " + std::to_string(n_columns) + " period columns but " +
                         FormatDate(*day) + " in " + std::string(zone.name()) + " has " +
                         std::to_string(day_periods) + " periods of " + std::to_string(step) +
                         " s");
  }

  std::vector<PriceSeries> out;
  while (csv.Next()) {
    const std::string label = Lower(ingest::Trim(csv.field(0)));
    const std::string name = SeriesOfLabel(label);
    if (name.empty()) continue;
    const std::string line = source + ":" + std::to_string(csv.line());
    ingest::PriceUnit unit;
    if (label.find("eur/mwh") != std::string::npos) {
      unit = ingest::PriceUnit::kEurPerMWh;
    } else if (label.find("eur/kwh") != std::string::npos) {
      unit = ingest::PriceUnit::kEurPerKWh;
    } else {
      return Status::Error(line + ":1: row " + ingest::Quote(csv.field(0)) +
                           " names no unit (expected '(EUR/MWh)')");
    }
    if (FindSeries(out, name) != nullptr) {
      return Status::Error(line + ":1: a second row " + ingest::Quote(csv.field(0)));
    }
    if (csv.size() < n_columns + 1) {
      return Status::Error(line + ": expected " + std::to_string(n_columns) + " prices, got " +
                           std::to_string(csv.size() - 1));
    }
    for (std::size_t i = n_columns + 1; i < csv.size(); ++i) {
      if (!ingest::Trim(csv.field(i)).empty()) {
        return Status::Error(line + ":" + std::to_string(csv.column(i)) + ": more than " +
                             std::to_string(n_columns) + " prices");
      }
    }
    ingest::SeriesBuilder builder(name, step);
    ingest::UnitCheck check(unit);
    for (std::size_t k = 0; k < n_columns; ++k) {
      const std::size_t field = k + 1;
      const ingest::PriceText price = ingest::ParsePriceText(csv.field(field), ',', unit);
      if (!price.ok) {
        return Status::Error(line + ":" + std::to_string(csv.column_of(field, price.position)) +
                             ": " + price.error);
      }
      const std::string at = line + ":" + std::to_string(csv.column(field));
      REPARTO_RETURN_IF_ERROR(check.Add(price.value, csv.field(field), at));
      REPARTO_RETURN_IF_ERROR(
          builder.Add(*day_start + static_cast<std::int64_t>(k) * step, price.value, at));
    }
    REPARTO_RETURN_IF_ERROR(check.Finish(source, "row " + ingest::Quote(csv.field(0))));
    auto series = builder.Finish(source);
    if (!series.ok()) return series.status();
    out.push_back(std::move(*series));
  }
  if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
  if (out.empty()) {
    return Status::Error(source +
                         ": no row 'Precio marginal en el sistema español (EUR/MWh)' or "
                         "'... portugués (EUR/MWh)'");
  }
  return out;
}

}  // namespace reparto
