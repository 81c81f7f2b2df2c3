// Readers of price files into core PriceSeries (core/price_series.h), for the energy term of
// indexed contracts (PVPC) and the surplus compensation price (ESIOS indicator 1739). Formats,
// units and examples: docs/prices.md.
//
//   "pvpc"  PVPC CSV: utc_start,local_start_Europe_Madrid,pvpc_PCB_..._EUR_kWh,pvpc_CM_..._EUR_kWh
//           → series "pvpc-pcb" (Peninsula, Balearics, Canaries) and "pvpc-cm" (Ceuta, Melilla).
//   "esios" ESIOS indicator JSON ({"indicator": {"id": 1739, "values": [...]}}), €/MWh
//           → series "esios-1739" (one per geo_id "esios-1001-8741" when the file holds several).
//   "omie"  OMIE day-ahead marginal prices, one local day per file, H1Q1..H24Q4 (or H1..H24)
//           columns, €/MWh with decimal commas → series "omie-es" and "omie-pt".
//   "csv"   generic CSV `start,price_eur_per_kwh` or `start,price_eur_per_mwh`, start an ISO 8601
//           instant with offset or Z → one series named by the caller (default "prices").
//
// Units: every price becomes MicroPrice (µ€/kWh) exactly, digit by digit (never through a binary
// float): "0.11633" €/kWh → 116 330, "132.9" €/MWh → 132 900. Digits beyond µ€/kWh (the 7th
// decimal of €/kWh, the 4th of €/MWh) are rounded half away from zero, once. Instants are UTC.
//
// Reading is all or nothing: the first problem fails the whole file with its name, line (and
// column, or the JSON element) and what was expected. Implausible units are errors: a €/kWh value
// beyond ±5 €/kWh, or a €/MWh source whose every value is below 1 €/MWh. Gaps (hours absent from
// the file) are NOT read errors: the series simply lacks those points and PricesForIntervals
// (core/price_lookup.h) reports them per local day.
//
//   auto zone = IanaZone::Load("Europe/Madrid");
//   auto series = ReadPriceFile("pvpc.csv", std::nullopt, **zone);   // detected by content
//   if (!series.ok()) return series.status();
//   const PriceSeries* pcb = FindSeries(*series, "pvpc-pcb");
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/price_series.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

enum class PriceFormat { kPvpc, kEsios, kOmie, kCsv };

// "pvpc", "esios", "omie", "csv".
std::string_view PriceFormatName(PriceFormat format);
// The inverse of PriceFormatName (for a --format option).
Result<PriceFormat> ParsePriceFormatName(std::string_view name);
// Recognises the format from the start of the content; `source` names the file in messages.
Result<PriceFormat> DetectPriceFormat(std::string_view source, std::string_view text);

// PVPC CSV. Checks that each local_start is the same instant as utc_start and, when `zone` is
// given, that its written offset is the zone's offset then; hours strictly increasing.
Result<std::vector<PriceSeries>> ParsePvpcCsv(std::string_view text, const std::string& source,
                                              const TimeZone* zone = nullptr);

// ESIOS indicator JSON (as the ESIOS API and aiopvpc write it). The instant of each value is its
// `datetime` (local time with offset, unambiguous), checked against `tz_time` when present;
// `datetime_utc` is used only when `datetime` is absent, because ESIOS writes it wrong on the
// fall-back day (2021-10-31: the second 02:00 local hour carries datetime_utc 00:00Z instead of
// 01:00Z). The indicator's magnitude must be 23 (price, €/MWh).
Result<std::vector<PriceSeries>> ParseEsiosJson(std::string_view text, const std::string& source);

// OMIE day-ahead marginal prices ("Precio marginal en el sistema español/portugués (EUR/MWh)"
// rows); the date in the first line and the hour columns are local time of `zone`
// (Europe/Madrid for OMIE); the number of columns must match that day's length (92/96/100
// quarter-hours, 23/24/25 hours).
Result<std::vector<PriceSeries>> ParseOmiePrices(std::string_view text, const std::string& source,
                                                 const TimeZone& zone);

struct PriceCsvOptions {
  std::string name = "prices";
  int step_seconds = 0;  // 0: inferred as the smallest distance between two rows
};
// Generic CSV `start,price_eur_per_kwh|price_eur_per_mwh` (comma separated, decimal point).
Result<PriceSeries> ParsePriceCsv(std::string_view text, const std::string& source,
                                  const PriceCsvOptions& options = {});

// Any of the above from memory (`format` nullopt: detected). `zone` is needed by "omie" and used
// by "pvpc" to check offsets. The generic CSV gets `csv_options`.
Result<std::vector<PriceSeries>> ReadPriceText(std::string_view text, const std::string& source,
                                               std::optional<PriceFormat> format,
                                               const TimeZone& zone,
                                               const PriceCsvOptions& csv_options = {});
// Reads a whole file (see ReadPriceText).
Result<std::vector<PriceSeries>> ReadPriceFile(const std::string& path,
                                               std::optional<PriceFormat> format,
                                               const TimeZone& zone,
                                               const PriceCsvOptions& csv_options = {});

// The series called `name` in `series`, or nullptr.
const PriceSeries* FindSeries(const std::vector<PriceSeries>& series, std::string_view name);

}  // namespace reparto
