// The community's invoices to its members as PDF documents (docs/outputs.md, "Invoices"): an A4
// page per invoice, more when its lines do not fit (the table header repeated, "page i of n" on
// every page). Each shows the issuer (InvoicingSettings), the member (name, tax id, address,
// supply point = participant id), number, issue and due dates, billed period, for a credit note
// the invoice it corrects and why, the lines (description, quantity with unit, unit price, VAT %,
// amount), the VAT summary per rate, the totals and the payment terms, in the chosen language
// (report/invoice_labels.h) with its number formats ("1.234,56 €", "€1,234.56").
//
// Units: money in Cents, unit prices MicroPrice (printed with 2 to 6 decimals), quantities in
// thousandths (printed with up to 3 decimals), rates RateE10. The billed period [from, to) is
// printed as its first and last day.
//
// Files are written all or nothing (a temporary file renamed over `path`); errors name the path.
//
//   Status s = WriteInvoicePdf(invoice, config.invoicing, Language::kSpanish, "F-2025-1.pdf");
#pragma once

#include <string>
#include <vector>

#include "core/invoice.h"
#include "core/status.h"
#include "core/tariff.h"
#include "report/invoice_labels.h"

namespace reparto {

// One invoice (or credit note) in one PDF file.
Status WriteInvoicePdf(const Invoice& invoice, const InvoicingSettings& issuer, Language language,
                       const std::string& path);

// Several invoices in one PDF file, one after another, each starting on a new page and numbering
// its own pages. An empty list is an error (a PDF has at least one page).
Status WriteInvoicesPdf(const std::vector<Invoice>& invoices, const InvoicingSettings& issuer,
                        Language language, const std::string& path);

}  // namespace reparto
