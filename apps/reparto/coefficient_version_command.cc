// `reparto coefficients add-version --community CAU --from YYYY-MM-DD --table FILE.csv` and
// `reparto coefficients history --community CAU`: coefficient tables of a community in the
// database as versions with a validity start, never changed once stored (the work is in
// src/jobs/coefficient_version_job.h).
//
// Units: coefficients in tables are decimal fractions of 1; dates YYYY-MM-DD in the community's
// time zone.
#include <cstdio>
#include <memory>
#include <string>

#include "jobs/coefficient_version_job.h"
#include "jobs/membership_job.h"
#include "membership_commands.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct VersionArgs {
  std::string db;
  std::string community;
  std::string from;
  std::string table;
  std::string note;
};

std::string LocalInstant(const TimeZone& zone, UtcSeconds t) {
  auto offset = zone.OffsetAt(t);
  return FormatIsoInstant(t, offset.ok() ? *offset : 0);
}

Status RunAddVersion(const VersionArgs& args) {
  auto from = ParseDate(args.from);
  if (!from.ok()) return from.status().WithContext("--from");
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  jobs::VersionRequest request;
  request.table = args.table;
  request.from = *from;
  request.note = args.note;
  request.now = NowUtc();
  auto added = jobs::AddCoefficientVersion(**store, args.community, request);
  if (!added.ok()) return added.status().WithContext("nothing was stored");
  const CoefficientVersion& v = added->version;
  std::printf("added coefficient version %d (%s) to %s, valid from %s (community revision %lld)\n",
              v.version, std::string(MethodName(v.period.method)).c_str(), args.community.c_str(),
              FormatDate(*from).c_str(), static_cast<long long>(added->revision));
  for (const std::string& w : added->warnings) std::printf("warning: %s\n", w.c_str());
  std::printf("Next: reparto allocate --community %s%s\n", args.community.c_str(),
              DbFlag(args.db).c_str());
  return Status::Ok();
}

Status RunHistory(const VersionArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto context = jobs::LoadCommunityContext(**store, args.community);
  if (!context.ok()) return context.status();
  const TimeZone& zone = *context->zone;
  std::printf("%-4s %-12s %-12s %-25s %-40s %s\n", "", "method", "valid from", "created at",
              "state", "note");
  for (const jobs::VersionHistoryEntry& e : jobs::VersionHistory(context->stored)) {
    const CoefficientVersion& v = *e.version;
    std::string state;
    if (e.in_force) {
      state = "in force";
      if (e.in_force_to != kEndOfTime) {
        state += " until " + jobs::MembershipBound(zone, e.in_force_to, "");
      }
    } else {
      state = "replaced by v" + std::to_string(e.replaced_by.value_or(0));
    }
    std::printf("v%-3d %-12s %-12s %-25s %-40s %s\n", v.version,
                std::string(MethodName(v.period.method)).c_str(),
                jobs::MembershipBound(zone, v.valid_from, "the start").c_str(),
                LocalInstant(zone, v.created_at).c_str(), state.c_str(), v.note.c_str());
  }
  for (const std::string& w : ChangeFrequencyWarnings(context->stored, zone)) {
    std::printf("warning: %s\n", w.c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddCoefficientVersionCommands(CLI::App& coefficients) {
  coefficients.description(
      "Coefficient versions in the database (add-version, history) and the Spanish coefficient "
      "file for the distributor (export, check; Orden TED/1247/2021)");
  auto args = std::make_shared<VersionArgs>();

  CLI::App* add = coefficients.add_subcommand(
      "add-version",
      "Store a new coefficient version from a CSV table, valid from local midnight of --from: "
      "all or nothing, never changing a stored version; warns when Spain's one change every 4 "
      "months is not kept or --from is in the past");
  AddDbOption(add, args->db);
  add->add_option("--community", args->community, "Community id (CAU or code)")->required();
  add->add_option("--from", args->from,
                  "First day the version holds, YYYY-MM-DD (local midnight, community time zone)")
      ->required();
  add->add_option("--table", args->table,
                  "CSV 'participant,coefficient' (fixed, decimal fractions adding up to 1) or "
                  "'participant,start,coefficient' (hourly, as in docs/community-file.md)")
      ->required()
      ->check(CLI::ExistingFile);
  add->add_option("--note", args->note,
                  "Who or why (\"assembly of 2025-05-12\"); default: the table's file name");
  add->callback([args]() { ExitWith(RunAddVersion(*args)); });

  CLI::App* history = coefficients.add_subcommand(
      "history",
      "Every coefficient version: number, method, valid from, created at, in force or replaced, "
      "note");
  AddDbOption(history, args->db);
  history->add_option("--community", args->community, "Community id (CAU or code)")->required();
  history->callback([args]() { ExitWith(RunHistory(*args)); });
}

}  // namespace reparto::cli
