// Italian incentive CSV (see incentive_csv.h).
#include "report/incentive_csv.h"

#include "core/time.h"
#include "report/columns.h"
#include "report/csv_buffer.h"
#include "report/incentive_rows.h"

namespace reparto {
namespace {

Status Write(const ItalianIncentive& incentive, const std::vector<std::string>& participant_ids,
             CsvBuffer& out) {
  out.Append(kCsvHeader<kIncentiveColumns>);
  for (const IncentiveRow& row : IncentiveRows(incentive, participant_ids.size())) {
    out.AppendField(
        row.participant < 0
            ? kCommunityRowId
            : std::string_view(participant_ids[static_cast<std::size_t>(row.participant)]));
    out.Append(',');
    out.Append(FormatDate(row.month).substr(0, 7));
    out.Append(',');
    out.AppendKwh(row.values->shared);
    for (std::int64_t cents : {row.values->incentive_cents, row.values->valorisation_cents,
                               row.values->retained_cents, row.values->total_cents()}) {
      out.Append(',');
      out.AppendCents(cents);
    }
    out.Append('\n');
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
