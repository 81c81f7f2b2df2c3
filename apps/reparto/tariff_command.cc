// `reparto tariff periods --tariff 2.0TD --zone peninsula --from 2025-01-01 --to 2025-02-01
// [--power] [--step 60|15] [--timezone NAME] [--output FILE]` prints CSV `start,period`: a header
// line, then one row per interval of the local days [from, to), the start in local ISO time with
// its offset (2025-01-01T00:00:00+01:00) and the period as P1..P6 (core/tariff_periods.h).
// Steps are minutes: 60 by default for Spanish tariffs, 15 for Portuguese cycles.
#include "tariff_command.h"

#include <cstdio>
#include <limits>
#include <memory>
#include <string>

#include "core/tariff.h"
#include "core/tariff_periods.h"
#include "fileio/read_file.h"
#include "run_status.h"
#include "tz/iana_zone.h"

namespace reparto::cli {
namespace {

struct PeriodsOptions {
  std::string tariff;
  std::string zone;
  std::string from;
  std::string to;
  bool power = false;
  int step_minutes = 0;  // 0: the tariff's default
  std::string timezone;  // empty: the zone's default
  std::string output;    // empty: standard output
};

Result<std::string> PeriodsCsv(const PeriodsOptions& options) {
  auto tariff = ParseAccessTariff(options.tariff);
  if (!tariff.ok()) return tariff.status();
  auto zone = ParseTariffZone(options.zone);
  if (!zone.ok()) return zone.status();
  REPARTO_RETURN_IF_ERROR(CheckTariffZone(*tariff, *zone));
  auto from = ParseDate(options.from);
  if (!from.ok()) return from.status().WithContext("--from");
  auto to = ParseDate(options.to);
  if (!to.ok()) return to.status().WithContext("--to");
  if (!(*from < *to)) {
    return Status::Error("--to (" + options.to + ") must be after --from (" + options.from +
                         "): the range is the local days [from, to)");
  }
  const bool portuguese = *zone == TariffZone::kPortugal;
  const int step_minutes =
      options.step_minutes != 0 ? options.step_minutes : (portuguese ? 15 : 60);
  const int step = step_minutes * 60;
  const std::string zone_name =
      options.timezone.empty() ? std::string(DefaultTimeZoneName(*zone)) : options.timezone;
  auto time_zone = IanaZone::Load(zone_name);
  if (!time_zone.ok()) return time_zone.status();
  auto start = (*time_zone)->StartOfDay(*from);
  if (!start.ok()) return start.status();
  auto end = (*time_zone)->EndOfDay(AddDays(*to, -1));
  if (!end.ok()) return end.status();
  const std::int64_t count = (*end - *start) / step;
  if (count > std::numeric_limits<int>::max()) return Status::Error("the date range is too long");
  const int n = static_cast<int>(count);
  auto periods = options.power ? PowerPeriods(*tariff, *zone, **time_zone, *start, step, n)
                               : EnergyPeriods(*tariff, *zone, **time_zone, *start, step, n);
  if (!periods.ok()) return periods.status();
  std::string csv = "start,period\n";
  csv.reserve(csv.size() + static_cast<std::size_t>(n) * 29);
  for (int k = 0; k < n; ++k) {
    const UtcSeconds t = *start + static_cast<std::int64_t>(k) * step;
    auto offset = (*time_zone)->OffsetAt(t);
    if (!offset.ok()) return offset.status();
    csv += FormatIsoInstant(t, *offset);
    csv += ",P";
    csv += static_cast<char>('0' + (*periods)[static_cast<std::size_t>(k)]);
    csv += '\n';
  }
  return csv;
}

Status RunPeriods(const PeriodsOptions& options) {
  auto csv = PeriodsCsv(options);
  if (!csv.ok()) return csv.status();
  if (options.output.empty()) {
    std::fwrite(csv->data(), 1, csv->size(), stdout);
    return Status::Ok();
  }
  return WriteWholeFile(options.output, *csv);
}

}  // namespace

void AddTariffCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "tariff", "Access-tariff periods (Spain 2.0TD/3.0TD/6.1TD, Portugal's cycles)");
  cmd->require_subcommand(1);

  auto options = std::make_shared<PeriodsOptions>();
  CLI::App* periods = cmd->add_subcommand(
      "periods",
      "Print the energy (or --power) period of every interval of the local days [--from, --to) "
      "as CSV: start,period");
  periods
      ->add_option("--tariff", options->tariff,
                   "2.0TD, 3.0TD, 6.1TD, pt-simple, pt-daily or pt-weekly")
      ->required();
  periods
      ->add_option("--zone", options->zone,
                   "peninsula, balearics, canary, ceuta, melilla or portugal")
      ->required();
  periods->add_option("--from", options->from, "First local day, YYYY-MM-DD")->required();
  periods->add_option("--to", options->to, "Day after the last local day (exclusive), YYYY-MM-DD")
      ->required();
  periods->add_flag("--power", options->power, "Power periods instead of energy periods");
  periods
      ->add_option("--step", options->step_minutes,
                   "Interval in minutes: 60 or 15 (default 60 in Spain, 15 in Portugal)")
      ->check(CLI::IsMember({15, 60}));
  periods->add_option("--timezone", options->timezone,
                      "IANA time zone of the local times (default: Europe/Madrid; "
                      "Atlantic/Canary for canary; Europe/Lisbon for portugal)");
  periods->add_option("--output", options->output, "Write the CSV to this file instead of stdout");
  periods->callback([options]() { ExitWith(RunPeriods(*options)); });
}

}  // namespace reparto::cli
