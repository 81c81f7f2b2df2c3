// `reparto coefficients add-version | history`: coefficient tables of a stored community as
// versions with a validity start. A version is only ever added, never changed; one added later
// with the same start replaces the earlier one for the future (both stay in the history). Adding
// goes through the Store interface (SQLite and PostgreSQL alike) in one transaction and bumps the
// community's revision, so the next `reparto allocate` recomputes the results.
//
// Tables (CSV, comma separated, header in any case, `#` comment lines and blank lines skipped):
//   participant,coefficient         a fixed version: one decimal fraction per participant, the
//                                   set adding up to 1 within 1e-9 (exact ppb by the core
//                                   ToExactCoefficients); a participant not listed gets 0.
//   participant,start,coefficient   an hourly (variable) version: the community file's table
//                                   format (docs/community-file.md), read by its own loader;
//                                   rows before the version's start are ignored.
// Every problem is reported as "FILE:LINE: what is wrong", all of them, and nothing is stored.
//
// Units: coefficients in files are fractions of 1 and become parts per billion
// (kCoefficientScale); dates are the community's local civil dates; instants UTC seconds.
//
//   jobs::VersionRequest request{.table = "2025-05.csv", .from = {2025, 5, 1}, .now = now};
//   auto added = jobs::AddCoefficientVersion(*store, "ES0021...A001", request);
//   for (const std::string& w : added->warnings) std::printf("warning: %s\n", w.c_str());
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store.h"
#include "jobs/community_context.h"

namespace reparto::jobs {

struct VersionRequest {
  std::string table;   // path of the CSV table
  CivilDate from;      // valid from local midnight of this date
  std::string note;    // who or why; default: the table's file name
  UtcSeconds now = 0;  // creation time recorded with the version
};

struct AddedVersion {
  CoefficientVersion version;  // as stored (numbered)
  std::int64_t revision = 0;   // the community's revision after adding it
  // Spain's 4-month rule (ChangeFrequencyWarnings), a start in the past, members without a
  // coefficient.
  std::vector<std::string> warnings;
};

// Reads the table into a version (not numbered, not stored) for `context`'s participants, valid
// from local midnight of `from`.
Result<CoefficientVersion> ReadVersionTable(const CommunityContext& context,
                                            const std::string& path, CivilDate from);

// Reads the table, checks the community with the new version (core Validate) and stores it.
Result<AddedVersion> AddCoefficientVersion(Store& store, std::string_view community,
                                           const VersionRequest& request);

// One line of the history of a community's coefficient versions, in the order they were added.
struct VersionHistoryEntry {
  const CoefficientVersion* version = nullptr;
  bool in_force = false;  // holds for [in_force_from, in_force_to)
  UtcSeconds in_force_from = 0;
  UtcSeconds in_force_to = 0;
  std::optional<int> replaced_by;  // not in force: the later version with the same start
};
std::vector<VersionHistoryEntry> VersionHistory(const StoredCommunity& stored);

}  // namespace reparto::jobs
