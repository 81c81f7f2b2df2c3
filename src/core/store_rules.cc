// Database-independent rules of the store: see store_rules.h.
#include "core/store_rules.h"

#include <algorithm>
#include <string>

namespace reparto {

Status CheckParticipantsKept(const StoredCommunity& stored, const StoredCommunity& next) {
  for (const StoredParticipant& before : stored.participants) {
    const bool kept = std::any_of(
        next.participants.begin(), next.participants.end(),
        [&](const StoredParticipant& now) { return now.participant.id == before.participant.id; });
    if (!kept) {
      return Status::Error("participant " + before.participant.id + " of community " + next.id +
                           " cannot be removed (its history would be lost); give it a leave "
                           "date instead");
    }
  }
  return Status::Ok();
}

int NextVersionNumber(const StoredCommunity& stored) {
  int next = 1;
  for (const CoefficientVersion& v : stored.versions) next = std::max(next, v.version + 1);
  return next;
}

bool SameMasterData(const StoredCommunity& a, const StoredCommunity& b) {
  return a.name == b.name && a.timezone == b.timezone && a.rules == b.rules && a.italy == b.italy &&
         a.participants == b.participants && a.suspensions == b.suspensions;
}

Status UnknownCommunity(std::string_view code) {
  return Status::Error("no community " + std::string(code) + " in the database");
}

Status UnknownParticipant(std::string_view participant, std::string_view community) {
  return Status::Error("no participant " + std::string(participant) + " in community " +
                       std::string(community));
}

Status UnknownSuspendedParticipant(int index) {
  return Status::Error("suspension of an unknown participant (index " + std::to_string(index) +
                       ")");
}

Status CorruptCommunityData(const Status& parse_error) {
  return Status::Error("corrupt community data: " + parse_error.message());
}

}  // namespace reparto
