// The bill table as an XLSX sheet, column for column the CSV of report/bill_csv.h.
#include "export/bill_xlsx.h"

#include "export/xlsx_table.h"

namespace reparto {
namespace {

double RatioValue(const EnergyRatio& r) { return r.ppm ? static_cast<double>(*r.ppm) / 1e6 : 0.0; }

void AddRow(XlsxSheet& sheet, const XlsxTableFormats& formats, const BillRow& row) {
  const MemberEconomics& e = *row.economics;
  const RetailBill& w = e.with_community;
  sheet.NextRow();
  sheet.Text(row.participant);
  sheet.Text(row.name);
  sheet.Date(row.month, formats.month);
  sheet.Integer(e.days);
  for (MilliWh v : {e.energy.consumption, e.energy.supplier, e.energy.surplus,
                    e.energy.self_consumed, e.energy.imputed}) {
    sheet.Number(KwhValue(v), formats.kwh);
  }
  for (Cents v : {e.without_community.total, w.total, w.energy, w.compensation, w.compensation_lost,
                  w.power, w.charges_total, w.electricity_tax, w.vat, e.fee.total, e.savings}) {
    sheet.Number(EuroValue(v), formats.euro);
  }
  if (e.expected_savings) {
    sheet.Number(EuroValue(*e.expected_savings), formats.euro);
  } else {
    sheet.Skip();
  }
  sheet.Number(EuroValue(row.cumulative->savings), formats.euro);
  for (const EnergyRatio* r : {&e.self_consumption, &e.self_sufficiency}) {
    if (r->ppm) {
      sheet.Number(RatioValue(*r), formats.ratio);
    } else {
      sheet.Skip();
    }
  }
  sheet.Number(static_cast<double>(e.avoided_co2_g) / 1000, formats.kwh);
  sheet.Integer(e.quality_counts[static_cast<int>(Quality::kEstimated)] +
                e.quality_counts[static_cast<int>(Quality::kMissing)]);
  sheet.Text(e.incomplete ? "yes" : "no");
}

}  // namespace

Status WriteBillXlsx(const std::vector<BillRow>& rows, const std::string& path) {
  return WriteXlsx(path, [&](XlsxWorkbook& book) -> Status {
    const XlsxTableFormats formats = XlsxTableFormats::Register(book);
    auto sheet = AddTableSheet(book, "bills", kBillColumns);
    if (!sheet.ok()) return sheet.status();
    for (const BillRow& row : rows) AddRow(**sheet, formats, row);
    return Status::Ok();
  });
}

}  // namespace reparto
