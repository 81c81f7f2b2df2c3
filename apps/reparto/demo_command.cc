// `reparto demo [--db PATH] [--year YYYY] [--seed N]`: creates the demonstration community in the
// store (the embedded SQLite file by default), with a year of readings and allocation results,
// and says what to run next.
#include <cstdio>

#include "jobs/demo_job.h"
#include "jobs/results_summary.h"
#include "run_status.h"
#include "store_cli.h"
#include "store_commands.h"

namespace reparto::cli {
namespace {

struct DemoArgs {
  std::string db;
  int year = 2025;
  std::uint64_t seed = 1;
};

double Kwh(MilliWh v) { return static_cast<double>(v) / 1e6; }

Status RunDemo(const DemoArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  StageProgress progress;
  jobs::DemoOptions options;
  options.year = args.year;
  options.seed = args.seed;
  options.now = NowUtc();
  options.progress = progress.Callback();
  auto demo = jobs::CreateDemo(**store, options);
  progress.Done();
  if (!demo.ok()) return demo.status();
  auto totals = jobs::SummariseResults(**store, demo->community_id);
  if (!totals.ok()) return totals.status();

  std::int64_t written = 0;
  for (const auto& file : demo->import.files) written += file.days_changed;
  std::printf("Demo community \"%s\" (%s), %s: %d participants\n", demo->name.c_str(),
              demo->community_id.c_str(), demo->town.c_str(), demo->participants);
  std::printf("  readings: %lld participant-days written%s\n", static_cast<long long>(written),
              written == 0 ? " (already in the database: nothing changed)" : "");
  std::printf("  allocation: %lld days computed, %lld already up to date\n",
              static_cast<long long>(demo->allocate.days_computed),
              static_cast<long long>(demo->allocate.days_up_to_date));
  if (totals->first_day) {
    std::printf(
        "  %s to %s: shared generation %.1f kWh, consumption %.1f kWh, "
        "self-consumed %.1f kWh (%.1f%% of the generation, %.1f%% of the consumption)\n",
        FormatDate(*totals->first_day).c_str(), FormatDate(*totals->last_day).c_str(),
        Kwh(totals->pool), Kwh(totals->consumption), Kwh(totals->self_consumed),
        totals->pool > 0 ? 100.0 * Kwh(totals->self_consumed) / Kwh(totals->pool) : 0.0,
        totals->consumption > 0 ? 100.0 * Kwh(totals->self_consumed) / Kwh(totals->consumption)
                                : 0.0);
  }
  std::string member = "<participant id>";
  if (auto stored = (*store)->LoadCommunity(demo->community_id); stored.ok() && *stored) {
    for (const auto& p : (**stored).participants) {
      if (p.participant.role == Role::kConsumer) {
        member = p.participant.id;
        break;
      }
    }
  }
  std::printf("Database: %s\n", (*store)->Describe().c_str());
  const std::string db = DbFlag(args.db);
  std::printf("Next:\n");
  std::printf("  reparto community show %s%s\n", demo->community_id.c_str(), db.c_str());
  std::printf("  reparto export --community %s --kind monthly --out monthly.xlsx%s\n",
              demo->community_id.c_str(), db.c_str());
  std::printf(
      "  reparto export --community %s --kind diagrams --participant %s --out "
      "diagrams.csv%s\n",
      demo->community_id.c_str(), member.c_str(), db.c_str());
  return Status::Ok();
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "Create a demonstration community in the database: 39 homes, shops, a school and an "
      "office sharing two PV plants, with a year of generated quarter-hour readings and their "
      "allocation (running it again changes nothing)");
  AddDbOption(cmd, args->db);
  cmd->add_option("--year", args->year, "Year of the generated readings")
      ->check(CLI::Range(2000, 2037))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed of the generators (same seed, same data)")
      ->capture_default_str();
  cmd->callback([args]() { ExitWith(RunDemo(*args)); });
}

}  // namespace reparto::cli
