// The rows of the monthly summary (see monthly_rows.h).
#include "report/monthly_rows.h"

namespace reparto {

std::vector<MonthlyRow> MonthlyRows(const MonthlyTotals& totals) {
  std::vector<MonthlyRow> rows;
  for (int m = 0; m < totals.month_count(); ++m) {
    const auto add = [&](int participant, const ParticipantMonth& sums, MilliWh max_mwh,
                         MilliWh sc_den, const std::array<std::int64_t, kQualityCount>& counts) {
      MonthlyRow& row = rows.emplace_back();
      row.participant = participant;
      row.month = totals.month(m);
      row.sums = sums.sums;
      row.max_demand_mw = totals.AverageMilliWatts(max_mwh);
      row.self_consumption_den = sc_den;
      row.intervals = counts[0] + counts[1] + counts[2];
      row.estimated_intervals = counts[static_cast<int>(Quality::kEstimated)];
      row.missing_intervals = counts[static_cast<int>(Quality::kMissing)];
      return &row;
    };
    for (int p = 0; p < totals.participant_count(); ++p) {
      const ParticipantMonth& t = totals.participant(p, m);
      if (t.intervals() == 0) continue;
      add(p, t, t.max_cm, t.sum(Quantity::kImputed), t.quality_counts);
    }
    const CommunityMonth& c = totals.community(m);
    if (c.intervals() == 0) continue;
    MonthlyRow* row =
        add(-1, totals.SumOfParticipants(m), c.max_consumption, c.pool, c.quality_counts);
    row->pool = c.pool;
    row->unallocated = c.unallocated;
  }
  return rows;
}

}  // namespace reparto
