// Bills and billing runs of a stored community (billing_job.h).
#include "jobs/billing_job.h"

#include <algorithm>
#include <map>
#include <set>

#include "config/billing_file.h"
#include "core/billing_store.h"
#include "core/price_lookup.h"
#include "core/tariff_periods.h"
#include "fileio/read_file.h"
#include "jobs/community_context.h"
#include "jobs/month_usage.h"
#include "jobs/results_replay.h"

namespace reparto::jobs {
namespace {

Status CheckParticipants(const BillingConfig& config, const Community& community,
                         const std::string& path) {
  std::string problems;
  const auto check = [&](const std::string& id, std::string_view what) {
    if (community.IndexOf(id) < 0) {
      problems += path + ": " + std::string(what) + " names '" + id +
                  "', which is not a participant of community '" + community.id + "'\n";
    }
  };
  for (const auto& c : config.contracts) {
    if (c.participant != kEveryMember) check(c.participant, "a contract");
  }
  for (const auto& m : config.members) check(m.participant, "a member contact");
  for (const auto& e : config.expected_savings) check(e.participant, "an expected saving");
  if (problems.empty()) return Status::Ok();
  problems.pop_back();
  return Status::Error(problems);
}

// The billed part of one participant's month: the local days on which it was a member.
struct BilledDays {
  int first_day = -1;  // index into the month grid's days
  int last_day = -1;   // included
};

BilledDays FindBilledDays(const DayGrid& grid, const ParticipantUsage& usage) {
  BilledDays billed;
  for (int d = 0; d < static_cast<int>(grid.days.size()); ++d) {
    const LocalDay& day = grid.days[d];
    const auto begin = usage.member.begin() + day.first_interval;
    if (std::find(begin, begin + day.n_intervals, std::uint8_t{1}) != begin + day.n_intervals) {
      if (billed.first_day < 0) billed.first_day = d;
      billed.last_day = d;
    }
  }
  return billed;
}

template <typename T>
std::vector<T> Slice(const std::vector<T>& values, std::int64_t first, std::int64_t n) {
  return std::vector<T>(values.begin() + first, values.begin() + first + n);
}

// The member's period with its values; prices and periods are added by the caller.
MemberPeriod MakePeriod(const DayGrid& grid, const ParticipantUsage& usage, BilledDays billed) {
  MemberPeriod period;
  period.grid.step_seconds = grid.step_seconds;
  const std::int64_t first = grid.days[billed.first_day].first_interval;
  for (int d = billed.first_day; d <= billed.last_day; ++d) {
    LocalDay day = grid.days[d];
    day.first_interval -= first;
    period.grid.days.push_back(day);
  }
  const std::int64_t n = period.grid.interval_count();
  period.consumption = Slice(usage.consumption, first, n);
  period.supplier = Slice(usage.supplier, first, n);
  period.surplus = Slice(usage.surplus, first, n);
  period.self_consumed = Slice(usage.self_consumed, first, n);
  period.imputed = Slice(usage.imputed, first, n);
  period.quality = Slice(usage.quality, first, n);
  return period;
}

// The coefficient that represents the member's month: the fixed coefficient in force at the
// start of its billed days when the community shares with fixed coefficients, otherwise its share
// of the month's imputed energy.
std::int64_t MonthCoefficient(const Community& community, int p, UtcSeconds at,
                              MilliWh member_imputed, MilliWh total_imputed) {
  for (const SharingPeriod& sharing : community.periods) {
    if (at >= sharing.from && at < sharing.to && sharing.method == Method::kFixed &&
        static_cast<std::size_t>(p) < sharing.fixed.size()) {
      return sharing.fixed[static_cast<std::size_t>(p)];
    }
  }
  if (total_imputed <= 0) return 0;
  return static_cast<std::int64_t>(static_cast<__int128>(member_imputed) * kCoefficientScale /
                                   total_imputed);
}

// Prices of `series_name` over the period's intervals.
Result<PriceCoverage> SeriesPrices(Store& store, const std::string& series_name,
                                   const TimeZone& zone, const MemberPeriod& period,
                                   bool allow_incomplete) {
  const UtcSeconds from = period.grid.utc_start();
  auto series = store.Billing().LoadPrices(series_name, from - 3600, period.grid.utc_end());
  if (!series.ok()) {
    return series.status().WithContext("price series '" + series_name +
                                       "' (import it with `reparto prices import`)");
  }
  if (series->points.empty()) {
    return Status::Error("price series '" + series_name +
                         "' has no prices for this month: import them with `reparto prices "
                         "import`");
  }
  PriceCoverage coverage = PricesForIntervals(*series, zone, from, period.grid.step_seconds,
                                              static_cast<int>(period.grid.interval_count()));
  if (!allow_incomplete) REPARTO_RETURN_IF_ERROR(RequireComplete(coverage, series_name));
  return coverage;
}

// Everything one month needs, computed once for all its members.
struct MonthData {
  DayGrid grid;
  std::unique_ptr<MonthUsage> usage;
  MilliWh total_imputed = 0;
};

Result<MonthData> LoadMonth(Store& store, const CommunityContext& context, CivilDate month,
                            std::vector<std::string>* warnings) {
  MonthData data;
  auto grid = CommunityGrid(context, month, FirstDayOfNextMonth(month));
  if (!grid.ok()) return grid.status();
  data.grid = std::move(*grid);
  data.usage = std::make_unique<MonthUsage>(static_cast<int>(context.community.participants.size()),
                                            data.grid);
  auto replay = ReplayResults(store, context, data.grid, "", *data.usage);
  if (!replay.ok()) return replay.status();
  if (replay->days_without_results > 0 && warnings != nullptr) {
    warnings->push_back(std::to_string(replay->days_without_results) + " day(s) of " +
                        FormatDate(month).substr(0, 7) +
                        " have no allocation results (their energy counts as missing): run "
                        "`reparto allocate --community " +
                        context.community.id + "`");
  }
  data.total_imputed = data.usage->total_imputed();
  return data;
}

// The member's period of `month` with fee inputs; empty when it was not a member that month.
std::optional<MemberPeriod> MemberPeriodOf(const CommunityContext& context, const MonthData& data,
                                           const BillingConfig& config, int p) {
  const ParticipantUsage& usage = data.usage->of(p);
  const BilledDays billed = FindBilledDays(data.grid, usage);
  if (billed.first_day < 0) return std::nullopt;
  MemberPeriod period = MakePeriod(data.grid, usage, billed);
  MilliWh imputed = 0;
  for (MilliWh v : period.imputed) imputed += v;
  period.coefficient_ppb =
      MonthCoefficient(context.community, p, period.grid.utc_start(), imputed, data.total_imputed);
  period.kwp_share_w = static_cast<std::int64_t>(static_cast<__int128>(config.installed_w) *
                                                 period.coefficient_ppb / kCoefficientScale);
  return period;
}

Result<MemberEconomics> PriceMember(Store& store, const CommunityContext& context,
                                    const BillingConfig& config, const SupplyContract& contract,
                                    MemberPeriod& period, bool allow_incomplete) {
  const int n = static_cast<int>(period.grid.interval_count());
  const std::string who = "participant " + contract.participant + ": ";
  if (contract.energy.indexed_series.empty()) {
    auto periods = EnergyPeriods(contract.access, contract.zone, *context.zone,
                                 period.grid.utc_start(), period.grid.step_seconds, n);
    if (!periods.ok()) return periods.status().WithContext("participant " + contract.participant);
    period.energy_period = std::move(*periods);
  } else {
    auto prices = SeriesPrices(store, contract.energy.indexed_series, *context.zone, period,
                               allow_incomplete);
    if (!prices.ok()) return prices.status();
    period.energy_price = std::move(prices->prices);
    if (!prices->complete()) period.energy_price_missing = std::move(prices->missing);
  }
  if (contract.surplus.kind == SurplusKind::kIndexed) {
    auto prices = SeriesPrices(store, contract.surplus.indexed_series, *context.zone, period,
                               allow_incomplete);
    if (!prices.ok()) return prices.status();
    period.surplus_price = std::move(prices->prices);
    if (!prices->complete()) period.surplus_price_missing = std::move(prices->missing);
  }
  auto economics = ComputeMemberEconomics(period, contract, config);
  if (!economics.ok()) return economics.status().WithContext("participant " + contract.participant);
  return economics;
}

// The member's name: from the billing file's contacts, else the community's participant name.
std::string ContactName(const BillingConfig& config, const CommunityContext& context,
                        const std::string& participant) {
  for (const auto& m : config.members) {
    if (m.participant == participant && !m.name.empty()) return m.name;
  }
  for (const auto& sp : context.stored.participants) {
    if (sp.participant.id == participant) return sp.name;
  }
  return "";
}

bool IsBilled(const Participant& p, const std::string& only) {
  return p.role != Role::kProducer && (only.empty() || p.id == only);
}

}  // namespace

Result<BillingConfig> SaveBillingFile(Store& store, std::string_view community,
                                      const std::string& path, CivilDate valid_from,
                                      std::string_view saved_at) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  // Read once: the text checked is the text stored.
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  auto config = ParseBillingToml(*text, path);
  if (!config.ok()) return config.status();
  REPARTO_RETURN_IF_ERROR(CheckParticipants(*config, context->community, path));
  BillingConfigVersion version{.community = std::string(community),
                               .valid_from = valid_from,
                               .text = std::move(*text),
                               .saved_at = std::string(saved_at)};
  REPARTO_RETURN_IF_ERROR(store.Billing().SaveBillingConfig(version));
  return config;
}

