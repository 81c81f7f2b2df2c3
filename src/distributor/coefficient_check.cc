// Validation of the Spanish coefficient file (see coefficient_check.h).
//
// Pass 1 reads every line into a Record (CUPS id, hour, value in millionths), reporting what a
// single line can get wrong. Then the year (hence the hour count) is settled, and pass 2 walks the
// records hour by hour for order, completeness, the CUPS set and the sums.
#include "distributor/coefficient_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

#include "distributor/cups_syntax.h"
#include "distributor/hour_of_year.h"
#include "distributor/millionths.h"
#include "fileio/read_file.h"

namespace reparto::distributor {
namespace {

constexpr std::int64_t kUnknownValue = std::numeric_limits<std::int64_t>::min();
constexpr int kMaxHourNumber = 9999;

enum class Format : std::uint8_t { kUnknown, kFixed, kHourly };
enum class LineEnd : std::uint8_t { kNone, kCrLf, kLf, kCr };

struct Record {
  int line = 0;
  int cups = -1;                       // interned CUPS text (valid or not)
  int hour = -1;                       // hourly lines: the parsed number, -1 when unreadable
  std::int64_t value = kUnknownValue;  // millionths, kUnknownValue when not exactly known
};

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string Hour4(int hour) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", hour);
  return buffer;
}

// Millionths as the file would print them, negative values included.
std::string Decimal(std::int64_t millionths) {
  return millionths < 0 ? "-" + FormatMillionths(-millionths) : FormatMillionths(millionths);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Checker {
 public:
  Checker(std::string_view content, std::optional<int> year, const TimeZone& zone,
          std::string_view file_name)
      : content_(content), year_(year), zone_(zone), file_name_(file_name) {}

  CheckReport Run() {
    std::optional<int> name_year;
    if (!file_name_.empty()) name_year = CheckFileName();
    ReadLines();
    SettleYear(name_year);
    if (records_.empty()) {
      Add(0, 0, "the file has no coefficient lines");
    } else if (format_ == Format::kHourly) {
      CheckHours();
    } else {
      CheckFixed();
    }
    std::stable_sort(report_.violations.begin(), report_.violations.end(),
                     [](const Violation& a, const Violation& b) { return a.line < b.line; });
    if (report_.ok()) report_.table = BuildTable();
    return std::move(report_);
  }

 private:
  void Add(int line, int column, std::string message) {
    report_.violations.push_back(Violation{line, column, std::move(message)});
  }

  // ---- file name ---------------------------------------------------------------------------
  std::optional<int> CheckFileName() {
    const std::string name = std::filesystem::path(std::string(file_name_)).filename().string();
    const std::string expected = " (expected {CAU}_{YYYY}.txt)";
    constexpr std::string_view kExtension = ".txt";
    if (name.size() <= kExtension.size() ||
        name.compare(name.size() - kExtension.size(), kExtension.size(), kExtension) != 0) {
      Add(0, 0, "file name " + Quote(name) + " does not end in .txt" + expected);
      return std::nullopt;
    }
    const std::string stem = name.substr(0, name.size() - kExtension.size());
    const std::size_t underscore = stem.rfind('_');
    if (underscore == std::string::npos) {
      Add(0, 0, "file name " + Quote(name) + " has no '_' before the year" + expected);
      return std::nullopt;
    }
    const std::string cau = stem.substr(0, underscore);
    const std::string year_text = stem.substr(underscore + 1);
    const std::string cau_problem = CauProblem(cau);
    if (!cau_problem.empty()) Add(0, 0, "file name " + Quote(name) + ": " + cau_problem);
    if (year_text.size() != 4 || !std::all_of(year_text.begin(), year_text.end(), IsDigit)) {
      Add(0, 0,
          "file name " + Quote(name) + ": year " + Quote(year_text) + " is not 4 digits" +
              expected);
      return std::nullopt;
    }
    const int name_year = std::stoi(year_text);
    if (year_ && *year_ != name_year) {
      Add(0, 0,
          "file name " + Quote(name) + " is for " + year_text + " but the year " +
              std::to_string(*year_) + " was given");
    }
    return name_year;
  }

  // ---- pass 1: lines -----------------------------------------------------------------------
  void ReadLines() {
    std::size_t pos = 0;
    int number = 0;
    while (pos < content_.size()) {
      ++number;
      std::size_t end = pos;
      while (end < content_.size() && content_[end] != '\r' && content_[end] != '\n') ++end;
      LineEnd line_end = LineEnd::kNone;
      std::size_t next = end;
      if (end < content_.size()) {
        if (content_[end] == '\r' && end + 1 < content_.size() && content_[end + 1] == '\n') {
          line_end = LineEnd::kCrLf;
          next = end + 2;
        } else {
          line_end = content_[end] == '\r' ? LineEnd::kCr : LineEnd::kLf;
          next = end + 1;
        }
      }
      const std::string_view text = content_.substr(pos, end - pos);
      const int column = static_cast<int>(text.size()) + 1;
      if (line_end != LineEnd::kNone && next == content_.size()) {
        Add(number, column, "line end after the last line; the file must end without one");
      } else if (line_end == LineEnd::kLf) {
        Add(number, column, "line ends in LF; expected CRLF");
      } else if (line_end == LineEnd::kCr) {
        Add(number, column, "line ends in a bare CR; expected CRLF");
      }
      last_line_ = number;
      ReadLine(number, text);
      pos = next;
    }
  }

  void ReadLine(int number, std::string_view text) {
    bool reported_non_ascii = false;
    bool reported_control = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0x20 && byte < 0x7F) continue;
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      if (byte >= 0x80 && !reported_non_ascii) {
        Add(number, static_cast<int>(i) + 1, std::string("non-ASCII byte ") + hex);
        reported_non_ascii = true;
      } else if (byte < 0x80 && !reported_control) {
        Add(number, static_cast<int>(i) + 1, std::string("control character ") + hex);
        reported_control = true;
      }
    }
    if (text.empty()) {
      Add(number, 0, "empty line");
      return;
    }
    // Up to 3 fields kept; more are only counted.
    std::array<std::string_view, 3> fields;
    std::array<int, 3> columns{};
    std::size_t n_fields = 0;
    std::size_t start = 0;
    while (true) {
      const std::size_t semi = text.find(';', start);
      if (n_fields < fields.size()) {
        fields[n_fields] = text.substr(start, semi == std::string_view::npos ? semi : semi - start);
        columns[n_fields] = static_cast<int>(start) + 1;
      }
      ++n_fields;
      if (semi == std::string_view::npos) break;
      start = semi + 1;
    }
    if (n_fields != 2 && n_fields != 3) {
      Add(number, 0,
          std::to_string(n_fields) +
              " fields; expected CUPS;value (fixed) or CUPS;HHHH;value (hourly), separated by ';'");
      return;
    }
    const Format line_format = n_fields == 2 ? Format::kFixed : Format::kHourly;
    bool belongs = true;
    if (format_ == Format::kUnknown) {
      format_ = line_format;
      format_line_ = number;
    } else if (line_format != format_) {
      Add(number, 0,
          std::string(line_format == Format::kFixed ? "fixed-format line (CUPS;value)"
                                                    : "hourly-format line (CUPS;HHHH;value)") +
              " in a file that is " + (format_ == Format::kFixed ? "fixed" : "hourly") +
              " from line " + std::to_string(format_line_) + "; the formats cannot be mixed");
      belongs = false;
    }
    Record record;
    record.line = number;
    record.cups = Intern(fields[0]);
    const std::string& problem = cups_problems_[static_cast<std::size_t>(record.cups)];
    if (!problem.empty()) Add(number, 1, problem);
    if (line_format == Format::kHourly) record.hour = ReadHour(number, columns[1], fields[1]);
    record.value = ReadValue(number, columns[n_fields - 1], fields[n_fields - 1]);
    if (belongs) records_.push_back(record);
  }

