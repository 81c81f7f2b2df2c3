// `reparto allocate --community C.toml --readings R [--readings R2 ...] --out diagrams.csv
//  [--summary monthly.csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
//
// Reads the community and every readings file (format detected from the content; a file of one
// supply point can be given to a participant with `participant=path`), places them on the grid of
// local days (all or nothing: any error stops before anything is written), runs the engine, and
// writes the load diagrams of spec/formats.md §1.3 and the monthly summary atomically.
#include "allocate_command.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include "config/community_file.h"
#include "core/allocation.h"
#include "core/italy.h"
#include "core/monthly_totals.h"
#include "core/readings.h"
#include "core/tee_sink.h"
#include "fileio/atomic_file.h"
#include "ingest/reader.h"
#include "ingest/zonal_prices.h"
#include "jobs/allocate_job.h"
#include "progress.h"
#include "report/diagram_csv.h"
#include "report/incentive_csv.h"
#include "report/monthly_csv.h"
#include "run_status.h"
#include "store_cli.h"
#include "tz/iana_zone.h"

namespace reparto::cli {
namespace {

struct AllocateOptions {
  std::string community;
  std::vector<std::string> readings;
  std::string out;
  std::string summary;
  std::string from;
  std::string to;
  int readings_step_minutes = 0;
  std::string zonal_prices;
  std::string incentives;
  std::string db;
  bool force = false;
};

// Advances a progress bar as the engine goes through the grid.
class ProgressSink final : public AllocationSink {
 public:
  explicit ProgressSink(Progress& progress) : progress_(progress) {}
  void BeginRun(std::int64_t, int n_intervals) override { progress_.Advance(n_intervals); }
  void Consume(const ParticipantRun&) override {}
  void EndRun(const PoolRun&) override {}

