// Members joining and leaving a stored community: see membership_job.h.
#include "jobs/membership_job.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/supply_point.h"
#include "jobs/community_context.h"

namespace reparto::jobs {
namespace {

// The earliest and latest day a store can hold; used to ask for "every day before / after".
constexpr CivilDate kFirstDay{1970, 1, 2};
constexpr CivilDate kLastDay{2037, 12, 31};

Status CheckId(const StoredCommunity& stored, const std::string& id) {
  if (id.empty()) return Status::Error("the participant id is empty");
  if (stored.rules.country == Country::kSpain) {
    Status s = ValidateCups(id);
    if (!s.ok()) {
      return Status::Error(s.message() + " (a participant of a Spanish community is its CUPS)");
    }
    return s;
  }
  return ValidateIfSupplyPoint(id);
}

Status CheckDetails(const JoinRequest& r) {
  if (r.contracted_power_kw &&
      (!std::isfinite(*r.contracted_power_kw) || *r.contracted_power_kw < 0)) {
    return Status::Error("contracted power must be a number of kW >= 0");
  }
  if (r.latitude.has_value() != r.longitude.has_value()) {
    return Status::Error("give the latitude and the longitude together");
  }
  if (r.latitude && (!(std::abs(*r.latitude) <= 90) || !(std::abs(*r.longitude) <= 180))) {
    return Status::Error("coordinates out of range (latitude -90 to 90, longitude -180 to 180)");
  }
  return Status::Ok();
}

void ApplyDetails(const JoinRequest& r, StoredParticipant& sp) {
  Participant& p = sp.participant;
  if (r.role) p.role = *r.role;
  if (r.building) p.building = *r.building;
  if (r.voltage) p.voltage = *r.voltage;
  if (r.contracted_power_kw) p.contracted_power_kw = *r.contracted_power_kw;
  if (r.name) sp.name = *r.name;
  if (r.email) sp.email = *r.email;
  if (r.phone) sp.phone = *r.phone;
  if (r.latitude) {
    sp.latitude = *r.latitude;
    sp.longitude = *r.longitude;
  }
}

StoredParticipant* Find(StoredCommunity& stored, std::string_view id) {
  for (StoredParticipant& sp : stored.participants) {
    if (sp.participant.id == id) return &sp;
  }
  return nullptr;
}

Status UnknownParticipant(const StoredCommunity& stored, std::string_view id) {
  return Status::Error("no participant '" + std::string(id) + "' in community '" + stored.id +
                       "' (see `reparto member list --community " + stored.id + "`)");
}

// Stores the changed community (already checked by ToCommunity) in one transaction.
Result<MembershipChange> Save(Store& store, const StoredCommunity& changed, std::string_view id,
                              MembershipChange change) {
  auto saved = SaveCommunityAlone(store, changed);
  if (!saved.ok()) return saved.status();
  for (const StoredParticipant& sp : saved->participants) {
    if (sp.participant.id == id) change.participant = sp;
  }
  change.revision = saved->revision;
  return change;
}

// A coefficient as a decimal fraction: 500000000 -> "0.5".
std::string Decimal(Coefficient c) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", static_cast<double>(c) / kCoefficientScale);
  return text;
}

// Coefficients the participant holds in the fixed or priority versions in force from `from` on.
void WarnAboutCoefficients(const StoredCommunity& stored, const Community& community,
                           const TimeZone& zone, std::string_view id, UtcSeconds from, bool joining,
                           std::vector<std::string>& warnings) {
  const int index = community.IndexOf(id);
  const std::vector<VersionSpan> spans = VersionsInForce(stored);
  for (std::size_t k = 0; k < spans.size() && k < community.periods.size(); ++k) {
    const SharingPeriod& period = community.periods[k];
    if (period.to <= from || period.method != Method::kFixed || index < 0) continue;
    const Coefficient c = period.fixed[static_cast<std::size_t>(index)];
    const std::string version = "coefficient version " + std::to_string(spans[k].version->version);
    if (!joining && c > 0) {
      warnings.push_back(std::string(id) + " still has a coefficient of " + Decimal(c) + " in " +
                         version + " (in force from " +
                         MembershipBound(zone, std::max(period.from, from), "the start") +
                         "); that share is not used while it is not a member: add a version "
                         "with `reparto coefficients add-version`");
    } else if (joining && c == 0 && community.participants[index].role != Role::kProducer) {
      warnings.push_back(std::string(id) + " has no coefficient in " + version +
                         " (fixed, in force from " +
                         MembershipBound(zone, std::max(period.from, from), "the start") +
                         "): it receives nothing until a version gives it one (`reparto "
                         "coefficients add-version`)");
    }
  }
}

// The days with readings of `id` in [from, to_exclusive), as "N days (first to last)", or "".
Result<std::string> ReadingDays(Store& store, std::string_view community, std::string_view id,
                                CivilDate from, CivilDate to_exclusive) {
  if (!(from < to_exclusive)) return std::string();
  auto days = store.LoadReadings(community, id, from, to_exclusive);
  if (!days.ok()) return days.status();
  if (days->empty()) return std::string();
  return std::to_string(days->size()) + " day" + (days->size() == 1 ? "" : "s") + " (" +
         FormatDate(days->front().day) + " to " + FormatDate(days->back().day) + ")";
}

}  // namespace

