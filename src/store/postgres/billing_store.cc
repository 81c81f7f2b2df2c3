// The PostgreSQL billing store: see billing_store.h and core/billing_store.h.
//
// Numbering: invoice_counter holds the last number per series and year. FinaliseRun and
// IssueCreditNote lock the counter rows they need (an upsert that locks the row, in series order),
// assign the numbers and write the counter back in the same transaction: a concurrent finalisation
// waits for the lock and continues from the committed number; a rolled-back one gives its numbers
// back. Drafts go in with binary COPY (ids taken from the sequence first), so a run of 1 000
// invoices is a few round trips. Money in cents, unit prices in µ€, dates as ISO text.
#include "store/postgres/billing_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/billing_rules.h"
#include "store/postgres/transactions.h"

namespace reparto::postgres {
namespace {

// One writer per community, as the store's transactions (postgres_store.cc): held until the
// transaction ends.
Status LockCommunity(PgConn& conn, std::string_view community) {
  return conn.Run("SELECT pg_advisory_xact_lock(hashtextextended('reparto community ' || $1, 0))",
                  PgParams().Add(community));
}

// "{1,2,3}" for a bigint[] parameter.
std::string IdArray(const std::vector<std::int64_t>& ids) {
  std::string text = "{";
  for (std::int64_t id : ids) text += std::to_string(id) + ",";
  if (text.size() > 1) text.pop_back();
  return text + "}";
}

constexpr const char* kInvoiceColumns =
    "SELECT id, kind, series, number, number_text, community, participant, member_name, "
    "member_tax_id, member_address, period_from, period_to, issue_date, due_date, net, vat, "
    "total, corrects, reason FROM invoice ";

class PgBillingStore final : public BillingStore {
 public:
  explicit PgBillingStore(PgConn& conn) : conn_(conn) {}

  Status SaveBillingConfig(const BillingConfigVersion& v) override {
    if (v.community.empty()) return Status::Error("a billing config needs its community");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(v.valid_from, "billing config validity date"));
    return InWrite(conn_, [&]() -> Status {
      REPARTO_RETURN_IF_ERROR(LockCommunity(conn_, v.community));
      return conn_.Run(
          "INSERT INTO billing_config (community, valid_from, text, saved_at) "
          "VALUES ($1, $2, $3, $4) ON CONFLICT (community, valid_from) DO UPDATE SET "
          "text = excluded.text, saved_at = excluded.saved_at",
          PgParams().Add(v.community).Add(FormatDate(v.valid_from)).Add(v.text).Add(v.saved_at));
    });
  }

  Result<std::vector<BillingConfigVersion>> LoadBillingConfigs(
      std::string_view community) override {
    return InSnapshot(conn_, [&]() -> Result<std::vector<BillingConfigVersion>> {
      auto rows = conn_.Query(
          "SELECT id, valid_from, text, saved_at FROM billing_config WHERE community = $1 "
          "ORDER BY valid_from",
          PgParams().Add(community));
      if (!rows.ok()) return rows.status();
      std::vector<BillingConfigVersion> versions;
      for (int r = 0; r < rows->rows(); ++r) {
        auto from = StoredDate(rows->Bytes(r, 1));
        if (!from.ok()) return from.status();
        versions.push_back(BillingConfigVersion{.id = rows->Int(r, 0),
                                                .community = std::string(community),
                                                .valid_from = *from,
                                                .text = std::string(rows->Bytes(r, 2)),
                                                .saved_at = std::string(rows->Bytes(r, 3))});
      }
      return versions;
    });
  }

