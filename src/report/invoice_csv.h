// The community's invoices as two CSV tables (docs/outputs.md, "Invoices"):
//   invoices: one row per invoice or credit note
//     invoice,kind,participant,member_name,issue_date,due_date,period_first,period_last,
//     net_eur,vat_eur,total_eur,corrects,reason
//   lines: one row per invoice line
//     invoice,line,code,description,quantity,unit,unit_price_eur,amount_eur,vat_percent
// Machine-readable whatever the invoice language: English column names, `kind` "invoice" or
// "credit_note", dates YYYY-MM-DD, the billed period as its first and last day (both included).
//
// Units: euros with a point and exactly 2 decimals (from whole cents; credit notes negative),
// quantities with exactly 3 decimals (from thousandths), unit prices in euros with exactly 6
// decimals (from µ€), VAT as a percentage with trailing zeros dropped ("21", "5.11269632").
//
//   std::string text = FormatInvoicesCsv(invoices);
//   Status s = WriteInvoiceLinesCsv(invoices, file, "lines.csv");
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/billing_rules.h"  // InvoiceKindName
#include "core/invoice.h"
#include "core/status.h"
#include "report/invoice_labels.h"

namespace reparto {

// How a column's values are stored (the XLSX export picks cell types and formats from it).
enum class InvoiceCellKind : std::uint8_t {
  kText,
  kDate,       // YYYY-MM-DD; XLSX: a date cell
  kEuro,       // whole cents as euros, 2 decimals
  kUnitPrice,  // µ€ as euros, 6 decimals
  kQuantity,   // thousandths, 3 decimals
  kPercent,    // RateE10 as a percentage
  kCount,      // a whole number
};

struct InvoiceColumn {
  std::string_view name;  // CSV header (and XLSX header without a language)
  Label label;            // human header in a language
  InvoiceCellKind kind;
};

inline constexpr std::array<InvoiceColumn, 13> kInvoiceColumns = {{
    {"invoice", Label::kNumber, InvoiceCellKind::kText},
    {"kind", Label::kKind, InvoiceCellKind::kText},
    {"participant", Label::kParticipant, InvoiceCellKind::kText},
    {"member_name", Label::kMemberName, InvoiceCellKind::kText},
    {"issue_date", Label::kIssueDate, InvoiceCellKind::kDate},
    {"due_date", Label::kDueDate, InvoiceCellKind::kDate},
    {"period_first", Label::kPeriodFirst, InvoiceCellKind::kDate},
    {"period_last", Label::kPeriodLast, InvoiceCellKind::kDate},
    {"net_eur", Label::kNetTotal, InvoiceCellKind::kEuro},
    {"vat_eur", Label::kVatTotal, InvoiceCellKind::kEuro},
    {"total_eur", Label::kTotal, InvoiceCellKind::kEuro},
    {"corrects", Label::kCorrects, InvoiceCellKind::kText},
    {"reason", Label::kReason, InvoiceCellKind::kText},
}};

inline constexpr std::array<InvoiceColumn, 9> kInvoiceLineColumns = {{
    {"invoice", Label::kNumber, InvoiceCellKind::kText},
    {"line", Label::kLine, InvoiceCellKind::kCount},
    {"code", Label::kCode, InvoiceCellKind::kText},
    {"description", Label::kDescription, InvoiceCellKind::kText},
    {"quantity", Label::kQuantity, InvoiceCellKind::kQuantity},
    {"unit", Label::kUnit, InvoiceCellKind::kText},
    {"unit_price_eur", Label::kUnitPrice, InvoiceCellKind::kUnitPrice},
    {"amount_eur", Label::kAmount, InvoiceCellKind::kEuro},
    {"vat_percent", Label::kVat, InvoiceCellKind::kPercent},
}};

// The last billed day: period_to − 1 (period_to is exclusive).
CivilDate PeriodLastDay(const Invoice& invoice);

// The tables as text, in the order of `invoices` (lines in invoice order, then line order).
std::string FormatInvoicesCsv(const std::vector<Invoice>& invoices);
std::string FormatInvoiceLinesCsv(const std::vector<Invoice>& invoices);

// Write to `out` (not closed; flushed); return the first write error, naming `name`.
Status WriteInvoicesCsv(const std::vector<Invoice>& invoices, std::FILE* out,
                        const std::string& name);
Status WriteInvoiceLinesCsv(const std::vector<Invoice>& invoices, std::FILE* out,
                            const std::string& name);

}  // namespace reparto
