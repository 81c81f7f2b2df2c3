// A community as the store keeps it: master data with history. Participants carry their contact
// data and membership dates; coefficient tables are versions with a validity start that are only
// ever added, never changed; the engine's Community is derived from them.
//
// Units: instants UTC seconds; coefficients parts per billion (kCoefficientScale); kW; degrees.
//
//   StoredCommunity stored = FromCommunity(community, "Bairro Solar", now);
//   stored.versions.push_back(new_version);           // history is kept
//   Result<Community> c = ToCommunity(stored);        // effective sharing periods
//   for (auto& w : ChangeFrequencyWarnings(stored, zone)) std::puts(w.c_str());
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/community.h"
#include "core/status.h"

namespace reparto {

struct StoredParticipant {
  Participant participant;  // id, role, building, voltage, contracted power, membership
  std::string name;         // "Piso 3.º B", "Padaria Rosa"
  std::string email;
  std::string phone;
  double latitude = 0;  // degrees; both 0 = unknown
  double longitude = 0;
  friend bool operator==(const StoredParticipant&, const StoredParticipant&) = default;
};

// One version of the sharing rule. It holds from `valid_from` until the `valid_from` of the next
// version (by validity, then by version number: a later version with the same start replaces an
// earlier one for the future, and both stay in the history).
struct CoefficientVersion {
  int version = 0;  // 1, 2, ... in the order they were added; 0 = not yet stored
  UtcSeconds valid_from = 0;
  UtcSeconds created_at = 0;
  std::string note;  // who or why ("assembly of 2025-05-12", source file)
  // The rule. `from`/`to` are ignored (they follow from the versions); coefficient vectors are
  // indexed by the participants listed in `participant_ids` (the community's order when it was
  // made), so that adding members later does not shift them.
  SharingPeriod period;
  std::vector<std::string> participant_ids;
};

struct StoredCommunity {
  std::string id;  // CAU in Spain, or any unique code
  std::string name;
  std::string timezone = "Europe/Lisbon";
  RuleSet rules;
  ItalyParams italy;
  std::vector<StoredParticipant> participants;
  std::vector<CoefficientVersion> versions;
  std::vector<Suspension> suspensions;  // participant = index into `participants`, or -1
  // Bumped by the store whenever anything that changes allocation results changes; results
  // computed under an older revision are stale.
  std::int64_t revision = 0;
};

// Wraps an engine community (e.g. loaded from a TOML file) for the store: each sharing period
// becomes a version valid from its `from` (the first from the beginning of time).
StoredCommunity FromCommunity(const Community& community, std::string name, UtcSeconds now,
                              std::string note);

// The engine's view: participants in stored order, sharing periods from the versions in force
// (coefficients mapped by participant id; a member absent from a version gets 0), suspensions.
// Validated (core Validate).
Result<Community> ToCommunity(const StoredCommunity& stored);

// The versions actually in force, in time order, with their [from, to) (a version entirely
// replaced by a later one with the same start is left out).
struct VersionSpan {
  const CoefficientVersion* version;
  UtcSeconds from;
  UtcSeconds to;
};
std::vector<VersionSpan> VersionsInForce(const StoredCommunity& stored);

// Spain (RD 244/2019 as amended): the sharing coefficients may change at most once every four
// months. One warning per pair of consecutive versions in force closer than that, counted on the
// community's local calendar (`zone`): 1 January to 1 May is four months.
std::vector<std::string> ChangeFrequencyWarnings(const StoredCommunity& stored,
                                                 const TimeZone& zone);

}  // namespace reparto
