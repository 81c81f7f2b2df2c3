// Billing test helpers: both store adapters on a database that can be opened more than once (for
// one connection per thread, for reopening after an upgrade, and for raw SQL beside the store),
// and a small billing run with hand-worked amounts.
//
// Amounts (core/money.h): 150 kWh × 0.150000 €/kWh = 2 250 cents; a fixed fee of 5.00 € = 500
// cents; VAT 21 % on 2 750 cents = 577.5 → 578 cents (half away from zero); total 3 328 cents.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/billing_store.h"
#include "core/store.h"

namespace reparto {

struct BillingBackend {
  std::string name;
  // A new empty database: what `open` and `raw` take (a file path, or a PostgreSQL URL).
  std::function<Result<std::string>()> create;
  std::function<Result<std::unique_ptr<Store>>(const std::string& location)> open;
  // Runs statements on its own connection, beside any store.
  std::function<Status(const std::string& location, const std::string& sql)> raw;
};

// SQLite and PostgreSQL.
const std::vector<const BillingBackend*>& BillingBackends();

inline constexpr Cents kNet = 2750;
inline constexpr Cents kVat = 578;
inline constexpr Cents kTotal = 3328;

// A draft invoice of `participant` in `series` for the month of `month`: the two lines above.
Invoice DraftInvoice(const std::string& participant, const std::string& series, CivilDate month);

// A draft run of `community` for `month` with one invoice per participant "P1", "P2", ...
BillingRun DraftRun(const std::string& community, CivilDate month, int invoices,
                    const std::string& series = "F");

}  // namespace reparto
