// The community's fee to one member for one billing period, as invoice lines (spec/tariffs.md §4;
// formulas in docs/billing.md "How a bill is computed").
//
// Units: energy mWh, the fee price µ€ (per kWh, per kWp and month, per month for the whole pool,
// per member and month), kWp shares in watts-peak, coefficients in parts per billion; line amounts
// Cents rounded once, half away from zero, from the exact fraction; quantities in thousandths.
#include <string>

#include "core/bill.h"
#include "core/internal/bill_math.h"

namespace reparto {
namespace {

using bill_internal::RoundDiv;

constexpr __int128 kMicroPerCent = 10'000;  // µ€ per cent

// Thousandths as a decimal with three places ("2.133").
std::string FormatMilli(std::int64_t milli) {
  std::string fraction = std::to_string(milli % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  return std::to_string(milli / 1000) + "." + fraction;
}

std::string DaysNote(int days, int days_in_month) {
  if (days == days_in_month) return "";
  return " (" + std::to_string(days) + " of " + std::to_string(days_in_month) + " days)";
}

// One run of billed days under one fee VAT rate.
struct Segment {
  RateE10 vat = 0;
  int days = 0;
  std::size_t first_interval = 0;
  std::size_t end_interval = 0;
};

}  // namespace

Result<std::vector<InvoiceLine>> ComputeCommunityFee(const MemberPeriod& period,
                                                     const CommunityFee& fee) {
  REPARTO_RETURN_IF_ERROR(bill_internal::CheckMemberPeriod(period));
  std::vector<InvoiceLine> lines;
  if (fee.kind == FeeKind::kNone) return lines;
  if (fee.kind == FeeKind::kPerKWpShare && period.kwp_share_w < 0) {
    return Status::Error("community fee per kWp: negative kWp share");
  }
  if (fee.kind == FeeKind::kPerCoefficient &&
      (period.coefficient_ppb < 0 || period.coefficient_ppb > 1'000'000'000)) {
    return Status::Error("community fee per coefficient: coefficient " +
                         std::to_string(period.coefficient_ppb) + " ppb outside 0..1e9");
  }

  std::vector<Segment> segments;
  for (const LocalDay& day : period.grid.days) {
    const RateE10 vat = RateOn(fee.vat, day.date);
    const auto first = static_cast<std::size_t>(day.first_interval);
    const auto end = first + static_cast<std::size_t>(day.n_intervals);
    if (!segments.empty() && segments.back().vat == vat) {
      ++segments.back().days;
      segments.back().end_interval = end;
    } else {
      segments.push_back({.vat = vat, .days = 1, .first_interval = first, .end_interval = end});
    }
  }

  const int days_in_month = bill_internal::DaysInMonth(period.grid.days.front().date);
  for (const Segment& segment : segments) {
    InvoiceLine line;
    line.unit_price = fee.price;
    line.vat_rate = segment.vat;
    const __int128 days = segment.days;
    const __int128 month = days_in_month;
    switch (fee.kind) {
      case FeeKind::kPerKWhSelfConsumed: {
        MilliWh self_consumed = 0;
        for (std::size_t i = segment.first_interval; i < segment.end_interval; ++i) {
          self_consumed += period.self_consumed[i];
        }
        line.code = "fee.self_consumed";
        line.description = "Community fee per kWh self-consumed";
        line.unit = "kWh";
        line.quantity_milli = static_cast<std::int64_t>(RoundDiv(self_consumed, 1000));
        line.amount = RoundToCents(EnergyAmount(self_consumed, fee.price));
        break;
      }
      case FeeKind::kPerKWpShare: {
        // W × µ€ per kWp and month × days / (1000 W per kW × days in month), in cents.
        const __int128 watts = period.kwp_share_w;
        line.code = "fee.kwp";
        line.description = "Community fee per kWp share (" + FormatMilli(period.kwp_share_w) +
                           " kWp)" + DaysNote(segment.days, days_in_month);
        line.unit = "kWp month";
        line.quantity_milli = static_cast<std::int64_t>(RoundDiv(watts * days, month));
        line.amount =
            static_cast<Cents>(RoundDiv(watts * fee.price * days, 1000 * month * kMicroPerCent));
        break;
      }
      case FeeKind::kPerCoefficient: {
        // µ€ per month for the pool × ppb / 1e9 × days / days in month, in cents.
        const __int128 ppb = period.coefficient_ppb;
        line.code = "fee.coefficient";
        line.description =
            "Community fee by allocation coefficient" + DaysNote(segment.days, days_in_month);
        line.unit = "share month";
        line.quantity_milli = static_cast<std::int64_t>(RoundDiv(ppb * days, 1'000'000 * month));
        line.amount = static_cast<Cents>(
            RoundDiv(ppb * fee.price * days, 1'000'000'000 * month * kMicroPerCent));
        break;
      }
      case FeeKind::kFixedMonthly: {
        line.code = "fee.fixed";
        line.description = "Community fee, fixed monthly" + DaysNote(segment.days, days_in_month);
        line.unit = "month";
        line.quantity_milli = static_cast<std::int64_t>(RoundDiv(1000 * days, month));
        line.amount = static_cast<Cents>(RoundDiv(fee.price * days, month * kMicroPerCent));
        break;
      }
      case FeeKind::kNone:
        break;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace reparto
