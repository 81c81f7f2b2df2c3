// The rows of the Italian incentive table (kIncentiveColumns in report/columns.h), computed once
// for every output format: months oldest first; in each, the members with shared energy or
// incentive in community order, then the community row.
//
// Units: as core/italy.h (shared energy mWh, incentive in whole cents).
//
//   for (const IncentiveRow& row : IncentiveRows(incentive, n)) Print(row);
#pragma once

#include <cstddef>
#include <vector>

#include "core/italy.h"

namespace reparto {

struct IncentiveRow {
  int participant = -1;  // participant index, or -1 for the community row (kCommunityRowId)
  CivilDate month;       // day = 1
  const ItalianMonth* values = nullptr;  // points into the ItalianIncentive
};

// `n_participants` is the community's number of participants.
std::vector<IncentiveRow> IncentiveRows(const ItalianIncentive& incentive,
                                        std::size_t n_participants);

}  // namespace reparto
