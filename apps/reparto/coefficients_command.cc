// `reparto coefficients export --community C.toml --year YYYY --cau CAU --out-dir DIR` writes
// DIR/{CAU}_{YYYY}.txt (fixed or hourly, Orden TED/1247/2021) from the community's coefficients.
// `reparto coefficients check FILE [--year YYYY] [--zone Europe/Madrid]` validates a file and lists
// every violation with its line; exit code 0 when valid, 1 otherwise.
#include "coefficients_command.h"

#include <iostream>
#include <memory>

#include "config/community_file.h"
#include "distributor/coefficient_file.h"
#include "run_status.h"
#include "tz/iana_zone.h"

namespace reparto::cli {
namespace {

struct ExportOptions {
  std::string community;
  int year = 0;
  std::string cau;
  std::string out_dir;
};

struct CheckOptions {
  std::string file;
  int year = 0;
  std::string zone = "Europe/Madrid";
};

Status Export(const ExportOptions& options) {
  auto community = LoadCommunityFile(options.community);
  if (!community.ok()) return community.status();
  auto zone = IanaZone::Load(community->timezone);
  if (!zone.ok()) return zone.status().WithContext(options.community);
  auto table = distributor::TableForYear(*community, **zone, options.year);
  if (!table.ok()) return table.status().WithContext(options.community);
  auto text = distributor::FormatCoefficientFile(*table);
  if (!text.ok()) return text.status().WithContext(options.community);
  if (Status s =
          distributor::WriteCoefficientFile(options.out_dir, options.cau, options.year, *text);
      !s.ok()) {
    return s;
  }
  std::printf("wrote %s/%s: %s coefficients for %zu supply points%s\n", options.out_dir.c_str(),
              distributor::CoefficientFileName(options.cau, options.year).c_str(),
              table->hourly ? "hourly" : "fixed", table->cups.size(),
              table->hourly ? (", " + std::to_string(table->row_count()) + " hours").c_str() : "");
  return Status::Ok();
}

Status Check(const CheckOptions& options) {
  auto zone = IanaZone::Load(options.zone);
  if (!zone.ok()) return zone.status();
  std::optional<int> year;
  if (options.year > 0) year = options.year;
  const distributor::CheckReport report =
      distributor::CheckCoefficientFileAt(options.file, year, **zone);
  if (report.ok()) {
    std::printf("%s: valid, %s coefficients for %zu supply points\n", options.file.c_str(),
                report.table->hourly ? "hourly" : "fixed", report.table->cups.size());
    return Status::Ok();
  }
  std::fprintf(stderr, "%s\n", report.Format(options.file, 500).c_str());
  std::fprintf(stderr, "reparto: error: %s is not valid: %zu violation%s\n", options.file.c_str(),
               report.violations.size(), report.violations.size() == 1 ? "" : "s");
  throw CLI::RuntimeError(kExitFailure);
}

}  // namespace

void AddCoefficientsCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "coefficients", "The Spanish coefficient file for the distributor (Orden TED/1247/2021)");
  cmd->require_subcommand(1);

  auto export_options = std::make_shared<ExportOptions>();
  CLI::App* exp = cmd->add_subcommand(
      "export", "Write {CAU}_{YYYY}.txt with the community's fixed or hourly coefficients");
  exp->add_option("--community", export_options->community, "Community file (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  exp->add_option("--year", export_options->year, "Year the coefficients apply to")
      ->required()
      ->check(CLI::Range(1970, 2037));
  exp->add_option("--cau", export_options->cau, "Self-consumption code (CAU) of the installation")
      ->required();
  exp->add_option("--out-dir", export_options->out_dir, "Directory to write the file in")
      ->required();
  exp->callback([export_options]() { ExitWith(Export(*export_options)); });

  auto check_options = std::make_shared<CheckOptions>();
  CLI::App* chk = cmd->add_subcommand(
      "check", "Validate a coefficient file; list every violation with its line");
  chk->add_option("file", check_options->file, "The {CAU}_{YYYY}.txt file")
      ->required()
      ->check(CLI::ExistingFile);
  chk->add_option("--year", check_options->year,
                  "Year the file must cover (default: from the file name)")
      ->check(CLI::Range(1970, 2037));
  chk->add_option("--zone", check_options->zone,
                  "Time zone of the hour numbers: Europe/Madrid (default) or Atlantic/Canary");
  chk->callback([check_options]() { ExitWith(Check(*check_options)); });
}

}  // namespace reparto::cli
