// Building the coefficient file's table from a community (see coefficient_table.h).
#include "distributor/coefficient_table.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>

#include "distributor/cups_syntax.h"
#include "distributor/hour_of_year.h"

namespace reparto::distributor {
namespace {

// "hour 0042 (2025-01-02T17:00:00+01:00)".
std::string DescribeHour(const TimeZone& zone, int hour, UtcSeconds start) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", hour);
  auto offset = zone.OffsetAt(start);
  return "hour " + std::string(number) + " (" +
         FormatIsoInstant(start, offset.ok() ? *offset : 0, !offset.ok()) + ")";
}

// Appends the consumers' coefficients of one participant-indexed set to `out`, checking the sum.
Status AppendConsumerSet(const std::vector<Coefficient>& set, const std::vector<int>& consumers,
                         std::size_t participant_count, const std::string& where,
                         std::vector<Coefficient>& out) {
  if (set.size() != participant_count) {
    return Status::Error(where + ": the coefficient set has " + std::to_string(set.size()) +
                         " values, expected one per participant (" +
                         std::to_string(participant_count) + ")");
  }
  Coefficient sum = 0;
  for (const int index : consumers) {
    const Coefficient value = set[static_cast<std::size_t>(index)];
    if (value < 0) {
      return Status::Error(where + ": negative coefficient " + std::to_string(value) + " ppb");
    }
    sum += value;
    out.push_back(value);
  }
  if (sum != kCoefficientScale) {
    return Status::Error(where + ": the consumers' coefficients add up to " + std::to_string(sum) +
                         " ppb, expected exactly " + std::to_string(kCoefficientScale) +
                         " (does a producer hold a share?)");
  }
  return Status::Ok();
}

// The variable row covering instant `t`, or nullptr. Rows are sorted by start.
const CoefficientRow* RowAt(const SharingPeriod& period, UtcSeconds t) {
  auto it = std::upper_bound(
      period.rows.begin(), period.rows.end(), t,
      [](UtcSeconds value, const CoefficientRow& row) { return value < row.start; });
  if (it == period.rows.begin()) return nullptr;
  --it;
  if (t >= it->start + period.row_seconds) return nullptr;
  return &*it;
}

}  // namespace

Result<CoefficientTable> TableForYear(const Community& community, const TimeZone& zone, int year) {
  CoefficientTable table;
  table.year = year;
  std::vector<int> consumers;
  std::string bad_ids;
  for (std::size_t i = 0; i < community.participants.size(); ++i) {
    const Participant& p = community.participants[i];
    if (p.role == Role::kProducer) continue;
    const std::string problem = CupsProblem(p.id);
    if (!problem.empty()) bad_ids += "\n  participant " + std::to_string(i + 1) + ": " + problem;
    consumers.push_back(static_cast<int>(i));
    table.cups.push_back(p.id);
  }
  if (consumers.empty()) {
    return Status::Error("community '" + community.id +
                         "' has no consumers to list in the coefficient file");
  }
  if (!bad_ids.empty()) {
    return Status::Error("community '" + community.id +
                         "': consumer ids must be CUPS for the distributor's file:" + bad_ids);
  }
  const int hours = HoursInYear(zone, year);
  if (hours == 0) {
    return Status::Error("cannot compute the hours of " + std::to_string(year) + " in " +
                         std::string(zone.name()));
  }
  auto year_start = HourStart(zone, year, 1);
  if (!year_start.ok()) return year_start.status();
  const UtcSeconds year_end = *year_start + static_cast<UtcSeconds>(hours) * 3600;
  const std::size_t n = community.participants.size();

  // Hours no period covers take the country default when it is a coefficient set (Spain:
  // proportional to contracted power), exactly as the engine allocates them.
  std::optional<SharingPeriod> default_period;
  if (community.rules.default_method == Method::kFixed) {
    if (auto coefficients = ContractedPowerCoefficients(community); coefficients.ok()) {
      default_period.emplace();
      default_period->method = Method::kFixed;
      default_period->fixed = std::move(*coefficients);
    }
  }
  const bool any_period_in_year =
      std::any_of(community.periods.begin(), community.periods.end(),
                  [&](const SharingPeriod& p) { return p.from < year_end && p.to > *year_start; });
  if (!any_period_in_year && default_period) {
    table.hourly = false;
    Status s = AppendConsumerSet(default_period->fixed, consumers, n,
                                 "the default coefficients (proportional to contracted power)",
                                 table.values);
    if (!s.ok()) return s;
    return table;
  }

  for (const SharingPeriod& period : community.periods) {
    if (period.method == Method::kFixed && period.from <= *year_start && period.to >= year_end) {
      table.hourly = false;
      Status s = AppendConsumerSet(period.fixed, consumers, n,
                                   "the fixed sharing period covering " + std::to_string(year),
                                   table.values);
      if (!s.ok()) return s;
      return table;
    }
  }

  table.hourly = true;
  table.values.reserve(static_cast<std::size_t>(hours) * consumers.size());
  for (int hour = 1; hour <= hours; ++hour) {
    const UtcSeconds t = *year_start + static_cast<UtcSeconds>(hour - 1) * 3600;
    const SharingPeriod* period = nullptr;
    for (const SharingPeriod& candidate : community.periods) {
      if (candidate.from <= t && t < candidate.to) {
        period = &candidate;
        break;
      }
    }
    if (period == nullptr && default_period) period = &*default_period;
    if (period == nullptr) {
      return Status::Error(DescribeHour(zone, hour, t) + " of " + std::to_string(year) +
                           " is not covered by any sharing period of community '" + community.id +
                           "'");
    }
    Status s;
    if (period->method == Method::kFixed) {
      s = AppendConsumerSet(period->fixed, consumers, n, DescribeHour(zone, hour, t), table.values);
    } else if (period->method == Method::kVariable) {
      const CoefficientRow* row = RowAt(*period, t);
      if (row == nullptr) {
        return Status::Error(DescribeHour(zone, hour, t) +
                             " has no row in the variable coefficient table of community '" +
                             community.id + "'");
      }
      s = AppendConsumerSet(row->coefficients, consumers, n, DescribeHour(zone, hour, t),
                            table.values);
    } else {
      return Status::Error(DescribeHour(zone, hour, t) + " falls in a '" +
                           std::string(MethodName(period->method)) +
                           "' sharing period; only fixed and variable coefficients can be "
                           "written to the distributor's coefficient file");
    }
    if (!s.ok()) return s;
  }
  return table;
}

}  // namespace reparto::distributor
