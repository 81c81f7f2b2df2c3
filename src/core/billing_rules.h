// Rules every BillingStore implementation (core/billing_store.h) applies the same way, whatever
// its SQL: the stored names of invoice kinds, stored dates read back, and what a draft run must
// look like before it is saved.
#pragma once

#include <string_view>

#include "core/invoice.h"
#include "core/price_series.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

// "invoice" / "credit_note", and back (anything else reads as an invoice).
std::string_view InvoiceKindName(InvoiceKind kind);
InvoiceKind ParseInvoiceKind(std::string_view name);

// A date column read back; a damaged value is an error saying so.
Result<CivilDate> StoredDate(std::string_view text);

// Fails naming `what` when `date` is not a real calendar date.
Status CheckBillingDate(CivilDate date, const char* what);

// What SaveDraftRun accepts: a draft, month on its first day, invoices unnumbered, of kind
// invoice, with a series, of the run's community.
Status CheckDraftRun(const BillingRun& run);

// A price series as PutPrices accepts it: named, a positive step, points sorted without repeats.
Status CheckPriceSeries(const PriceSeries& series);
// Fails when `series` has another step than the one stored for its name.
Status CheckSameStep(const PriceSeries& series, std::int64_t stored_step_seconds);

// Fails when `original` is itself a credit note (only invoices are credited).
Status CheckCreditable(const Invoice& original);
// The credit note cancelling the whole of `original`: every line and total negated, in
// `series`, issued and due on `issue_date`, naming the invoice it corrects; unnumbered.
Invoice CreditNoteFor(const Invoice& original, std::string_view series, CivilDate issue_date,
                      std::string_view reason);

}  // namespace reparto
