// `reparto member join | leave | list`: participants joining and leaving a stored community on
// given dates (local midnight in the community's time zone; a leave date is exclusive), and the
// member list (CSV for spreadsheets). The work is in src/jobs/membership_job.h.
//
// Units: dates YYYY-MM-DD in the community's time zone; contracted power kW; coordinates degrees.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "jobs/community_context.h"
#include "jobs/membership_job.h"
#include "membership_commands.h"
#include "report/csv_buffer.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct MemberArgs {
  std::string db;
  std::string community;
  std::string participant;
  std::string date;
  std::string role, name, building, voltage, email, phone;
  double contracted_power_kw = 0, latitude = 0, longitude = 0;
  std::string format = "text";
  // Options given on the command line (the others keep the stored values).
  CLI::Option *role_opt = nullptr, *name_opt = nullptr, *building_opt = nullptr,
              *voltage_opt = nullptr, *power_opt = nullptr, *email_opt = nullptr,
              *phone_opt = nullptr, *lat_opt = nullptr;
};

template <typename T>
std::optional<T> IfGiven(const CLI::Option* option, const T& value) {
  return option != nullptr && option->count() > 0 ? std::optional<T>(value) : std::nullopt;
}

Result<CivilDate> DateOption(const std::string& text) {
  auto date = ParseDate(text);
  if (!date.ok()) return date.status().WithContext("--date");
  return date;
}

void PrintChange(const jobs::MembershipChange& change, const MemberArgs& args) {
  for (const std::string& w : change.warnings) std::printf("warning: %s\n", w.c_str());
  std::printf("Next: reparto allocate --community %s%s\n", args.community.c_str(),
              DbFlag(args.db).c_str());
}

Status RunJoin(const MemberArgs& args) {
  auto date = DateOption(args.date);
  if (!date.ok()) return date.status();
  jobs::JoinRequest request;
  request.participant = args.participant;
  request.date = *date;
  if (auto role = IfGiven(args.role_opt, args.role)) {
    auto parsed = ParseRole(*role);
    if (!parsed.ok()) return parsed.status().WithContext("--role");
    request.role = *parsed;
  }
  if (auto voltage = IfGiven(args.voltage_opt, args.voltage)) {
    auto parsed = ParseVoltage(*voltage);
    if (!parsed.ok()) return parsed.status().WithContext("--voltage");
    request.voltage = *parsed;
  }
  request.name = IfGiven(args.name_opt, args.name);
  request.building = IfGiven(args.building_opt, args.building);
  request.contracted_power_kw = IfGiven(args.power_opt, args.contracted_power_kw);
  request.email = IfGiven(args.email_opt, args.email);
  request.phone = IfGiven(args.phone_opt, args.phone);
  request.latitude = IfGiven(args.lat_opt, args.latitude);
  request.longitude = IfGiven(args.lat_opt, args.longitude);
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto change = jobs::JoinMember(**store, args.community, request);
  if (!change.ok()) return change.status().WithContext("nothing was changed");
  std::printf("%s %s: member of %s from %s (community revision %lld)\n",
              change->added ? "added" : "updated", args.participant.c_str(), args.community.c_str(),
              FormatDate(*date).c_str(), static_cast<long long>(change->revision));
  PrintChange(*change, args);
  return Status::Ok();
}

Status RunLeave(const MemberArgs& args) {
  auto date = DateOption(args.date);
  if (!date.ok()) return date.status();
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto change = jobs::LeaveMember(**store, args.community, args.participant, *date);
  if (!change.ok()) return change.status().WithContext("nothing was changed");
  std::printf("%s leaves %s on %s: last day of membership %s (community revision %lld)\n",
              args.participant.c_str(), args.community.c_str(), FormatDate(*date).c_str(),
              FormatDate(AddDays(*date, -1)).c_str(), static_cast<long long>(change->revision));
  PrintChange(*change, args);
  return Status::Ok();
}

std::string Degrees(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", value);
  return text;
}

