// Month options, today's local date and the current instant (billing_options.h).
#include "billing_options.h"

#include "jobs/community_context.h"
#include "store_cli.h"

namespace reparto::cli {

Result<CivilDate> ParseMonthOption(const std::string& text, std::string_view option) {
  auto date = ParseDate(text.size() == 7 ? text + "-01" : text);
  if (!date.ok() || (text.size() != 7 && text.size() != 10)) {
    return Status::Error(std::string(option) + ": \"" + text + "\" is not a month (YYYY-MM)");
  }
  date->day = 1;
  return date;
}

Result<CivilDate> TodayIn(Store& store, std::string_view community) {
  auto context = jobs::LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  return LocalDateAt(*context->zone, NowUtc());
}

std::string NowIso() { return FormatIsoInstant(NowUtc(), 0, true); }

}  // namespace reparto::cli
