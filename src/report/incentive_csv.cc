// Italian incentive CSV (see incentive_csv.h).
#include "report/incentive_csv.h"

#include "core/time.h"
#include "report/csv_buffer.h"

namespace reparto {
namespace {

void Row(CsvBuffer& out, std::string_view id, const std::string& month, const ItalianMonth& row) {
  out.AppendField(id);
  out.Append(',');
  out.Append(month);
  out.Append(',');
  out.AppendKwh(row.shared);
  out.Append(',');
  out.AppendCents(row.incentive_cents);
  out.Append('\n');
}

Status Write(const ItalianIncentive& incentive, const std::vector<std::string>& participant_ids,
             CsvBuffer& out) {
  out.Append("participant,month,shared_kwh,incentive_eur\n");
  for (int m = 0; m < incentive.month_count(); ++m) {
    const std::string month = FormatDate(incentive.month(m)).substr(0, 7);
    for (std::size_t p = 0; p < participant_ids.size(); ++p) {
      const ItalianMonth& row = incentive.member_month(static_cast<int>(p), m);
      if (row.shared == 0 && row.incentive_micro == 0) continue;
      Row(out, participant_ids[p], month, row);
    }
    Row(out, "*community*", month, incentive.community_month(m));
  }
  return out.Flush();
}

}  // namespace

Status WriteIncentiveCsv(const ItalianIncentive& incentive,
                         const std::vector<std::string>& participant_ids, std::FILE* out,
                         const std::string& name) {
  CsvBuffer buffer(out, name);
  return Write(incentive, participant_ids, buffer);
}

std::string FormatIncentiveCsv(const ItalianIncentive& incentive,
                               const std::vector<std::string>& participant_ids) {
  CsvBuffer buffer(nullptr, "incentives");
  (void)Write(incentive, participant_ids, buffer);
  return std::string(buffer.contents());
}

}  // namespace reparto
