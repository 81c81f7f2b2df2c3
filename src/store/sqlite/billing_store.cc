// The SQLite billing store: see billing_store.h and core/billing_store.h.
//
// Numbering: invoice_counter holds the last number per series and year. FinaliseRun and
// IssueCreditNote read and bump it inside one BEGIN IMMEDIATE transaction, so the increments of two
// processes are serialised by SQLite's write lock and a rolled-back transaction gives its numbers
// back: no duplicate, no gap. Money in cents, unit prices in µ€, dates as ISO text.
#include "store/sqlite/billing_store.h"

#include <map>
#include <utility>

#include "core/billing_rules.h"
#include "store/sqlite/transactions.h"

namespace reparto::sqlite {
namespace {

constexpr const char* kInvoiceColumns =
    "SELECT id, kind, series, number, number_text, community, participant, member_name, "
    "member_tax_id, member_address, period_from, period_to, issue_date, due_date, net, vat, "
    "total, corrects, reason FROM invoice ";

class SqliteBillingStore final : public BillingStore {
 public:
  explicit SqliteBillingStore(SqliteDb& db) : db_(db) {}

  Status SaveBillingConfig(const BillingConfigVersion& v) override {
    if (v.community.empty()) return Status::Error("a billing config needs its community");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(v.valid_from, "billing config validity date"));
    return InWrite(db_, [&]() -> Status {
      auto stmt = db_.Prepare(
          "INSERT INTO billing_config (community, valid_from, text, saved_at) "
          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (community, valid_from) DO UPDATE SET "
          "text = excluded.text, saved_at = excluded.saved_at");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, v.community);
      stmt->Bind(2, FormatDate(v.valid_from));
      stmt->Bind(3, v.text);
      stmt->Bind(4, v.saved_at);
      return stmt->Run();
    });
  }

