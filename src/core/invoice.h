// The community's own invoices to its members, billing runs and payments (spec/tariffs.md §4).
// Pure data: computed by src/jobs/billing_job.h, stored by core/billing_store.h, printed by
// src/export/invoice_pdf.h and src/report/invoice_csv.h.
//
// Rules the store enforces: a run is a draft (preview, replaceable) until it is made final; a final
// run and its invoices never change; invoice numbers are unique and gap-free per series and year
// (assigned under a lock when the run is made final); a correction is a credit note (negative
// amounts) in the credit series that names the invoice it corrects.
//
// Units: Cents for money; MicroPrice for unit prices; quantities in thousandths of their unit
// (kWh × 1000 = Wh, months × 1000, kWp × 1000); dates are the community's local civil dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace reparto {

struct InvoiceLine {
  std::string code;                 // stable key: "fee.self_consumed", "fee.kwp", "fee.fixed", ...
  std::string description;          // text printed on the invoice (the community's language)
  std::int64_t quantity_milli = 0;  // quantity × 1000
  std::string unit;                 // "kWh", "kWp", "month"
  MicroPrice unit_price = 0;        // µ€ per unit
  Cents amount = 0;                 // the line, rounded once (money.h)
  RateE10 vat_rate = 0;
  friend bool operator==(const InvoiceLine&, const InvoiceLine&) = default;
};

enum class InvoiceKind : std::uint8_t { kInvoice, kCreditNote };

struct Invoice {
  InvoiceKind kind = InvoiceKind::kInvoice;
  std::string series;       // "F" (or the credit series)
  std::int64_t number = 0;  // 0 in a draft; 1, 2, ... per series and year once final
  std::string number_text;  // "F-2025-000001"; empty in a draft
  std::string community;
  std::string participant;
  std::string member_name;  // from the billing config's contacts (may be empty)
  std::string member_tax_id;
  std::string member_address;
  CivilDate period_from;  // billed days [period_from, period_to)
  CivilDate period_to;
  CivilDate issue_date;
  CivilDate due_date;
  std::vector<InvoiceLine> lines;
  Cents net = 0;         // Σ line amounts
  Cents vat = 0;         // Σ per VAT rate of ApplyRate(Σ amounts at that rate, rate)
  Cents total = 0;       // net + vat
  std::string corrects;  // credit notes: number_text of the invoice corrected
  std::string reason;    // credit notes: why
  friend bool operator==(const Invoice&, const Invoice&) = default;
};

// Fills net, vat and total from the lines (VAT summed per rate, one rounding per rate).
void ComputeInvoiceTotals(Invoice& invoice);

enum class RunState : std::uint8_t { kDraft, kFinal };

struct BillingRun {
  std::int64_t id = 0;  // assigned by the store
  std::string community;
  CivilDate month;  // first day of the billed month
  RunState state = RunState::kDraft;
  std::string created_at;    // ISO instant (UTC)
  std::string finalised_at;  // empty for drafts
  std::vector<Invoice> invoices;
  friend bool operator==(const BillingRun&, const BillingRun&) = default;
};

struct Payment {
  std::int64_t id = 0;  // assigned by the store
  std::string invoice;  // number_text of the invoice paid
  CivilDate date;
  Cents amount = 0;    // > 0; a refund is negative
  std::string method;  // "transfer", "direct debit", ...
  std::string note;
  friend bool operator==(const Payment&, const Payment&) = default;
};

// An invoice with what has been paid on it (credit notes reduce what the corrected invoice owes).
struct InvoiceBalance {
  std::string invoice;  // number_text
  std::string participant;
  CivilDate issue_date;
  CivilDate due_date;
  Cents total = 0;        // the invoice's total
  Cents credited = 0;     // Σ totals of its credit notes (≤ 0)
  Cents paid = 0;         // Σ payments
  Cents outstanding = 0;  // total + credited − paid
  friend bool operator==(const InvoiceBalance&, const InvoiceBalance&) = default;
};

// Overdue invoices on `today`: outstanding > 0 and due_date < today, each with the reminder dates
// (due_date + each of `reminder_days`) and the next reminder on or after today, if any.
struct OverdueInvoice {
  InvoiceBalance balance;
  int days_overdue = 0;
  std::vector<CivilDate> reminders;
  std::optional<CivilDate> next_reminder;
};
std::vector<OverdueInvoice> OverdueOn(const std::vector<InvoiceBalance>& balances, CivilDate today,
                                      const std::vector<int>& reminder_days);

// "F-2025-000001".
std::string InvoiceNumberText(const std::string& series, int year, std::int64_t number);

}  // namespace reparto
