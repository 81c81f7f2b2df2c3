// The Italian incentive and valorisation of stored results (see italian_job.h).
#include "jobs/italian_job.h"

#include "core/price_lookup.h"
#include "jobs/billing_job.h"
#include "jobs/community_context.h"
#include "jobs/results_replay.h"

namespace reparto::jobs {
namespace {

// The `[italy]` terms of every month; a month without a billing file gets the defaults when the
// caller named the zonal prices, with a warning.
Result<std::vector<ItalianTerms>> TermsOfMonths(Store& store, std::string_view community,
                                                CivilDate first_month, CivilDate end_month,
                                                const ItalianOptions& options,
                                                std::vector<std::string>& warnings) {
  std::vector<ItalianTerms> terms;
  for (CivilDate m = first_month; m < end_month; m = FirstDayOfNextMonth(m)) {
    auto config = LoadBillingConfigOn(store, community, m);
    if (config.ok()) {
      terms.push_back(config->italy);
      continue;
    }
    if (options.zonal_prices.empty()) return config.status();
    warnings.push_back(FormatDate(m).substr(0, 7) + ": " + config.status().message() +
                       "; no valorisation, nothing retained, split by withdrawal");
    terms.emplace_back();
  }
  return terms;
}

// Pz of every hour of the grid in PriceE4 (µ€/kWh × 10 = 1e-4 €/MWh); any hour missing fails.
Result<std::vector<PriceE4>> ZonalPrices(Store& store, const std::string& series_name,
                                         const TimeZone& zone, const DayGrid& grid) {
  auto series = store.Billing().LoadPrices(series_name, grid.utc_start() - 3600, grid.utc_end());
  if (!series.ok()) {
    return series.status().WithContext("zonal price series '" + series_name + "'");
  }
  const PriceCoverage coverage = PricesForIntervals(
      *series, zone, grid.utc_start(), grid.step_seconds, static_cast<int>(grid.interval_count()));
  REPARTO_RETURN_IF_ERROR(RequireComplete(coverage, series_name));
  std::vector<PriceE4> prices(coverage.prices.size());
  for (std::size_t i = 0; i < prices.size(); ++i) prices[i] = coverage.prices[i] * 10;
  return prices;
}

}  // namespace

Result<ItalianMonths> ComputeItalianMonths(Store& store, std::string_view community,
                                           CivilDate first_month, CivilDate end_month,
                                           const ItalianOptions& options) {
  if (!(first_month < end_month)) return Status::Error("the month range is empty");
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  const Community& c = context->community;
  if (c.rules.country != Country::kItaly) {
    return Status::Error("community '" + c.id +
                         "' is not Italian: the incentive and valorisation are for Italian "
                         "communities (see `reparto bill` for the others)");
  }
  if (c.rules.step_seconds != 3600) {
    return Status::Error("the Italian incentive is hourly: community '" + c.id +
                         "' has a step of " + std::to_string(c.rules.step_seconds / 60) +
                         " minutes");
  }
  ItalianMonths result;
  auto terms = TermsOfMonths(store, community, first_month, end_month, options, result.warnings);
  if (!terms.ok()) return terms.status();
  const std::string series =
      !options.zonal_prices.empty() ? options.zonal_prices : terms->front().zonal_prices;
  if (series.empty()) {
    return Status::Error(
        "no zonal price series named: set `zonal_prices` in the billing file's [italy] table or "
        "give --zonal-prices (import the prices with `reparto prices import`)");
  }
  auto grid = CommunityGrid(*context, first_month, end_month);
  if (!grid.ok()) return grid.status();
  auto prices = ZonalPrices(store, series, *context->zone, *grid);
  if (!prices.ok()) return prices.status();

  const std::vector<ItalianTerms>& by_month = *terms;
  result.incentive =
      std::make_unique<ItalianIncentive>(c, *grid, std::move(*prices), [&](CivilDate month) {
        int index = 0;
        for (CivilDate m = first_month; m < month; m = FirstDayOfNextMonth(m)) ++index;
        return by_month[static_cast<std::size_t>(index)];
      });
  auto replay = ReplayResults(store, *context, *grid, "", *result.incentive);
  if (!replay.ok()) return replay.status();
  if (replay->days_without_results > 0) {
    result.warnings.push_back(std::to_string(replay->days_without_results) +
                              " day(s) have no allocation results (no shared energy counted): "
                              "run `reparto allocate --community " +
                              c.id + "`");
  }
  for (const Participant& p : c.participants) result.participant_ids.push_back(p.id);
  result.community = c;
  return result;
}

}  // namespace reparto::jobs