  int Intern(std::string_view cups) {
    auto [it, inserted] = cups_ids_.emplace(cups, static_cast<int>(cups_names_.size()));
    if (inserted) {
      cups_names_.push_back(cups);
      cups_problems_.push_back(CupsProblem(cups));  // checked once per distinct CUPS
    }
    return it->second;
  }

  int ReadHour(int line, int column, std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), IsDigit)) {
      Add(line, column, "hour " + Quote(text) + " is not a number (expected 4 digits, 0001..8760)");
      return -1;
    }
    if (text.size() != 4) {
      Add(line, column, "hour " + Quote(text) + " is not written with exactly 4 digits");
    }
    if (text.size() > 6) return kMaxHourNumber + 1;  // out of range anyway
    int hour = 0;
    for (const char c : text) hour = hour * 10 + (c - '0');
    return hour;
  }

  std::int64_t ReadValue(int line, int column, std::string_view text) {
    auto quoted = [&] { return "value " + Quote(text); };
    std::size_t pos = 0;
    char sign = 0;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) sign = text[pos++];
    const std::size_t int_start = pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    const std::size_t int_len = pos - int_start;
    char separator = 0;
    if (pos < text.size() && (text[pos] == ',' || text[pos] == '.')) separator = text[pos++];
    const std::size_t frac_start = pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    const std::size_t frac_len = pos - frac_start;
    if (int_len == 0 || pos != text.size() || (separator != 0 && frac_len == 0)) {
      Add(line, column, quoted() + " is not a number (expected like 0,350000)");
      return kUnknownValue;
    }
    if (separator == '.') {
      Add(line, column, quoted() + " has a decimal point; expected a decimal comma (0,350000)");
    }
    if (separator == 0) {
      Add(line, column, quoted() + " has no decimals; expected exactly 6 (like 1,000000)");
    } else if (frac_len != 6) {
      Add(line, column,
          quoted() + " has " + std::to_string(frac_len) + " decimals; expected exactly 6");
    }
    // Magnitude: exact in millionths when it has at most 6 decimals and a sane integer part.
    std::int64_t int_part = 0;
    bool huge = false;
    for (std::size_t i = int_start; i < int_start + int_len; ++i) {
      if (int_part > 1'000'000) {
        huge = true;
        break;
      }
      int_part = int_part * 10 + (text[i] - '0');
    }
    std::int64_t frac = 0;
    bool frac_nonzero = false;
    for (std::size_t i = 0; i < frac_len; ++i) {
      const int digit = text[frac_start + i] - '0';
      if (digit != 0) frac_nonzero = true;
      if (i < 6) frac = frac * 10 + digit;
    }
    for (std::size_t i = frac_len; i < 6; ++i) frac *= 10;
    const bool zero = !huge && int_part == 0 && !frac_nonzero;
    const bool above_one = huge || int_part > 1 || (int_part == 1 && frac_nonzero);
    bool range_problem = false;
    if (sign == '-' && !zero) {
      Add(line, column, quoted() + " is negative; expected a value from 0 to 1");
      range_problem = true;
    } else if (above_one) {
      Add(line, column, quoted() + " is above 1; expected a value from 0 to 1");
      range_problem = true;
    } else if (sign != 0) {
      Add(line, column, quoted() + " has a sign; expected digits only (like 0,350000)");
    }
    if (!range_problem && int_len != 1) {
      Add(line, column,
          quoted() + " has " + std::to_string(int_len) +
              " integer digits; expected one (0,350000 or 1,000000)");
    }
    if (huge || frac_len > 6) return kUnknownValue;
    const std::int64_t magnitude = int_part * kMillionthsScale + frac;
    return sign == '-' ? -magnitude : magnitude;
  }

  // ---- the year ----------------------------------------------------------------------------
  void SettleYear(std::optional<int> name_year) {
    if (year_) {
      table_year_ = *year_;
    } else if (name_year) {
      table_year_ = *name_year;
    }
    if (format_ != Format::kHourly) return;
    if (table_year_ != 0) {
      expected_hours_ = HoursInYear(zone_, table_year_);
      if (expected_hours_ == 0) {
        expected_hours_ = IsLeapYear(table_year_) ? 8784 : 8760;
        Add(0, 0,
            "cannot compute the hours of " + std::to_string(table_year_) + " in " +
                std::string(zone_.name()) + "; assuming " + std::to_string(expected_hours_));
      }
      year_source_ = year_ ? "for " + std::to_string(table_year_)
                           : "for " + std::to_string(table_year_) + ", the year in the file name";
    } else {
      int highest = 0;
      for (const Record& r : records_) {
        if (r.hour <= kMaxHourNumber) highest = std::max(highest, r.hour);
      }
      expected_hours_ = highest > 8760 ? 8784 : 8760;
      year_source_ = "(no year given: inferred from the highest hour number)";
    }
  }

  // ---- pass 2: hours -----------------------------------------------------------------------
  void CheckHours() {
    const std::string range = "0001.." + Hour4(expected_hours_) + " " + year_source_;
    // Hour order, as written.
    std::vector<int> first_line(static_cast<std::size_t>(expected_hours_) + 1, 0);
    std::vector<int> last_line(first_line.size(), 0);
    std::vector<std::size_t> count(first_line.size() + 1, 0);
    int current = 0;
    int current_line = 0;
    for (const Record& r : records_) {
      if (r.hour < 0) continue;
      if (r.hour < 1 || r.hour > expected_hours_) {
        Add(r.line, 0, "hour " + std::to_string(r.hour) + " is out of range " + range);
        continue;
      }
      const auto h = static_cast<std::size_t>(r.hour);
      if (r.hour != current) {
        if (first_line[h] != 0) {
          Add(r.line, 0,
              "hour " + Hour4(r.hour) + " appears again (first at line " +
                  std::to_string(first_line[h]) + "); all lines of one hour must be together");
        } else if (r.hour < current) {
          Add(r.line, 0,
              "hour " + Hour4(r.hour) + " comes after hour " + Hour4(current) + " (line " +
                  std::to_string(current_line) + "); hours must be in increasing order");
        }
        current = r.hour;
      }
      current_line = r.line;
      if (first_line[h] == 0) first_line[h] = r.line;
      last_line[h] = r.line;
      ++count[h];
    }
    // Missing hours, as ranges, reported where the next present hour starts.
    for (int h = 1; h <= expected_hours_;) {
      if (first_line[static_cast<std::size_t>(h)] != 0) {
        ++h;
        continue;
      }
      int end = h;
      while (end + 1 <= expected_hours_ && first_line[static_cast<std::size_t>(end + 1)] == 0) {
        ++end;
      }
      const int at =
          end < expected_hours_ ? first_line[static_cast<std::size_t>(end + 1)] : last_line_;
      Add(at, 0,
          (h == end ? "hour " + Hour4(h) + " is missing"
                    : "hours " + Hour4(h) + " to " + Hour4(end) + " are missing") +
              " (expected " + range + ")");
      h = end + 1;
    }
    // Records grouped by hour (counting sort, file order kept inside an hour).
    std::vector<std::size_t> offset(first_line.size() + 1, 0);
    for (std::size_t h = 1; h < first_line.size(); ++h) offset[h + 1] = offset[h] + count[h];
    by_hour_.assign(offset.back(), 0);
    hour_begin_ = offset;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      const int hour = records_[i].hour;
      if (hour < 1 || hour > expected_hours_) continue;
      by_hour_[offset[static_cast<std::size_t>(hour)]++] = i;
    }
    CheckSets(first_line);
  }

  // Duplicates, the CUPS set and the sums, hour by hour. The reference set is the CUPS present
  // in more than half of the hours, so one odd hour is blamed instead of all the others.
  void CheckSets(const std::vector<int>& first_line) {
    const std::size_t n_cups = cups_names_.size();
    std::vector<int> seen_in(n_cups, 0);     // last hour where the CUPS appeared
    std::vector<int> seen_line(n_cups, 0);   // its line there
    std::vector<int> hours_with(n_cups, 0);  // number of hours listing it
    int present_hours = 0;
    for (int h = 1; h <= expected_hours_; ++h) {
      const auto [begin, end] = HourRange(h);
      if (begin == end) continue;
      ++present_hours;
      for (std::size_t k = begin; k < end; ++k) {
        const Record& r = records_[by_hour_[k]];
        const auto c = static_cast<std::size_t>(r.cups);
        if (seen_in[c] == h) {
          Add(r.line, 1,
              "CUPS " + Quote(cups_names_[c]) + " appears twice in hour " + Hour4(h) +
                  " (first at line " + std::to_string(seen_line[c]) + ")");
          continue;
        }
        seen_in[c] = h;
        seen_line[c] = r.line;
        ++hours_with[c];
      }
    }
    for (std::size_t c = 0; c < n_cups; ++c) {
      if (2 * hours_with[c] > present_hours) reference_.push_back(static_cast<int>(c));
    }
    std::vector<bool> in_reference(n_cups, false);
    for (const int c : reference_) in_reference[static_cast<std::size_t>(c)] = true;
    std::fill(seen_in.begin(), seen_in.end(), 0);
    const std::string of_hours = " of " + std::to_string(present_hours) + " hours";
    for (int h = 1; h <= expected_hours_; ++h) {
      const auto [begin, end] = HourRange(h);
      if (begin == end) continue;
      std::int64_t sum = 0;
      bool sum_known = true;
      for (std::size_t k = begin; k < end; ++k) {
        const Record& r = records_[by_hour_[k]];
        const auto c = static_cast<std::size_t>(r.cups);
        if (seen_in[c] == h) continue;  // duplicate, reported above
        seen_in[c] = h;
        if (!in_reference[c]) {
          Add(r.line, 1,
              "CUPS " + Quote(cups_names_[c]) + " is listed in hour " + Hour4(h) + " but only in " +
                  std::to_string(hours_with[c]) + of_hours +
                  "; every hour must list the same CUPS");
        }
        if (r.value == kUnknownValue) {
          sum_known = false;
        } else {
          sum += r.value;
        }
      }
      const int line = first_line[static_cast<std::size_t>(h)];
      for (const int c : reference_) {
        if (seen_in[static_cast<std::size_t>(c)] != h) {
          Add(line, 0,
              "hour " + Hour4(h) + " does not list CUPS " +
                  Quote(cups_names_[static_cast<std::size_t>(c)]) + " (listed in " +
                  std::to_string(hours_with[static_cast<std::size_t>(c)]) + of_hours + ")");
        }
      }
      if (sum_known && sum != kMillionthsScale) {
        Add(line, 0,
            "the values of hour " + Hour4(h) + " (lines " + std::to_string(line) + "-" +
                std::to_string(records_[by_hour_[end - 1]].line) + ") add up to " + Decimal(sum) +
                "; expected exactly 1,000000");
      }
    }
  }

  std::pair<std::size_t, std::size_t> HourRange(int hour) const {
    const auto h = static_cast<std::size_t>(hour);
    return {hour_begin_[h], hour_begin_[h + 1]};
  }

  // ---- fixed files -------------------------------------------------------------------------
  void CheckFixed() {
    std::vector<int> seen_line(cups_names_.size(), 0);
    std::int64_t sum = 0;
    bool sum_known = true;
    for (const Record& r : records_) {
      const auto c = static_cast<std::size_t>(r.cups);
      if (seen_line[c] != 0) {
        Add(r.line, 1,
            "CUPS " + Quote(cups_names_[c]) + " is listed twice (first at line " +
                std::to_string(seen_line[c]) + ")");
        continue;
      }
      seen_line[c] = r.line;
      reference_.push_back(r.cups);
      if (r.value == kUnknownValue) {
        sum_known = false;
      } else {
        sum += r.value;
      }
    }
    if (sum_known && sum != kMillionthsScale) {
      Add(records_.back().line, 0,
          "the values add up to " + Decimal(sum) + "; expected exactly 1,000000");
    }
  }

  // ---- the table of a valid file -----------------------------------------------------------
  CoefficientTable BuildTable() const {
    CoefficientTable table;
    table.year = table_year_;
    table.hourly = format_ == Format::kHourly;
    std::vector<std::size_t> column(cups_names_.size(), 0);
    for (std::size_t i = 0; i < reference_.size(); ++i) {
      const auto c = static_cast<std::size_t>(reference_[i]);
      table.cups.emplace_back(cups_names_[c]);
      column[c] = i;
    }
    const std::size_t rows = table.hourly ? static_cast<std::size_t>(expected_hours_) : 1;
    table.values.assign(rows * table.cups.size(), 0);
    const std::int64_t ppb_per_millionth = kCoefficientScale / kMillionthsScale;
    for (const Record& r : records_) {
      const std::size_t row = table.hourly ? static_cast<std::size_t>(r.hour - 1) : 0;
      table.values[row * table.cups.size() + column[static_cast<std::size_t>(r.cups)]] =
          r.value * ppb_per_millionth;
    }
    return table;
  }

  std::string_view content_;
  std::optional<int> year_;
  const TimeZone& zone_;
  std::string_view file_name_;

  CheckReport report_;
  Format format_ = Format::kUnknown;
  int format_line_ = 0;
  int last_line_ = 0;
  std::vector<Record> records_;
  std::unordered_map<std::string_view, int> cups_ids_;
  std::vector<std::string_view> cups_names_;
  std::vector<std::string> cups_problems_;  // per CUPS id: CupsProblem, "" when valid
  int table_year_ = 0;
  int expected_hours_ = 0;
  std::string year_source_;
  std::vector<std::size_t> by_hour_;
  std::vector<std::size_t> hour_begin_;
  std::vector<int> reference_;
};

}  // namespace

