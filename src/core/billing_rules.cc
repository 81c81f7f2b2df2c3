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

Status CheckPriceSeries(const PriceSeries& series) {
  if (series.name.empty()) return Status::Error("a price series needs a name");
  if (series.step_seconds <= 0) {
    return Status::Error("price series " + series.name + ": the step must be positive");
  }
  for (std::size_t i = 1; i < series.points.size(); ++i) {
    if (series.points[i].start <= series.points[i - 1].start) {
      return Status::Error("price series " + series.name +
                           ": points must be sorted by start without repeats (point " +
                           std::to_string(i) + ")");
    }
  }
  return Status::Ok();
}

Status CheckSameStep(const PriceSeries& series, std::int64_t stored_step_seconds) {
  if (stored_step_seconds == series.step_seconds) return Status::Ok();
  return Status::Error("price series " + series.name + " has a step of " +
                       std::to_string(stored_step_seconds) + " s; these prices have " +
                       std::to_string(series.step_seconds) + " s");
}

Status CheckCreditable(const Invoice& original) {
  if (original.kind != InvoiceKind::kCreditNote) return Status::Ok();
  return Status::Error(original.number_text + " is a credit note: a credit note is not credited");
}

Invoice CreditNoteFor(const Invoice& original, std::string_view series, CivilDate issue_date,
                      std::string_view reason) {
  Invoice credit = original;
  credit.kind = InvoiceKind::kCreditNote;
  credit.series = std::string(series);
  credit.number = 0;
  credit.number_text.clear();
  credit.issue_date = issue_date;
  credit.due_date = issue_date;
  for (InvoiceLine& line : credit.lines) {
    line.quantity_milli = -line.quantity_milli;
    line.amount = -line.amount;
  }
  credit.net = -original.net;
  credit.vat = -original.vat;
  credit.total = -original.total;
  credit.corrects = original.number_text;
  credit.reason = std::string(reason);
  return credit;
}

}  // namespace reparto
