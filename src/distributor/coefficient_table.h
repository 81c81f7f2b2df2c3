// The content of one Spanish coefficient file, and how to build it from a community's sharing
// periods for one calendar year (Orden TED/1247/2021; spec/formats.md §2).
//
// Units: coefficients in parts per billion (core/community.h); hours are numbered as in
// hour_of_year.h (1-based elapsed real hours since local 1 January 00:00).
//
//   auto table = TableForYear(community, madrid, 2025);
//   if (!table.ok()) return table.status();
//   table->hourly;            // false when one fixed period covers the whole year
//   table->Row(2113)[0];      // hour 2114, first CUPS, in ppb
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/community.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto::distributor {

struct CoefficientTable {
  int year = 0;  // the year the coefficients apply to; 0 when unknown (a checked file, no year)
  std::vector<std::string> cups;  // the consumers, in file order
  bool hourly = false;            // false: one fixed set; true: one set per hour of the year
  // Row-major, cups.size() values per row, in ppb. Fixed: one row. Hourly: one row per hour of
  // the year, row h - 1 holding hour h.
  std::vector<Coefficient> values;

  int row_count() const { return cups.empty() ? 0 : static_cast<int>(values.size() / cups.size()); }
  std::span<const Coefficient> Row(int row) const {
    return std::span<const Coefficient>(values).subspan(static_cast<std::size_t>(row) * cups.size(),
                                                        cups.size());
  }
};

// Builds the file content for `year` in `zone`. The file lists the consumers (every participant
// whose role is not producer), identified by their ids, which must be valid CUPS.
// - Fixed format when a single fixed period covers the whole local year.
// - Hourly otherwise: each hour takes the coefficients valid at that hour's start (a fixed period's
//   set, or the variable row covering that instant).
// - Hours no period covers take the rule set's default when it is kFixed (Spain: proportional to
//   contracted power, split exactly); with no period in the year at all that gives a fixed file.
// Fails, naming the hour (number and local time), when an hour is not covered by any period (and
// there is no such default), falls in a period whose method is neither fixed nor variable, has no
// variable row, or when the consumers' coefficients of a set do not add up to exactly
// kCoefficientScale (e.g. a producer holds a share). Only the struct fields of Community are used
// (not Validate).
[[nodiscard]] Result<CoefficientTable> TableForYear(const Community& community,
                                                    const TimeZone& zone, int year);

}  // namespace reparto::distributor
