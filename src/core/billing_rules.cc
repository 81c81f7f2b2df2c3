// The rules shared by the billing stores (billing_rules.h).
#include "core/billing_rules.h"

namespace reparto {

std::string_view InvoiceKindName(InvoiceKind kind) {
  return kind == InvoiceKind::kCreditNote ? "credit_note" : "invoice";
}
InvoiceKind ParseInvoiceKind(std::string_view name) {
  return name == "credit_note" ? InvoiceKind::kCreditNote : InvoiceKind::kInvoice;
}

Result<CivilDate> StoredDate(std::string_view text) {
  auto date = ParseDate(text);
  if (!date.ok()) return Status::Error("a stored date is damaged: '" + std::string(text) + "'");
  return *date;
}

Status CheckBillingDate(CivilDate date, const char* what) {
  if (!IsValidCivilDate(date)) {
    return Status::Error(std::string("invalid ") + what + ": " + FormatDate(date));
  }
  return Status::Ok();
}

Status CheckDraftRun(const BillingRun& run) {
  if (run.state != RunState::kDraft) {
    return Status::Error("a final billing run cannot be saved as a draft (run " +
                         std::to_string(run.id) + "); correct its invoices with credit notes");
  }
  if (run.community.empty()) return Status::Error("a billing run needs its community");
  REPARTO_RETURN_IF_ERROR(CheckBillingDate(run.month, "billing month"));
  if (run.month.day != 1) {
    return Status::Error("a billing run's month is its first day, not " + FormatDate(run.month));
  }
  for (const Invoice& invoice : run.invoices) {
    if (invoice.number != 0 || !invoice.number_text.empty()) {
      return Status::Error("a draft's invoices are unnumbered (got " + invoice.number_text +
                           "); numbers are given when the run is made final");
    }
    if (invoice.kind != InvoiceKind::kInvoice) {
      return Status::Error("a billing run holds invoices; a credit note is issued on its own");
    }
    if (invoice.series.empty()) {
      return Status::Error("invoice of " + invoice.participant + " has no series");
    }
    if (!invoice.community.empty() && invoice.community != run.community) {
      return Status::Error("invoice of " + invoice.participant + " belongs to community " +
                           invoice.community + ", not to the run's " + run.community);
    }
  }
  return Status::Ok();
}

}  // namespace reparto
