// What every job needs about one stored community: its stored form (with history), the engine's
// view of it, and its time zone.
#pragma once

#include <memory>
#include <string_view>

#include "core/community.h"
#include "core/store.h"
#include "tz/iana_zone.h"

namespace reparto::jobs {

struct CommunityContext {
  StoredCommunity stored;
  Community community;
  std::unique_ptr<IanaZone> zone;
};

// Fails with a clear message when the community is not in the store or is not valid.
Result<CommunityContext> LoadCommunityContext(Store& store, std::string_view id);

// Stores `community` (Transaction::SaveCommunity: bumps the revision when anything changed) in a
// transaction of its own and returns the stored state.
Result<StoredCommunity> SaveCommunityAlone(Store& store, const StoredCommunity& community);

// The widest period a community can have data in when a command gives no dates (the time-zone
// database is reliable until 2038).
inline constexpr CivilDate kFirstPossibleDay{1990, 1, 1};
inline constexpr CivilDate kLastPossibleDay{2038, 1, 1};

// The grid of local days [first, last_exclusive) at the community's step.
Result<DayGrid> CommunityGrid(const CommunityContext& context, CivilDate first,
                              CivilDate last_exclusive);

}  // namespace reparto::jobs
