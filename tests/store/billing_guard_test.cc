// Final billing data are protected by the database itself, not only by the C++ code: UPDATE,
// DELETE and INSERT through raw SQL on another connection are refused by triggers for final runs,
// final invoices and their lines (SQLite and PostgreSQL), while drafts stay editable.
#include <gtest/gtest.h>

#include "store/billing_backends.h"

namespace reparto {
namespace {

class BillingGuard : public ::testing::TestWithParam<const BillingBackend*> {
 protected:
  void SetUp() override {
    auto location = GetParam()->create();
    ASSERT_TRUE(location.ok()) << location.status().message();
    location_ = *location;
    auto store = GetParam()->open(location_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    auto id = store_->Billing().SaveDraftRun(DraftRun("ES-1", {2025, 1, 1}, 2));
    ASSERT_TRUE(id.ok()) << id.status().message();
    auto run = store_->Billing().FinaliseRun(*id, {2025, 2, 3}, 30, "2025-02-03T09:00:00Z");
    ASSERT_TRUE(run.ok()) << run.status().message();
    final_ = *run;
    auto draft = store_->Billing().SaveDraftRun(DraftRun("ES-1", {2025, 2, 1}, 1));
    ASSERT_TRUE(draft.ok());
    draft_id_ = *draft;
  }

  // Runs `sql` on its own connection and expects the database to refuse it.
  void ExpectRefused(const std::string& sql, const std::string& why) {
    Status s = GetParam()->raw(location_, sql);
    EXPECT_FALSE(s.ok()) << sql;
    EXPECT_NE(s.message().find(why), std::string::npos) << s.message();
  }

  std::string location_;
  std::unique_ptr<Store> store_;
  BillingRun final_;
  std::int64_t draft_id_ = 0;
};

TEST_P(BillingGuard, RawSqlCannotChangeFinalData) {
  const std::string run = std::to_string(final_.id);
  ExpectRefused("UPDATE invoice SET total = 0 WHERE number_text = 'F-2025-000001'",
                "final invoice never changes");
  ExpectRefused("UPDATE invoice SET number = 9 WHERE run_id = " + run, "final invoice");
  ExpectRefused("DELETE FROM invoice WHERE number_text = 'F-2025-000002'", "final invoice");
  ExpectRefused(
      "UPDATE invoice_line SET amount = 1 WHERE invoice_id = (SELECT id FROM invoice WHERE "
      "number_text = 'F-2025-000001')",
      "lines of a final invoice");
  ExpectRefused(
      "DELETE FROM invoice_line WHERE invoice_id = (SELECT id FROM invoice WHERE "
      "number_text = 'F-2025-000001')",
      "lines of a final invoice");
  ExpectRefused(
      "INSERT INTO invoice_line (invoice_id, position, code, description, quantity_milli, unit, "
      "unit_price, amount, vat_rate) SELECT id, 9, 'x', 'x', 1, 'kWh', 1, 1, 0 FROM invoice "
      "WHERE number_text = 'F-2025-000001'",
      "final invoice");
  ExpectRefused("UPDATE billing_run SET state = 'draft' WHERE id = " + run,
                "final billing run never changes");
  ExpectRefused("DELETE FROM billing_run WHERE id = " + run, "final billing run");
  ExpectRefused(
      "INSERT INTO invoice (run_id, position, kind, series, community, participant, period_from, "
      "period_to, issue_date, due_date, net, vat, total) VALUES (" +
          run +
          ", 5, 'invoice', 'F', 'ES-1', 'P9', '2025-01-01', '2025-02-01', '2025-02-03', "
          "'2025-03-05', 1, 0, 1)",
      "never gets new invoices");

  // Nothing changed.
  auto stored = store_->Billing().LoadRun(final_.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(**stored, final_);

  // A draft is not protected: it is a preview, replaced at will.
  EXPECT_TRUE(GetParam()
                  ->raw(location_,
                        "UPDATE invoice SET total = 1 WHERE run_id = " + std::to_string(draft_id_))
                  .ok());
  EXPECT_EQ((*store_->Billing().LoadRun(draft_id_))->invoices[0].total, 1);
}

INSTANTIATE_TEST_SUITE_P(Adapters, BillingGuard, ::testing::ValuesIn(BillingBackends()),
                         [](const auto& backend) { return backend.param->name; });

}  // namespace
}  // namespace reparto
