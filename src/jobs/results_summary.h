// Totals of stored results over a period, for the one-screen summaries of `reparto demo`,
// `reparto community show` and the server: generation shared, consumption, self-consumption.
//
// Units: mWh.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/energy.h"
#include "core/store.h"

namespace reparto::jobs {

struct ResultsSummary {
  std::optional<CivilDate> first_day, last_day;  // days with results
  std::int64_t days = 0;
  MilliWh pool = 0;                    // shared generation
  MilliWh consumption = 0;             // members' measured consumption
  MilliWh self_consumed = 0;           // of it, covered by the shared generation
  MilliWh surplus = 0;                 // imputed but not consumed
  std::int64_t missing_intervals = 0;  // participant-intervals computed with missing readings
};

Result<ResultsSummary> SummariseResults(Store& store, std::string_view community);

}  // namespace reparto::jobs
