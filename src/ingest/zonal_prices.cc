// Hourly zonal price CSV (see zonal_prices.h).
#include "ingest/zonal_prices.h"

#include "fileio/csv.h"
#include "fileio/read_file.h"
#include "ingest/decimal.h"

namespace reparto {

Result<std::vector<PriceE4>> ParseZonalPrices(std::string_view text, const std::string& source,
                                              const DayGrid& grid) {
  CsvCursor csv(text, ',');
  if (!csv.Next() || csv.size() < 2 || csv.field(0) != "start") {
    return Status::Error(source + ":1: expected the header 'start,price_eur_per_mwh'");
  }
  constexpr ingest::DecimalFormat kPrice{'.', '\0', false, kPriceE4PerEuro, 1, "EUR/MWh"};
  std::vector<PriceE4> prices(static_cast<std::size_t>(grid.interval_count()), 0);
  std::vector<std::uint32_t> line_of(prices.size(), 0);
  while (csv.Next()) {
    const std::string where = source + ":" + std::to_string(csv.line());
    if (csv.size() != 2)
      return Status::Error(where + ": expected 2 fields, got " + std::to_string(csv.size()));
    auto start = ParseIsoInstant(csv.field(0));
    if (!start.ok()) return start.status().WithContext(where + ":" + std::to_string(csv.column(0)));
    std::string_view number = csv.field(1);
    const bool negative = !number.empty() && number.front() == '-';
    if (negative) number.remove_prefix(1);
    const ingest::DecimalParse parse = ingest::ParseMilliWh(number, kPrice);
    if (!parse.ok()) {
      return Status::Error(where + ":" + std::to_string(csv.column(1)) + ": " +
                           ingest::DescribeDecimalError(parse, csv.field(1), "price", kPrice));
    }
    const std::int64_t index = grid.IndexOf(*start);
    if (index < 0) continue;
    if (line_of[index] != 0) {
      return Status::Error(source + ": lines " + std::to_string(line_of[index]) + " and " +
                           std::to_string(csv.line()) + " both give the price at " +
                           std::string(csv.field(0)));
    }
    line_of[index] = csv.line();
    prices[index] = negative ? -parse.value : parse.value;
  }
  if (!csv.error().empty()) return Status::Error(source + ":" + csv.error());
  for (std::size_t i = 0; i < prices.size(); ++i) {
    if (line_of[i] == 0) {
      return Status::Error(
          source + ": no price for the hour starting " +
          FormatIsoInstant(grid.utc_start() + static_cast<std::int64_t>(i) * grid.step_seconds, 0,
                           true));
    }
  }
  return prices;
}

Result<std::vector<PriceE4>> ReadZonalPrices(const std::string& path, const DayGrid& grid) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ParseZonalPrices(*content, path, grid);
}

}  // namespace reparto
