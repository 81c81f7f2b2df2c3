// The invoice tables as XLSX sheets, row for row the invoice CSV tables (see invoice_xlsx.h).
#include "export/invoice_xlsx.h"

#include <algorithm>
#include <span>

#include "report/invoice_csv.h"

namespace reparto {
namespace {

struct Formats {
  XlsxFormat euro, unit_price, quantity, date;
};

double ValueWidth(const InvoiceColumn& column) {
  if (column.name == "description" || column.name == "reason") return 36;
  if (column.name == "member_name") return 24;
  if (column.name == "participant") return 22;
  switch (column.kind) {
    case InvoiceCellKind::kText:
      return 14;
    case InvoiceCellKind::kDate:
      return 11;
    case InvoiceCellKind::kEuro:
    case InvoiceCellKind::kUnitPrice:
    case InvoiceCellKind::kQuantity:
      return 13;
    case InvoiceCellKind::kPercent:
    case InvoiceCellKind::kCount:
      return 7;
  }
  return 10;
}

Result<XlsxSheet*> AddSheet(XlsxWorkbook& workbook, std::string_view name,
                            std::span<const InvoiceColumn> columns,
                            std::optional<Language> headers) {
  std::vector<XlsxHeaderCell> header;
  for (const InvoiceColumn& column : columns) {
    const std::string_view text = headers ? LabelText(column.label, *headers) : column.name;
    header.push_back({text, std::max(ValueWidth(column), static_cast<double>(text.size()) + 2)});
  }
  return workbook.AddSheet(name, header, /*frozen_columns=*/1);
}

void TextOrSkip(XlsxSheet& sheet, const std::string& text) {
  if (text.empty()) {
    sheet.Skip();
  } else {
    sheet.Text(text);
  }
}

double Euros(Cents cents) { return static_cast<double>(cents) / 100; }

}  // namespace

Status AddInvoiceSheets(XlsxWorkbook& workbook, const std::vector<Invoice>& invoices,
                        std::optional<Language> headers) {
  static_assert(kInvoiceColumns.size() == 13 && kInvoiceLineColumns.size() == 9);
  const Formats formats{workbook.NumberFormat("#,##0.00 \"€\""),
                        workbook.NumberFormat("#,##0.000000 \"€\""),
                        workbook.NumberFormat("#,##0.000"), workbook.NumberFormat("yyyy-mm-dd")};
  auto invoice_sheet = AddSheet(workbook, "Invoices", kInvoiceColumns, headers);
  if (!invoice_sheet.ok()) return invoice_sheet.status();
  XlsxSheet& rows = **invoice_sheet;
  for (const Invoice& invoice : invoices) {
    rows.NextRow();
    TextOrSkip(rows, invoice.number_text);
    if (headers) {
      rows.Text(
          LabelText(invoice.kind == InvoiceKind::kCreditNote ? Label::kCreditNote : Label::kInvoice,
                    *headers));
    } else {
      rows.Text(InvoiceKindName(invoice.kind));
    }
    TextOrSkip(rows, invoice.participant);
    TextOrSkip(rows, invoice.member_name);
    rows.Date(invoice.issue_date, formats.date);
    rows.Date(invoice.due_date, formats.date);
    rows.Date(invoice.period_from, formats.date);
    rows.Date(PeriodLastDay(invoice), formats.date);
    rows.Number(Euros(invoice.net), formats.euro);
    rows.Number(Euros(invoice.vat), formats.euro);
    rows.Number(Euros(invoice.total), formats.euro);
    TextOrSkip(rows, invoice.corrects);
    TextOrSkip(rows, invoice.reason);
  }

  auto line_sheet = AddSheet(workbook, "Lines", kInvoiceLineColumns, headers);
  if (!line_sheet.ok()) return line_sheet.status();
  XlsxSheet& lines = **line_sheet;
  for (const Invoice& invoice : invoices) {
    std::int64_t index = 0;
    for (const InvoiceLine& line : invoice.lines) {
      lines.NextRow();
      TextOrSkip(lines, invoice.number_text);
      lines.Integer(++index);
      TextOrSkip(lines, line.code);
      TextOrSkip(lines, line.description);
      lines.Number(static_cast<double>(line.quantity_milli) / 1000, formats.quantity);
      TextOrSkip(lines, line.unit);
      lines.Number(static_cast<double>(line.unit_price) / 1e6, formats.unit_price);
      lines.Number(Euros(line.amount), formats.euro);
      lines.Number(static_cast<double>(line.vat_rate) / 1e8, XlsxFormat{});
    }
  }
  return workbook.status();
}

Status WriteInvoicesXlsx(const std::vector<Invoice>& invoices, const std::string& path,
                         std::optional<Language> headers) {
  return WriteXlsx(
      path, [&](XlsxWorkbook& workbook) { return AddInvoiceSheets(workbook, invoices, headers); });
}

}  // namespace reparto
