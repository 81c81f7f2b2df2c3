// The bill table as CSV (bill_csv.h).
#include "report/bill_csv.h"

#include "report/csv_buffer.h"

namespace reparto {
namespace {

void AppendRow(CsvBuffer& out, const BillRow& row) {
  const MemberEconomics& e = *row.economics;
  const CumulativeEconomics& c = *row.cumulative;
  out.AppendField(row.participant);
  out.Append(',');
  out.AppendField(row.name);
  out.Append(',');
  out.Append(FormatDate(row.month).substr(0, 7));
  out.Append(',');
  out.AppendInt(e.days);
  for (MilliWh v : {e.energy.consumption, e.energy.supplier, e.energy.surplus,
                    e.energy.self_consumed, e.energy.imputed}) {
    out.Append(',');
    out.AppendKwh(v);
  }
  const RetailBill& w = e.with_community;
  for (Cents v : {e.without_community.total, w.total, w.energy, w.compensation, w.compensation_lost,
                  w.power, w.charges_total, w.electricity_tax, w.vat, e.fee.total, e.savings}) {
    out.Append(',');
    out.AppendCents(v);
  }
  out.Append(',');
  if (e.expected_savings) out.AppendCents(*e.expected_savings);
  out.Append(',');
  out.AppendCents(c.savings);
  for (const EnergyRatio* r : {&e.self_consumption, &e.self_sufficiency}) {
    out.Append(',');
    if (r->denominator != 0) out.AppendRatio(r->numerator, r->denominator);
  }
  out.Append(',');
  out.AppendFixed(e.avoided_co2_g, 3);  // grams → kg with 3 decimals
  out.Append(',');
  out.AppendInt(e.quality_counts[static_cast<int>(Quality::kEstimated)] +
                e.quality_counts[static_cast<int>(Quality::kMissing)]);
  out.Append(',');
  out.Append(e.incomplete ? "yes" : "no");
  out.Append('\n');
}

void AppendTable(CsvBuffer& out, const std::vector<BillRow>& rows) {
  out.Append(kCsvHeader<kBillColumns>);
  for (const BillRow& row : rows) AppendRow(out, row);
}

}  // namespace

std::string FormatBillCsv(const std::vector<BillRow>& rows) {
  CsvBuffer out(nullptr, "bill");
  AppendTable(out, rows);
  return std::string(out.contents());
}

Status WriteBillCsv(const std::vector<BillRow>& rows, std::FILE* out, const std::string& name) {
  CsvBuffer buffer(out, name);
  AppendTable(buffer, rows);
  return buffer.Flush();
}

}  // namespace reparto