Status RunList(const MemberArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto context = jobs::LoadCommunityContext(**store, args.community);
  if (!context.ok()) return context.status();
  const TimeZone& zone = *context->zone;
  CsvBuffer out(stdout, "standard output");
  const bool csv = args.format == "csv";
  if (csv) out.Append("id,name,role,building,from,to,email,phone,lat,lon\n");
  for (const StoredParticipant& sp : context->stored.participants) {
    const Participant& p = sp.participant;
    const bool located = sp.latitude != 0 || sp.longitude != 0;
    const std::string fields[] = {p.id,
                                  sp.name,
                                  std::string(RoleName(p.role)),
                                  p.building,
                                  jobs::MembershipBound(zone, p.member_from, ""),
                                  jobs::MembershipBound(zone, p.member_to, ""),
                                  sp.email,
                                  sp.phone,
                                  located ? Degrees(sp.latitude) : "",
                                  located ? Degrees(sp.longitude) : ""};
    if (csv) {
      for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (i > 0) out.Append(',');
        out.AppendField(fields[i]);
      }
      out.Append('\n');
      continue;
    }
    char line[512];
    std::snprintf(line, sizeof line, "%-24s %-9s %-24s %-8s from %-10s to %-10s %s %s",
                  p.id.c_str(), fields[2].c_str(), sp.name.c_str(), p.building.c_str(),
                  fields[4].empty() ? "the start" : fields[4].c_str(),
                  fields[5].empty() ? "-" : fields[5].c_str(), sp.email.c_str(), sp.phone.c_str());
    std::string_view text(line);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    out.Append(text);
    out.Append('\n');
  }
  return out.Flush();
}

void AddCommunityOptions(CLI::App* cmd, MemberArgs& args, bool participant) {
  AddDbOption(cmd, args.db);
  cmd->add_option("--community", args.community, "Community id (CAU or code)")->required();
  if (participant) {
    cmd->add_option("--participant", args.participant,
                    "Participant id: its CUPS (Spain), CPE (Portugal), PRM (France) or a code")
        ->required();
  }
}

}  // namespace

void AddMemberCommand(CLI::App& app) {
  auto args = std::make_shared<MemberArgs>();
  CLI::App* cmd = app.add_subcommand(
      "member", "Participants joining and leaving a community in the database, and the list");
  cmd->require_subcommand(1);

  CLI::App* join = cmd->add_subcommand(
      "join",
      "Add a participant, a member from local midnight of --date; or move the join date of a "
      "stored one (and update the details given). Results are recomputed by `reparto allocate`");
  AddCommunityOptions(join, *args, true);
  join->add_option("--date", args->date,
                   "First day of membership, YYYY-MM-DD (from local midnight, community time zone)")
      ->required();
  args->role_opt = join->add_option("--role", args->role,
                                    "consumer (default for a new participant), producer or "
                                    "prosumer");
  args->name_opt = join->add_option("--name", args->name, "Display name (\"Piso 3.º B\")");
  args->building_opt = join->add_option("--building", args->building,
                                        "Building: same as a producer's = internal network");
  args->voltage_opt = join->add_option("--voltage", args->voltage,
                                       "Producers: connection voltage LV (default), MV, HV, EHV");
  args->power_opt = join->add_option("--contracted-power", args->contracted_power_kw,
                                     "Contracted power, kW (Spain's default split uses it)");
  args->email_opt = join->add_option("--email", args->email, "Contact e-mail");
  args->phone_opt = join->add_option("--phone", args->phone, "Contact phone");
  args->lat_opt = join->add_option("--lat", args->latitude, "Latitude, degrees (with --lon)");
  CLI::Option* lon = join->add_option("--lon", args->longitude, "Longitude, degrees (with --lat)");
  args->lat_opt->needs(lon);
  lon->needs(args->lat_opt);
  join->callback([args]() { ExitWith(RunJoin(*args)); });

  CLI::App* leave = cmd->add_subcommand(
      "leave",
      "End a membership at local midnight of --date (exclusive: the day before is the last); "
      "results from then on are recomputed by `reparto allocate`");
  AddCommunityOptions(leave, *args, true);
  leave
      ->add_option("--date", args->date,
                   "Leave date, YYYY-MM-DD: no longer a member from local midnight of this day")
      ->required();
  leave->callback([args]() { ExitWith(RunLeave(*args)); });

  CLI::App* list = cmd->add_subcommand(
      "list", "List the participants: id, name, role, building, membership, contact, position");
  AddCommunityOptions(list, *args, false);
  list->add_option("--format", args->format,
                   "text (default) or csv (id,name,role,building,from,to,email,phone,lat,lon; "
                   "empty from/to = always)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "csv"}));
  list->callback([args]() { ExitWith(RunList(*args)); });
}

}  // namespace reparto::cli
