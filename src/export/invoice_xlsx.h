// The community's invoices as an XLSX workbook with two sheets, "Invoices" (one row per invoice or
// credit note) and "Lines" (one row per invoice line), with the columns and rows of the invoice
// CSV tables (report/invoice_csv.h, docs/outputs.md "Invoices").
//
// Units (what the cells hold): money as numbers in euros (whole cents) shown as #,##0.00 "€",
// unit prices in euros shown with 6 decimals and "€", quantities as numbers shown with 3
// decimals, VAT as a percentage number (21), dates as date cells shown as yyyy-mm-dd. Empty text
// (a draft's number, an invoice's `corrects`) is no cell at all.
//
// Headers: the CSV's English machine names by default; with a language, the words of that
// language (report/invoice_labels.h), and `kind` then holds the document's title ("Factura").
//
//   Status s = WriteInvoicesXlsx(run.invoices, "out/invoices-2025-01.xlsx");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/invoice.h"
#include "core/status.h"
#include "export/xlsx_workbook.h"
#include "report/invoice_labels.h"

namespace reparto {

// Adds the sheets "Invoices" and "Lines" to an open workbook.
Status AddInvoiceSheets(XlsxWorkbook& workbook, const std::vector<Invoice>& invoices,
                        std::optional<Language> headers = std::nullopt);

// Writes a workbook holding both sheets at `path`, all or nothing.
Status WriteInvoicesXlsx(const std::vector<Invoice>& invoices, const std::string& path,
                         std::optional<Language> headers = std::nullopt);

}  // namespace reparto
