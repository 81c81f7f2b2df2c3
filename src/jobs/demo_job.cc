// The demonstration community into a store: see demo_job.h.
#include "jobs/demo_job.h"

#include "jobs/community_context.h"
#include "jobs/demo_accounts.h"
#include "jobs/demo_billing.h"
#include "synth/demo_community.h"
#include "tz/iana_zone.h"

namespace reparto::jobs {

Result<DemoSummary> CreateDemo(Store& store, const DemoOptions& options) {
  auto zone = IanaZone::Load("Europe/Madrid");
  if (!zone.ok()) return zone.status();
  Report(options.progress, "generating", 0, 1);
  auto demo = synth::BuildDemoCommunity(**zone, options.year, options.seed);
  if (!demo.ok()) return demo.status();

  StoredCommunity stored = FromCommunity(demo->community, demo->name, options.now,
                                         "demo: coefficients proportional to expected use");
  for (std::size_t p = 0; p < stored.participants.size(); ++p) {
    const synth::DemoMember& member = demo->members[p];
    StoredParticipant& sp = stored.participants[p];
    sp.name = member.name;
    sp.latitude = member.latitude_deg;
    sp.longitude = member.longitude_deg;
  }
  // A second run finds the community stored: its versions are already there.
  auto existing = store.LoadCommunity(stored.id);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) stored.versions = (*existing)->versions;
  if (auto saved = SaveCommunityAlone(store, stored); !saved.ok()) return saved.status();

  DemoSummary summary;
  summary.community_id = stored.id;
  summary.name = demo->name;
  summary.town = demo->town;
  summary.participants = static_cast<int>(stored.participants.size());
  PreparedBatch batch{synth::DemoReadingBatch(*demo), "generated",
                      "demo-" + std::to_string(options.year) + "-" + std::to_string(options.seed)};
  ImportOptions import;
  import.now = options.now;
  import.progress = options.progress;
  std::vector<PreparedBatch> batches;
  batches.push_back(std::move(batch));
  auto imported = ImportBatches(store, stored.id, std::move(batches), import);
  if (!imported.ok()) return imported.status();
  summary.import = std::move(*imported);

  AllocateOptions allocate;
  allocate.progress = options.progress;
  auto allocated = AllocateStored(store, stored.id, allocate);
  if (!allocated.ok()) return allocated.status();
  summary.allocate = *allocated;
  REPARTO_RETURN_IF_ERROR(
      SaveDemoBilling(store, stored.id, options.year, FormatIsoInstant(options.now, 0, true)));
  REPARTO_RETURN_IF_ERROR(CreateDemoAccounts(store, stored.id, options.now).status());
  return summary;
}

}  // namespace reparto::jobs
