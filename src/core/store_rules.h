// The rules of the store that do not depend on the database: what SaveCommunity may change, how a
// new coefficient version is numbered, when the community's revision is bumped, and the messages
// both adapters (src/store/sqlite, src/store/postgres) give for the same failures. Keeping them
// here means the adapters only translate between rows and these values.
//
// Units: none beyond core/stored_community.h (instants UTC seconds).
//
//   REPARTO_RETURN_IF_ERROR(CheckParticipantsKept(stored, next));
//   int number = NextVersionNumber(stored);           // 1 for the first version
//   bool bump = added > 0 || !SameMasterData(stored, next);
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/stored_community.h"

namespace reparto {

// Fails when `next` lacks a participant of `stored`: members leave by a date, they are never
// deleted (their history would be lost). The message names the participant.
Status CheckParticipantsKept(const StoredCommunity& stored, const StoredCommunity& next);

// The number of the first version added after `stored`'s versions (1 when there is none).
int NextVersionNumber(const StoredCommunity& stored);

// Whether everything but the versions and the revision is the same (saving the same data again
// is not a change).
bool SameMasterData(const StoredCommunity& a, const StoredCommunity& b);

// Messages for people.
Status UnknownCommunity(std::string_view code);
Status UnknownParticipant(std::string_view participant, std::string_view community);
Status UnknownSuspendedParticipant(int index);
// The value a column held could not be read back ("corrupt community data: ...").
Status CorruptCommunityData(const Status& parse_error);

// Stores `parsed` in `out`, or returns it as corrupt community data.
template <typename T>
Status ParsedInto(const Result<T>& parsed, T& out) {
  if (!parsed.ok()) return CorruptCommunityData(parsed.status());
  out = *parsed;
  return Status::Ok();
}

}  // namespace reparto
