// The Italian incentive per member and month as CSV:
//   participant,month,shared_kwh,incentive_eur
// one row per member with shared energy in the month, then a `*community*` row per month.
// Units: kWh with 6 decimals (exact from mWh), euros with 2 decimals (whole cents, rounded once).
#pragma once

#include <string>
#include <vector>

#include "core/italy.h"
#include "core/status.h"

namespace reparto {

std::string FormatIncentiveCsv(const ItalianIncentive& incentive,
                               const std::vector<std::string>& participant_ids);

}  // namespace reparto
