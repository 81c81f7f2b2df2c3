// Members of a community (managers): GET .../members (JSON, ?format=csv|xlsx) with contacts,
// coordinates and join/leave dates; POST .../members/{participant}/join|leave {"date", ...}
// through jobs/membership_job (same rules and messages as `reparto member`).
//
// Units: local dates; contracted power kW; coordinates degrees.
#include "api/handler.h"
#include "api/table.h"
#include "jobs/membership_job.h"

namespace reparto::api {

Json ParticipantJson(const StoredParticipant& sp, const TimeZone& zone, bool manager);

namespace {

std::string Bound(const TimeZone& zone, UtcSeconds t, bool start) {
  if (t == (start ? kBeginningOfTime : kEndOfTime)) return "";
  return jobs::MembershipBound(zone, t, "");
}

http::Response ListMembers(Call& call) {
  http::Response error;
  auto format = FormatQuery(call.request, error);
  if (!format) return error;
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  const TimeZone& zone = *(*context)->zone;
  Table table{"members_" + call.community(),
              {"participant", "name", "role", "joined", "left", "contracted_power_kw", "building",
               "email", "phone", "latitude", "longitude"},
              {}};
  for (const StoredParticipant& sp : (*context)->stored.participants) {
    const Participant& p = sp.participant;
    auto text_or_null = [](std::string s) {
      return s.empty() ? TableCell::Null() : TableCell::Text(std::move(s));
    };
    const bool located = sp.latitude != 0 || sp.longitude != 0;
    table.rows.push_back(
        {TableCell::Text(p.id), TableCell::Text(sp.name),
         TableCell::Text(std::string(RoleName(p.role))),
         text_or_null(Bound(zone, p.member_from, true)),
         text_or_null(Bound(zone, p.member_to, false)),
         TableCell::Number(std::to_string(p.contracted_power_kw)), TableCell::Text(p.building),
         TableCell::Text(sp.email), TableCell::Text(sp.phone),
         located ? TableCell::Number(std::to_string(sp.latitude)) : TableCell::Null(),
         located ? TableCell::Number(std::to_string(sp.longitude)) : TableCell::Null()});
  }
  return TableResponse(table, *format, "members");
}

std::optional<double> NumberField(const Json& body, std::string_view name, http::Response& error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    error = BadRequest("field '" + std::string(name) + "' must be a number");
    return std::nullopt;
  }
  return it->get<double>();
}

http::Response ChangeAnswer(Call& call, const jobs::MembershipChange& change) {
  InvalidateCaches();
  auto context = jobs::LoadCommunityContext(call.store(), call.community());
  if (!context.ok()) return Internal(context.status());
  Json out = Json::object();
  out["added"] = change.added;
  out["participant"] = ParticipantJson(change.participant, *context->zone, true);
  out["revision"] = change.revision;
  out["warnings"] = change.warnings;
  return JsonOk(out);
}

// The join of an unknown participant creates it, so the path's participant need not exist.
http::Response Join(Call& call) {
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  jobs::JoinRequest join;
  join.participant = call.participant();
  auto date = DateField(*body, "date", true, error);
  if (!date) return error;
  join.date = *date;
  for (const char* name : {"name", "building", "email", "phone", "role", "voltage"}) {
    auto value = StringField(*body, name, false, error);
    if (error.status >= 400) return error;
    if (!value) continue;
    const std::string field = name;
    if (field == "name") join.name = *value;
    if (field == "building") join.building = *value;
    if (field == "email") join.email = *value;
    if (field == "phone") join.phone = *value;
    if (field == "role") {
      auto role = ParseRole(*value);
      if (!role.ok()) return Unprocessable("role: " + role.status().message());
      join.role = *role;
    }
    if (field == "voltage") {
      auto voltage = ParseVoltage(*value);
      if (!voltage.ok()) return Unprocessable("voltage: " + voltage.status().message());
      join.voltage = *voltage;
    }
  }
  join.contracted_power_kw = NumberField(*body, "contracted_power_kw", error);
  join.latitude = NumberField(*body, "latitude", error);
  join.longitude = NumberField(*body, "longitude", error);
  if (error.status >= 400) return error;
  auto change = jobs::JoinMember(call.store(), call.community(), join);
  if (!change.ok()) return Unprocessable(change.status().message());
  return ChangeAnswer(call, *change);
}

http::Response Leave(Call& call) {
  if (auto missing = CheckExists(call)) return std::move(*missing);
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto date = DateField(*body, "date", true, error);
  if (!date) return error;
  auto change = jobs::LeaveMember(call.store(), call.community(), call.participant(), *date);
  if (!change.ok()) return Unprocessable(change.status().message());
  return ChangeAnswer(call, *change);
}

// Join checks the community itself: the participant may be new.
http::Response JoinChecked(Call& call) {
  auto stored = call.store().LoadCommunity(call.community());
  if (!stored.ok()) return Internal(stored.status());
  if (!stored->has_value()) return NotFound("no community " + call.community());
  return Join(call);
}

}  // namespace

void AddMemberRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/members", Access::kManage,
              ListMembers);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/members/{participant}/join",
              Access::kManage, JoinChecked, /*check_exists=*/false);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/members/{participant}/leave",
              Access::kManage, Leave, /*check_exists=*/false);
}

}  // namespace reparto::api
