// Reading TOML config files with errors for people (internal to src/config): every message names
// the file, the line and column of the offending key, and the key's path; all errors found are
// collected and reported together, one per line.
//
//   class MyLoader : TomlReader { ... Error(node, "fee.kind", "expected one of ..."); ... };
//   auto root = reader.Parse(text);           // syntax errors name line and column
//   if (!reader.errors().empty()) return reader.Failure();
#pragma once

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace reparto {

class TomlReader {
 public:
  explicit TomlReader(std::string source) : source_(std::move(source)) {}

  // Parses `text`; a syntax error is returned (and not collected).
  Result<toml::table> Parse(std::string_view text) const;

  const std::string& source() const { return source_; }
  const std::vector<std::string>& errors() const { return errors_; }
  // All errors collected, one per line.
  Status Failure() const;
  // Adds each line of `status` (a core validation message) as an error of the whole file.
  void AddFileErrors(const Status& status);

  // "file.toml:12:5: participants[2].role: " for a node, or "file.toml: key: ".
  std::string At(const toml::node* node, const std::string& key) const;
  void Error(const toml::node* node, const std::string& key, const std::string& message);
  // An error already carrying its position (e.g. "table.csv:4: ...").
  void AddError(std::string message) { errors_.push_back(std::move(message)); }

  template <std::size_t N>
  void CheckKeys(const toml::table& table, const std::string& prefix,
                 const std::string_view (&allowed)[N]) {
    CheckKeys(table, prefix, std::vector<std::string_view>(std::begin(allowed), std::end(allowed)));
  }
  void CheckKeys(const toml::table& table, const std::string& prefix,
                 const std::vector<std::string_view>& allowed);

  std::optional<std::string> GetString(const toml::table& t, std::string_view key,
                                       const std::string& label, bool required);
  std::optional<double> GetNumber(const toml::node* node, const std::string& label);
  std::optional<std::int64_t> GetInteger(const toml::node* node, const std::string& label);
  // A local civil date: TOML date (2025-01-01) or string "2025-01-01".
  std::optional<CivilDate> GetDate(const toml::node* node, const std::string& label);
  // A decimal written as a TOML string ("0.11633") or number, with at most `decimals` decimals,
  // scaled to an integer (exact for strings and integers; numbers go through their shortest
  // decimal text, so 0.1 is 0.1).
  std::optional<std::int64_t> GetScaled(const toml::node* node, const std::string& label,
                                        int decimals);

 private:
  std::string source_;
  std::vector<std::string> errors_;
};

}  // namespace reparto
