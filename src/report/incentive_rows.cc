// The rows of the Italian incentive table (see incentive_rows.h).
#include "report/incentive_rows.h"

namespace reparto {

std::vector<IncentiveRow> IncentiveRows(const ItalianIncentive& incentive,
                                        std::size_t n_participants) {
  std::vector<IncentiveRow> rows;
  for (int m = 0; m < incentive.month_count(); ++m) {
    for (std::size_t p = 0; p < n_participants; ++p) {
      const ItalianMonth& row = incentive.member_month(static_cast<int>(p), m);
      if (row.shared == 0 && row.incentive_micro == 0 && row.valorisation_micro == 0) continue;
      rows.push_back({static_cast<int>(p), incentive.month(m), &row});
    }
    rows.push_back({-1, incentive.month(m), &incentive.community_month(m)});
  }
  return rows;
}

}  // namespace reparto