 private:
  Progress& progress_;
};

// Store mode: allocates the stored days whose results are missing or stale.
Status RunStored(const AllocateOptions& options) {
  if (!options.out.empty() || !options.summary.empty() || !options.incentives.empty()) {
    return Status::Error(
        "--out, --summary and --incentives go with --readings files; results in the database "
        "are written with `reparto export`");
  }
  jobs::AllocateOptions job;
  if (!options.from.empty()) {
    auto d = ParseDate(options.from);
    if (!d.ok()) return d.status().WithContext("--from");
    job.from = *d;
  }
  if (!options.to.empty()) {
    auto d = ParseDate(options.to);
    if (!d.ok()) return d.status().WithContext("--to");
    job.to = *d;
  }
  job.force = options.force;
  auto store = OpenDb(options.db);
  if (!store.ok()) return store.status();
  StageProgress progress;
  job.progress = progress.Callback();
  auto summary = jobs::AllocateStored(**store, options.community, job);
  progress.Done();
  if (!summary.ok()) return summary.status();
  if (summary->days_with_readings == 0) {
    std::printf("community %s has no readings in this period; import some with `reparto import`\n",
                options.community.c_str());
    return Status::Ok();
  }
  std::printf(
      "community %s, %s to %s: %lld days with readings, %lld allocated, %lld already up "
      "to date\n",
      options.community.c_str(), FormatDate(*summary->first_day).c_str(),
      FormatDate(*summary->last_day).c_str(), static_cast<long long>(summary->days_with_readings),
      static_cast<long long>(summary->days_computed),
      static_cast<long long>(summary->days_up_to_date));
  std::printf("Next: reparto export --community %s --kind monthly --out monthly.xlsx%s\n",
              options.community.c_str(), DbFlag(options.db).c_str());
  return Status::Ok();
}

// File mode: readings files in, load diagrams out.
Status Run(const AllocateOptions& options) {
  if (options.readings.empty()) return RunStored(options);
  if (options.out.empty()) return Status::Error("--out is required with --readings");
  auto community = LoadCommunityFile(options.community);
  if (!community.ok()) return community.status();
  auto zone = IanaZone::Load(community->timezone);
  if (!zone.ok()) return zone.status().WithContext(options.community);

  ReadOptions read_options;
  read_options.zone = zone->get();
  read_options.canonical_step_seconds = options.readings_step_minutes > 0
                                            ? options.readings_step_minutes * 60
                                            : community->rules.step_seconds;
  std::vector<ReadingBatch> batches;
  UtcSeconds first = kEndOfTime;
  UtcSeconds last = kBeginningOfTime;
  for (const std::string& spec : options.readings) {
    // "participant=path" assigns every record of the file to that participant.
    std::string path = spec;
    std::string participant;
    if (const auto eq = spec.find('=');
        eq != std::string::npos && community->IndexOf(spec.substr(0, eq)) >= 0) {
      participant = spec.substr(0, eq);
      path = spec.substr(eq + 1);
    }
    auto batch = ReadReadingsFile(path, read_options);
    if (!batch.ok()) return batch.status();
    batch->assigned_participant = participant;
    for (const ReadingRecord& r : batch->records) {
      first = std::min(first, r.start);
      last = std::max(last, r.start);
    }
    batches.push_back(std::move(*batch));
  }
  if (first == kEndOfTime) return Status::Error("the readings files hold no interval");

  CivilDate from_date;
  CivilDate to_date;
  if (!options.from.empty()) {
    auto d = ParseDate(options.from);
    if (!d.ok()) return d.status().WithContext("--from");
    from_date = *d;
  } else {
    auto d = LocalDateAt(**zone, first);
    if (!d.ok()) return d.status();
    from_date = *d;
  }
  if (!options.to.empty()) {
    auto d = ParseDate(options.to);
    if (!d.ok()) return d.status().WithContext("--to");
    to_date = AddDays(*d, 1);  // --to is the last day, included
  } else {
    auto d = LocalDateAt(**zone, last);
    if (!d.ok()) return d.status();
    to_date = AddDays(*d, 1);
  }
  auto grid = MakeDayGrid(**zone, from_date, to_date, community->rules.step_seconds);
  if (!grid.ok()) return grid.status();

  ReadingTable table(community->participants.size(), *grid);
  PlacementStats stats;
  for (const ReadingBatch& batch : batches) {
    if (Status s = PlaceReadings(*community, batch, table, &stats); !s.ok()) return s;
  }
  table.Finish();

  auto allocator = Allocator::Create(*community, *grid);
  if (!allocator.ok()) return allocator.status().WithContext(options.community);

  std::vector<std::string> ids;
  for (const Participant& p : community->participants) ids.push_back(p.id);
  auto diagram_file = AtomicFile::Open(options.out);
  if (!diagram_file.ok()) return diagram_file.status();
  DiagramCsvWriter diagrams(diagram_file->file(), options.out, *grid, **zone, ids);
  MonthlyTotals totals(static_cast<int>(ids.size()), *grid);
  std::vector<AllocationSink*> sinks = {&diagrams, &totals};
  std::unique_ptr<ItalianIncentive> incentive;
  if (!options.incentives.empty()) {
    if (options.zonal_prices.empty()) {
      return Status::Error(
          "--incentives needs --zonal-prices (hourly Pz, start,price_eur_per_mwh)");
    }
    if (grid->step_seconds != 3600) {
      return Status::Error(
          "the Italian incentive is hourly: the community step must be 60 minutes");
    }
    auto prices = ReadZonalPrices(options.zonal_prices, *grid);
    if (!prices.ok()) return prices.status();
    incentive = std::make_unique<ItalianIncentive>(*community, *grid, std::move(*prices));
    sinks.push_back(incentive.get());
  }
  Progress progress("allocating", grid->interval_count(), "intervals");
  ProgressSink progress_sink(progress);
  sinks.push_back(&progress_sink);
  TeeSink tee(sinks);
  (*allocator)->AllocateAll(table, tee);
  progress.Done();
  if (Status s = diagrams.Finish(); !s.ok()) return s;

  std::optional<AtomicFile> summary_file;
  if (!options.summary.empty()) {
    auto file = AtomicFile::Open(options.summary);
    if (!file.ok()) return file.status();
    if (Status s = WriteMonthlyCsv(totals, ids, file->file(), options.summary); !s.ok()) return s;
    summary_file.emplace(std::move(*file));
  }
  std::optional<AtomicFile> incentive_file;
  if (incentive) {
    auto file = AtomicFile::Open(options.incentives);
    if (!file.ok()) return file.status();
    if (Status s = WriteIncentiveCsv(*incentive, ids, file->file(), options.incentives); !s.ok()) {
      return s;
    }
    incentive_file.emplace(std::move(*file));
  }
  // Commit the outputs only when all were written completely.
  if (Status s = diagram_file->Commit(); !s.ok()) return s;
  for (std::optional<AtomicFile>* file : {&summary_file, &incentive_file}) {
    if (*file) {
      if (Status s = (*file)->Commit(); !s.ok()) return s;
    }
  }

  MilliWh pool = 0, consumption = 0, self_consumed = 0;
  std::int64_t missing = 0;
  for (int m = 0; m < totals.month_count(); ++m) {
    pool += totals.community(m).pool;
    consumption += totals.community(m).consumption;
    const ParticipantMonth sum = totals.SumOfParticipants(m);
    self_consumed += sum.sum(Quantity::kSelfConsumed);
    missing += sum.count(Quality::kMissing);
  }
  auto kwh = [](MilliWh v) { return static_cast<double>(v) / 1e6; };
  std::printf("community %s (%s, %s): %zu participants, %s to %s, %lld intervals of %d min\n",
              community->id.c_str(), std::string(CountryCode(community->rules.country)).c_str(),
              community->timezone.c_str(), ids.size(), FormatDate(from_date).c_str(),
              FormatDate(AddDays(to_date, -1)).c_str(),
              static_cast<long long>(grid->interval_count()), community->rules.step_seconds / 60);
  std::printf(
      "readings: %lld records from %zu files, %lld outside the period, %lld outside "
      "membership; %lld participant-intervals flagged missing\n",
      static_cast<long long>(stats.placed), batches.size(),
      static_cast<long long>(stats.outside_period),
      static_cast<long long>(stats.outside_membership), static_cast<long long>(missing));
  std::printf(
      "shared generation %.3f kWh, consumption %.3f kWh, self-consumed %.3f kWh (%.1f%% of "
      "the generation, %.1f%% of the consumption)\n",
      kwh(pool), kwh(consumption), kwh(self_consumed),
      pool > 0 ? 100.0 * kwh(self_consumed) / kwh(pool) : 0.0,
      consumption > 0 ? 100.0 * kwh(self_consumed) / kwh(consumption) : 0.0);
  std::printf("wrote %s%s%s\n", options.out.c_str(), options.summary.empty() ? "" : " and ",
              options.summary.c_str());
  return Status::Ok();
}

}  // namespace

void AddAllocateCommand(CLI::App& app) {
  auto options = std::make_shared<AllocateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "allocate",
      "Split the community's shared generation among its participants. With --readings: "
      "from files, writing the load diagrams (spec/formats.md §1.3) and monthly totals. "
      "Without: the stored readings of a community in the database, storing the results (only "
      "days whose readings or community changed are recomputed)");
  cmd->add_option("--community", options->community,
                  "Community file (TOML) with --readings; otherwise the community's id in the "
                  "database")
      ->required();
  AddDbOption(cmd, options->db);
  cmd->add_flag("--force", options->force, "Database: recompute days that are up to date too");
  cmd->add_option("--readings", options->readings,
                  "Readings file (canonical CSV, E-REDES XLSX/CSV, Datadis or distributor CSV); "
                  "repeat for several; PARTICIPANT=PATH gives a one-supply-point file to a "
                  "participant");
  cmd->add_option("--out", options->out, "Load diagrams CSV to write (with --readings)");
  cmd->add_option("--summary", options->summary, "Monthly summary CSV to write");
  cmd->add_option("--from", options->from, "First local day (YYYY-MM-DD); default: first reading");
  cmd->add_option("--to", options->to,
                  "Last local day, included (YYYY-MM-DD); default: the last reading's day");
  cmd->add_option("--readings-step", options->readings_step_minutes,
                  "Minutes per row of canonical CSV readings (default: the community's step; 15 "
                  "for quarter-hours summed into a 60-minute community)")
      ->check(CLI::Range(1, 1440));
  cmd->add_option("--zonal-prices", options->zonal_prices,
                  "Italy: hourly zonal prices CSV (start,price_eur_per_mwh)");
  cmd->add_option("--incentives", options->incentives,
                  "Italy: write the monthly shared energy and incentive per member (CSV)");
  cmd->callback([options]() { ExitWith(Run(*options)); });
}

}  // namespace reparto::cli
