// `reparto prices import | list`: hourly price series (PVPC, ESIOS 1739, OMIE, generic CSV) read
// from files and stored for indexed contracts and surplus compensation (docs/prices.md).
//
// Units: prices are stored in µ€/kWh whatever the file's unit; instants UTC.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "billing_commands.h"
#include "core/billing_store.h"
#include "ingest/price_files.h"
#include "run_status.h"
#include "store_cli.h"
#include "tz/iana_zone.h"

namespace reparto::cli {
namespace {

struct PricesArgs {
  std::string db;
  std::vector<std::string> files;
  std::string format = "auto";
  std::string timezone = "Europe/Madrid";
  std::string name = "prices";
  std::vector<std::string> only;
};

Status RunImport(const PricesArgs& args) {
  std::optional<PriceFormat> format;
  if (args.format != "auto") {
    auto parsed = ParsePriceFormatName(args.format);
    if (!parsed.ok()) return parsed.status().WithContext("--format");
    format = *parsed;
  }
  auto zone = IanaZone::Load(args.timezone);
  if (!zone.ok()) return zone.status().WithContext("--timezone");
  // Read every file first: nothing is stored unless all of them are good.
  std::vector<PriceSeries> all;
  for (const std::string& file : args.files) {
    auto series = ReadPriceFile(file, format, **zone, {.name = args.name});
    if (!series.ok()) return series.status().WithContext("nothing was imported");
    for (auto& s : *series) {
      if (!args.only.empty() &&
          std::find(args.only.begin(), args.only.end(), s.name) == args.only.end()) {
        continue;
      }
      all.push_back(std::move(s));
    }
  }
  if (all.empty()) return Status::Error("no series to import (check --series)");
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  for (const PriceSeries& s : all) {
    const Status put = (*store)->Billing().PutPrices(s);
    if (!put.ok()) return put.WithContext("series " + s.name);
    std::printf("%-14s %6zu prices, %s to %s (%s)\n", s.name.c_str(), s.points.size(),
                s.points.empty() ? "-" : FormatIsoInstant(s.points.front().start, 0, true).c_str(),
                s.points.empty() ? "-" : FormatIsoInstant(s.points.back().start, 0, true).c_str(),
                s.step_seconds == 900 ? "quarter-hourly" : "hourly");
  }
  return Status::Ok();
}

Status RunList(const PricesArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto series = (*store)->Billing().ListPriceSeries();
  if (!series.ok()) return series.status();
  std::printf("name,step_minutes,prices,first_utc,last_utc\n");
  for (const PriceSeriesInfo& s : *series) {
    std::printf("%s,%d,%lld,%s,%s\n", s.name.c_str(), s.step_seconds / 60,
                static_cast<long long>(s.points), FormatIsoInstant(s.first, 0, true).c_str(),
                FormatIsoInstant(s.last, 0, true).c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddPricesCommand(CLI::App& app) {
  auto args = std::make_shared<PricesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "prices", "Price series for indexed contracts and surplus compensation (PVPC, ESIOS, OMIE)");
  cmd->require_subcommand(1);
  CLI::App* import = cmd->add_subcommand(
      "import",
      "Store the price series of one or more files (all or nothing); a later import replaces "
      "the prices of the hours it covers");
  AddDbOption(import, args->db);
  import->add_option("files", args->files, "Price files")->required()->check(CLI::ExistingFile);
  import->add_option("--format", args->format,
                     "auto (default: detected from the content), pvpc, esios, omie or csv");
  import->add_option("--timezone", args->timezone,
                     "Zone of local-time files such as OMIE's (default Europe/Madrid)");
  import->add_option("--name", args->name, "Series name for a generic CSV (default: prices)");
  import->add_option("--series", args->only,
                     "Import only these series of the file (e.g. pvpc-pcb; a PVPC file holds "
                     "pvpc-pcb and pvpc-cm)");
  import->callback([args]() { ExitWith(RunImport(*args));
});
CLI::App* list = cmd->add_subcommand("list", "The stored series as CSV");
AddDbOption(list, args->db);
list->callback([args]() { ExitWith(RunList(*args)); });
}  // namespace reparto::cli

}  // namespace reparto::cli
