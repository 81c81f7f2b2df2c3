// `reparto allocate` on the store: allocates the days whose results are missing or stale (their
// readings or the community changed since), or every day with --force, and stores the results.
// Work goes in chunks of at most a month, each stored in its own transaction, so an interrupted
// run keeps what it finished and the next run continues.
//
// Units: days are the community's local days.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/store.h"
#include "jobs/job_progress.h"

namespace reparto::jobs {

struct AllocateOptions {
  std::optional<CivilDate> from;  // first day; default: the first day with readings
  std::optional<CivilDate> to;    // last day, included; default: the last day with readings
  bool force = false;             // recompute up-to-date days too
  int chunk_days = 31;
  ProgressFn progress;
};

struct AllocateSummary {
  std::int64_t days_with_readings = 0;  // in the period
  std::int64_t days_computed = 0;
  std::int64_t days_up_to_date = 0;
  std::optional<CivilDate> first_day, last_day;  // the period looked at
};

Result<AllocateSummary> AllocateStored(Store& store, std::string_view community,
                                       const AllocateOptions& options);

}  // namespace reparto::jobs
