// The money of an Italian community (`reparto incentives`, docs/billing.md "Italian communities"):
// the GSE incentive and the ARERA valorisation of the hourly shared energy, from the stored
// allocation results and the stored zonal prices, with the part the community retains and each
// member's part, month by month, under the `[italy]` terms of the billing file in force each
// month (core/italy_terms.h).
//
// Units: as core/italy.h (mWh, micro-euros and cents); months are the first local day.
//
//   auto months = ComputeItalianMonths(store, "IT-CER-01", {2025, 1, 1}, {2025, 7, 1}, {});
//   WriteIncentiveCsv(*months->incentive, months->participant_ids, stdout, "-");
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/italy.h"
#include "core/store.h"
#include "core/time.h"

namespace reparto::jobs {

struct ItalianOptions {
  // The stored price series of Pz; default: `[italy] zonal_prices` of the billing file.
  std::string zonal_prices;
};

struct ItalianMonths {
  Community community;                       // the engine's view, for the XLSX writer
  std::vector<std::string> participant_ids;  // community order
  std::unique_ptr<ItalianIncentive> incentive;
  std::vector<std::string> warnings;  // days without results, months without a billing file
};

// Months [first_month, end_month). Fails, saying what to do, when the community is not Italian
// or not hourly, when no zonal price series is named, or when the series misses any hour.
Result<ItalianMonths> ComputeItalianMonths(Store& store, std::string_view community,
                                           CivilDate first_month, CivilDate end_month,
                                           const ItalianOptions& options);

}  // namespace reparto::jobs
