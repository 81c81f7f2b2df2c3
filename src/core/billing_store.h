// Where billing lives: billing configs with validity, price series, billing runs, invoices and
// payments. Implemented by the SQLite and PostgreSQL adapters next to core/store.h (`Store::
// Billing()`), tested by one contract suite over both.
//
// Guarantees every implementation gives
// - Every call is one transaction: all or nothing.
// - Billing configs are versions: saving one for a date never changes an earlier version.
// - PutPrices replaces the points of the series it covers ([first start, last start]) and keeps
//   the others.
// - A draft run for a community and month replaces any earlier draft of that month.
// - FinaliseRun numbers the run's invoices 1, 2, ... after the highest number of their series and
//   year, under a lock: two processes finalising at once never produce a duplicate or a gap. A
//   final run, its invoices and their lines never change afterwards (updates are refused).
// - A credit note is numbered in the credit series the same way.
//
// Units as in core/invoice.h and core/price_series.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/invoice.h"
#include "core/price_series.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

// One stored version of a community's billing file: the text as the manager wrote it (TOML),
// valid from a local day.
struct BillingConfigVersion {
  std::int64_t id = 0;
  std::string community;
  CivilDate valid_from;
  std::string text;
  std::string saved_at;  // ISO instant (UTC)
  friend bool operator==(const BillingConfigVersion&, const BillingConfigVersion&) = default;
};

struct PriceSeriesInfo {
  std::string name;
  int step_seconds = 3600;
  std::int64_t points = 0;
  UtcSeconds first = 0;  // first start
  UtcSeconds last = 0;   // last start
  friend bool operator==(const PriceSeriesInfo&, const PriceSeriesInfo&) = default;
};

class BillingStore {
 public:
  virtual ~BillingStore() = default;

  // Billing configs: a later version saved for the same `valid_from` replaces that one.
  virtual Status SaveBillingConfig(const BillingConfigVersion& version) = 0;
  // Every version of the community, oldest valid_from first.
  virtual Result<std::vector<BillingConfigVersion>> LoadBillingConfigs(
      std::string_view community) = 0;

  // Price series. Fails when `series.step_seconds` differs from the stored series'.
  virtual Status PutPrices(const PriceSeries& series) = 0;
  // Points with start in [from, to); the series' step; empty points when none.
  virtual Result<PriceSeries> LoadPrices(std::string_view name, UtcSeconds from, UtcSeconds to) = 0;
  virtual Result<std::vector<PriceSeriesInfo>> ListPriceSeries() = 0;

  // Stores `run` (state must be kDraft, invoices unnumbered) replacing an earlier draft of the
  // same community and month; returns its id. Fails when `run` is final.
  virtual Result<std::int64_t> SaveDraftRun(const BillingRun& run) = 0;
  // Makes a draft final: numbers its invoices (see above) with `issue_date` and due dates
  // issue_date + `payment_days`; returns the final run. Fails when the run is not a draft.
  virtual Result<BillingRun> FinaliseRun(std::int64_t run_id, CivilDate issue_date,
                                         int payment_days, std::string_view finalised_at) = 0;
  virtual Result<std::optional<BillingRun>> LoadRun(std::int64_t run_id) = 0;
  // Runs of a community (invoices included), oldest month first, then by id.
  virtual Result<std::vector<BillingRun>> ListRuns(std::string_view community) = 0;
  // Final invoices and credit notes of a community, by series and number.
  virtual Result<std::vector<Invoice>> ListInvoices(std::string_view community) = 0;
  virtual Result<std::optional<Invoice>> LoadInvoice(std::string_view number_text) = 0;

  // Issues a credit note cancelling the whole of invoice `number_text` (negated lines) in
  // `credit_series`; fails when the invoice does not exist, is a credit note, or is already
  // credited.
  virtual Result<Invoice> IssueCreditNote(std::string_view number_text,
                                          std::string_view credit_series, CivilDate issue_date,
                                          std::string_view reason) = 0;

  // Payments: the invoice must exist and be final; the amount must not be zero.
  virtual Result<std::int64_t> RecordPayment(const Payment& payment) = 0;
  virtual Result<std::vector<Payment>> ListPayments(std::string_view community) = 0;
  // One balance per final invoice (not per credit note) of the community.
  virtual Result<std::vector<InvoiceBalance>> Balances(std::string_view community) = 0;
};

}  // namespace reparto
