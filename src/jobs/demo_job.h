// `reparto demo`: the demonstration community (src/synth: 39 consumers and two PV plants in a
// Spanish town, a year of generated quarter-hour readings, summed into the hourly intervals of the
// Spanish rules on import) saved, imported and allocated in a store, exactly as a manager's own
// data would be. Running it again changes nothing.
#pragma once

#include <cstdint>
#include <string>

#include "core/store.h"
#include "jobs/allocate_job.h"
#include "jobs/import_job.h"
#include "jobs/job_progress.h"

namespace reparto::jobs {

struct DemoOptions {
  int year = 2025;
  std::uint64_t seed = 1;
  UtcSeconds now = 0;
  ProgressFn progress;
};

struct DemoSummary {
  std::string community_id;
  std::string name;
  std::string town;
  int participants = 0;
  ImportSummary import;
  AllocateSummary allocate;
};

Result<DemoSummary> CreateDemo(Store& store, const DemoOptions& options);

}  // namespace reparto::jobs
