// `reparto billing set-config | configs | preview | finalise | runs`: a community's billing file
// (contracts, taxes, fee, invoicing; docs/billing-file.md) and its billing runs: a run is
// previewed as a draft (replaceable), then made final (numbered, immutable; core/billing_store.h).
//
// Units: money in euros with 2 decimals; months YYYY-MM; dates YYYY-MM-DD (community's zone).
#include <cstdio>
#include <memory>
#include <string>

#include "billing_commands.h"
#include "billing_options.h"
#include "core/billing_store.h"
#include "jobs/billing_job.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct BillingArgs {
  std::string db;
  std::string community;
  std::string file;
  std::string from;
  std::string month;
  std::string issue_date;
};

Status RunSetConfig(const BillingArgs& args) {
  auto from = ParseDate(args.from);
  if (!from.ok()) return from.status().WithContext("--from");
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto config = jobs::SaveBillingFile(**store, args.community, args.file, *from, NowIso());
  if (!config.ok()) return config.status().WithContext("nothing was stored");
  std::printf("billing file stored for %s from %s: %zu contract(s), fee %s\n",
              args.community.c_str(), FormatDate(*from).c_str(), config->contracts.size(),
              config->fee.kind == FeeKind::kNone ? "none" : "set");
  std::printf("Next: reparto bill --community %s --month %s%s\n", args.community.c_str(),
              FormatDate(*from).substr(0, 7).c_str(), DbFlag(args.db).c_str());
  return Status::Ok();
}

Status RunConfigs(const BillingArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto versions = (*store)->Billing().LoadBillingConfigs(args.community);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) {
    std::printf("community %s has no billing file yet\n", args.community.c_str());
    return Status::Ok();
  }
  for (const BillingConfigVersion& v : *versions) {
    std::printf("# valid from %s (saved %s)\n%s\n", FormatDate(v.valid_from).c_str(),
                v.saved_at.c_str(), v.text.c_str());
  }
  return Status::Ok();
}

void PrintRun(const BillingRun& run) {
  Cents net = 0, vat = 0, total = 0;
  std::printf("%-16s %-24s %-26s %10s %10s %10s\n", "invoice", "participant", "member", "net",
              "vat", "total");
  for (const Invoice& i : run.invoices) {
    std::printf("%-16s %-24s %-26.26s %10s %10s %10s\n",
                i.number_text.empty() ? "(draft)" : i.number_text.c_str(), i.participant.c_str(),
                i.member_name.c_str(), FormatCents(i.net).c_str(), FormatCents(i.vat).c_str(),
                FormatCents(i.total).c_str());
    net += i.net;
    vat += i.vat;
    total += i.total;
  }
  std::printf("%-16s %-24s %-26s %10s %10s %10s\n", "total", "", "", FormatCents(net).c_str(),
              FormatCents(vat).c_str(), FormatCents(total).c_str());
}

Status RunPreview(const BillingArgs& args) {
  auto month = ParseMonthOption(args.month, "--month");
  if (!month.ok()) return month.status();
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto preview = jobs::PreviewBillingRun(**store, args.community, *month, NowIso());
  if (!preview.ok()) return preview.status();
  std::printf("draft billing run %lld for %s, %s: %zu invoice(s)\n",
              static_cast<long long>(preview->run.id), args.community.c_str(), args.month.c_str(),
              preview->run.invoices.size());
  PrintRun(preview->run);
  for (const std::string& s : preview->skipped) std::printf("not invoiced: %s\n", s.c_str());
  std::printf("Next: reparto billing finalise --community %s --month %s%s\n",
              args.community.c_str(), args.month.c_str(), DbFlag(args.db).c_str());
  return Status::Ok();
}

Status RunFinalise(const BillingArgs& args) {
  auto month = ParseMonthOption(args.month, "--month");
  if (!month.ok()) return month.status();
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto issue =
      args.issue_date.empty() ? TodayIn(**store, args.community) : ParseDate(args.issue_date);
  if (!issue.ok()) return issue.status().WithContext("--issue-date");
  auto run = jobs::FinaliseBillingRun(**store, args.community, *month, *issue, NowIso());
  if (!run.ok()) return run.status();
  std::printf("billing run %lld is final: %zu invoice(s) issued on %s\n",
              static_cast<long long>(run->id), run->invoices.size(), FormatDate(*issue).c_str());
  PrintRun(*run);
  std::printf("Next: reparto invoice pdf --community %s --month %s --output invoices.pdf%s\n",
              args.community.c_str(), args.month.c_str(), DbFlag(args.db).c_str());
  return Status::Ok();
}

Status RunRuns(const BillingArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto runs = (*store)->Billing().ListRuns(args.community);
  if (!runs.ok()) return runs.status();
  std::printf("run,month,state,invoices,total_eur,created_at,finalised_at\n");
  for (const BillingRun& run : *runs) {
    Cents total = 0;
    for (const Invoice& i : run.invoices) total += i.total;
    std::printf("%lld,%s,%s,%zu,%s,%s,%s\n", static_cast<long long>(run.id),
                FormatDate(run.month).substr(0, 7).c_str(),
                run.state == RunState::kFinal ? "final" : "draft", run.invoices.size(),
                FormatCents(total).c_str(), run.created_at.c_str(), run.finalised_at.c_str());
  }
  return Status::Ok();
}

CLI::App* Sub(CLI::App* parent, const char* name, const char* help, BillingArgs& args) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  AddDbOption(cmd, args.db);
  cmd->add_option("--community", args.community, "Community id (CAU or code)")->required();
  return cmd;
}

}  // namespace

void AddBillingCommand(CLI::App& app) {
  auto args = std::make_shared<BillingArgs>();
  CLI::App* cmd = app.add_subcommand(
      "billing", "A community's billing file and its billing runs (preview, then final)");
  cmd->require_subcommand(1);

  CLI::App* set = Sub(cmd, "set-config",
                      "Check a billing file (contracts, taxes, fee, invoicing) and store it as "
                      "the version valid from --from",
                      *args);
  set->add_option("--file", args->file, "Billing TOML file (docs/billing-file.md)")
      ->required()
      ->check(CLI::ExistingFile);
  set->add_option("--from", args->from, "First day it applies, YYYY-MM-DD")->required();
  set->callback([args]() { ExitWith(RunSetConfig(*args)); });

  CLI::App* configs = Sub(cmd, "configs", "Print every stored version of the billing file", *args);
  configs->callback([args]() { ExitWith(RunConfigs(*args)); });

  CLI::App* preview = Sub(cmd, "preview",
                          "Compute the community fee invoices of a month and store them as a "
                          "draft run (replacing an earlier draft); nothing is numbered yet",
                          *args);
  preview->add_option("--month", args->month, "Month, YYYY-MM")->required();
  preview->callback([args]() { ExitWith(RunPreview(*args)); });

  CLI::App* finalise = Sub(cmd, "finalise",
                           "Make the month's draft run final: invoices numbered without gaps, "
                           "never changed afterwards (correct with `reparto invoice credit`)",
                           *args);
  finalise->add_option("--month", args->month, "Month, YYYY-MM")->required();
  finalise->add_option("--issue-date", args->issue_date,
                       "Issue date, YYYY-MM-DD (default: today in the community's zone)");
  finalise->callback([args]() { ExitWith(RunFinalise(*args)); });

  CLI::App* runs = Sub(cmd, "runs", "The community's billing runs as CSV", *args);
  runs->callback([args]() { ExitWith(RunRuns(*args)); });
}

}  // namespace reparto::cli
