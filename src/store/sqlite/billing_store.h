// The SQLite side of core/billing_store.h: billing configs, price series, billing runs, invoices
// and payments in the tables of migration 2 (schema.cc, docs/store.md "Billing").
//
// Every write is one BEGIN IMMEDIATE transaction: it takes the database's write lock first (waiting
// up to the connection's busy timeout for another process), so invoice numbers are read and
// assigned under that lock and are gap-free across processes. Reads run in one snapshot. Final
// runs, invoices and lines are also protected by triggers in the file itself.
//
// Units: money in integer cents, unit prices in µ€ (core/money.h), dates as ISO text.
//
//   auto billing = MakeBillingStore(db);   // db outlives billing; same thread only
//   auto run = billing->FinaliseRun(id, {2025, 2, 3}, 30, "2025-02-03T09:00:00Z");
#pragma once

#include <memory>

#include "core/billing_store.h"
#include "store/sqlite/sqlite_handle.h"

namespace reparto::sqlite {

std::unique_ptr<BillingStore> MakeBillingStore(SqliteDb& db);

}  // namespace reparto::sqlite