  Status PutPrices(const PriceSeries& series) override {
    REPARTO_RETURN_IF_ERROR(CheckPriceSeries(series));
    return InWrite(conn_, [&]() -> Status {
      // One writer per series: two first imports of a new series do not collide.
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("SELECT pg_advisory_xact_lock(hashtextextended('reparto prices ' || $1, 0))",
                    PgParams().Add(series.name)));
      auto id = SeriesId(series.name);
      if (!id.ok()) return id.status();
      std::int64_t series_id = 0;
      if (id->has_value()) {
        REPARTO_RETURN_IF_ERROR(CheckSameStep(series, (*id)->second));
        series_id = (*id)->first;
      } else {
        auto add = conn_.Query(
            "INSERT INTO price_series (name, step_seconds) VALUES ($1, $2) RETURNING id",
            PgParams().Add(series.name).Add(std::int64_t{series.step_seconds}));
        if (!add.ok()) return add.status();
        series_id = add->Int(0, 0);
      }
      if (series.points.empty()) return Status::Ok();
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("DELETE FROM price_point WHERE series_id = $1 AND start >= $2 AND start <= $3",
                    PgParams()
                        .Add(series_id)
                        .Add(series.points.front().start)
                        .Add(series.points.back().start)));
      auto copy =
          conn_.BeginCopy("COPY price_point (series_id, start, price) FROM STDIN (FORMAT binary)");
      if (!copy.ok()) return copy.status();
      for (const PricePoint& p : series.points) {
        copy->StartRow(3);
        copy->Int64(series_id);
        copy->Int64(p.start);
        copy->Int64(p.price);
      }
      return copy->Finish();
    });
  }

  Result<PriceSeries> LoadPrices(std::string_view name, UtcSeconds from, UtcSeconds to) override {
    return InSnapshot(conn_, [&]() -> Result<PriceSeries> {
      auto id = SeriesId(name);
      if (!id.ok()) return id.status();
      if (!id->has_value()) return Status::Error("no price series named " + std::string(name));
      PriceSeries series{.name = std::string(name), .step_seconds = (*id)->second};
      auto rows = conn_.Query(
          "SELECT start, price FROM price_point WHERE series_id = $1 AND start >= $2 "
          "AND start < $3 ORDER BY start",
          PgParams().Add((*id)->first).Add(from).Add(to));
      if (!rows.ok()) return rows.status();
      series.points.reserve(static_cast<std::size_t>(rows->rows()));
      for (int r = 0; r < rows->rows(); ++r) {
        series.points.push_back({.start = rows->Int(r, 0), .price = rows->Int(r, 1)});
      }
      return series;
    });
  }

  Result<std::vector<PriceSeriesInfo>> ListPriceSeries() override {
    return InSnapshot(conn_, [&]() -> Result<std::vector<PriceSeriesInfo>> {
      auto rows = conn_.Query(
          "SELECT s.name, s.step_seconds, count(p.start), min(p.start), max(p.start) "
          "FROM price_series s LEFT JOIN price_point p ON p.series_id = s.id "
          "GROUP BY s.id, s.name, s.step_seconds ORDER BY s.name");
      if (!rows.ok()) return rows.status();
      std::vector<PriceSeriesInfo> list;
      for (int r = 0; r < rows->rows(); ++r) {
        list.push_back(PriceSeriesInfo{.name = std::string(rows->Bytes(r, 0)),
                                       .step_seconds = static_cast<int>(rows->Int(r, 1)),
                                       .points = rows->Int(r, 2),
                                       .first = rows->Int(r, 3),
                                       .last = rows->Int(r, 4)});
      }
      return list;
    });
  }

  Result<std::int64_t> SaveDraftRun(const BillingRun& run) override {
    REPARTO_RETURN_IF_ERROR(CheckDraftRun(run));
    return InWrite(conn_, [&]() -> Result<std::int64_t> {
      REPARTO_RETURN_IF_ERROR(LockCommunity(conn_, run.community));
      if (run.id != 0) {
        auto state = StateOf(run.id, false);
        if (!state.ok()) return state.status();
        if (state->second == "final") {
          return Status::Error("billing run " + std::to_string(run.id) +
                               " is final: it never changes (correct its invoices with credit "
                               "notes)");
        }
      }
      REPARTO_RETURN_IF_ERROR(DeleteDraft(run.community, run.month));
      auto add = conn_.Query(
          "INSERT INTO billing_run (community, month, state, created_at) "
          "VALUES ($1, $2, 'draft', $3) RETURNING id",
          PgParams().Add(run.community).Add(FormatDate(run.month)).Add(run.created_at));
      if (!add.ok()) return add.status();
      const std::int64_t run_id = add->Int(0, 0);
      std::vector<Invoice> invoices = run.invoices;
      for (Invoice& invoice : invoices) invoice.community = run.community;
      auto ids = InsertInvoices(invoices, run_id, 0);
      if (!ids.ok()) return ids.status();
      return run_id;
    });
  }

  Result<BillingRun> FinaliseRun(std::int64_t run_id, CivilDate issue_date, int payment_days,
                                 std::string_view finalised_at) override {
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(issue_date, "issue date"));
    if (payment_days < 0) return Status::Error("payment days must not be negative");
    return InWrite(conn_, [&]() -> Result<BillingRun> {
      auto community = StateOf(run_id, false);
      if (!community.ok()) return community.status();
      REPARTO_RETURN_IF_ERROR(LockCommunity(conn_, community->first));
      // Read again under the locks: a finalisation that got in first has committed by now.
      auto state = StateOf(run_id, true);
      if (!state.ok()) return state.status();
      if (state->second != "draft") {
        return Status::Error("billing run " + std::to_string(run_id) +
                             " is already final: it is made final once and never changes");
      }
      auto invoices = conn_.Query(
          "SELECT id, series FROM invoice WHERE run_id = $1 "
          "ORDER BY position",
          PgParams().Add(run_id));
      if (!invoices.ok()) return invoices.status();
      std::set<std::string> series;
      for (int r = 0; r < invoices->rows(); ++r) series.emplace(invoices->Bytes(r, 1));
      auto last = LockCounters(series, issue_date.year);
      if (!last.ok()) return last.status();
      const std::string issued = FormatDate(issue_date);
      const std::string due = FormatDate(AddDays(issue_date, payment_days));
      for (int r = 0; r < invoices->rows(); ++r) {
        const std::string s(invoices->Bytes(r, 1));
        const std::int64_t number = ++(*last)[s];
        REPARTO_RETURN_IF_ERROR(conn_.Run(
            "UPDATE invoice SET year = $2, number = $3, number_text = $4, issue_date = $5, "
            "due_date = $6, final = true WHERE id = $1",
            PgParams()
                .Add(invoices->Int(r, 0))
                .Add(std::int64_t{issue_date.year})
                .Add(number)
                .Add(InvoiceNumberText(s, issue_date.year, number))
                .Add(issued)
                .Add(due)));
      }
      REPARTO_RETURN_IF_ERROR(StoreCounters(*last, issue_date.year));
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("UPDATE billing_run SET state = 'final', finalised_at = $2 WHERE id = $1",
                    PgParams().Add(run_id).Add(finalised_at)));
      auto run = ReadRun(run_id);
      if (!run.ok()) return run.status();
      return std::move(**run);
    });
  }

  Result<std::optional<BillingRun>> LoadRun(std::int64_t run_id) override {
    return InSnapshot(conn_, [&] { return ReadRun(run_id); });
  }

  Result<std::vector<BillingRun>> ListRuns(std::string_view community) override {
    return InSnapshot(conn_, [&]() -> Result<std::vector<BillingRun>> {
      auto ids = conn_.Query("SELECT id FROM billing_run WHERE community = $1 ORDER BY month, id",
                             PgParams().Add(community));
      if (!ids.ok()) return ids.status();
      std::vector<BillingRun> runs;
      for (int r = 0; r < ids->rows(); ++r) {
        auto run = ReadRun(ids->Int(r, 0));
        if (!run.ok()) return run.status();
        runs.push_back(std::move(**run));
      }
      return runs;
    });
  }

  Result<std::vector<Invoice>> ListInvoices(std::string_view community) override {
    return InSnapshot(conn_, [&] {
      return ReadInvoices("WHERE community = $1 AND final ORDER BY series, year, number",
                          PgParams().Add(community));
    });
  }

  Result<std::optional<Invoice>> LoadInvoice(std::string_view number_text) override {
    return InSnapshot(conn_, [&] { return FinalInvoice(number_text, false); });
  }

  Result<Invoice> IssueCreditNote(std::string_view number_text, std::string_view credit_series,
                                  CivilDate issue_date, std::string_view reason) override {
    if (credit_series.empty()) return Status::Error("a credit note needs its series");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(issue_date, "issue date"));
    return InWrite(conn_, [&]() -> Result<Invoice> {
      auto found = FinalInvoice(number_text, false);
      if (!found.ok()) return found.status();
      if (!found->has_value()) {
        return Status::Error("no final invoice " + std::string(number_text));
      }
      REPARTO_RETURN_IF_ERROR(LockCommunity(conn_, (*found)->community));
      // Read again under the lock: a credit note issued meanwhile is visible now.
      auto original = FinalInvoice(number_text, true);
      if (!original.ok()) return original.status();
      const Invoice& o = **original;
      REPARTO_RETURN_IF_ERROR(CheckCreditable(o));
      auto earlier = conn_.Query("SELECT number_text FROM invoice WHERE corrects = $1",
                                 PgParams().Add(number_text));
      if (!earlier.ok()) return earlier.status();
      if (earlier->rows() > 0) {
        return Status::Error(o.number_text + " is already credited by " +
                             std::string(earlier->Bytes(0, 0)));
      }
      Invoice credit = CreditNoteFor(o, credit_series, issue_date, reason);
      auto last = LockCounters({credit.series}, issue_date.year);
      if (!last.ok()) return last.status();
      credit.number = ++(*last)[credit.series];
      credit.number_text = InvoiceNumberText(credit.series, issue_date.year, credit.number);
      REPARTO_RETURN_IF_ERROR(StoreCounters(*last, issue_date.year));
      auto ids = InsertInvoices({credit}, std::nullopt, issue_date.year);
      if (!ids.ok()) return ids.status();
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("UPDATE invoice SET final = true WHERE id = $1", PgParams().Add(ids->front())));
      return credit;
    });
  }

  Result<std::int64_t> RecordPayment(const Payment& payment) override {
    if (payment.amount == 0) return Status::Error("a payment's amount must not be zero");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(payment.date, "payment date"));
    return InWrite(conn_, [&]() -> Result<std::int64_t> {
      auto invoice =
          conn_.Query("SELECT kind, community FROM invoice WHERE number_text = $1 AND final",
                      PgParams().Add(payment.invoice));
      if (!invoice.ok()) return invoice.status();
      if (invoice->rows() == 0) {
        return Status::Error("no final invoice " + payment.invoice + " to pay");
      }
      if (ParseInvoiceKind(invoice->Bytes(0, 0)) == InvoiceKind::kCreditNote) {
        return Status::Error(payment.invoice +
                             " is a credit note: record the refund against the invoice it "
                             "corrects (a negative amount)");
      }
      REPARTO_RETURN_IF_ERROR(LockCommunity(conn_, invoice->Bytes(0, 1)));
      auto add = conn_.Query(
          "INSERT INTO payment (invoice, date, amount, method, note) VALUES ($1, $2, $3, $4, $5) "
          "RETURNING id",
          PgParams()
              .Add(payment.invoice)
              .Add(FormatDate(payment.date))
              .Add(payment.amount)
              .Add(payment.method)
              .Add(payment.note));
      if (!add.ok()) return add.status();
      return add->Int(0, 0);
    });
  }

  Result<std::vector<Payment>> ListPayments(std::string_view community) override {
    return InSnapshot(conn_, [&]() -> Result<std::vector<Payment>> {
      auto rows = conn_.Query(
          "SELECT p.id, p.invoice, p.date, p.amount, p.method, p.note FROM payment p "
          "JOIN invoice i ON i.number_text = p.invoice WHERE i.community = $1 "
          "ORDER BY p.date, p.id",
          PgParams().Add(community));
      if (!rows.ok()) return rows.status();
      std::vector<Payment> payments;
      for (int r = 0; r < rows->rows(); ++r) {
        auto date = StoredDate(rows->Bytes(r, 2));
        if (!date.ok()) return date.status();
        payments.push_back(Payment{.id = rows->Int(r, 0),
                                   .invoice = std::string(rows->Bytes(r, 1)),
                                   .date = *date,
                                   .amount = rows->Int(r, 3),
                                   .method = std::string(rows->Bytes(r, 4)),
                                   .note = std::string(rows->Bytes(r, 5))});
      }
      return payments;
    });
  }

  Result<std::vector<InvoiceBalance>> Balances(std::string_view community) override {
    return InSnapshot(conn_, [&]() -> Result<std::vector<InvoiceBalance>> {
      auto rows = conn_.Query(
          "SELECT i.number_text, i.participant, i.issue_date, i.due_date, i.total, "
          "(SELECT coalesce(sum(c.total), 0)::bigint FROM invoice c "
          "WHERE c.corrects = i.number_text AND c.final), "
          "(SELECT coalesce(sum(p.amount), 0)::bigint FROM payment p "
          "WHERE p.invoice = i.number_text) "
          "FROM invoice i WHERE i.community = $1 AND i.final AND i.kind = 'invoice' "
          "ORDER BY i.series, i.year, i.number",
          PgParams().Add(community));
      if (!rows.ok()) return rows.status();
      std::vector<InvoiceBalance> balances;
      for (int r = 0; r < rows->rows(); ++r) {
        auto issued = StoredDate(rows->Bytes(r, 2));
        auto due = StoredDate(rows->Bytes(r, 3));
        if (!issued.ok()) return issued.status();
        if (!due.ok()) return due.status();
        InvoiceBalance b{.invoice = std::string(rows->Bytes(r, 0)),
                         .participant = std::string(rows->Bytes(r, 1)),
                         .issue_date = *issued,
                         .due_date = *due,
                         .total = rows->Int(r, 4),
                         .credited = rows->Int(r, 5),
                         .paid = rows->Int(r, 6)};
        b.outstanding = b.total + b.credited - b.paid;
        balances.push_back(std::move(b));
      }
      return balances;
    });
  }

 private:
  // (id, step) of price series `name`, or nothing.
  Result<std::optional<std::pair<std::int64_t, int>>> SeriesId(std::string_view name) {
    auto rows = conn_.Query("SELECT id, step_seconds FROM price_series WHERE name = $1",
                            PgParams().Add(name));
    if (!rows.ok()) return rows.status();
    std::optional<std::pair<std::int64_t, int>> id;
    if (rows->rows() > 0) id.emplace(rows->Int(0, 0), static_cast<int>(rows->Int(0, 1)));
    return id;
  }

  // (community, state) of a run, the row locked when `lock`; an error naming the run when there
  // is none.
  Result<std::pair<std::string, std::string>> StateOf(std::int64_t run_id, bool lock) {
    auto rows = conn_.Query(lock ? "SELECT community, state FROM billing_run WHERE id = $1 "
                                   "FOR UPDATE"
                                 : "SELECT community, state FROM billing_run WHERE id = $1",
                            PgParams().Add(run_id));
    if (!rows.ok()) return rows.status();
    if (rows->rows() == 0) return Status::Error("no billing run " + std::to_string(run_id));
    return std::make_pair(std::string(rows->Bytes(0, 0)), std::string(rows->Bytes(0, 1)));
  }

  // Removes the draft of `community` and `month`, if any, with its invoices and lines.
  Status DeleteDraft(const std::string& community, CivilDate month) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM invoice_line l USING invoice i, billing_run r WHERE l.invoice_id = i.id "
        "AND r.id = i.run_id AND r.community = $1 AND r.month = $2 AND r.state = 'draft'",
        "DELETE FROM invoice i USING billing_run r WHERE r.id = i.run_id AND r.community = $1 "
        "AND r.month = $2 AND r.state = 'draft'",
        "DELETE FROM billing_run WHERE community = $1 AND month = $2 AND state = 'draft'"};
    for (const char* sql : kDeletes) {
      REPARTO_RETURN_IF_ERROR(conn_.Run(sql, PgParams().Add(community).Add(FormatDate(month))));
    }
    return Status::Ok();
  }

  // Locks the counter rows of `series` in `year` (in name order, so that two transactions never
  // wait for each other in a cycle) and returns their last numbers (0 for a new one).
  Result<std::map<std::string, std::int64_t>> LockCounters(const std::set<std::string>& series,
                                                           int year) {
    std::map<std::string, std::int64_t> last;
    for (const std::string& s : series) {
      auto row = conn_.Query(
          "INSERT INTO invoice_counter (series, year, last_number) VALUES ($1, $2, 0) "
          "ON CONFLICT (series, year) DO UPDATE SET last_number = invoice_counter.last_number "
          "RETURNING last_number",
          PgParams().Add(s).Add(std::int64_t{year}));
      if (!row.ok()) return row.status();
      last[s] = row->Int(0, 0);
    }
    return last;
  }

  Status StoreCounters(const std::map<std::string, std::int64_t>& last, int year) {
    for (const auto& [series, number] : last) {
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("UPDATE invoice_counter SET last_number = $3 WHERE series = $1 AND year = $2",
                    PgParams().Add(series).Add(std::int64_t{year}).Add(number)));
    }
    return Status::Ok();
  }

  // Inserts `invoices` (not final yet; positions 0, 1, ...) and their lines with COPY; returns
  // their row ids.
  Result<std::vector<std::int64_t>> InsertInvoices(const std::vector<Invoice>& invoices,
                                                   std::optional<std::int64_t> run_id, int year) {
    if (invoices.empty()) return std::vector<std::int64_t>();
    auto taken = conn_.Query(
        "SELECT nextval(pg_get_serial_sequence('invoice', 'id')) FROM generate_series(1, $1)",
        PgParams().Add(static_cast<std::int64_t>(invoices.size())));
    if (!taken.ok()) return taken.status();
    std::vector<std::int64_t> ids;
    for (int r = 0; r < taken->rows(); ++r) ids.push_back(taken->Int(r, 0));
    auto copy = conn_.BeginCopy(
        "COPY invoice (id, run_id, position, kind, series, year, number, number_text, community, "
        "participant, member_name, member_tax_id, member_address, period_from, period_to, "
        "issue_date, due_date, net, vat, total, corrects, reason) FROM STDIN (FORMAT binary)");
    if (!copy.ok()) return copy.status();
    for (std::size_t i = 0; i < invoices.size(); ++i) {
      const Invoice& v = invoices[i];
      copy->StartRow(22);
      copy->Int64(ids[i]);
      if (run_id) {
        copy->Int64(*run_id);
      } else {
        copy->Null();
      }
      copy->Int32(static_cast<std::int32_t>(i));
      copy->Bytes(InvoiceKindName(v.kind));
      copy->Bytes(v.series);
      copy->Int32(year);
      copy->Int64(v.number);
      if (v.number_text.empty()) {
        copy->Null();
      } else {
        copy->Bytes(v.number_text);
      }
      copy->Bytes(v.community);
      copy->Bytes(v.participant);
      copy->Bytes(v.member_name);
      copy->Bytes(v.member_tax_id);
      copy->Bytes(v.member_address);
      copy->Bytes(FormatDate(v.period_from));
      copy->Bytes(FormatDate(v.period_to));
      copy->Bytes(FormatDate(v.issue_date));
      copy->Bytes(FormatDate(v.due_date));
      copy->Int64(v.net);
      copy->Int64(v.vat);
      copy->Int64(v.total);
      copy->Bytes(v.corrects);
      copy->Bytes(v.reason);
    }
    REPARTO_RETURN_IF_ERROR(copy->Finish());
    auto lines = conn_.BeginCopy(
        "COPY invoice_line (invoice_id, position, code, description, quantity_milli, unit, "
        "unit_price, amount, vat_rate) FROM STDIN (FORMAT binary)");
    if (!lines.ok()) return lines.status();
    for (std::size_t i = 0; i < invoices.size(); ++i) {
      for (std::size_t j = 0; j < invoices[i].lines.size(); ++j) {
        const InvoiceLine& l = invoices[i].lines[j];
        lines->StartRow(9);
        lines->Int64(ids[i]);
        lines->Int32(static_cast<std::int32_t>(j));
        lines->Bytes(l.code);
        lines->Bytes(l.description);
        lines->Int64(l.quantity_milli);
        lines->Bytes(l.unit);
        lines->Int64(l.unit_price);
        lines->Int64(l.amount);
        lines->Int64(l.vat_rate);
      }
    }
    REPARTO_RETURN_IF_ERROR(lines->Finish());
    return ids;
  }

  // Invoices of `where` (with `params`), each with its lines.
  Result<std::vector<Invoice>> ReadInvoices(const std::string& where, const PgParams& params) {
    auto rows = conn_.Query((kInvoiceColumns + where).c_str(), params);
    if (!rows.ok()) return rows.status();
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, std::size_t> index_of;
    std::vector<Invoice> invoices;
    for (int r = 0; r < rows->rows(); ++r) {
      Invoice inv;
      index_of[rows->Int(r, 0)] = invoices.size();
      ids.push_back(rows->Int(r, 0));
      inv.kind = ParseInvoiceKind(rows->Bytes(r, 1));
      inv.series = rows->Bytes(r, 2);
      inv.number = rows->Int(r, 3);
      inv.number_text = rows->Bytes(r, 4);
      inv.community = rows->Bytes(r, 5);
      inv.participant = rows->Bytes(r, 6);
      inv.member_name = rows->Bytes(r, 7);
      inv.member_tax_id = rows->Bytes(r, 8);
      inv.member_address = rows->Bytes(r, 9);
      CivilDate* dates[] = {&inv.period_from, &inv.period_to, &inv.issue_date, &inv.due_date};
      for (int d = 0; d < 4; ++d) {
        auto date = StoredDate(rows->Bytes(r, 10 + d));
        if (!date.ok()) return date.status();
        *dates[d] = *date;
      }
      inv.net = rows->Int(r, 14);
      inv.vat = rows->Int(r, 15);
      inv.total = rows->Int(r, 16);
      inv.corrects = rows->Bytes(r, 17);
      inv.reason = rows->Bytes(r, 18);
      invoices.push_back(std::move(inv));
    }
    if (invoices.empty()) return invoices;
    auto lines = conn_.Query(
        "SELECT invoice_id, code, description, quantity_milli, unit, unit_price, amount, vat_rate "
        "FROM invoice_line WHERE invoice_id = ANY($1::bigint[]) ORDER BY invoice_id, position",
        PgParams().Add(IdArray(ids)));
    if (!lines.ok()) return lines.status();
    for (int r = 0; r < lines->rows(); ++r) {
      invoices[index_of.at(lines->Int(r, 0))].lines.push_back(
          InvoiceLine{.code = std::string(lines->Bytes(r, 1)),
                      .description = std::string(lines->Bytes(r, 2)),
                      .quantity_milli = lines->Int(r, 3),
                      .unit = std::string(lines->Bytes(r, 4)),
                      .unit_price = lines->Int(r, 5),
                      .amount = lines->Int(r, 6),
                      .vat_rate = lines->Int(r, 7)});
    }
    return invoices;
  }

  // The final invoice `number_text`, its row locked when `lock`, or nothing.
  Result<std::optional<Invoice>> FinalInvoice(std::string_view number_text, bool lock) {
    auto invoices = ReadInvoices(
        lock ? "WHERE number_text = $1 AND final FOR UPDATE" : "WHERE number_text = $1 AND final",
        PgParams().Add(number_text));
    if (!invoices.ok()) return invoices.status();
    if (invoices->empty()) return std::optional<Invoice>();
    return std::optional<Invoice>(std::move(invoices->front()));
  }

  Result<std::optional<BillingRun>> ReadRun(std::int64_t run_id) {
    auto rows = conn_.Query(
        "SELECT community, month, state, created_at, finalised_at FROM billing_run WHERE id = $1",
        PgParams().Add(run_id));
    if (!rows.ok()) return rows.status();
    if (rows->rows() == 0) return std::optional<BillingRun>();
    auto month = StoredDate(rows->Bytes(0, 1));
    if (!month.ok()) return month.status();
    BillingRun run{.id = run_id,
                   .community = std::string(rows->Bytes(0, 0)),
                   .month = *month,
                   .state = rows->Bytes(0, 2) == "final" ? RunState::kFinal : RunState::kDraft,
                   .created_at = std::string(rows->Bytes(0, 3)),
                   .finalised_at = std::string(rows->Bytes(0, 4))};
    auto invoices = ReadInvoices("WHERE run_id = $1 ORDER BY position", PgParams().Add(run_id));
    if (!invoices.ok()) return invoices.status();
    run.invoices = std::move(*invoices);
    return std::optional<BillingRun>(std::move(run));
  }

  PgConn& conn_;
};

}  // namespace

std::unique_ptr<BillingStore> MakeBillingStore(PgConn& conn) {
  return std::make_unique<PgBillingStore>(conn);
}

}  // namespace reparto::postgres
