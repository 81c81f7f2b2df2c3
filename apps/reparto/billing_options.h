// Small helpers the billing subcommands share: month options, today's local date, the current
// instant as ISO text.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/store.h"
#include "core/time.h"

namespace reparto::cli {

// "2025-06" (or "2025-06-01") → the first day of that month; errors name `option`.
Result<CivilDate> ParseMonthOption(const std::string& text, std::string_view option);

// Today's date in the community's time zone.
Result<CivilDate> TodayIn(Store& store, std::string_view community);

// The current instant, "2025-06-30T10:00:00Z".
std::string NowIso();

}  // namespace reparto::cli
