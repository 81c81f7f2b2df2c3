// A member's money and the best hours to use energy:
//   GET .../participants/{participant}/economics?year  per month: bill without and with the
//       community, fee, savings, cumulative savings against the expected ones, CO₂ avoided
//       (jobs/billing_job ComputeMonthBills, months up to the last one with results; kept in
//       the answer cache, api/response_cache.h, as pricing a year takes a tenth of a second)
//   GET .../participants/{participant}/best-hours?date  the community's typical generation per
//       local hour (mean over the 28 stored days before `date`, or around the same day of the
//       stored data's last year when `date` is beyond the data), hours ranked best first
//
// Units: money "12.34"; CO₂ kg with 3 decimals; energy kWh with 3 decimals; local hours 0..23.
#include <algorithm>
#include <array>
#include <charconv>

#include "api/handler.h"
#include "api/response_cache.h"
#include "core/series_codec.h"
#include "jobs/billing_job.h"

namespace reparto::api {
namespace {

Result<std::optional<CivilDate>> LastDayWithResults(Store& store, std::string_view community) {
  auto states = store.LoadDayStates(community, jobs::kFirstPossibleDay, jobs::kLastPossibleDay);
  if (!states.ok()) return states.status();
  for (auto it = states->rbegin(); it != states->rend(); ++it) {
    if (it->results_revision >= 0) return std::optional<CivilDate>(it->day);
  }
  return std::optional<CivilDate>();
}

http::Response Economics(Call& call) {
  const std::string& year_text = call.request.Query("year");
  int year = 0;
  auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (ec != std::errc() || end != year_text.data() + year_text.size() || year < 1990 ||
      year > 2037) {
    return BadRequest("parameter 'year': expected YYYY");
  }
  const std::string key = CacheKey({"economics", call.community(), call.participant(), year_text});
  if (auto hit = CacheGet(key)) return CachedAnswer(call.request, key, std::move(*hit));
  const std::uint64_t generation = CacheGeneration();
  auto last = LastDayWithResults(call.store(), call.community());
  if (!last.ok()) return Internal(last.status());
  Json months = Json::array();
  Cents cumulative = 0, cumulative_expected = 0;
  std::int64_t cumulative_co2 = 0;
  for (int m = 1; m <= 12; ++m) {
    const CivilDate month{year, m, 1};
    if (!last->has_value() || **last < month) break;
    // One month priced per call (cumulative_from = the month): the running totals are summed
    // here, so a December costs one month of pricing, not twelve.
    jobs::BillOptions options{
        .allow_incomplete = true, .cumulative_from = month, .participant = call.participant()};
    auto bills = jobs::ComputeMonthBills(call.store(), call.community(), month, options);
    if (!bills.ok()) {
      months.push_back(Json{{"month", FormatMonth(month)}, {"error", bills.status().message()}});
      continue;
    }
    for (const jobs::MemberBill& b : bills->members) {
      if (b.participant != call.participant()) continue;
      const MemberEconomics& e = b.month;
      cumulative += e.savings;
      if (e.expected_savings) cumulative_expected += *e.expected_savings;
      cumulative_co2 += e.avoided_co2_g;
      months.push_back(
          Json{{"month", FormatMonth(month)},
               {"days", e.days},
               {"consumption_kwh", KwhText(e.energy.consumption)},
               {"self_consumed_kwh", KwhText(e.energy.self_consumed)},
               {"without_community", EurosText(e.without_community.total)},
               {"with_community", EurosText(e.with_community.total)},
               {"fee", EurosText(e.fee.total)},
               {"savings", EurosText(e.savings)},
               {"expected_savings",
                e.expected_savings ? Json(EurosText(*e.expected_savings)) : Json(nullptr)},
               {"cumulative_savings", EurosText(cumulative)},
               {"cumulative_expected_savings", EurosText(cumulative_expected)},
               {"avoided_co2_kg", Thousandths(e.avoided_co2_g)},
               {"cumulative_avoided_co2_kg", Thousandths(cumulative_co2)},
               {"incomplete", e.incomplete},
               {"message", e.message}});
    }
  }
  auto body = std::make_shared<const std::string>(Json{
      {"community", call.community()},
      {"participant", call.participant()},
      {"year", year},
      {"months", std::move(months)}}.dump());
  CachePut(key, body, generation);
  return CachedAnswer(call.request, key, {std::move(body), nullptr});
}

http::Response BestHours(Call& call) {
  http::Response error;
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  const TimeZone& zone = *(*context)->zone;
  auto date = DateQuery(call.request, "date", error);
  if (error.status >= 400) return error;
  if (!date) {
    auto today = LocalDateAt(zone, call.now());
    if (!today.ok()) return Internal(today.status());
    date = AddDays(*today, 1);
  }
  auto last = LastDayWithResults(call.store(), call.community());
  if (!last.ok()) return Internal(last.status());
  if (!last->has_value()) return Unprocessable("the community has no results yet");
  // The window of typical days: the 28 days before `date`, or around the same day of the data's
  // last year when `date` is beyond the stored data.
  CivilDate from = AddDays(*date, -28), to = *date;
  std::string basis = "the 28 days before";
  if (**last < AddDays(*date, -1)) {
    CivilDate same{(*last)->year, date->month, std::min(date->day, 28)};
    if (**last < same) same.year -= 1;
    from = AddDays(same, -14);
    to = AddDays(same, 14);
    basis = "the 28 days around " + FormatDate(same);
  }
  auto days = call.store().LoadCommunityResults(call.community(), from, to);
  if (!days.ok()) return Internal(days.status());
  const int step = (*context)->community.rules.step_seconds;
  std::array<MilliWh, 24> sum{};
  int n_days = 0;
  for (const StoredDay& stored : *days) {
    auto pool = DecodeDayPool(stored.packed);
    if (!pool.ok()) return Internal(pool.status());
    auto start = zone.StartOfDay(stored.day);
    if (!start.ok()) continue;
    ++n_days;
    for (int i = 0; i < pool->n_intervals; ++i) {
      const UtcSeconds t = *start + static_cast<UtcSeconds>(i) * step;
      auto offset = zone.OffsetAt(t);
      if (!offset.ok()) continue;
      const std::int64_t local = t + *offset;
      const auto hour = static_cast<std::size_t>(((local % 86400) + 86400) % 86400 / 3600);
      sum[hour] += pool->pool[i];
    }
  }
  if (n_days == 0) return Unprocessable("no generation stored for " + basis);
  std::vector<int> hours(24);
  for (int h = 0; h < 24; ++h) hours[h] = h;
  std::stable_sort(hours.begin(), hours.end(), [&](int a, int b) { return sum[a] > sum[b]; });
  Json ranked = Json::array();
  for (int h : hours) {
    if (sum[h] <= 0) break;
    ranked.push_back(Json{{"hour", h}, {"expected_kwh", KwhText(sum[h] / n_days)}});
  }
  Json best = Json::array();
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) best.push_back(ranked[i]["hour"]);
  return JsonOk(Json{{"date", FormatDate(*date)},
                     {"basis", basis},
                     {"days", n_days},
                     {"best", std::move(best)},
                     {"hours", std::move(ranked)}});
}

}  // namespace

void AddEconomicsRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET",
              "/api/communities/{community}/participants/{participant}/economics",
              Access::kReadParticipant, Economics);
  AddApiRoute(router, api, "GET",
              "/api/communities/{community}/participants/{participant}/best-hours",
              Access::kReadParticipant, BestHours);
}

}  // namespace reparto::api
