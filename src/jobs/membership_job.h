// `reparto member join | leave | list`: who belongs to a stored community and when. Membership is
// one period [from, to) per participant: a join date starts it at local midnight (the community's
// time zone), a leave date ends it at local midnight, exclusive (leaving on 1 June means the last
// day of membership is 31 May). Every change goes through the Store interface (SQLite and
// PostgreSQL alike) in one transaction and bumps the community's revision, so the next
// `reparto allocate` recomputes the results.
//
// Units: dates are the community's local civil dates; instants UTC seconds; contracted power kW;
// coordinates degrees.
//
//   jobs::JoinRequest join{.participant = "ES0021000000000001RK", .date = {2025, 5, 1}};
//   auto change = jobs::JoinMember(*store, "ES0021...A001", join);
//   for (const std::string& w : change->warnings) std::printf("warning: %s\n", w.c_str());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store.h"

namespace reparto::jobs {

// A participant joining, or the new join date (and any details given) of a stored one. Fields
// left empty keep the stored value (or the default for a new participant).
struct JoinRequest {
  std::string participant;  // id: a valid CUPS in a Spanish community
  CivilDate date;           // member from local midnight of this date
  std::optional<Role> role;
  std::optional<std::string> name;
  std::optional<std::string> building;
  std::optional<Origin> voltage;
  std::optional<double> contracted_power_kw;  // kW, >= 0
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<double> latitude;  // degrees; given together with longitude
  std::optional<double> longitude;
};

struct MembershipChange {
  bool added = false;             // a new participant (join only)
  StoredParticipant participant;  // as stored now
  std::int64_t revision = 0;      // the community's revision after the change
  std::vector<std::string> warnings;
};

// Adds the participant as a member from `date`, or re-dates the join of a stored one. Refused
// (nothing stored) when the id is not valid for the community's country, the details are out of
// range, the new date is on or after the leave date, or the participant has readings stored
// before the new date.
Result<MembershipChange> JoinMember(Store& store, std::string_view community,
                                    const JoinRequest& request);

// Ends the membership at local midnight of `date` (exclusive). Refused when `date` is on or
// before the join date or the participant is unknown. Warns that results from `date` on change,
// about readings stored from `date` on (no longer shared), and about coefficients the
// participant still holds in the versions in force after it leaves.
Result<MembershipChange> LeaveMember(Store& store, std::string_view community,
                                     std::string_view participant, CivilDate date);

// A membership bound as the community's local date ("2025-05-01"), an instant when it is not a
// local midnight, or `open` for the beginning or end of time.
std::string MembershipBound(const TimeZone& zone, UtcSeconds t, std::string_view open);

}  // namespace reparto::jobs
