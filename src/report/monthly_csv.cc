// Monthly summary CSV writer: per participant and local month totals in kWh (6 decimals), demand
// in kW, ratios as fractions. See monthly_csv.h and docs/outputs.md.
#include "report/monthly_csv.h"

#include "report/csv_buffer.h"

namespace reparto {
namespace {

void AppendMonth(CivilDate month, CsvBuffer& out) {
  out.AppendInt(month.year);
  out.Append('-');
  if (month.month < 10) out.Append('0');
  out.AppendInt(month.month);
}

// The columns shared by both kinds of rows, from cr_kwh to missing_intervals.
// `sc_denominator` is what self-consumed energy is compared with for the self-consumption ratio.
void AppendTotals(const MonthlyTotals& totals, const ParticipantMonth& month_totals,
                  MilliWh max_mwh, MilliWh sc_denominator, std::int64_t intervals,
                  std::int64_t estimated, std::int64_t missing, CsvBuffer& out) {
  for (MilliWh sum : month_totals.sums) {
    out.Append(',');
    out.AppendKwh(sum);
  }
  out.Append(',');
  out.AppendMicros(totals.AverageMilliWatts(max_mwh));
  const MilliWh self_consumed = month_totals.sum(Quantity::kSelfConsumed);
  out.Append(',');
  out.AppendRatio(self_consumed, sc_denominator);
  out.Append(',');
  out.AppendRatio(self_consumed, month_totals.sum(Quantity::kCm));
  out.Append(',');
  out.AppendInt(intervals);
  out.Append(',');
  out.AppendInt(estimated);
  out.Append(',');
  out.AppendInt(missing);
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
  for (int m = 0; m < totals.month_count(); ++m) {
    for (int p = 0; p < totals.participant_count(); ++p) {
      const ParticipantMonth& t = totals.participant(p, m);
      if (t.intervals() == 0) continue;
      out.Append(ids[static_cast<std::size_t>(p)]);
      out.Append(',');
      AppendMonth(totals.month(m), out);
      AppendTotals(totals, t, t.max_cm, t.sum(Quantity::kImputed), t.intervals(),
                   t.count(Quality::kEstimated), t.count(Quality::kMissing), out);
      out.Append(",,\n");
    }
    const CommunityMonth& c = totals.community(m);
    if (c.intervals() == 0) continue;
    const ParticipantMonth sum = totals.SumOfParticipants(m);
    out.Append(kCommunityRowId);
    out.Append(',');
    AppendMonth(totals.month(m), out);
    AppendTotals(totals, sum, c.max_consumption, c.pool, c.intervals(),
                 c.count(Quality::kEstimated), c.count(Quality::kMissing), out);
    out.Append(',');
    out.AppendKwh(c.pool);
    out.Append(',');
    out.AppendKwh(c.unallocated);
    out.Append('\n');
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
