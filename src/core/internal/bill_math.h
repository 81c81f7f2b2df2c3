// Helpers shared by the bill computations (core/bill.h): input checks, exact rounding of a
// fraction, day-weighted rates. Internal to src/core; not part of the public API.
//
// Units: money in PicoEuros / Cents (core/money.h), rates RateE10, days whole local days.
#pragma once

#include <cstdint>
#include <vector>

#include "core/bill.h"
#include "core/money.h"
#include "core/status.h"
#include "core/tariff.h"
#include "core/time.h"

namespace reparto::bill_internal {

// numerator / denominator rounded half away from zero (denominator > 0).
inline constexpr __int128 RoundDiv(__int128 numerator, __int128 denominator) {
  return numerator >= 0 ? (2 * numerator + denominator) / (2 * denominator)
                        : -((-2 * numerator + denominator) / (2 * denominator));
}

// Checks that `period` is one run of consecutive local days of a single calendar month whose
// intervals are numbered from 0 without gaps, and that every per-interval array the computation
// always needs (CM, EHCR, EHEX, EA, EI, quality) has one value per interval.
Status CheckMemberPeriod(const MemberPeriod& period);

// Days in the calendar month of `date` (28..31).
int DaysInMonth(CivilDate date);

// Σ over the billed days of the rate in force that day, and the runs of days per rate.
struct DayWeightedRate {
  __int128 rate_days = 0;  // Σ_days rate(day), RateE10 × days
  int days = 0;
  std::vector<RateDays> spans;  // consecutive days with the same rate, in day order (merged)
};
DayWeightedRate WeightRateByDays(const std::vector<DatedRate>& rates, const DayGrid& grid);

// base × Σ rate(day) / (days × 100 %), rounded once half away from zero. Equal to
// ApplyRate(base, rate) when one rate holds all period.
Cents ApplyDayWeightedRate(Cents base, const DayWeightedRate& rate);

}  // namespace reparto::bill_internal
