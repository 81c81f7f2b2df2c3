// Italian incentive CSV (see incentive_csv.h).
#include "report/incentive_csv.h"

#include <cstdio>

#include "core/time.h"

namespace reparto {
namespace {

std::string Kwh(MilliWh mwh) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%lld.%06lld", static_cast<long long>(mwh / 1'000'000),
                static_cast<long long>(mwh % 1'000'000));
  return buffer;
}

std::string Euros(std::int64_t cents) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", cents < 0 ? "-" : "",
                static_cast<long long>((cents < 0 ? -cents : cents) / 100),
                static_cast<long long>((cents < 0 ? -cents : cents) % 100));
  return buffer;
}

}  // namespace

std::string FormatIncentiveCsv(const ItalianIncentive& incentive,
                               const std::vector<std::string>& participant_ids) {
  std::string out = "participant,month,shared_kwh,incentive_eur\n";
  for (int m = 0; m < incentive.month_count(); ++m) {
    const std::string month = FormatDate(incentive.month(m)).substr(0, 7);
    for (std::size_t p = 0; p < participant_ids.size(); ++p) {
      const ItalianMonth& row = incentive.member_month(static_cast<int>(p), m);
      if (row.shared == 0 && row.incentive_micro == 0) continue;
      out += participant_ids[p] + "," + month + "," + Kwh(row.shared) + "," +
             Euros(row.incentive_cents) + "\n";
    }
    const ItalianMonth& total = incentive.community_month(m);
    out += "*community*," + month + "," + Kwh(total.shared) + "," + Euros(total.incentive_cents) +
           "\n";
  }
  return out;
}

}  // namespace reparto
