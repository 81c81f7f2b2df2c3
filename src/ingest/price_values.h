// Shared pieces of the price-file readers (price_files.h): exact decimal prices, unit plausibility
// checks and the ordering rules of a series.
//
// Units: text in €/kWh or €/MWh, results in MicroPrice (µ€/kWh): "0.11633" €/kWh → 116 330,
// "132.9" €/MWh → 132 900. Digits beyond what µ€/kWh holds (7th decimal of €/kWh, 4th of €/MWh)
// are rounded half away from zero, once ("0.1234565" €/kWh → 123 457).
//
//   PriceUnit unit = PriceUnit::kEurPerKWh;
//   PriceText p = ParsePriceText("0.11633", '.', unit);   // p.value == 116330
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/price_series.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto::ingest {

enum class PriceUnit : std::uint8_t { kEurPerKWh, kEurPerMWh };

// "€/kWh" or "€/MWh".
std::string_view UnitName(PriceUnit unit);

struct PriceText {
  bool ok = false;
  std::string error;         // "malformed price '9x' (expected a decimal number with '.')"
  std::size_t position = 0;  // 0-based offset in the text of the offending character
  MicroPrice value = 0;      // µ€/kWh
};

// Parses a decimal (optional sign, digits, optional `point` and digits; surrounding spaces allowed;
// no exponent, no thousands separator) exactly into µ€/kWh.
PriceText ParsePriceText(std::string_view text, char point, PriceUnit unit);

// Unit plausibility over a whole source:
//   - €/kWh: a value beyond ±5 €/kWh is an error at its line ("132.9 €/kWh is not a plausible
//     retail price; is the file in €/MWh?");
//   - €/MWh: when every value is below 1 €/MWh in magnitude, the source is rejected at Finish
//     ("every price is below 1 €/MWh ...; is the file in €/kWh?").
class UnitCheck {
 public:
  explicit UnitCheck(PriceUnit unit) : unit_(unit) {}
  // `where` is "file:line:column" of the value, `text` the value as written.
  Status Add(MicroPrice value, std::string_view text, const std::string& where);
  // `source` names the file; `what` names the values checked ("column 3", "values").
  Status Finish(const std::string& source, std::string_view what) const;

 private:
  PriceUnit unit_;
  std::int64_t count_ = 0;
  MicroPrice largest_ = 0;  // largest magnitude seen
  std::string largest_text_;
  std::string largest_where_;
};

// Collects the points of one series in file order: starts strictly increasing (a repeated start is
// a "duplicate", an earlier one "out of order", both naming both lines), consecutive starts a
// whole number of steps apart (gaps allowed: the lookup reports them).
class SeriesBuilder {
 public:
  // `step_seconds` 0: inferred at Finish as the smallest distance between two points.
  SeriesBuilder(std::string name, int step_seconds)
      : name_(std::move(name)), step_seconds_(step_seconds) {}
  // `where` is "file:line" (or "file: values[3]") for messages.
  Status Add(UtcSeconds start, MicroPrice price, const std::string& where);
  // `source` names the file. Fails when the step cannot be inferred (fewer than two points) or a
  // gap is not a whole number of steps.
  Result<PriceSeries> Finish(const std::string& source);
  std::size_t size() const { return points_.size(); }

 private:
  std::string name_;
  int step_seconds_;
  std::vector<PricePoint> points_;
  std::vector<std::string> where_;  // only when the step is inferred (for gap messages)
  std::string last_where_;
};

// The UTC offset written at the end of an ISO 8601 instant ("+02:00" → 7200, "Z" → 0).
Result<int> WrittenOffset(std::string_view iso_instant);

// "2021-10-31T01:00:00Z".
std::string UtcText(UtcSeconds instant);

}  // namespace reparto::ingest
