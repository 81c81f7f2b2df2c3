// Monthly summary CSV writer: per participant and local month totals in kWh (6 decimals), demand
// in kW, ratios as fractions. See monthly_csv.h and docs/outputs.md.
#include "report/monthly_csv.h"

#include "report/csv_buffer.h"
#include "report/monthly_rows.h"

namespace reparto {
namespace {

void AppendMonth(CivilDate month, CsvBuffer& out) {
  out.AppendInt(month.year);
  out.Append('-');
  if (month.month < 10) out.Append('0');
  out.AppendInt(month.month);
}

void AppendRow(const MonthlyRow& row, std::string_view id, CsvBuffer& out) {
  out.Append(id);
  out.Append(',');
  AppendMonth(row.month, out);
  for (MilliWh sum : row.sums) {
    out.Append(',');
    out.AppendKwh(sum);
  }
  out.Append(',');
  out.AppendMicros(row.max_demand_mw);
  const MilliWh self_consumed = row.sum(Quantity::kSelfConsumed);
  out.Append(',');
  out.AppendRatio(self_consumed, row.self_consumption_den);
  out.Append(',');
  out.AppendRatio(self_consumed, row.sum(Quantity::kCm));
  for (std::int64_t count : {row.intervals, row.estimated_intervals, row.missing_intervals}) {
    out.Append(',');
    out.AppendInt(count);
  }
  out.Append(',');
  if (row.community()) out.AppendKwh(row.pool);
  out.Append(',');
  if (row.community()) out.AppendKwh(row.unallocated);
  out.Append('\n');
}

Status Write(const MonthlyTotals& totals, const std::vector<std::string>& participant_ids,
             CsvBuffer& out) {
  if (participant_ids.size() != static_cast<std::size_t>(totals.participant_count())) {
    return Status::Error("monthly summary: " + std::to_string(participant_ids.size()) +
                         " participant ids for " + std::to_string(totals.participant_count()) +
                         " participants");
  }
  std::vector<std::string> ids;
  ids.reserve(participant_ids.size());
  for (const std::string& id : participant_ids) ids.push_back(CsvBuffer::EscapeField(id));

  out.Append(kMonthlyCsvHeader);
  for (const MonthlyRow& row : MonthlyRows(totals)) {
    AppendRow(row,
              row.community() ? kCommunityRowId : ids[static_cast<std::size_t>(row.participant)],
              out);
  }
  return out.Flush();
}

}  // namespace

Status WriteMonthlyCsv(const MonthlyTotals& totals, const std::vector<std::string>& participant_ids,
                       std::FILE* out, const std::string& name) {
  CsvBuffer buffer(out, name);
  return Write(totals, participant_ids, buffer);
}

Result<std::string> FormatMonthlyCsv(const MonthlyTotals& totals,
                                     const std::vector<std::string>& participant_ids) {
  CsvBuffer buffer(nullptr, "monthly summary");
  Status status = Write(totals, participant_ids, buffer);
  if (!status.ok()) return status;
  return std::string(buffer.contents());
}

}  // namespace reparto