  Result<std::vector<BillingConfigVersion>> LoadBillingConfigs(
      std::string_view community) override {
    auto stmt = db_.Prepare(
        "SELECT id, valid_from, text, saved_at FROM billing_config WHERE community = ?1 "
        "ORDER BY valid_from");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, community);
    std::vector<BillingConfigVersion> versions;
    while (stmt->Step()) {
      auto from = StoredDate(stmt->Text(1));
      if (!from.ok()) return from.status();
      versions.push_back(BillingConfigVersion{.id = stmt->Int(0),
                                              .community = std::string(community),
                                              .valid_from = *from,
                                              .text = std::string(stmt->Text(2)),
                                              .saved_at = std::string(stmt->Text(3))});
    }
    if (!stmt->status().ok()) return stmt->status();
    return versions;
  }

  Status PutPrices(const PriceSeries& series) override {
    REPARTO_RETURN_IF_ERROR(CheckPriceSeries(series));
    return InWrite(db_, [&]() -> Status {
      auto id = SeriesId(series.name);
      if (!id.ok()) return id.status();
      std::int64_t series_id = 0;
      if (id->has_value()) {
        REPARTO_RETURN_IF_ERROR(CheckSameStep(series, (*id)->second));
        series_id = (*id)->first;
      } else {
        auto add = db_.Prepare("INSERT INTO price_series (name, step_seconds) VALUES (?1, ?2)");
        if (!add.ok()) return add.status();
        add->Bind(1, series.name);
        add->Bind(2, std::int64_t{series.step_seconds});
        REPARTO_RETURN_IF_ERROR(add->Run());
        series_id = db_.LastInsertId();
      }
      if (series.points.empty()) return Status::Ok();
      auto clear = db_.Prepare(
          "DELETE FROM price_point WHERE series_id = ?1 AND start >= ?2 AND start <= ?3");
      if (!clear.ok()) return clear.status();
      clear->Bind(1, series_id);
      clear->Bind(2, series.points.front().start);
      clear->Bind(3, series.points.back().start);
      REPARTO_RETURN_IF_ERROR(clear->Run());
      auto put =
          db_.Prepare("INSERT INTO price_point (series_id, start, price) VALUES (?1, ?2, ?3)");
      if (!put.ok()) return put.status();
      for (const PricePoint& p : series.points) {
        put->Bind(1, series_id);
        put->Bind(2, p.start);
        put->Bind(3, p.price);
        REPARTO_RETURN_IF_ERROR(put->Run());
      }
      return Status::Ok();
    });
  }

  Result<PriceSeries> LoadPrices(std::string_view name, UtcSeconds from, UtcSeconds to) override {
    return InSnapshot(db_, [&]() -> Result<PriceSeries> {
      auto id = SeriesId(name);
      if (!id.ok()) return id.status();
      if (!id->has_value()) return Status::Error("no price series named " + std::string(name));
      PriceSeries series{.name = std::string(name), .step_seconds = (*id)->second};
      auto stmt = db_.Prepare(
          "SELECT start, price FROM price_point WHERE series_id = ?1 AND start >= ?2 "
          "AND start < ?3 ORDER BY start");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, (*id)->first);
      stmt->Bind(2, from);
      stmt->Bind(3, to);
      while (stmt->Step()) series.points.push_back({.start = stmt->Int(0), .price = stmt->Int(1)});
      if (!stmt->status().ok()) return stmt->status();
      return series;
    });
  }

  Result<std::vector<PriceSeriesInfo>> ListPriceSeries() override {
    auto stmt = db_.Prepare(
        "SELECT s.name, s.step_seconds, count(p.start), min(p.start), max(p.start) "
        "FROM price_series s LEFT JOIN price_point p ON p.series_id = s.id "
        "GROUP BY s.id ORDER BY s.name");
    if (!stmt.ok()) return stmt.status();
    std::vector<PriceSeriesInfo> list;
    while (stmt->Step()) {
      list.push_back(PriceSeriesInfo{.name = std::string(stmt->Text(0)),
                                     .step_seconds = static_cast<int>(stmt->Int(1)),
                                     .points = stmt->Int(2),
                                     .first = stmt->Int(3),
                                     .last = stmt->Int(4)});
    }
    if (!stmt->status().ok()) return stmt->status();
    return list;
  }

  Result<std::int64_t> SaveDraftRun(const BillingRun& run) override {
    REPARTO_RETURN_IF_ERROR(CheckDraftRun(run));
    return InWrite(db_, [&]() -> Result<std::int64_t> {
      if (run.id != 0) {
        auto state = StateOf(run.id);
        if (!state.ok()) return state.status();
        if (*state == "final") {
          return Status::Error("billing run " + std::to_string(run.id) +
                               " is final: it never changes (correct its invoices with credit "
                               "notes)");
        }
      }
      REPARTO_RETURN_IF_ERROR(DeleteDraft(run.community, run.month));
      auto add = db_.Prepare(
          "INSERT INTO billing_run (community, month, state, created_at) "
          "VALUES (?1, ?2, 'draft', ?3)");
      if (!add.ok()) return add.status();
      add->Bind(1, run.community);
      add->Bind(2, FormatDate(run.month));
      add->Bind(3, run.created_at);
      REPARTO_RETURN_IF_ERROR(add->Run());
      const std::int64_t run_id = db_.LastInsertId();
      for (std::size_t i = 0; i < run.invoices.size(); ++i) {
        Invoice invoice = run.invoices[i];
        invoice.community = run.community;
        auto id = InsertInvoice(invoice, run_id, static_cast<std::int64_t>(i), 0);
        if (!id.ok()) return id.status();
      }
      return run_id;
    });
  }

  Result<BillingRun> FinaliseRun(std::int64_t run_id, CivilDate issue_date, int payment_days,
                                 std::string_view finalised_at) override {
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(issue_date, "issue date"));
    if (payment_days < 0) return Status::Error("payment days must not be negative");
    return InWrite(db_, [&]() -> Result<BillingRun> {
      auto state = StateOf(run_id);
      if (!state.ok()) return state.status();
      if (*state != "draft") {
        return Status::Error("billing run " + std::to_string(run_id) +
                             " is already final: it is made final once and never changes");
      }
      auto invoices = db_.Prepare(
          "SELECT id, series FROM invoice WHERE run_id = ?1 "
          "ORDER BY position");
      if (!invoices.ok()) return invoices.status();
      invoices->Bind(1, run_id);
      std::vector<std::pair<std::int64_t, std::string>> ids;
      while (invoices->Step()) ids.emplace_back(invoices->Int(0), invoices->Text(1));
      if (!invoices->status().ok()) return invoices->status();
      auto number = db_.Prepare(
          "UPDATE invoice SET year = ?2, number = ?3, number_text = ?4, issue_date = ?5, "
          "due_date = ?6, final = 1 WHERE id = ?1");
      if (!number.ok()) return number.status();
      const std::string due = FormatDate(AddDays(issue_date, payment_days));
      for (const auto& [id, series] : ids) {
        auto next = NextNumber(series, issue_date.year);
        if (!next.ok()) return next.status();
        number->Bind(1, id);
        number->Bind(2, std::int64_t{issue_date.year});
        number->Bind(3, *next);
        number->Bind(4, InvoiceNumberText(series, issue_date.year, *next));
        number->Bind(5, FormatDate(issue_date));
        number->Bind(6, due);
        REPARTO_RETURN_IF_ERROR(number->Run());
      }
      auto close =
          db_.Prepare("UPDATE billing_run SET state = 'final', finalised_at = ?2 WHERE id = ?1");
      if (!close.ok()) return close.status();
      close->Bind(1, run_id);
      close->Bind(2, finalised_at);
      REPARTO_RETURN_IF_ERROR(close->Run());
      auto run = ReadRun(run_id);
      if (!run.ok()) return run.status();
      return std::move(**run);
    });
  }

  Result<std::optional<BillingRun>> LoadRun(std::int64_t run_id) override {
    return InSnapshot(db_, [&] { return ReadRun(run_id); });
  }

  Result<std::vector<BillingRun>> ListRuns(std::string_view community) override {
    return InSnapshot(db_, [&]() -> Result<std::vector<BillingRun>> {
      auto stmt = db_.Prepare("SELECT id FROM billing_run WHERE community = ?1 ORDER BY month, id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, community);
      std::vector<std::int64_t> ids;
      while (stmt->Step()) ids.push_back(stmt->Int(0));
      if (!stmt->status().ok()) return stmt->status();
      std::vector<BillingRun> runs;
      for (std::int64_t id : ids) {
        auto run = ReadRun(id);
        if (!run.ok()) return run.status();
        runs.push_back(std::move(**run));
      }
      return runs;
    });
  }

  Result<std::vector<Invoice>> ListInvoices(std::string_view community) override {
    return InSnapshot(db_, [&] {
      return ReadInvoices("WHERE community = ?1 AND final = 1 ORDER BY series, year, number",
                          community);
    });
  }

  Result<std::optional<Invoice>> LoadInvoice(std::string_view number_text) override {
    return InSnapshot(db_, [&] { return FinalInvoice(number_text); });
  }

  Result<Invoice> IssueCreditNote(std::string_view number_text, std::string_view credit_series,
                                  CivilDate issue_date, std::string_view reason) override {
    if (credit_series.empty()) return Status::Error("a credit note needs its series");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(issue_date, "issue date"));
    return InWrite(db_, [&]() -> Result<Invoice> {
      auto original = FinalInvoice(number_text);
      if (!original.ok()) return original.status();
      if (!original->has_value()) {
        return Status::Error("no final invoice " + std::string(number_text));
      }
      const Invoice& o = **original;
      REPARTO_RETURN_IF_ERROR(CheckCreditable(o));
      auto earlier = db_.Prepare("SELECT number_text FROM invoice WHERE corrects = ?1");
      if (!earlier.ok()) return earlier.status();
      earlier->Bind(1, number_text);
      std::string by;
      while (earlier->Step()) by = earlier->Text(0);
      if (!earlier->status().ok()) return earlier->status();
      if (!by.empty()) return Status::Error(o.number_text + " is already credited by " + by);

      Invoice credit = CreditNoteFor(o, credit_series, issue_date, reason);
      auto next = NextNumber(credit.series, issue_date.year);
      if (!next.ok()) return next.status();
      credit.number = *next;
      credit.number_text = InvoiceNumberText(credit.series, issue_date.year, *next);
      auto id = InsertInvoice(credit, std::nullopt, 0, issue_date.year);
      if (!id.ok()) return id.status();
      auto seal = db_.Prepare("UPDATE invoice SET final = 1 WHERE id = ?1");
      if (!seal.ok()) return seal.status();
      seal->Bind(1, *id);
      REPARTO_RETURN_IF_ERROR(seal->Run());
      return credit;
    });
  }

  Result<std::int64_t> RecordPayment(const Payment& payment) override {
    if (payment.amount == 0) return Status::Error("a payment's amount must not be zero");
    REPARTO_RETURN_IF_ERROR(CheckBillingDate(payment.date, "payment date"));
    return InWrite(db_, [&]() -> Result<std::int64_t> {
      auto invoice = db_.Prepare("SELECT kind FROM invoice WHERE number_text = ?1 AND final = 1");
      if (!invoice.ok()) return invoice.status();
      invoice->Bind(1, payment.invoice);
      std::string kind;
      while (invoice->Step()) kind = invoice->Text(0);
      if (!invoice->status().ok()) return invoice->status();
      if (kind.empty()) return Status::Error("no final invoice " + payment.invoice + " to pay");
      if (ParseInvoiceKind(kind) == InvoiceKind::kCreditNote) {
        return Status::Error(payment.invoice +
                             " is a credit note: record the refund against the invoice it "
                             "corrects (a negative amount)");
      }
      auto add = db_.Prepare(
          "INSERT INTO payment (invoice, date, amount, method, note) VALUES (?1, ?2, ?3, ?4, ?5)");
      if (!add.ok()) return add.status();
      add->Bind(1, payment.invoice);
      add->Bind(2, FormatDate(payment.date));
      add->Bind(3, payment.amount);
      add->Bind(4, payment.method);
      add->Bind(5, payment.note);
      REPARTO_RETURN_IF_ERROR(add->Run());
      return db_.LastInsertId();
    });
  }

  Result<std::vector<Payment>> ListPayments(std::string_view community) override {
    auto stmt = db_.Prepare(
        "SELECT p.id, p.invoice, p.date, p.amount, p.method, p.note FROM payment p "
        "JOIN invoice i ON i.number_text = p.invoice WHERE i.community = ?1 "
        "ORDER BY p.date, p.id");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, community);
    std::vector<Payment> payments;
    while (stmt->Step()) {
      auto date = StoredDate(stmt->Text(2));
      if (!date.ok()) return date.status();
      payments.push_back(Payment{.id = stmt->Int(0),
                                 .invoice = std::string(stmt->Text(1)),
                                 .date = *date,
                                 .amount = stmt->Int(3),
                                 .method = std::string(stmt->Text(4)),
                                 .note = std::string(stmt->Text(5))});
    }
    if (!stmt->status().ok()) return stmt->status();
    return payments;
  }

  Result<std::vector<InvoiceBalance>> Balances(std::string_view community) override {
    auto stmt = db_.Prepare(
        "SELECT i.number_text, i.participant, i.issue_date, i.due_date, i.total, "
        "(SELECT coalesce(sum(c.total), 0) FROM invoice c WHERE c.corrects = i.number_text "
        "AND c.final = 1), "
        "(SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.invoice = i.number_text) "
        "FROM invoice i WHERE i.community = ?1 AND i.final = 1 AND i.kind = 'invoice' "
        "ORDER BY i.series, i.year, i.number");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, community);
    std::vector<InvoiceBalance> balances;
    while (stmt->Step()) {
      auto issued = StoredDate(stmt->Text(2));
      auto due = StoredDate(stmt->Text(3));
      if (!issued.ok()) return issued.status();
      if (!due.ok()) return due.status();
      InvoiceBalance b{.invoice = std::string(stmt->Text(0)),
                       .participant = std::string(stmt->Text(1)),
                       .issue_date = *issued,
                       .due_date = *due,
                       .total = stmt->Int(4),
                       .credited = stmt->Int(5),
                       .paid = stmt->Int(6)};
      b.outstanding = b.total + b.credited - b.paid;
      balances.push_back(std::move(b));
    }
    if (!stmt->status().ok()) return stmt->status();
    return balances;
  }

 private:
  // (id, step) of price series `name`, or nothing.
  Result<std::optional<std::pair<std::int64_t, int>>> SeriesId(std::string_view name) {
    auto stmt = db_.Prepare("SELECT id, step_seconds FROM price_series WHERE name = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, name);
    std::optional<std::pair<std::int64_t, int>> id;
    while (stmt->Step()) id.emplace(stmt->Int(0), static_cast<int>(stmt->Int(1)));
    if (!stmt->status().ok()) return stmt->status();
    return id;
  }

  // "draft" or "final"; an error naming the run when there is none.
  Result<std::string> StateOf(std::int64_t run_id) {
    auto stmt = db_.Prepare("SELECT state FROM billing_run WHERE id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, run_id);
    std::string state;
    while (stmt->Step()) state = stmt->Text(0);
    if (!stmt->status().ok()) return stmt->status();
    if (state.empty()) return Status::Error("no billing run " + std::to_string(run_id));
    return state;
  }

  // Removes the draft of `community` and `month`, if any, with its invoices and lines.
  Status DeleteDraft(const std::string& community, CivilDate month) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM invoice_line WHERE invoice_id IN (SELECT i.id FROM invoice i "
        "JOIN billing_run r ON r.id = i.run_id WHERE r.community = ?1 AND r.month = ?2 "
        "AND r.state = 'draft')",
        "DELETE FROM invoice WHERE run_id IN (SELECT id FROM billing_run WHERE community = ?1 "
        "AND month = ?2 AND state = 'draft')",
        "DELETE FROM billing_run WHERE community = ?1 AND month = ?2 AND state = 'draft'"};
    for (const char* sql : kDeletes) {
      auto stmt = db_.Prepare(sql);
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, community);
      stmt->Bind(2, FormatDate(month));
      REPARTO_RETURN_IF_ERROR(stmt->Run());
    }
    return Status::Ok();
  }

  // The next number of `series` in `year` (1 for the first), bumping the counter.
  Result<std::int64_t> NextNumber(const std::string& series, int year) {
    auto stmt = db_.Prepare(
        "INSERT INTO invoice_counter (series, year, last_number) VALUES (?1, ?2, 1) "
        "ON CONFLICT (series, year) DO UPDATE SET last_number = last_number + 1 "
        "RETURNING last_number");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, series);
    stmt->Bind(2, std::int64_t{year});
    std::int64_t number = 0;
    while (stmt->Step()) number = stmt->Int(0);
    if (!stmt->status().ok()) return stmt->status();
    return number;
  }

  // Inserts `invoice` (not final yet) and its lines; returns its row id.
  Result<std::int64_t> InsertInvoice(const Invoice& invoice, std::optional<std::int64_t> run_id,
                                     std::int64_t position, int year) {
    auto stmt = db_.Prepare(
        "INSERT INTO invoice (run_id, position, kind, series, year, number, number_text, "
        "community, participant, member_name, member_tax_id, member_address, period_from, "
        "period_to, issue_date, due_date, net, vat, total, corrects, reason) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
        "?20, ?21)");
    if (!stmt.ok()) return stmt.status();
    if (run_id) {
      stmt->Bind(1, *run_id);
    } else {
      stmt->BindNull(1);
    }
    stmt->Bind(2, position);
    stmt->Bind(3, std::string_view(InvoiceKindName(invoice.kind)));
    stmt->Bind(4, invoice.series);
    stmt->Bind(5, std::int64_t{year});
    stmt->Bind(6, invoice.number);
    if (invoice.number_text.empty()) {
      stmt->BindNull(7);
    } else {
      stmt->Bind(7, invoice.number_text);
    }
    stmt->Bind(8, invoice.community);
    stmt->Bind(9, invoice.participant);
    stmt->Bind(10, invoice.member_name);
    stmt->Bind(11, invoice.member_tax_id);
    stmt->Bind(12, invoice.member_address);
    stmt->Bind(13, FormatDate(invoice.period_from));
    stmt->Bind(14, FormatDate(invoice.period_to));
    stmt->Bind(15, FormatDate(invoice.issue_date));
    stmt->Bind(16, FormatDate(invoice.due_date));
    stmt->Bind(17, invoice.net);
    stmt->Bind(18, invoice.vat);
    stmt->Bind(19, invoice.total);
    stmt->Bind(20, invoice.corrects);
    stmt->Bind(21, invoice.reason);
    REPARTO_RETURN_IF_ERROR(stmt->Run());
    const std::int64_t id = db_.LastInsertId();
    auto line = db_.Prepare(
        "INSERT INTO invoice_line (invoice_id, position, code, description, quantity_milli, "
        "unit, unit_price, amount, vat_rate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!line.ok()) return line.status();
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
      const InvoiceLine& l = invoice.lines[i];
      line->Bind(1, id);
      line->Bind(2, static_cast<std::int64_t>(i));
      line->Bind(3, l.code);
      line->Bind(4, l.description);
      line->Bind(5, l.quantity_milli);
      line->Bind(6, l.unit);
      line->Bind(7, l.unit_price);
      line->Bind(8, l.amount);
      line->Bind(9, l.vat_rate);
      REPARTO_RETURN_IF_ERROR(line->Run());
    }
    return id;
  }

  // Invoices of `where` (one text parameter ?1), each with its lines.
  Result<std::vector<Invoice>> ReadInvoices(const std::string& where, std::string_view param) {
    auto stmt = db_.Prepare((kInvoiceColumns + where).c_str());
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, param);
    return ReadInvoiceRows(*stmt);
  }

  Result<std::vector<Invoice>> ReadInvoiceRows(SqliteStatement& stmt) {
    std::vector<std::int64_t> ids;
    std::vector<Invoice> invoices;
    while (stmt.Step()) {
      Invoice inv;
      ids.push_back(stmt.Int(0));
      inv.kind = ParseInvoiceKind(stmt.Text(1));
      inv.series = stmt.Text(2);
      inv.number = stmt.Int(3);
      inv.number_text = stmt.Text(4);
      inv.community = stmt.Text(5);
      inv.participant = stmt.Text(6);
      inv.member_name = stmt.Text(7);
      inv.member_tax_id = stmt.Text(8);
      inv.member_address = stmt.Text(9);
      CivilDate* dates[] = {&inv.period_from, &inv.period_to, &inv.issue_date, &inv.due_date};
      for (int d = 0; d < 4; ++d) {
        auto date = StoredDate(stmt.Text(10 + d));
        if (!date.ok()) return date.status();
        *dates[d] = *date;
      }
      inv.net = stmt.Int(14);
      inv.vat = stmt.Int(15);
      inv.total = stmt.Int(16);
      inv.corrects = stmt.Text(17);
      inv.reason = stmt.Text(18);
      invoices.push_back(std::move(inv));
    }
    if (!stmt.status().ok()) return stmt.status();
    auto lines = db_.Prepare(
        "SELECT code, description, quantity_milli, unit, unit_price, amount, vat_rate "
        "FROM invoice_line WHERE invoice_id = ?1 ORDER BY position");
    if (!lines.ok()) return lines.status();
    for (std::size_t i = 0; i < invoices.size(); ++i) {
      lines->Bind(1, ids[i]);
      while (lines->Step()) {
        invoices[i].lines.push_back(InvoiceLine{.code = std::string(lines->Text(0)),
                                                .description = std::string(lines->Text(1)),
                                                .quantity_milli = lines->Int(2),
                                                .unit = std::string(lines->Text(3)),
                                                .unit_price = lines->Int(4),
                                                .amount = lines->Int(5),
                                                .vat_rate = lines->Int(6)});
      }
      if (!lines->status().ok()) return lines->status();
    }
    return invoices;
  }

  Result<std::optional<Invoice>> FinalInvoice(std::string_view number_text) {
    auto invoices = ReadInvoices("WHERE number_text = ?1 AND final = 1", number_text);
    if (!invoices.ok()) return invoices.status();
    if (invoices->empty()) return std::optional<Invoice>();
    return std::optional<Invoice>(std::move(invoices->front()));
  }

  Result<std::optional<BillingRun>> ReadRun(std::int64_t run_id) {
    auto stmt = db_.Prepare(
        "SELECT community, month, state, created_at, finalised_at FROM billing_run WHERE id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, run_id);
    std::optional<BillingRun> run;
    while (stmt->Step()) {
      auto month = StoredDate(stmt->Text(1));
      if (!month.ok()) return month.status();
      run = BillingRun{.id = run_id,
                       .community = std::string(stmt->Text(0)),
                       .month = *month,
                       .state = stmt->Text(2) == "final" ? RunState::kFinal : RunState::kDraft,
                       .created_at = std::string(stmt->Text(3)),
                       .finalised_at = std::string(stmt->Text(4))};
    }
    if (!stmt->status().ok()) return stmt->status();
    if (!run) return run;
    auto invoices =
        db_.Prepare((std::string(kInvoiceColumns) + "WHERE run_id = ?1 ORDER BY position").c_str());
    if (!invoices.ok()) return invoices.status();
    invoices->Bind(1, run_id);
    auto read = ReadInvoiceRows(*invoices);
    if (!read.ok()) return read.status();
    run->invoices = std::move(*read);
    return run;
  }

  SqliteDb& db_;
};

}  // namespace

std::unique_ptr<BillingStore> MakeBillingStore(SqliteDb& db) {
  return std::make_unique<SqliteBillingStore>(db);
}

}  // namespace reparto::sqlite
