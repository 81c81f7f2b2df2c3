// The contract of core/billing_store.h, run against both adapters (StoreFactories(): SQLite on a
// real file, PostgreSQL on a real server): config versions, price series, drafts replaced, final
// runs numbered and immutable through the API, credit notes, payments and balances. Raw-SQL
// immutability, concurrency and the upgrade of an older database: billing_guard_test.cc,
// billing_concurrency_test.cc, billing_upgrade_test.cc. Amounts: billing_backends.h.
#include "core/billing_store.h"

#include <gtest/gtest.h>

#include <chrono>

#include "store/billing_backends.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

constexpr UtcSeconds kJan2025 = 1735689600;  // 2025-01-01T00:00:00Z

bool Mentions(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

class BillingContract : public ::testing::TestWithParam<const StoreFactory*> {
 protected:
  void SetUp() override {
    auto store = GetParam()->open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }
  BillingStore& billing() { return store_->Billing(); }

  std::int64_t Draft(const BillingRun& run) {
    auto id = billing().SaveDraftRun(run);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  BillingRun Final(const BillingRun& draft, CivilDate issue, int days = 30) {
    auto run = billing().FinaliseRun(Draft(draft), issue, days, "2025-02-03T09:00:00Z");
    EXPECT_TRUE(run.ok()) << run.status().message();
    return run.ok() ? *run : BillingRun{};
  }

  std::unique_ptr<Store> store_;
};

TEST_P(BillingContract, ConfigVersionsKeepEarlierOnesAndReplaceTheSameDate) {
  BillingConfigVersion v1{.community = "ES-1", .valid_from = {2025, 1, 1}, .text = "fee = 1"};
  v1.saved_at = "2025-01-01T10:00:00Z";
  BillingConfigVersion v2{.community = "ES-1", .valid_from = {2025, 6, 1}, .text = "fee = 2"};
  v2.saved_at = "2025-05-20T10:00:00Z";
  ASSERT_TRUE(billing().SaveBillingConfig(v2).ok());
  ASSERT_TRUE(billing().SaveBillingConfig(v1).ok());
  ASSERT_TRUE(
      billing()
          .SaveBillingConfig({.community = "ES-2", .valid_from = {2025, 1, 1}, .text = "other"})
          .ok());
  BillingConfigVersion v2b = v2;
  v2b.text = "fee = 3";
  v2b.saved_at = "2025-05-21T10:00:00Z";
  ASSERT_TRUE(billing().SaveBillingConfig(v2b).ok());

  auto versions = billing().LoadBillingConfigs("ES-1");
  ASSERT_TRUE(versions.ok()) << versions.status().message();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].valid_from, (CivilDate{2025, 1, 1}));  // oldest first
  EXPECT_EQ((*versions)[0].text, "fee = 1");                      // never changed
  EXPECT_EQ((*versions)[0].saved_at, "2025-01-01T10:00:00Z");
  EXPECT_EQ((*versions)[1].text, "fee = 3");  // same date: replaced
  EXPECT_EQ((*versions)[1].saved_at, "2025-05-21T10:00:00Z");
  EXPECT_EQ((*versions)[1].community, "ES-1");
  EXPECT_NE((*versions)[0].id, (*versions)[1].id);
  EXPECT_EQ(billing().LoadBillingConfigs("ES-2")->size(), 1u);
  EXPECT_TRUE(billing().LoadBillingConfigs("ES-9")->empty());
  EXPECT_FALSE(
      billing().SaveBillingConfig({.community = "ES-1", .valid_from = {2025, 2, 30}}).ok());
}