std::string CheckReport::Format(std::string_view label, std::size_t max_violations) const {
  std::string out;
  std::size_t shown = 0;
  for (const Violation& v : violations) {
    if (shown == max_violations) {
      out += "... and " + std::to_string(violations.size() - shown) + " more\n";
      break;
    }
    out += label;
    if (v.line > 0) {
      out += ":" + std::to_string(v.line);
      if (v.column > 0) out += ":" + std::to_string(v.column);
    }
    out += ": " + v.message + "\n";
    ++shown;
  }
  return out;
}

Status CheckReport::ToStatus(std::string_view label) const {
  if (ok()) return Status::Ok();
  std::string text = Format(label, 200);
  if (!text.empty()) text.pop_back();
  return Status::Error(std::to_string(violations.size()) +
                       " problem(s) in the coefficient file:\n" + text);
}

CheckReport CheckCoefficientFile(std::string_view content, std::optional<int> year,
                                 const TimeZone& zone, std::string_view file_name) {
  return Checker(content, year, zone, file_name).Run();
}

CheckReport CheckCoefficientFileAt(const std::filesystem::path& path, std::optional<int> year,
                                   const TimeZone& zone) {
  std::error_code ec;
  auto content = std::filesystem::is_regular_file(path, ec)
                     ? ReadWholeFile(path.string())
                     : Result<std::string>(Status::Error(path.string() + ": not a regular file"));
  if (!content.ok()) {
    CheckReport report;
    report.violations.push_back(
        Violation{0, 0, "cannot read the coefficient file: " + content.status().message()});
    return report;
  }
  return CheckCoefficientFile(*content, year, zone, path.string());
}

}  // namespace reparto::distributor
