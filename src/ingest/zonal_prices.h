// Hourly zonal prices (Italy's Pz) for the incentive of a renewable energy community: a CSV
// `start,price_eur_per_mwh` with one row per hour, `start` an ISO 8601 instant with offset.
//
// Units: €/MWh in the file (decimal point, may be negative), PriceE4 (1e-4 €/MWh) out, one value
// per interval of an hourly DayGrid.
//
//   auto prices = ReadZonalPrices("pz_2024.csv", grid);   // error names file, line and column
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/italy.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

// Every interval of `grid` must have exactly one price; rows outside the grid are ignored.
Result<std::vector<PriceE4>> ParseZonalPrices(std::string_view text, const std::string& source,
                                              const DayGrid& grid);
Result<std::vector<PriceE4>> ReadZonalPrices(const std::string& path, const DayGrid& grid);

}  // namespace reparto
