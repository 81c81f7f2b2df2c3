// Shared parts of the bill computations (core/bill.h): input checks, day-weighted rates, ratios,
// fee totals. The bills themselves are in retail_bill.cc, community_fee.cc, member_economics.cc.
//
// Units: mWh, Cents, RateE10, ppm (parts per million) for ratios.
#include "core/bill.h"

#include <map>
#include <string>

#include "core/internal/bill_math.h"

namespace reparto {
namespace bill_internal {

Status CheckMemberPeriod(const MemberPeriod& period) {
  const DayGrid& grid = period.grid;
  if (grid.days.empty()) return Status::Error("billing period has no billed days");
  if (grid.step_seconds <= 0) return Status::Error("billing period has a step of 0 seconds");
  const CivilDate first = grid.days.front().date;
  std::int64_t next_interval = 0;
  for (std::size_t k = 0; k < grid.days.size(); ++k) {
    const LocalDay& day = grid.days[k];
    if (day.date.year != first.year || day.date.month != first.month) {
      return Status::Error("billing period " + FormatDate(first) + " .. " + FormatDate(day.date) +
                           " spans two months; bill one month at a time");
    }
    if (k > 0 && DaysFromCivil(day.date) != DaysFromCivil(grid.days[k - 1].date) + 1) {
      return Status::Error("billed days are not consecutive at " + FormatDate(day.date));
    }
    if (day.first_interval != next_interval || day.n_intervals < 0) {
      return Status::Error("intervals of " + FormatDate(day.date) +
                           " do not follow the day before");
    }
    next_interval += day.n_intervals;
  }
  const auto n = static_cast<std::size_t>(next_interval);
  const auto check = [n](std::size_t size, const char* what) {
    return size == n ? Status::Ok()
                     : Status::Error(std::string("billing period: ") + what + " has " +
                                     std::to_string(size) + " values for " + std::to_string(n) +
                                     " intervals");
  };
  REPARTO_RETURN_IF_ERROR(check(period.consumption.size(), "consumption (CM)"));
  REPARTO_RETURN_IF_ERROR(check(period.supplier.size(), "grid energy (EHCR)"));
  REPARTO_RETURN_IF_ERROR(check(period.surplus.size(), "surplus (EHEX)"));
  REPARTO_RETURN_IF_ERROR(check(period.self_consumed.size(), "self-consumed (EA)"));
  REPARTO_RETURN_IF_ERROR(check(period.imputed.size(), "imputed (EI)"));
  REPARTO_RETURN_IF_ERROR(check(period.quality.size(), "quality"));
  return Status::Ok();
}

int DaysInMonth(CivilDate date) {
  const CivilDate first{date.year, date.month, 1};
  const CivilDate next =
      date.month == 12 ? CivilDate{date.year + 1, 1, 1} : CivilDate{date.year, date.month + 1, 1};
  return static_cast<int>(DaysFromCivil(next) - DaysFromCivil(first));
}

DayWeightedRate WeightRateByDays(const std::vector<DatedRate>& rates, const DayGrid& grid) {
  DayWeightedRate out;
  for (const LocalDay& day : grid.days) {
    const RateE10 rate = RateOn(rates, day.date);
    out.rate_days += rate;
    ++out.days;
    if (!out.spans.empty() && out.spans.back().rate == rate) {
      ++out.spans.back().days;
    } else {
      out.spans.push_back({.rate = rate, .days = 1});
    }
  }
  return out;
}

Cents ApplyDayWeightedRate(Cents base, const DayWeightedRate& rate) {
  if (rate.days == 0) return 0;
  return static_cast<Cents>(RoundDiv(static_cast<__int128>(base) * rate.rate_days,
                                     static_cast<__int128>(rate.days) * kRateScale));
}

}  // namespace bill_internal

EnergyRatio MakeRatio(MilliWh numerator, MilliWh denominator) {
  EnergyRatio ratio{.numerator = numerator, .denominator = denominator, .ppm = std::nullopt};
  if (denominator != 0) {
    ratio.ppm = static_cast<std::int64_t>(bill_internal::RoundDiv(
        static_cast<__int128>(numerator) * 1'000'000 * (denominator < 0 ? -1 : 1),
        denominator < 0 ? -static_cast<__int128>(denominator) : denominator));
  }
  return ratio;
}

FeeTotals SumFeeLines(const std::vector<InvoiceLine>& lines) {
  FeeTotals totals;
  std::map<RateE10, Cents> by_rate;
  for (const InvoiceLine& line : lines) {
    totals.net += line.amount;
    by_rate[line.vat_rate] += line.amount;
  }
  for (const auto& [rate, amount] : by_rate) totals.vat += ApplyRate(amount, rate);
  totals.total = totals.net + totals.vat;
  return totals;
}

}  // namespace reparto
