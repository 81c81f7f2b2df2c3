// A database of the previous release (schema 1: communities and readings, no billing) upgrades in
// place when the new code opens it: migration 2 adds the billing tables, the stored community is
// kept, and billing works. The schema-1 database is made by opening a new one and removing what
// migrations 2 and 3 added (their tables, triggers and functions) and their version marks: they
// only add objects, so this is exactly the schema the previous release wrote.
#include <gtest/gtest.h>

#include "core/stored_community.h"
#include "store/billing_backends.h"

namespace reparto {
namespace {

constexpr const char* kBackToSchema1[] = {
    // SQLite: the tables (their triggers go with them) and PRAGMA user_version.
    "DROP TABLE payment; DROP TABLE invoice_line; DROP TABLE invoice_counter; DROP TABLE invoice; "
    "DROP TABLE billing_run; DROP TABLE price_point; DROP TABLE price_series; "
    "DROP TABLE billing_config; DROP TABLE user_session; DROP TABLE user_grant; "
    "DROP TABLE app_user; PRAGMA user_version = 1;",
    // PostgreSQL: the tables, the trigger functions and the schema_version row.
    "DROP TABLE payment, invoice_line, invoice_counter, invoice, billing_run, price_point, "
    "price_series, billing_config; DROP FUNCTION billing_refuse_final_run(), "
    "billing_refuse_final_invoice(), billing_refuse_final_line(), billing_refuse_truncate(); "
    "DROP TABLE user_session, user_grant, app_user; "
    "DELETE FROM schema_version WHERE version >= 2;"};

StoredCommunity Community() {
  StoredCommunity c;
  c.id = "ES-OLD";
  c.name = "Comunidad de antes";
  c.timezone = "Europe/Madrid";
  c.rules = RulesFor(Country::kSpain);
  StoredParticipant sp;
  sp.participant.id = "ES0031000000000001AB";
  sp.participant.role = Role::kProducer;
  c.participants.push_back(sp);
  CoefficientVersion v;
  v.valid_from = kBeginningOfTime;
  v.period.method = Method::kFixed;
  v.period.fixed = {1'000'000'000};
  v.participant_ids = {sp.participant.id};
  c.versions.push_back(v);
  return c;
}

class BillingUpgrade : public ::testing::TestWithParam<const BillingBackend*> {};

TEST_P(BillingUpgrade, ASchema1DatabaseUpgradesInPlace) {
  auto location = GetParam()->create();
  ASSERT_TRUE(location.ok()) << location.status().message();
  {
    auto store = GetParam()->open(*location);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto tx = (*store)->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->SaveCommunity(Community()).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  const bool sqlite = GetParam()->name == "SQLite";
  ASSERT_TRUE(GetParam()->raw(*location, kBackToSchema1[sqlite ? 0 : 1]).ok());
  ASSERT_FALSE(GetParam()->raw(*location, "SELECT 1 FROM billing_run").ok());  // schema 1 now

  auto store = GetParam()->open(*location);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto community = (*store)->LoadCommunity("ES-OLD");
  ASSERT_TRUE(community.ok() && community->has_value());
  EXPECT_EQ((*community)->name, "Comunidad de antes");
  EXPECT_TRUE(GetParam()
                  ->raw(*location, sqlite ? "SELECT 1 FROM billing_run WHERE 0"
                                          : "SELECT 1 FROM schema_version WHERE version = 2")
                  .ok());

  BillingStore& billing = (*store)->Billing();
  auto id = billing.SaveDraftRun(DraftRun("ES-OLD", {2025, 1, 1}, 2));
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto run = billing.FinaliseRun(*id, {2025, 2, 3}, 30, "2025-02-03T09:00:00Z");
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->invoices[1].number_text, "F-2025-000002");
  // The triggers came with the upgrade too.
  EXPECT_FALSE(GetParam()->raw(*location, "UPDATE invoice SET total = 0").ok());
}

INSTANTIATE_TEST_SUITE_P(Adapters, BillingUpgrade, ::testing::ValuesIn(BillingBackends()),
                         [](const auto& backend) { return backend.param->name; });

}  // namespace
}  // namespace reparto
