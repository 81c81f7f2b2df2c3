// Bills of a stored community (`reparto bill`, docs/billing.md): the billing file in force, each
// member's month priced with and without the community (core/bill.h) from the stored results, the
// period engine and the stored price series, plus cumulative savings; and the community's own
// invoices: a billing run previewed as a draft, then made final (core/billing_store.h).
//
// Units: mWh, Cents, MicroPrice as in core/bill.h; months are the first local day of the month.
//
//   auto bills = ComputeMonthBills(store, "ES0021...", {2025, 6, 1}, {});
//   for (const MemberBill& m : bills->members) Print(m.participant, m.month.savings);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bill.h"
#include "core/invoice.h"
#include "core/store.h"
#include "core/tariff.h"

namespace reparto::jobs {

// Parses and validates the billing file at `path` against the stored community (every contract,
// contact and expected saving must name one of its participants, or "*" for contracts), then
// stores it as the version valid from `valid_from` (replacing a version of the same date).
Result<BillingConfig> SaveBillingFile(Store& store, std::string_view community,
                                      const std::string& path, CivilDate valid_from,
                                      std::string_view saved_at);

// The version in force on `day` (the latest valid_from <= day), parsed. Fails, saying what to
// run, when the community has none.
Result<BillingConfig> LoadBillingConfigOn(Store& store, std::string_view community, CivilDate day);

// The contract of `participant` in force on `day`: its own, else the "*" default, else none.
const SupplyContract* ContractOn(const BillingConfig& config, std::string_view participant,
                                 CivilDate day);

struct MemberBill {
  std::string participant;
  std::string name;                // from the billing file's contacts, may be empty
  MemberEconomics month;           // with the feasibility study's expected savings, if given
  CumulativeEconomics cumulative;  // from `cumulative_from` to this month, included
};

struct MonthBills {
  std::string community;
  CivilDate month;
  CivilDate cumulative_from;  // first month of the cumulative figures
  std::vector<MemberBill> members;
  std::vector<std::string> warnings;  // days without results, members without a contract, ...
};

struct BillOptions {
  // Price a month whose indexed prices have gaps (the gaps priced at 0, every bill concerned
  // marked incomplete) instead of failing.
  bool allow_incomplete = false;
  // First month of the cumulative figures; default January of the billed month's year.
  std::optional<CivilDate> cumulative_from;
  std::string participant;  // empty: every member
};

Result<MonthBills> ComputeMonthBills(Store& store, std::string_view community, CivilDate month,
                                     const BillOptions& options);

// A billing run of the community's fee for `month`, stored as a draft (replacing an earlier
// draft). Members already invoiced in a final run of that month (and not credited) are left out,
// as are members whose fee is zero (listed in `skipped`).
struct RunPreview {
  BillingRun run;
  std::vector<std::string> skipped;  // "ES…: nothing to invoice", "ES…: already invoiced in F-…"
};
Result<RunPreview> PreviewBillingRun(Store& store, std::string_view community, CivilDate month,
                                     std::string_view now_utc);

// Makes the draft of `month` final: invoices numbered, issued on `issue_date`.
Result<BillingRun> FinaliseBillingRun(Store& store, std::string_view community, CivilDate month,
                                      CivilDate issue_date, std::string_view now_utc);

}  // namespace reparto::jobs