Result<BillingConfig> LoadBillingConfigOn(Store& store, std::string_view community, CivilDate day) {
  auto versions = store.Billing().LoadBillingConfigs(community);
  if (!versions.ok()) return versions.status();
  const BillingConfigVersion* in_force = nullptr;
  for (const auto& v : *versions) {
    if (!(day < v.valid_from)) in_force = &v;
  }
  if (in_force == nullptr) {
    return Status::Error("community '" + std::string(community) +
                         "' has no billing file in force on " + FormatDate(day) +
                         ": add one with `reparto billing set-config --community " +
                         std::string(community) + " --file billing.toml --from YYYY-MM-DD`");
  }
  return ParseBillingToml(in_force->text, "billing file of " + std::string(community) +
                                              " valid from " + FormatDate(in_force->valid_from));
}

const SupplyContract* ContractOn(const BillingConfig& config, std::string_view participant,
                                 CivilDate day) {
  const SupplyContract* fallback = nullptr;
  for (const auto& c : config.contracts) {
    const bool in_force = !(day < c.from) && (!c.to || day < *c.to);
    if (!in_force) continue;
    if (c.participant == participant) return &c;
    if (c.participant == kEveryMember) fallback = &c;
  }
  return fallback;
}

Result<MonthBills> ComputeMonthBills(Store& store, std::string_view community, CivilDate month,
                                     const BillOptions& options) {
  month.day = 1;
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  const Community& c = context->community;
  if (!options.participant.empty() && c.IndexOf(options.participant) < 0) {
    return Status::Error("no participant '" + options.participant + "' in community '" + c.id +
                         "'");
  }
  MonthBills bills{
      .community = c.id,
      .month = month,
      .cumulative_from = options.cumulative_from.value_or(CivilDate{month.year, 1, 1})};
  bills.cumulative_from.day = 1;
  if (month < bills.cumulative_from) bills.cumulative_from = month;
  std::map<int, MemberBill> by_participant;
  for (CivilDate m = bills.cumulative_from; !(month < m); m = FirstDayOfNextMonth(m)) {
    const bool billed_month = m == month;
    auto config = LoadBillingConfigOn(store, community, m);
    if (!config.ok()) {
      if (billed_month) return config.status();
      continue;  // no billing file yet: nothing cumulated for that month
    }
    auto data = LoadMonth(store, *context, m, billed_month ? &bills.warnings : nullptr);
    if (!data.ok()) return data.status();
    for (int p = 0; p < static_cast<int>(c.participants.size()); ++p) {
      if (!IsBilled(c.participants[p], options.participant)) continue;
      auto period = MemberPeriodOf(*context, *data, *config, p);
      if (!period) continue;
      const std::string& id = c.participants[p].id;
      const SupplyContract* contract = ContractOn(*config, id, period->grid.days.front().date);
      if (contract == nullptr) {
        if (billed_month) {
          bills.warnings.push_back(id + " has no supply contract in force on " +
                                   FormatDate(period->grid.days.front().date) +
                                   " in the billing file: not billed");
        }
        continue;
      }
      SupplyContract own = *contract;
      own.participant = id;
      if (own.power_w.empty()) {
        const auto watts =
            static_cast<std::int64_t>(c.participants[p].contracted_power_kw * 1000 + 0.5);
        if (watts <= 0) {
          return Status::Error(id +
                               " has no contracted power in the community: give `power_kw` "
                               "in its contract of the billing file");
        }
        own.power_w.assign(static_cast<std::size_t>(PowerPeriodCount(own.access)), watts);
      }
      auto economics = PriceMember(store, *context, *config, own, *period,
                                   options.allow_incomplete || !billed_month);
      if (!economics.ok()) {
        if (billed_month) return economics.status();
        continue;
      }
      MemberBill& bill = by_participant[p];
      bill.participant = id;
      Accumulate(bill.cumulative, *economics);
      if (billed_month) {
        bill.name = ContactName(*config, *context, id);
        bill.month = std::move(*economics);
      }
    }
  }
  for (auto& [p, bill] : by_participant) {
    if (bill.month.days > 0) bills.members.push_back(std::move(bill));
  }
  return bills;
}

