// GET /api/communities (the visible ones, with last month's generation and, for managers, the
// members' savings) and GET /api/communities/{community} (participants; contacts and coordinates
// for managers only; members see only their supply points).
//
// Units: kWh strings with 3 decimals, euros "12.34", local dates.
#include <algorithm>

#include "api/handler.h"
#include "core/series_codec.h"
#include "jobs/billing_job.h"
#include "jobs/membership_job.h"

namespace reparto::api {
namespace {

// The last local month with results, or nothing.
Result<std::optional<CivilDate>> LastMonthWithResults(Store& store, std::string_view community) {
  auto states = store.LoadDayStates(community, jobs::kFirstPossibleDay, jobs::kLastPossibleDay);
  if (!states.ok()) return states.status();
  for (auto it = states->rbegin(); it != states->rend(); ++it) {
    if (it->results_revision >= 0)
      return std::optional<CivilDate>(CivilDate{it->day.year, it->day.month, 1});
  }
  return std::optional<CivilDate>();
}

Result<Json> CommunitySummary(Call& call, const std::string& id) {
  Store& store = call.store();
  auto context = jobs::LoadCommunityContext(store, id);
  if (!context.ok()) return context.status();
  const StoredCommunity& stored = context->stored;
  Json out = Json::object();
  out["id"] = stored.id;
  out["name"] = stored.name;
  out["country"] = std::string(CountryCode(stored.rules.country));
  out["timezone"] = stored.timezone;
  out["step_seconds"] = stored.rules.step_seconds;
  out["participant_count"] = stored.participants.size();
  out["manager"] = CanManageCommunity(call.who, id);
  auto month = LastMonthWithResults(store, id);
  if (!month.ok()) return month.status();
  out["last_month"] = nullptr;
  out["last_month_generation_kwh"] = nullptr;
  out["last_month_savings"] = nullptr;
  if (month->has_value()) {
    const CivilDate first = **month;
    out["last_month"] = FormatMonth(first);
    auto days = store.LoadCommunityResults(id, first, FirstDayOfNextMonth(first));
    if (!days.ok()) return days.status();
    MilliWh pool = 0;
    for (const StoredDay& d : *days) {
      auto decoded = DecodeDayPool(d.packed);
      if (!decoded.ok()) return decoded.status();
      for (MilliWh v : decoded->pool) pool += v;
    }
    out["last_month_generation_kwh"] = KwhText(pool);
    if (CanManageCommunity(call.who, id)) {
      // Only that month is priced (no cumulative figures are shown here).
      auto bills = jobs::ComputeMonthBills(store, id, first,
                                           {.allow_incomplete = true, .cumulative_from = first});
      if (bills.ok()) {
        Cents savings = 0;
        for (const jobs::MemberBill& m : bills->members) savings += m.month.savings;
        out["last_month_savings"] = EurosText(savings);
      }
    }
  }
  return out;
}

http::Response ListCommunities(Call& call) {
  auto ids = call.store().ListCommunities();
  if (!ids.ok()) return Internal(ids.status());
  Json list = Json::array();
  for (const std::string& id : *ids) {
    if (!CanReadCommunity(call.who, id)) continue;
    auto summary = CommunitySummary(call, id);
    if (!summary.ok()) return Internal(summary.status());
    list.push_back(std::move(*summary));
  }
  return JsonOk(Json{{"communities", std::move(list)}});
}

}  // namespace

// One participant as JSON; contacts and coordinates only when `manager`.
Json ParticipantJson(const StoredParticipant& sp, const TimeZone& zone, bool manager) {
  const Participant& p = sp.participant;
  Json out = Json::object();
  out["id"] = p.id;
  out["name"] = sp.name;
  out["role"] = std::string(RoleName(p.role));
  out["joined"] = p.member_from == kBeginningOfTime
                      ? Json(nullptr)
                      : Json(jobs::MembershipBound(zone, p.member_from, ""));
  out["left"] = p.member_to == kEndOfTime ? Json(nullptr)
                                          : Json(jobs::MembershipBound(zone, p.member_to, ""));
  out["contracted_power_kw"] = p.contracted_power_kw;
  if (manager) {
    out["building"] = p.building;
    out["email"] = sp.email;
    out["phone"] = sp.phone;
    if (sp.latitude != 0 || sp.longitude != 0) {
      out["latitude"] = sp.latitude;
      out["longitude"] = sp.longitude;
    } else {
      out["latitude"] = nullptr;
      out["longitude"] = nullptr;
    }
  }
  return out;
}

namespace {

http::Response ShowCommunity(Call& call) {
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  const StoredCommunity& stored = (*context)->stored;
  auto summary = CommunitySummary(call, stored.id);
  if (!summary.ok()) return Internal(summary.status());
  const bool manager = CanManageCommunity(call.who, stored.id);
  std::vector<std::string> ids;
  for (const StoredParticipant& sp : stored.participants) ids.push_back(sp.participant.id);
  const std::vector<std::string> visible = VisibleParticipants(call.who, stored.id, ids);
  Json participants = Json::array();
  for (const StoredParticipant& sp : stored.participants) {
    if (std::find(visible.begin(), visible.end(), sp.participant.id) == visible.end()) continue;
    participants.push_back(ParticipantJson(sp, *(*context)->zone, manager));
  }
  (*summary)["participants"] = std::move(participants);
  return JsonOk(*summary);
}

}  // namespace

void AddCommunityRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities", Access::kSignedIn, ListCommunities);
  AddApiRoute(router, api, "GET", "/api/communities/{community}", Access::kReadCommunity,
              ShowCommunity);
}

}  // namespace reparto::api
