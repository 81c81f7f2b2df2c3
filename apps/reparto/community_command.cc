// `reparto community list | show ID | add --file C.toml`: the communities in the store, one
// community's members and coefficient history, and adding (or updating) one from its TOML file.
#include <cstdio>

#include "config/community_file.h"
#include "core/period_codec.h"
#include "jobs/community_context.h"
#include "jobs/membership_job.h"
#include "jobs/results_summary.h"
#include "run_status.h"
#include "store_cli.h"
#include "store_commands.h"
#include "tz/iana_zone.h"

namespace reparto::cli {
namespace {

struct CommunityArgs {
  std::string db;
  std::string id;
  std::string file;
  std::string name;
};

Status RunList(const CommunityArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto ids = (*store)->ListCommunities();
  if (!ids.ok()) return ids.status();
  if (ids->empty()) {
    std::printf("no communities in %s (try `reparto demo`)\n", (*store)->Describe().c_str());
  }
  for (const std::string& id : *ids) {
    auto c = (*store)->LoadCommunity(id);
    if (!c.ok()) return c.status();
    const StoredCommunity& s = **c;
    std::printf("%-28s %-3s %-16s %3zu participants  %s\n", id.c_str(),
                std::string(CountryCode(s.rules.country)).c_str(), s.timezone.c_str(),
                s.participants.size(), s.name.c_str());
  }
  return Status::Ok();
}

Status RunShow(const CommunityArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto context = jobs::LoadCommunityContext(**store, args.id);
  if (!context.ok()) return context.status();
  const StoredCommunity& s = context->stored;
  const TimeZone& zone = *context->zone;
  std::printf("%s  %s\n", s.id.c_str(), s.name.c_str());
  std::printf("country %s, time zone %s, %d-minute intervals\n",
              std::string(CountryCode(s.rules.country)).c_str(), s.timezone.c_str(),
              s.rules.step_seconds / 60);
  std::printf("\nparticipants:\n");
  for (const StoredParticipant& sp : s.participants) {
    const Participant& p = sp.participant;
    std::printf("  %-24s %-9s %-24s from %-10s to %-10s\n", p.id.c_str(),
                std::string(RoleName(p.role)).c_str(), sp.name.c_str(),
                jobs::MembershipBound(zone, p.member_from, "start").c_str(),
                jobs::MembershipBound(zone, p.member_to, "-").c_str());
  }
  std::printf("\ncoefficient versions (never changed once stored):\n");
  for (const CoefficientVersion& v : s.versions) {
    std::printf("  v%-3d %-12s valid from %-10s  %s\n", v.version,
                std::string(MethodName(v.period.method)).c_str(),
                jobs::MembershipBound(zone, v.valid_from, "start").c_str(), v.note.c_str());
  }
  for (const std::string& w : ChangeFrequencyWarnings(s, zone))
    std::printf("warning: %s\n", w.c_str());
  auto totals = jobs::SummariseResults(**store, args.id);
  if (!totals.ok()) return totals.status();
  if (totals->first_day) {
    std::printf(
        "\nresults %s to %s: shared generation %.1f kWh, self-consumed %.1f kWh, "
        "consumption %.1f kWh\n",
        FormatDate(*totals->first_day).c_str(), FormatDate(*totals->last_day).c_str(),
        static_cast<double>(totals->pool) / 1e6, static_cast<double>(totals->self_consumed) / 1e6,
        static_cast<double>(totals->consumption) / 1e6);
  } else {
    std::printf("\nno allocation results yet\n");
  }
  return Status::Ok();
}

// Adds the community of a TOML file, or updates a stored one: participants are updated, and each
// sharing period that differs from the version in force at its start becomes a new version.
Status RunAdd(const CommunityArgs& args) {
  auto community = LoadCommunityFile(args.file);
  if (!community.ok()) return community.status();
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  const UtcSeconds now = NowUtc();
  StoredCommunity incoming =
      FromCommunity(*community, args.name.empty() ? community->id : args.name, now, args.file);
  auto existing = (*store)->LoadCommunity(community->id);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    const StoredCommunity& old = **existing;
    if (args.name.empty()) incoming.name = old.name;
    // Keep contact data the file does not carry.
    for (StoredParticipant& p : incoming.participants) {
      for (const StoredParticipant& q : old.participants) {
        if (q.participant.id != p.participant.id) continue;
        p.name = q.name;
        p.email = q.email;
        p.phone = q.phone;
        p.latitude = q.latitude;
        p.longitude = q.longitude;
      }
    }
    // A period identical to the version in force from the same instant is not a change.
    std::vector<CoefficientVersion> added;
    const std::vector<VersionSpan> in_force = VersionsInForce(old);
    for (CoefficientVersion& v : incoming.versions) {
      const std::string rule = EncodeRule(v.period, v.participant_ids);
      bool same = false;
      for (const VersionSpan& span : in_force) {
        same = same || (span.from == v.valid_from &&
                        EncodeRule(span.version->period, span.version->participant_ids) == rule);
      }
      if (!same) added.push_back(std::move(v));
    }
    incoming.versions = old.versions;
    incoming.versions.insert(incoming.versions.end(), added.begin(), added.end());
  }
  auto saved = jobs::SaveCommunityAlone(**store, incoming);
  if (!saved.ok()) return saved.status();
  std::printf("%s %s in %s: %zu participants, %zu coefficient versions\n",
              existing->has_value() ? "updated" : "added", saved->id.c_str(),
              (*store)->Describe().c_str(), saved->participants.size(), saved->versions.size());
  auto zone = IanaZone::Load(saved->timezone);
  if (!zone.ok()) return zone.status();
  for (const std::string& w : ChangeFrequencyWarnings(*saved, **zone)) {
    std::printf("warning: %s\n", w.c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddCommunityCommand(CLI::App& app) {
  auto args = std::make_shared<CommunityArgs>();
  CLI::App* cmd = app.add_subcommand("community", "Communities kept in the database");
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", "List the communities in the database");
  AddDbOption(list, args->db);
  list->callback([args]() { ExitWith(RunList(*args)); });
  CLI::App* show = cmd->add_subcommand(
      "show", "Show a community: participants with their membership, coefficient history, totals");
  AddDbOption(show, args->db);
  show->add_option("id", args->id, "Community id (CAU or code)")->required();
  show->callback([args]() { ExitWith(RunShow(*args)); });
  CLI::App* add = cmd->add_subcommand(
      "add",
      "Add a community from its TOML file (docs/community-file.md), or update it: changed "
      "sharing periods become new coefficient versions; stored versions are never changed");
  AddDbOption(add, args->db);
  add->add_option("--file", args->file, "Community file (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  add->add_option("--name", args->name, "Display name (default: the id)");
  add->callback([args]() { ExitWith(RunAdd(*args)); });
}

}  // namespace reparto::cli
