// The invoice and invoice-line CSV tables (see invoice_csv.h).
#include "report/invoice_csv.h"

#include <span>

#include "core/money.h"
#include "report/csv_buffer.h"

namespace reparto {
namespace {

void Header(std::span<const InvoiceColumn> columns, CsvBuffer& out) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i != 0) out.Append(',');
    out.Append(columns[i].name);
  }
  out.Append('\n');
}

Status WriteInvoices(const std::vector<Invoice>& invoices, CsvBuffer& out) {
  static_assert(kInvoiceColumns.size() == 13);
  Header(kInvoiceColumns, out);
  for (const Invoice& invoice : invoices) {
    out.AppendField(invoice.number_text);
    out.Append(',');
    out.Append(InvoiceKindName(invoice.kind));
    out.Append(',');
    out.AppendField(invoice.participant);
    out.Append(',');
    out.AppendField(invoice.member_name);
    out.Append(',');
    out.Append(FormatDate(invoice.issue_date));
    out.Append(',');
    out.Append(FormatDate(invoice.due_date));
    out.Append(',');
    out.Append(FormatDate(invoice.period_from));
    out.Append(',');
    out.Append(FormatDate(PeriodLastDay(invoice)));
    out.Append(',');
    out.AppendCents(invoice.net);
    out.Append(',');
    out.AppendCents(invoice.vat);
    out.Append(',');
    out.AppendCents(invoice.total);
    out.Append(',');
    out.AppendField(invoice.corrects);
    out.Append(',');
    out.AppendField(invoice.reason);
    out.Append('\n');
  }
  return out.Flush();
}

Status WriteLines(const std::vector<Invoice>& invoices, CsvBuffer& out) {
  static_assert(kInvoiceLineColumns.size() == 9);
  Header(kInvoiceLineColumns, out);
  for (const Invoice& invoice : invoices) {
    const std::string number = CsvBuffer::EscapeField(invoice.number_text);
    std::int64_t index = 0;
    for (const InvoiceLine& line : invoice.lines) {
      out.Append(number);
      out.Append(',');
      out.AppendInt(++index);
      out.Append(',');
      out.AppendField(line.code);
      out.Append(',');
      out.AppendField(line.description);
      out.Append(',');
      out.AppendFixed(line.quantity_milli, 3);
      out.Append(',');
      out.AppendField(line.unit);
      out.Append(',');
      out.AppendFixed(line.unit_price, 6);
      out.Append(',');
      out.AppendCents(line.amount);
      out.Append(',');
      out.Append(FormatPercentRate(line.vat_rate));
      out.Append('\n');
    }
  }
  return out.Flush();
}

}  // namespace

CivilDate PeriodLastDay(const Invoice& invoice) { return AddDays(invoice.period_to, -1); }

std::string FormatInvoicesCsv(const std::vector<Invoice>& invoices) {
  CsvBuffer buffer(nullptr, "invoices");
  (void)WriteInvoices(invoices, buffer);
  return std::string(buffer.contents());
}

std::string FormatInvoiceLinesCsv(const std::vector<Invoice>& invoices) {
  CsvBuffer buffer(nullptr, "invoice lines");
  (void)WriteLines(invoices, buffer);
  return std::string(buffer.contents());
}

Status WriteInvoicesCsv(const std::vector<Invoice>& invoices, std::FILE* out,
                        const std::string& name) {
  CsvBuffer buffer(out, name);
  return WriteInvoices(invoices, buffer);
}

Status WriteInvoiceLinesCsv(const std::vector<Invoice>& invoices, std::FILE* out,
                            const std::string& name) {
  CsvBuffer buffer(out, name);
  return WriteLines(invoices, buffer);
}

}  // namespace reparto
