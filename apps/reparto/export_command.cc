// `reparto export --community ID --kind diagrams|monthly [--participant P] [--from D] [--to D]
//  --out FILE.csv|FILE.xlsx`: stored results as CSV or XLSX (see src/jobs/export_job.h).
#include <cstdio>

#include "jobs/export_job.h"
#include "run_status.h"
#include "store_cli.h"
#include "store_commands.h"

namespace reparto::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string community;
  std::string kind = "monthly";
  std::string format;
  std::string participant;
  std::string from;
  std::string to;
  std::string out;
};

Result<std::optional<CivilDate>> OptionalDate(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<CivilDate>();
  auto date = ParseDate(text);
  if (!date.ok()) return date.status().WithContext(option);
  return std::optional<CivilDate>(*date);
}

Status RunExport(const ExportArgs& args) {
  jobs::ExportOptions options;
  options.kind = args.kind == "diagrams" ? jobs::ExportKind::kDiagrams : jobs::ExportKind::kMonthly;
  const std::string format =
      !args.format.empty() ? args.format : (args.out.ends_with(".xlsx") ? "xlsx" : "csv");
  options.format = format == "xlsx" ? jobs::ExportFormat::kXlsx : jobs::ExportFormat::kCsv;
  options.participant = args.participant;
  auto from = OptionalDate(args.from, "--from");
  if (!from.ok()) return from.status();
  auto to = OptionalDate(args.to, "--to");
  if (!to.ok()) return to.status();
  options.from = *from;
  options.to = *to;
  options.path = args.out;
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto summary = jobs::ExportResults(**store, args.community, options);
  if (!summary.ok()) return summary.status();
  std::printf("wrote %s (%s %s, %lld days)\n", args.out.c_str(), args.kind.c_str(), format.c_str(),
              static_cast<long long>(summary->days));
  if (summary->days_without_results > 0) {
    std::printf("note: %lld days of the period have no results (no readings, or not allocated)\n",
                static_cast<long long>(summary->days_without_results));
  }
  if (summary->days_stale > 0) {
    std::printf(
        "warning: %lld days were allocated before their readings or the community "
        "changed; run `reparto allocate --community %s` to bring them up to date\n",
        static_cast<long long>(summary->days_stale), args.community.c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write stored allocation results: load diagrams (every interval) or monthly totals, for "
      "the community or one participant, as CSV or XLSX");
  AddDbOption(cmd, args->db);
  cmd->add_option("--community", args->community, "Community id (CAU or code)")->required();
  cmd->add_option("--kind", args->kind, "diagrams or monthly")
      ->check(CLI::IsMember({"diagrams", "monthly"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "csv or xlsx (default: from the --out extension)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  cmd->add_option("--participant", args->participant, "Only this participant (its id / CUPS)");
  cmd->add_option("--from", args->from, "First local day (YYYY-MM-DD); default: first result");
  cmd->add_option("--to", args->to, "Last local day, included; default: last result");
  cmd->add_option("--out", args->out, "File to write (.csv or .xlsx)")->required();
  cmd->callback([args]() { ExitWith(RunExport(*args)); });
}

}  // namespace reparto::cli
