// Reading and validating a Spanish coefficient file for the distributor (Orden TED/1247/2021;
// spec/formats.md §2), on import and before sending one.
//
// Every violation is listed with its line (and column where it applies), not just the first:
// CUPS syntax and control letters; non-CRLF line ends; a line end after the last line; non-ASCII
// bytes; field count; fixed and hourly lines mixed; values not in [0, 1], without exactly 6
// decimals or with a decimal point; hour numbers malformed, out of range, missing, repeated or out
// of order; a CUPS repeated within an hour or missing from some hours; values of an hour (or of
// the fixed set) not adding up to exactly 1,000000. With a file name: `{CAU}_{YYYY}.txt`, a valid
// CAU, and the year matching `year`.
//
// The year sets the expected hour count (HoursInYear: 8760, or 8784 in leap years). Without
// `year` it comes from the file name; without either, from the highest hour number in the file
// (above 8760 means a leap year) and the table's year stays 0.
//
// Units: parsed coefficients are returned in parts per billion (millionths x 1000, exact).
//
//   CheckReport report = CheckCoefficientFile(text, 2025, madrid, "ES..A001_2025.txt");
//   if (!report.ok()) return report.ToStatus("ES..A001_2025.txt");
//   const CoefficientTable& table = *report.table;
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "distributor/coefficient_table.h"

namespace reparto::distributor {

struct Violation {
  int line = 0;    // 1-based; 0 = the file as a whole (its name, its emptiness)
  int column = 0;  // 1-based byte column; 0 = the whole line
  std::string message;
  friend bool operator==(const Violation&, const Violation&) = default;
};

struct CheckReport {
  std::vector<Violation> violations;      // sorted by line, then by order found
  std::optional<CoefficientTable> table;  // set only when there is no violation

  bool ok() const { return violations.empty(); }
  // One violation per line: "label:12:1: message" ("label: message" for line 0). At most
  // `max_violations`, then "... and N more".
  std::string Format(std::string_view label,
                     std::size_t max_violations = std::numeric_limits<std::size_t>::max()) const;
  // Ok, or an error holding Format(label, 200).
  Status ToStatus(std::string_view label) const;
};

// Checks `content`, the bytes of one file. `file_name` (optional, the name or a path) enables the
// file-name checks. `zone` is the community's zone (Europe/Madrid or Atlantic/Canary).
[[nodiscard]] CheckReport CheckCoefficientFile(std::string_view content, std::optional<int> year,
                                               const TimeZone& zone,
                                               std::string_view file_name = {});

// Reads the file at `path` and checks it with its name. A file that cannot be read gives one
// violation on line 0 naming the path and the reason.
[[nodiscard]] CheckReport CheckCoefficientFileAt(const std::filesystem::path& path,
                                                 std::optional<int> year, const TimeZone& zone);

}  // namespace reparto::distributor
