// Formatting and writing the Spanish coefficient file (see coefficient_writer.h).
#include "distributor/coefficient_writer.h"

#include <cstdio>
#include <unordered_set>

#include "distributor/cups_syntax.h"
#include "distributor/millionths.h"
#include "fileio/read_file.h"

namespace reparto::distributor {
namespace {

Status CheckCupsList(const std::vector<std::string>& cups) {
  if (cups.empty()) return Status::Error("no CUPS to write in the coefficient file");
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < cups.size(); ++i) {
    const std::string problem = CupsProblem(cups[i]);
    if (!problem.empty()) {
      return Status::Error("coefficient file, CUPS " + std::to_string(i + 1) + ": " + problem);
    }
    if (!seen.insert(cups[i]).second) {
      return Status::Error("coefficient file: CUPS '" + cups[i] + "' is listed twice");
    }
  }
  return Status::Ok();
}

Status CheckSet(std::span<const Coefficient> set, const std::string& where) {
  Coefficient sum = 0;
  for (const Coefficient value : set) {
    if (value < 0) {
      return Status::Error(where + ": negative coefficient " + std::to_string(value) + " ppb");
    }
    sum += value;
  }
  if (sum != kCoefficientScale) {
    return Status::Error(where + ": coefficients add up to " + std::to_string(sum) +
                         " ppb, expected exactly " + std::to_string(kCoefficientScale));
  }
  return Status::Ok();
}

void AppendLineEnd(std::string& out) {
  if (!out.empty()) out += "\r\n";
}

// "0042". `hour` is 1..9999.
std::string HourText(int hour) {
  std::string out = "0000";
  for (std::size_t i = 4; hour > 0 && i > 0; hour /= 10)
    out[--i] = static_cast<char>('0' + hour % 10);
  return out;
}

}  // namespace

Result<std::string> FormatFixedFile(const std::vector<std::string>& cups,
                                    std::span<const Coefficient> ppb) {
  Status s = CheckCupsList(cups);
  if (!s.ok()) return s;
  if (ppb.size() != cups.size()) {
    return Status::Error("coefficient file: " + std::to_string(ppb.size()) + " coefficients for " +
                         std::to_string(cups.size()) + " CUPS");
  }
  s = CheckSet(ppb, "coefficient file");
  if (!s.ok()) return s;
  const std::vector<std::int64_t> millionths = RoundToMillionths(ppb);
  std::string out;
  out.reserve(cups.size() * 32);
  for (std::size_t i = 0; i < cups.size(); ++i) {
    AppendLineEnd(out);
    out += cups[i];
    out += ';';
    out += FormatMillionths(millionths[i]);
  }
  return out;
}

Result<std::string> FormatHourlyFile(const std::vector<std::string>& cups,
                                     std::span<const Coefficient> matrix) {
  Status s = CheckCupsList(cups);
  if (!s.ok()) return s;
  if (matrix.empty() || matrix.size() % cups.size() != 0) {
    return Status::Error("coefficient file: " + std::to_string(matrix.size()) +
                         " coefficients is not a whole number of hours of " +
                         std::to_string(cups.size()) + " CUPS");
  }
  const std::size_t hours = matrix.size() / cups.size();
  if (hours > 9999) {
    return Status::Error("coefficient file: " + std::to_string(hours) +
                         " hours do not fit the 4-digit hour field");
  }
  std::string out;
  out.reserve(matrix.size() * 37);
  for (std::size_t h = 0; h < hours; ++h) {
    const int hour = static_cast<int>(h) + 1;
    const std::string hour_text = HourText(hour);
    const auto row = matrix.subspan(h * cups.size(), cups.size());
    s = CheckSet(row, "coefficient file, hour " + hour_text);
    if (!s.ok()) return s;
    const std::vector<std::int64_t> millionths = RoundToMillionths(row);
    for (std::size_t i = 0; i < cups.size(); ++i) {
      AppendLineEnd(out);
      out += cups[i];
      out += ';';
      out += hour_text;
      out += ';';
      out += FormatMillionths(millionths[i]);
    }
  }
  return out;
}

Result<std::string> FormatCoefficientFile(const CoefficientTable& table) {
  return table.hourly ? FormatHourlyFile(table.cups, table.values)
                      : FormatFixedFile(table.cups, table.values);
}

std::string CoefficientFileName(std::string_view cau, int year) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "_%04d.txt", year);
  return std::string(cau) + buffer;
}

Status WriteCoefficientFile(const std::filesystem::path& dir, std::string_view cau, int year,
                            std::string_view content) {
  const std::string cau_problem = CauProblem(cau);
  if (!cau_problem.empty()) return Status::Error("coefficient file name: " + cau_problem);
  if (year < 1000 || year > 9999) {
    return Status::Error("coefficient file name: the year " + std::to_string(year) +
                         " is not 4 digits");
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Error("cannot write the coefficient file: '" + dir.string() +
                         "' is not an existing directory");
  }
  return WriteWholeFile((dir / CoefficientFileName(cau, year)).string(), content);
}

}  // namespace reparto::distributor
