// Loading a stored community for a job: see community_context.h.
#include "jobs/community_context.h"

#include <string>

namespace reparto::jobs {

Result<CommunityContext> LoadCommunityContext(Store& store, std::string_view id) {
  auto stored = store.LoadCommunity(id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    return Status::Error("no community '" + std::string(id) + "' in " + store.Describe() +
                         " (see `reparto community list`)");
  }
  auto community = ToCommunity(**stored);
  if (!community.ok()) return community.status();
  auto zone = IanaZone::Load(community->timezone);
  if (!zone.ok()) return zone.status();
  return CommunityContext{std::move(**stored), std::move(*community), std::move(*zone)};
}

Result<StoredCommunity> SaveCommunityAlone(Store& store, const StoredCommunity& community) {
  auto tx = store.Begin();
  if (!tx.ok()) return tx.status();
  auto saved = (*tx)->SaveCommunity(community);
  if (!saved.ok()) return saved.status();
  REPARTO_RETURN_IF_ERROR((*tx)->Commit());
  return saved;
}

Result<DayGrid> CommunityGrid(const CommunityContext& context, CivilDate first,
                              CivilDate last_exclusive) {
  return MakeDayGrid(*context.zone, first, last_exclusive, context.community.rules.step_seconds);
}

}  // namespace reparto::jobs