std::string MembershipBound(const TimeZone& zone, UtcSeconds t, std::string_view open) {
  if (t == kBeginningOfTime || t == kEndOfTime) return std::string(open);
  auto date = LocalDateAt(zone, t);
  auto offset = zone.OffsetAt(t);
  if (!date.ok() || !offset.ok()) return "?";
  // Whole local days print as dates; anything else as an instant.
  auto start = zone.StartOfDay(*date);
  return start.ok() && *start == t ? FormatDate(*date) : FormatIsoInstant(t, *offset);
}

Result<MembershipChange> JoinMember(Store& store, std::string_view community,
                                    const JoinRequest& request) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  StoredCommunity changed = context->stored;
  const TimeZone& zone = *context->zone;
  REPARTO_RETURN_IF_ERROR(CheckDetails(request));
  auto from = zone.StartOfDay(request.date);
  if (!from.ok()) return from.status();
  MembershipChange change;
  StoredParticipant* sp = Find(changed, request.participant);
  if (sp == nullptr) {
    REPARTO_RETURN_IF_ERROR(CheckId(changed, request.participant));
    change.added = true;
    changed.participants.emplace_back();
    sp = &changed.participants.back();
    sp->participant.id = request.participant;
  } else {
    const Participant& p = sp->participant;
    if (p.member_to != kEndOfTime && *from >= p.member_to) {
      return Status::Error(request.participant + " left on " +
                           MembershipBound(zone, p.member_to, "") + "; the join date " +
                           FormatDate(request.date) +
                           " must be before it (membership is one period per participant)");
    }
    if (*from > p.member_from) {
      auto before = ReadingDays(store, community, request.participant, kFirstDay, request.date);
      if (!before.ok()) return before.status();
      if (!before->empty()) {
        return Status::Error(request.participant + " has readings stored before " +
                             FormatDate(request.date) + ": " + *before +
                             "; a member's readings must fall inside its membership");
      }
    }
    if (*from != p.member_from) {
      change.warnings.push_back("the join of " + request.participant + " moves from " +
                                MembershipBound(zone, p.member_from, "the start") + " to " +
                                FormatDate(request.date) +
                                ": results change; `reparto allocate` recomputes them");
    }
  }
  sp->participant.member_from = *from;
  ApplyDetails(request, *sp);
  auto engine = ToCommunity(changed);
  if (!engine.ok()) return engine.status();
  WarnAboutCoefficients(changed, *engine, zone, request.participant, *from, true, change.warnings);
  return Save(store, changed, request.participant, std::move(change));
}

Result<MembershipChange> LeaveMember(Store& store, std::string_view community,
                                     std::string_view participant, CivilDate date) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  StoredCommunity changed = context->stored;
  const TimeZone& zone = *context->zone;
  StoredParticipant* sp = Find(changed, participant);
  if (sp == nullptr) return UnknownParticipant(changed, participant);
  auto to = zone.StartOfDay(date);
  if (!to.ok()) return to.status();
  Participant& p = sp->participant;
  if (*to <= p.member_from) {
    return Status::Error(std::string(participant) + " joined on " +
                         MembershipBound(zone, p.member_from, "") + "; the leave date " +
                         FormatDate(date) + " must be after it");
  }
  MembershipChange change;
  const UtcSeconds first_stale = std::min(*to, p.member_to);
  if (*to != p.member_to) {
    auto stale_date = LocalDateAt(zone, first_stale);
    change.warnings.push_back(
        "results from " + (stale_date.ok() ? FormatDate(*stale_date) : std::string("?")) +
        " on are now stale: `reparto allocate --community " + changed.id + "` recomputes them");
  }
  auto after = ReadingDays(store, community, participant, date, kLastDay);
  if (!after.ok()) return after.status();
  if (!after->empty()) {
    change.warnings.push_back(std::string(participant) + " has readings stored from " +
                              FormatDate(date) + " on: " + *after +
                              "; they no longer take part in the sharing");
  }
  p.member_to = *to;
  auto engine = ToCommunity(changed);
  if (!engine.ok()) return engine.status();
  WarnAboutCoefficients(changed, *engine, zone, participant, *to, false, change.warnings);
  return Save(store, changed, participant, std::move(change));
}

}  // namespace reparto::jobs
