// `reparto import --community ID FILE [FILE ...]`: meter exports into the store, all or nothing
// (see src/jobs/import_job.h), with a summary per file.
#include <cstdio>
#include <filesystem>

#include "jobs/import_job.h"
#include "run_status.h"
#include "store_cli.h"
#include "store_commands.h"

namespace reparto::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::string community;
  std::vector<std::string> files;
  std::string format;
  int readings_step_minutes = 0;
};

// "PARTICIPANT=path" gives every record of a one-supply-point file to that participant.
jobs::ImportInput ParseInput(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq != std::string::npos && eq > 0 && !std::filesystem::exists(spec) &&
      std::filesystem::exists(spec.substr(eq + 1))) {
    return {spec.substr(eq + 1), spec.substr(0, eq)};
  }
  return {spec, ""};
}

Status RunImport(const ImportArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  jobs::ImportOptions options;
  if (!args.format.empty()) {
    auto format = ParseFormatName(args.format);
    if (!format.ok()) return format.status().WithContext("--format");
    options.format = *format;
  }
  options.readings_step_seconds = args.readings_step_minutes * 60;
  options.now = NowUtc();
  StageProgress progress;
  options.progress = progress.Callback();
  std::vector<jobs::ImportInput> inputs;
  for (const std::string& spec : args.files) inputs.push_back(ParseInput(spec));
  auto summary = jobs::ImportFiles(**store, args.community, inputs, options);
  progress.Done();
  if (!summary.ok()) return summary.status().WithContext("nothing was imported");
  for (const jobs::FileImportSummary& f : summary->files) {
    std::printf("%s (%s): %lld rows, %lld participants", f.source.c_str(), f.format.c_str(),
                static_cast<long long>(f.rows), static_cast<long long>(f.participants));
    if (f.first_day) {
      std::printf(", %s to %s", FormatDate(*f.first_day).c_str(), FormatDate(*f.last_day).c_str());
    }
    if (f.days_changed == 0) {
      std::printf(": already stored, nothing changed\n");
      continue;
    }
    std::printf(
        ": %lld of %lld participant-days written (%lld new values, %lld corrected, the "
        "replaced ones kept in the history as import %lld); %lld intervals still missing\n",
        static_cast<long long>(f.days_changed), static_cast<long long>(f.days),
        static_cast<long long>(f.values_new), static_cast<long long>(f.values_replaced),
        static_cast<long long>(f.import_id), static_cast<long long>(f.gaps));
  }
  std::printf("Next: reparto allocate --community %s%s\n", args.community.c_str(),
              DbFlag(args.db).c_str());
  return Status::Ok();
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Load meter exports into the database: all files or nothing; re-importing a file changes "
      "nothing; a corrected file replaces the values it covers (the old ones stay in the "
      "history)");
  AddDbOption(cmd, args->db);
  cmd->add_option("--community", args->community, "Community id (CAU or code)")->required();
  cmd->add_option("files", args->files,
                  "Readings files (canonical CSV, E-REDES XLSX/CSV, Datadis or distributor CSV; "
                  "format detected); PARTICIPANT=PATH gives a one-supply-point file to a "
                  "participant")
      ->required();
  cmd->add_option("--format", args->format,
                  "Skip detection: canonical-csv, eredes-xlsx, eredes-csv, datadis, "
                  "datadis-autoconsumo, e-distribucion, ufd, i-de");
  cmd->add_option("--readings-step", args->readings_step_minutes,
                  "Minutes per row of canonical CSV readings (default: the community's step)")
      ->check(CLI::Range(1, 1440));
  cmd->callback([args]() { ExitWith(RunImport(*args)); });
}

}  // namespace reparto::cli
