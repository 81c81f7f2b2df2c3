// The PostgreSQL side of core/billing_store.h: billing configs, price series, billing runs,
// invoices and payments in the tables of migration 2 (schema.cc, docs/store.md "Billing").
//
// Every write is one transaction (READ COMMITTED) that first takes the community's advisory lock
// (the one store transactions take: one writer per community), then locks what it changes: the
// run (SELECT ... FOR UPDATE) and the counter rows of its series (taken in order, so two runs never
// deadlock). Invoice numbers are therefore read and assigned under a lock and are gap-free across
// processes. Reads run in one REPEATABLE READ snapshot. Final runs, invoices and lines are also
// protected by triggers in the database itself.
//
// Units: money in integer cents, unit prices in µ€ (core/money.h), dates as ISO text.
//
//   auto billing = MakeBillingStore(conn);   // conn outlives billing; same thread only
//   auto run = billing->FinaliseRun(id, {2025, 2, 3}, 30, "2025-02-03T09:00:00Z");
#pragma once

#include <memory>

#include "core/billing_store.h"
#include "store/postgres/pg_handle.h"

namespace reparto::postgres {

std::unique_ptr<BillingStore> MakeBillingStore(PgConn& conn);

}  // namespace reparto::postgres
