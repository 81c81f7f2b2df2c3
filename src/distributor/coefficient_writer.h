// Writing the Spanish coefficient file for the distributor (Orden TED/1247/2021;
// spec/formats.md §2): pure formatting (table in, text out) plus one thin function that writes the
// text to `{dir}/{CAU}_{YYYY}.txt` atomically.
//
// Format: `;` separator, decimal comma, exactly 6 decimals, CRLF line ends, no line end after the
// last line, ASCII. Fixed: `CUPS;0,350000` per CUPS. Hourly: `CUPS;HHHH;0,350000`, all CUPS of
// hour 0001, then hour 0002, ... Each set is rounded to millionths by largest remainder so the
// printed values add up to exactly 1,000000.
//
// Units: input coefficients in parts per billion (core/community.h).
//
//   auto text = FormatCoefficientFile(*table);
//   if (!text.ok()) return text.status();
//   Status s = WriteCoefficientFile("/srv/out", "ES0021000000000001RK0FA001", 2025, *text);
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/status.h"
#include "distributor/coefficient_table.h"

namespace reparto::distributor {

// Fixed format: one line per CUPS. `ppb` holds one coefficient per CUPS. Fails when a CUPS is
// malformed or repeated, the sizes differ, a value is negative, or the sum is not exactly
// kCoefficientScale (it would not print as 1,000000).
[[nodiscard]] Result<std::string> FormatFixedFile(const std::vector<std::string>& cups,
                                                  std::span<const Coefficient> ppb);

// Hourly format. `matrix` is row-major [hour][cups]: row h - 1 holds hour h, so it has a multiple
// of cups.size() values (the caller chooses 8760 or 8784 rows; see HoursInYear). Same checks as
// FormatFixedFile, per hour, naming the hour.
[[nodiscard]] Result<std::string> FormatHourlyFile(const std::vector<std::string>& cups,
                                                   std::span<const Coefficient> matrix);

// Either of the above, by `table.hourly`.
[[nodiscard]] Result<std::string> FormatCoefficientFile(const CoefficientTable& table);

// "{CAU}_{YYYY}.txt".
[[nodiscard]] std::string CoefficientFileName(std::string_view cau, int year);

// Writes `content` to `{dir}/{CAU}_{YYYY}.txt`: first to a temporary file in `dir` (flushed to
// disk), then renamed over the final name, so readers see the old file or the new one, never a
// part. Fails with the path and the system's reason when `dir` is missing or not writable, and
// when `cau` is not a valid CAU or `year` is not 4 digits.
[[nodiscard]] Status WriteCoefficientFile(const std::filesystem::path& dir, std::string_view cau,
                                          int year, std::string_view content);

}  // namespace reparto::distributor
