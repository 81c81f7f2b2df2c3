// `reparto incentives --community X --month YYYY-MM [--to YYYY-MM]`: an Italian community's GSE
// incentive and ARERA valorisation of the hourly shared energy, the part the community retains
// and each member's part (docs/billing.md, "Italian communities"). Text on the terminal, or the
// table as CSV or XLSX (docs/outputs.md §3b).
//
// Units: kWh, euros with 2 decimals.
#include <cstdio>
#include <memory>
#include <string>

#include "billing_commands.h"
#include "billing_options.h"
#include "export/incentive_xlsx.h"
#include "fileio/atomic_file.h"
#include "jobs/italian_job.h"
#include "report/incentive_csv.h"
#include "report/incentive_rows.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct IncentivesArgs {
  std::string db;
  std::string community;
  std::string month;
  std::string to;
  std::string zonal_prices;
  std::string format = "text";
  std::string output;
};

void PrintText(const jobs::ItalianMonths& months) {
  std::printf("%-24s %-7s %11s %11s %11s %11s %11s\n", "participant", "month", "shared kWh",
              "incentive €", "valoris. €", "retained €", "total €");
  for (const IncentiveRow& row : IncentiveRows(*months.incentive, months.participant_ids.size())) {
    const ItalianMonth& v = *row.values;
    const std::string who = row.participant < 0
                                ? "community"
                                : months.participant_ids[static_cast<std::size_t>(row.participant)];
    std::printf("%-24.24s %-7s %11.3f %11s %11s %11s %11s\n", who.c_str(),
                FormatDate(row.month).substr(0, 7).c_str(), static_cast<double>(v.shared) / 1e6,
                FormatCents(v.incentive_cents).c_str(), FormatCents(v.valorisation_cents).c_str(),
                row.participant < 0 ? FormatCents(v.retained_cents).c_str() : "",
                FormatCents(v.total_cents()).c_str());
  }
}

Status RunIncentives(const IncentivesArgs& args) {
  auto first = ParseMonthOption(args.month, "--month");
  if (!first.ok()) return first.status();
  CivilDate last = *first;
  if (!args.to.empty()) {
    auto to = ParseMonthOption(args.to, "--to");
    if (!to.ok()) return to.status();
    if (*to < *first) return Status::Error("--to " + args.to + " is before --month " + args.month);
    last = *to;
  }
  if (args.format != "text" && args.output.empty()) {
    return Status::Error("--format " + args.format + " needs --output FILE");
  }
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto months =
      jobs::ComputeItalianMonths(**store, args.community, *first, FirstDayOfNextMonth(last),
                                 {.zonal_prices = args.zonal_prices});
  if (!months.ok()) return months.status();
  for (const std::string& w : months->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (args.format == "text") {
    PrintText(*months);
    return Status::Ok();
  }
  if (args.format == "xlsx") {
    return WriteIncentiveXlsx(months->community, *months->incentive, args.output);
  }
  auto file = AtomicFile::Open(args.output);
  if (!file.ok()) return file.status();
  REPARTO_RETURN_IF_ERROR(
      WriteIncentiveCsv(*months->incentive, months->participant_ids, file->file(), file->path()));
  return file->Commit();
}

}  // namespace

void AddIncentivesCommand(CLI::App& app) {
  auto args = std::make_shared<IncentivesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "incentives",
      "Italian communities: the GSE incentive and ARERA valorisation of the hourly shared "
      "energy, the part the community retains and each member's part, per month");
  AddDbOption(cmd, args->db);
  cmd->add_option("--community", args->community, "Community id")->required();
  cmd->add_option("--month", args->month, "First month, YYYY-MM")->required();
  cmd->add_option("--to", args->to, "Last month, YYYY-MM (default: --month)");
  cmd->add_option("--zonal-prices", args->zonal_prices,
                  "Stored price series of the zonal price Pz (default: the billing file's "
                  "[italy] zonal_prices)");
  cmd->add_option("--format", args->format, "text (default), csv or xlsx")
      ->check(CLI::IsMember({"text", "csv", "xlsx"}));
  cmd->add_option("--output", args->output, "File for csv or xlsx");
  cmd->callback([args]() { ExitWith(RunIncentives(*args)); });
}

}  // namespace reparto::cli