TEST_P(BillingContract, PricesBulkPutReplaceLoadAndList) {
  // 45 000 hourly points (about 5 years): one call, well under a second.
  PriceSeries pvpc{.name = "pvpc-peninsula", .step_seconds = 3600};
  for (int i = 0; i < 45'000; ++i) {
    pvpc.points.push_back({.start = kJan2025 + i * 3600LL, .price = 100'000 + i % 1000 - 300});
  }
  const auto start = std::chrono::steady_clock::now();
  Status put = billing().PutPrices(pvpc);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(put.ok()) << put.message();
  std::printf("[ figure ] %s: PutPrices of 45 000 points in %.3f s\n", GetParam()->name.c_str(),
              seconds);
  EXPECT_LT(seconds, 1.0);

  auto all = billing().LoadPrices("pvpc-peninsula", kJan2025, kJan2025 + 45'000 * 3600LL);
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(*all, pvpc);

  // Replacing hours 10..20 with 3 points keeps every point outside [first start, last start].
  PriceSeries fix{.name = "pvpc-peninsula", .step_seconds = 3600};
  fix.points = {{kJan2025 + 10 * 3600, -5}, {kJan2025 + 15 * 3600, 7}, {kJan2025 + 20 * 3600, 9}};
  ASSERT_TRUE(billing().PutPrices(fix).ok());
  auto day = billing().LoadPrices("pvpc-peninsula", kJan2025, kJan2025 + 24 * 3600);
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->step_seconds, 3600);
  ASSERT_EQ(day->points.size(), 10u + 3u + 3u);  // 0..9, the 3 new ones, 21..23
  EXPECT_EQ(day->points[9], (PricePoint{kJan2025 + 9 * 3600, pvpc.points[9].price}));
  EXPECT_EQ(day->points[10], (PricePoint{kJan2025 + 10 * 3600, -5}));
  EXPECT_EQ(day->points[12], (PricePoint{kJan2025 + 20 * 3600, 9}));
  EXPECT_EQ(day->points[13], (PricePoint{kJan2025 + 21 * 3600, pvpc.points[21].price}));
  // [from, to): the point at `to` is left out.
  auto two = billing().LoadPrices("pvpc-peninsula", kJan2025, kJan2025 + 2 * 3600);
  EXPECT_EQ(two->points.size(), 2u);
  auto none = billing().LoadPrices("pvpc-peninsula", kJan2025 - 7200, kJan2025);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->points.empty());
  EXPECT_EQ(none->step_seconds, 3600);

  PriceSeries surplus{.name = "esios-1739", .step_seconds = 900};
  surplus.points = {{kJan2025, 45'120}, {kJan2025 + 900, 44'000}};
  ASSERT_TRUE(billing().PutPrices(surplus).ok());
  auto list = billing().ListPriceSeries();
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 2u);  // by name
  EXPECT_EQ((*list)[0], (PriceSeriesInfo{"esios-1739", 900, 2, kJan2025, kJan2025 + 900}));
  EXPECT_EQ((*list)[1], (PriceSeriesInfo{"pvpc-peninsula", 3600, 45'000 - 8, kJan2025,
                                         kJan2025 + 44'999 * 3600LL}));

  // A step that differs from the stored series' is refused, and changes nothing.
  PriceSeries quarter{.name = "pvpc-peninsula", .step_seconds = 900};
  quarter.points = {{kJan2025, 1}};
  Status wrong = billing().PutPrices(quarter);
  EXPECT_FALSE(wrong.ok());
  EXPECT_TRUE(Mentions(wrong, "3600")) << wrong.message();
  EXPECT_EQ(billing().LoadPrices("pvpc-peninsula", kJan2025, kJan2025 + 1)->points[0].price,
            pvpc.points[0].price);
  PriceSeries unsorted{.name = "x", .step_seconds = 3600};
  unsorted.points = {{kJan2025 + 3600, 1}, {kJan2025, 2}};
  EXPECT_FALSE(billing().PutPrices(unsorted).ok());
  EXPECT_EQ(billing().ListPriceSeries()->size(), 2u);  // nothing of it stored
  auto unknown = billing().LoadPrices("nope", 0, kJan2025);
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(Mentions(unknown.status(), "nope"));
}

TEST_P(BillingContract, ADraftReplacesTheEarlierDraftOfTheMonth) {
  const std::int64_t first = Draft(DraftRun("ES-1", {2025, 1, 1}, 2));
  const std::int64_t february = Draft(DraftRun("ES-1", {2025, 2, 1}, 1));
  const std::int64_t other = Draft(DraftRun("ES-2", {2025, 1, 1}, 1));
  BillingRun again = DraftRun("ES-1", {2025, 1, 1}, 3);
  again.invoices[2].lines.pop_back();
  again.invoices[2].net = 2250;
  const std::int64_t second = Draft(again);
  EXPECT_NE(first, second);

  auto gone = billing().LoadRun(first);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  auto runs = billing().ListRuns("ES-1");
  ASSERT_TRUE(runs.ok()) << runs.status().message();
  ASSERT_EQ(runs->size(), 2u);  // oldest month first
  EXPECT_EQ((*runs)[0].id, second);
  EXPECT_EQ((*runs)[1].id, february);
  const BillingRun& jan = (*runs)[0];
  EXPECT_EQ(jan.state, RunState::kDraft);
  EXPECT_EQ(jan.month, (CivilDate{2025, 1, 1}));
  EXPECT_EQ(jan.created_at, "2025-02-01T08:00:00Z");
  EXPECT_TRUE(jan.finalised_at.empty());
  ASSERT_EQ(jan.invoices.size(), 3u);
  Invoice expected = again.invoices[2];
  expected.community = "ES-1";
  EXPECT_EQ(jan.invoices[2], expected);  // stored as given, lines in order
  EXPECT_EQ(jan.invoices[0].lines.size(), 2u);
  EXPECT_EQ(jan.invoices[0].number, 0);
  EXPECT_TRUE(jan.invoices[0].number_text.empty());
  EXPECT_TRUE(billing().LoadRun(other)->has_value());
  // Drafts are not invoices yet.
  EXPECT_TRUE(billing().ListInvoices("ES-1")->empty());
}

TEST_P(BillingContract, ADraftMustBeADraftWithUnnumberedInvoices) {
  BillingRun numbered = DraftRun("ES-1", {2025, 1, 1}, 1);
  numbered.invoices[0].number = 7;
  numbered.invoices[0].number_text = "F-2025-000007";
  EXPECT_FALSE(billing().SaveDraftRun(numbered).ok());
  BillingRun final_run = DraftRun("ES-1", {2025, 1, 1}, 1);
  final_run.state = RunState::kFinal;
  EXPECT_FALSE(billing().SaveDraftRun(final_run).ok());
  EXPECT_FALSE(billing().SaveDraftRun(DraftRun("ES-1", {2025, 1, 15}, 1)).ok());
  BillingRun foreign = DraftRun("ES-1", {2025, 1, 1}, 1);
  foreign.invoices[0].community = "ES-2";
  EXPECT_FALSE(billing().SaveDraftRun(foreign).ok());
  EXPECT_TRUE(billing().ListRuns("ES-1")->empty());
  auto missing = billing().FinaliseRun(999, {2025, 2, 3}, 30, "now");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Mentions(missing.status(), "999"));
}

TEST_P(BillingContract, FinalisingNumbersPerSeriesAndYearOfTheIssueDate) {
  const BillingRun jan = Final(DraftRun("ES-1", {2025, 1, 1}, 3), {2025, 2, 3}, 30);
  EXPECT_EQ(jan.state, RunState::kFinal);
  EXPECT_EQ(jan.finalised_at, "2025-02-03T09:00:00Z");
  ASSERT_EQ(jan.invoices.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(jan.invoices[i].participant, "P" + std::to_string(i + 1));  // in the run's order
    EXPECT_EQ(jan.invoices[i].number, i + 1);
    EXPECT_EQ(jan.invoices[i].number_text, "F-2025-00000" + std::to_string(i + 1));
    EXPECT_EQ(jan.invoices[i].issue_date, (CivilDate{2025, 2, 3}));
    EXPECT_EQ(jan.invoices[i].due_date, (CivilDate{2025, 3, 5}));  // + 30 days
    EXPECT_EQ(jan.invoices[i].total, kTotal);
  }
  // The next run continues the series; another community shares it; a new year starts at 1.
  const BillingRun feb = Final(DraftRun("ES-2", {2025, 2, 1}, 2), {2025, 3, 3}, 15);
  EXPECT_EQ(feb.invoices[0].number_text, "F-2025-000004");
  EXPECT_EQ(feb.invoices[1].number_text, "F-2025-000005");
  EXPECT_EQ(feb.invoices[1].due_date, (CivilDate{2025, 3, 18}));
  const BillingRun dec = Final(DraftRun("ES-1", {2025, 12, 1}, 2), {2026, 1, 5}, 30);
  EXPECT_EQ(dec.invoices[0].number_text, "F-2026-000001");
  EXPECT_EQ(dec.invoices[1].number_text, "F-2026-000002");
  const BillingRun other = Final(DraftRun("ES-1", {2025, 2, 1}, 1, "G"), {2025, 3, 1}, 0);
  EXPECT_EQ(other.invoices[0].number_text, "G-2025-000001");
  EXPECT_EQ(other.invoices[0].due_date, (CivilDate{2025, 3, 1}));

  auto listed = billing().ListInvoices("ES-1");
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  std::vector<std::string> numbers;
  for (const Invoice& inv : *listed) numbers.push_back(inv.number_text);
  EXPECT_EQ(numbers, (std::vector<std::string>{"F-2025-000001", "F-2025-000002", "F-2025-000003",
                                               "F-2026-000001", "F-2026-000002", "G-2025-000001"}));
  auto one = billing().LoadInvoice("F-2025-000002");
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ(**one, jan.invoices[1]);
  EXPECT_EQ((*one)->community, "ES-1");
  EXPECT_EQ((*one)->lines.size(), 2u);
  EXPECT_FALSE(billing().LoadInvoice("F-2025-000099")->has_value());
  auto loaded = billing().LoadRun(jan.id);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ(**loaded, jan);
}

TEST_P(BillingContract, AFinalRunNeverChangesThroughTheApi) {
  const BillingRun jan = Final(DraftRun("ES-1", {2025, 1, 1}, 2), {2025, 2, 3});
  auto twice = billing().FinaliseRun(jan.id, {2025, 2, 4}, 30, "later");
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(Mentions(twice.status(), "already final")) << twice.status().message();
  BillingRun overwrite = DraftRun("ES-1", {2025, 1, 1}, 1);
  overwrite.id = jan.id;
  auto refused = billing().SaveDraftRun(overwrite);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(Mentions(refused.status(), "final")) << refused.status().message();
  // A new draft for the same month is another run: the final one stays as it was.
  overwrite.id = 0;
  const std::int64_t extra = Draft(overwrite);
  EXPECT_NE(extra, jan.id);
  EXPECT_EQ(**billing().LoadRun(jan.id), jan);
  EXPECT_EQ(billing().ListRuns("ES-1")->size(), 2u);
  // No number was used by the refused calls.
  const BillingRun next = Final(DraftRun("ES-1", {2025, 2, 1}, 1), {2025, 3, 3});
  EXPECT_EQ(next.invoices[0].number_text, "F-2025-000003");
}

TEST_P(BillingContract, ACreditNoteNegatesTheInvoiceInItsOwnSeries) {
  const BillingRun jan = Final(DraftRun("ES-1", {2025, 1, 1}, 3), {2025, 2, 3});
  auto credit = billing().IssueCreditNote("F-2025-000002", "R", {2025, 2, 20}, "wrong meter");
  ASSERT_TRUE(credit.ok()) << credit.status().message();
  EXPECT_EQ(credit->kind, InvoiceKind::kCreditNote);
  EXPECT_EQ(credit->series, "R");
  EXPECT_EQ(credit->number, 1);
  EXPECT_EQ(credit->number_text, "R-2025-000001");
  EXPECT_EQ(credit->corrects, "F-2025-000002");
  EXPECT_EQ(credit->reason, "wrong meter");
  EXPECT_EQ(credit->participant, "P2");
  EXPECT_EQ(credit->community, "ES-1");
  EXPECT_EQ(credit->member_name, "Member P2");
  EXPECT_EQ(credit->period_from, (CivilDate{2025, 1, 1}));
  EXPECT_EQ(credit->issue_date, (CivilDate{2025, 2, 20}));
  ASSERT_EQ(credit->lines.size(), 2u);
  EXPECT_EQ(credit->lines[0].amount, -2250);
  EXPECT_EQ(credit->lines[0].quantity_milli, -150'000);
  EXPECT_EQ(credit->lines[0].unit_price, 150'000);
  EXPECT_EQ(credit->lines[1].amount, -500);
  EXPECT_EQ(credit->net, -kNet);
  EXPECT_EQ(credit->vat, -kVat);
  EXPECT_EQ(credit->total, -kTotal);
  auto stored = billing().LoadInvoice("R-2025-000001");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(**stored, *credit);
  // The original is untouched.
  EXPECT_EQ(**billing().LoadInvoice("F-2025-000002"), jan.invoices[1]);

  auto again = billing().IssueCreditNote("F-2025-000002", "R", {2025, 2, 21}, "again");
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(Mentions(again.status(), "already credited")) << again.status().message();
  auto of_credit = billing().IssueCreditNote("R-2025-000001", "R", {2025, 2, 21}, "x");
  ASSERT_FALSE(of_credit.ok());
  EXPECT_TRUE(Mentions(of_credit.status(), "credit note")) << of_credit.status().message();
  EXPECT_FALSE(billing().IssueCreditNote("F-2025-000099", "R", {2025, 2, 21}, "x").ok());
  // The refused ones used no number: the next credit note is R-2025-000002.
  auto next = billing().IssueCreditNote("F-2025-000003", "R", {2025, 2, 22}, "moved out");
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_EQ(next->number_text, "R-2025-000002");
  auto listed = billing().ListInvoices("ES-1");
  ASSERT_TRUE(listed.ok());
  std::vector<std::string> numbers;
  for (const Invoice& inv : *listed) numbers.push_back(inv.number_text);
  EXPECT_EQ(numbers, (std::vector<std::string>{"F-2025-000001", "F-2025-000002", "F-2025-000003",
                                               "R-2025-000001", "R-2025-000002"}));
}

TEST_P(BillingContract, PaymentsAndBalances) {
  Final(DraftRun("ES-1", {2025, 1, 1}, 3), {2025, 2, 3}, 30);
  Final(DraftRun("ES-2", {2025, 1, 1}, 1), {2025, 2, 3}, 30);  // F-2025-000004, not ES-1's
  ASSERT_TRUE(billing().IssueCreditNote("F-2025-000002", "R", {2025, 2, 10}, "error").ok());

  auto pay = [&](const std::string& invoice, CivilDate date, Cents amount) {
    return billing().RecordPayment(
        Payment{.invoice = invoice, .date = date, .amount = amount, .method = "transfer"});
  };
  auto p1 = pay("F-2025-000001", {2025, 2, 10}, 1000);
  ASSERT_TRUE(p1.ok()) << p1.status().message();
  ASSERT_TRUE(pay("F-2025-000001", {2025, 2, 20}, 2328).ok());
  ASSERT_TRUE(pay("F-2025-000002", {2025, 2, 5}, 3328).ok());    // paid, then credited
  ASSERT_TRUE(pay("F-2025-000002", {2025, 2, 25}, -3328).ok());  // refunded
  ASSERT_TRUE(pay("F-2025-000003", {2025, 3, 1}, 500).ok());
  ASSERT_TRUE(pay("F-2025-000004", {2025, 3, 1}, 100).ok());

  // Refused: zero, an unknown or draft invoice, a credit note.
  auto zero = pay("F-2025-000003", {2025, 3, 2}, 0);
  EXPECT_FALSE(zero.ok());
  auto unknown = pay("F-2025-000099", {2025, 3, 2}, 10);
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(Mentions(unknown.status(), "F-2025-000099"));
  EXPECT_FALSE(pay("R-2025-000001", {2025, 3, 2}, -100).ok());

  auto payments = billing().ListPayments("ES-1");
  ASSERT_TRUE(payments.ok()) << payments.status().message();
  ASSERT_EQ(payments->size(), 5u);  // by date, then id
  EXPECT_EQ((*payments)[0].invoice, "F-2025-000002");
  EXPECT_EQ((*payments)[0].date, (CivilDate{2025, 2, 5}));
  EXPECT_EQ((*payments)[1].id, *p1);
  EXPECT_EQ((*payments)[1].amount, 1000);
  EXPECT_EQ((*payments)[1].method, "transfer");
  EXPECT_EQ((*payments)[3].amount, -3328);

  auto balances = billing().Balances("ES-1");
  ASSERT_TRUE(balances.ok()) << balances.status().message();
  ASSERT_EQ(balances->size(), 3u);  // invoices only, not the credit note
  const InvoiceBalance b1{.invoice = "F-2025-000001",
                          .participant = "P1",
                          .issue_date = {2025, 2, 3},
                          .due_date = {2025, 3, 5},
                          .total = 3328,
                          .credited = 0,
                          .paid = 3328,
                          .outstanding = 0};
  EXPECT_EQ((*balances)[0], b1);
  // Credited and refunded: 3328 - 3328 - (3328 - 3328) = 0.
  EXPECT_EQ((*balances)[1].credited, -3328);
  EXPECT_EQ((*balances)[1].paid, 0);
  EXPECT_EQ((*balances)[1].outstanding, 0);
  // Partly paid: 3328 - 500 = 2828.
  EXPECT_EQ((*balances)[2].paid, 500);
  EXPECT_EQ((*balances)[2].outstanding, 2828);
  EXPECT_EQ(billing().Balances("ES-2")->at(0).outstanding, 3228);
}

INSTANTIATE_TEST_SUITE_P(Adapters, BillingContract, ::testing::ValuesIn(StoreFactories()),
                         [](const auto& adapter) { return adapter.param->name; });

}  // namespace
}  // namespace reparto
