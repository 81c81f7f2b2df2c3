// The Italian incentive per member and month as CSV:
//   participant,month,shared_kwh,incentive_eur
// months oldest first; in each, one row per member with shared energy or incentive, then a
// `*community*` row. Units: kWh with 6 decimals (exact from mWh), euros with 2 decimals (whole
// cents, rounded once per member and month; see core/italy.h).
//
//   Status s = WriteIncentiveCsv(incentive, ids, file, "incentives.csv");
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/italy.h"
#include "core/status.h"

namespace reparto {

// Writes to `out` (not closed; flushed); returns the first write error, naming `name`. A null
// `out` is not allowed here: use FormatIncentiveCsv for text in memory.
Status WriteIncentiveCsv(const ItalianIncentive& incentive,
                         const std::vector<std::string>& participant_ids, std::FILE* out,
                         const std::string& name);
std::string FormatIncentiveCsv(const ItalianIncentive& incentive,
                               const std::vector<std::string>& participant_ids);

}  // namespace reparto