Result<RunPreview> PreviewBillingRun(Store& store, std::string_view community, CivilDate month,
                                     std::string_view now_utc) {
  month.day = 1;
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  auto config = LoadBillingConfigOn(store, community, month);
  if (!config.ok()) return config.status();
  if (config->fee.kind == FeeKind::kNone) {
    return Status::Error("the billing file sets no community fee ([fee] kind): nothing to invoice");
  }
  // Members already invoiced for this month (final invoices of its days), and not credited since.
  auto final_invoices = store.Billing().ListInvoices(community);
  if (!final_invoices.ok()) return final_invoices.status();
  std::set<std::string> credited;
  for (const Invoice& i : *final_invoices) {
    if (i.kind == InvoiceKind::kCreditNote) credited.insert(i.corrects);
  }
  std::map<std::string, std::string> invoiced;
  for (const Invoice& i : *final_invoices) {
    const bool of_month = i.period_from.year == month.year && i.period_from.month == month.month;
    if (i.kind == InvoiceKind::kInvoice && of_month && !credited.contains(i.number_text)) {
      invoiced[i.participant] = i.number_text;
    }
  }
  auto data = LoadMonth(store, *context, month, nullptr);
  if (!data.ok()) return data.status();
  RunPreview preview;
  preview.run.community = context->community.id;
  preview.run.month = month;
  preview.run.created_at = std::string(now_utc);
  const CivilDate last_day = AddDays(FirstDayOfNextMonth(month), -1);
  for (int p = 0; p < static_cast<int>(context->community.participants.size()); ++p) {
    const Participant& participant = context->community.participants[p];
    if (!IsBilled(participant, "")) continue;
    auto period = MemberPeriodOf(*context, *data, *config, p);
    if (!period) continue;
    if (auto it = invoiced.find(participant.id); it != invoiced.end()) {
      preview.skipped.push_back(participant.id + ": already invoiced in " + it->second);
      continue;
    }
    auto lines = ComputeCommunityFee(*period, config->fee);
    if (!lines.ok()) return lines.status().WithContext("participant " + participant.id);
    Invoice invoice{.series = config->invoicing.series,
                    .community = context->community.id,
                    .participant = participant.id,
                    .period_from = period->grid.days.front().date,
                    .period_to = AddDays(period->grid.days.back().date, 1),
                    .issue_date = last_day,
                    .due_date = last_day,
                    .lines = std::move(*lines)};
    invoice.member_name = ContactName(*config, *context, participant.id);
    for (const auto& m : config->members) {
      if (m.participant != participant.id) continue;
      invoice.member_tax_id = m.tax_id;
      invoice.member_address = m.address;
    }
    ComputeInvoiceTotals(invoice);
    if (invoice.lines.empty() || invoice.total == 0) {
      preview.skipped.push_back(participant.id + ": nothing to invoice");
      continue;
    }
    preview.run.invoices.push_back(std::move(invoice));
  }
  if (preview.run.invoices.empty()) {
    return Status::Error("nothing to invoice for " + FormatDate(month).substr(0, 7) +
                         (preview.skipped.empty() ? std::string(" (no member with results)")
                                                  : " (" + preview.skipped.front() + ", ...)"));
  }
  auto id = store.Billing().SaveDraftRun(preview.run);
  if (!id.ok()) return id.status();
  preview.run.id = *id;
  return preview;
}

Result<BillingRun> FinaliseBillingRun(Store& store, std::string_view community, CivilDate month,
                                      CivilDate issue_date, std::string_view now_utc) {
  month.day = 1;
  auto config = LoadBillingConfigOn(store, community, month);
  if (!config.ok()) return config.status();
  auto runs = store.Billing().ListRuns(community);
  if (!runs.ok()) return runs.status();
  for (const BillingRun& run : *runs) {
    if (run.state == RunState::kDraft && run.month == month) {
      return store.Billing().FinaliseRun(run.id, issue_date, config->invoicing.payment_days,
                                         now_utc);
    }
  }
  return Status::Error("no draft billing run for " + FormatDate(month).substr(0, 7) +
                       " of community '" + std::string(community) +
                       "': preview one first with `reparto billing preview`");
}

}  // namespace reparto::jobs
