// Gap-free numbering under concurrency, on a real SQLite file and a real PostgreSQL server: 8
// threads, each with its own Store connection to the same database, finalise their own drafts
// (different communities and months, same series) at the same moment (a barrier); the numbers of
// the series and year are then exactly 1..N, unique, each run's in a row. Two finalisations of the
// same draft at once: one wins, the other gets a clear error. Four credit notes for one invoice at
// once: one is issued.
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <thread>

#include "store/billing_backends.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

constexpr int kThreads = 8;
constexpr int kInvoicesPerRun = 3;

class BillingConcurrency : public ::testing::TestWithParam<const BillingBackend*> {
 protected:
  void SetUp() override {
    auto location = GetParam()->create();
    ASSERT_TRUE(location.ok()) << location.status().message();
    location_ = *location;
    auto store = GetParam()->open(location_);  // creates the schema once
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }
  // One store (connection) per thread.
  std::vector<std::unique_ptr<Store>> OpenMany(int n) {
    std::vector<std::unique_ptr<Store>> stores;
    for (int i = 0; i < n; ++i) {
      auto store = GetParam()->open(location_);
      EXPECT_TRUE(store.ok()) << store.status().message();
      if (store.ok()) stores.push_back(std::move(*store));
    }
    return stores;
  }

  std::string location_;
  std::unique_ptr<Store> store_;
};

TEST_P(BillingConcurrency, EightWritersNumberWithoutGapsOrDuplicates) {
  std::vector<std::int64_t> run_ids;
  for (int t = 0; t < kThreads; ++t) {
    auto id = store_->Billing().SaveDraftRun(
        DraftRun("ES-" + std::to_string(t % 4), {2025, 1 + t / 4, 1}, kInvoicesPerRun));
    ASSERT_TRUE(id.ok()) << id.status().message();
    run_ids.push_back(*id);
  }
  auto stores = OpenMany(kThreads);
  ASSERT_EQ(stores.size(), static_cast<std::size_t>(kThreads));
  std::barrier start(kThreads);
  std::vector<Result<BillingRun>> results(kThreads, Status::Error("not run"));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      results[t] =
          stores[t]->Billing().FinaliseRun(run_ids[t], {2025, 3, 1}, 30, "2025-03-01T00:00:00Z");
    });
  }
  for (auto& thread : threads) thread.join();

  std::vector<std::int64_t> numbers;
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_TRUE(results[t].ok()) << results[t].status().message();
    const auto& invoices = results[t]->invoices;
    ASSERT_EQ(invoices.size(), static_cast<std::size_t>(kInvoicesPerRun));
    for (int i = 0; i < kInvoicesPerRun; ++i) {
      numbers.push_back(invoices[i].number);
      EXPECT_EQ(invoices[i].number_text, InvoiceNumberText("F", 2025, invoices[i].number));
      // In the run's order, one after the other.
      EXPECT_EQ(invoices[i].number, invoices[0].number + i);
    }
  }
  std::sort(numbers.begin(), numbers.end());
  std::vector<std::int64_t> expected(kThreads * kInvoicesPerRun);
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<std::int64_t>(i + 1);
  EXPECT_EQ(numbers, expected);  // exactly 1..24: unique, no gap

  // The stored invoices agree, and the series continues after them.
  std::size_t stored = 0;
  for (int c = 0; c < 4; ++c)
    stored += store_->Billing().ListInvoices("ES-" + std::to_string(c))->size();
  EXPECT_EQ(stored, expected.size());
  auto next = store_->Billing().SaveDraftRun(DraftRun("ES-9", {2025, 1, 1}, 1));
  ASSERT_TRUE(next.ok());
  auto run = store_->Billing().FinaliseRun(*next, {2025, 3, 2}, 30, "later");
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->invoices[0].number_text, "F-2025-000025");
}

TEST_P(BillingConcurrency, TwoFinalisationsOfOneDraftOneWins) {
  auto id = store_->Billing().SaveDraftRun(DraftRun("ES-1", {2025, 1, 1}, kInvoicesPerRun));
  ASSERT_TRUE(id.ok());
  auto stores = OpenMany(2);
  ASSERT_EQ(stores.size(), 2u);
  std::barrier start(2);
  std::vector<Result<BillingRun>> results(2, Status::Error("not run"));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      results[t] = stores[t]->Billing().FinaliseRun(*id, {2025, 2, 3}, 30, "now");
    });
  }
  for (auto& thread : threads) thread.join();
  const int won = results[0].ok() ? 0 : 1;
  ASSERT_TRUE(results[won].ok()) << results[won].status().message();
  ASSERT_FALSE(results[1 - won].ok());
  EXPECT_NE(results[1 - won].status().message().find("already final"), std::string::npos)
      << results[1 - won].status().message();
  EXPECT_EQ(results[won]->invoices.back().number_text, "F-2025-000003");
  EXPECT_EQ(store_->Billing().ListInvoices("ES-1")->size(), 3u);  // numbered once
}

TEST_P(BillingConcurrency, OneCreditNotePerInvoiceUnderRaces) {
  auto id = store_->Billing().SaveDraftRun(DraftRun("ES-1", {2025, 1, 1}, 1));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->Billing().FinaliseRun(*id, {2025, 2, 3}, 30, "now").ok());
  constexpr int kRacers = 4;
  auto stores = OpenMany(kRacers);
  ASSERT_EQ(stores.size(), static_cast<std::size_t>(kRacers));
  std::barrier start(kRacers);
  std::vector<Result<Invoice>> results(kRacers, Status::Error("not run"));
  std::vector<std::thread> threads;
  for (int t = 0; t < kRacers; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      results[t] =
          stores[t]->Billing().IssueCreditNote("F-2025-000001", "R", {2025, 2, 10}, "race");
    });
  }
  for (auto& thread : threads) thread.join();
  int issued = 0;
  for (const auto& r : results) {
    if (r.ok()) {
      ++issued;
      EXPECT_EQ(r->number_text, "R-2025-000001");
    } else {
      EXPECT_NE(r.status().message().find("already credited"), std::string::npos)
          << r.status().message();
    }
  }
  EXPECT_EQ(issued, 1);
}

// SQLite: while another process holds the write lock, a finalisation waits (busy timeout) and
// then succeeds, rather than failing with "locked".
TEST(BillingSqliteBusy, AWriterWaitsForTheLockInsteadOfFailing) {
  const std::string path = NewTempDir() + "/reparto.db";
  auto store = sqlite::OpenStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto id = (*store)->Billing().SaveDraftRun(DraftRun("ES-1", {2025, 1, 1}, 2));
  ASSERT_TRUE(id.ok());
  auto other = sqlite::SqliteDb::Open(path);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->Execute("BEGIN IMMEDIATE").ok());  // another writer holds the lock
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    (void)(*other)->Execute("COMMIT");
  });
  const auto start = std::chrono::steady_clock::now();
  auto run = (*store)->Billing().FinaliseRun(*id, {2025, 2, 3}, 30, "now");
  const auto waited = std::chrono::steady_clock::now() - start;
  release.join();
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_EQ(run->invoices[1].number_text, "F-2025-000002");
}

INSTANTIATE_TEST_SUITE_P(Adapters, BillingConcurrency, ::testing::ValuesIn(BillingBackends()),
                         [](const auto& backend) { return backend.param->name; });

}  // namespace
}  // namespace reparto
