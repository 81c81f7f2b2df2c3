// TomlReader (toml_reader.h): positions, key checks and typed getters with collected errors.
#include "config/toml_reader.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "core/money.h"

namespace reparto {

Result<toml::table> TomlReader::Parse(std::string_view text) const {
  try {
    return toml::parse(text, source_);
  } catch (const toml::parse_error& e) {
    return Status::Error(source_ + ":" + std::to_string(e.source().begin.line) + ":" +
                         std::to_string(e.source().begin.column) + ": " +
                         std::string(e.description()));
  }
}

Status TomlReader::Failure() const {
  std::string message;
  for (std::size_t i = 0; i < errors_.size(); ++i) {
    if (i > 0) message += '\n';
    message += errors_[i];
  }
  return Status::Error(std::move(message));
}

void TomlReader::AddFileErrors(const Status& status) {
  if (status.ok()) return;
  std::istringstream lines(status.message());
  std::string line;
  while (std::getline(lines, line)) errors_.push_back(source_ + ": " + line);
}

std::string TomlReader::At(const toml::node* node, const std::string& key) const {
  std::string where = source_;
  if (node != nullptr && node->source().begin.line > 0) {
    where += ":" + std::to_string(node->source().begin.line) + ":" +
             std::to_string(node->source().begin.column);
  }
  return key.empty() ? where + ": " : where + ": " + key + ": ";
}

void TomlReader::Error(const toml::node* node, const std::string& key, const std::string& message) {
  errors_.push_back(At(node, key) + message);
}

void TomlReader::CheckKeys(const toml::table& table, const std::string& prefix,
                           const std::vector<std::string_view>& allowed) {
  for (const auto& [key, value] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      list += (i > 0 ? ", " : "") + std::string(allowed[i]);
    }
    Error(&value, prefix + std::string(key.str()), "unknown key (expected one of: " + list + ")");
  }
}

std::optional<std::string> TomlReader::GetString(const toml::table& t, std::string_view key,
                                                 const std::string& label, bool required) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    if (required) Error(&t, label, "missing (expected a string)");
    return std::nullopt;
  }
  if (const auto* s = node->as_string()) return s->get();
  Error(node, label, "expected a string");
  return std::nullopt;
}

std::optional<double> TomlReader::GetNumber(const toml::node* node, const std::string& label) {
  if (node == nullptr) return std::nullopt;
  if (const auto* f = node->as_floating_point()) {
    if (std::isfinite(f->get())) return f->get();
  } else if (const auto* i = node->as_integer()) {
    return static_cast<double>(i->get());
  }
  Error(node, label, "expected a number");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::GetInteger(const toml::node* node,
                                                   const std::string& label) {
  if (node == nullptr) return std::nullopt;
  if (const auto* i = node->as_integer()) return i->get();
  Error(node, label, "expected an integer");
  return std::nullopt;
}

std::optional<CivilDate> TomlReader::GetDate(const toml::node* node, const std::string& label) {
  if (node == nullptr) return std::nullopt;
  if (const auto* d = node->as_date()) {
    return CivilDate{d->get().year, d->get().month, d->get().day};
  }
  if (const auto* s = node->as_string()) {
    auto parsed = ParseDate(s->get());
    if (parsed.ok()) return *parsed;
  }
  Error(node, label, "expected a date YYYY-MM-DD");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::GetScaled(const toml::node* node, const std::string& label,
                                                  int decimals) {
  if (node == nullptr) return std::nullopt;
  std::string text;
  if (const auto* s = node->as_string()) {
    text = s->get();
  } else if (const auto* i = node->as_integer()) {
    text = std::to_string(i->get());
  } else if (const auto* f = node->as_floating_point()) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, f->get());
    text.assign(buffer, result.ptr);
    if (text.find('e') != std::string::npos) {
      Error(node, label, "write the number without an exponent, e.g. as a string \"0.000001\"");
      return std::nullopt;
    }
  } else {
    Error(node, label, "expected a decimal number");
    return std::nullopt;
  }
  // Reuse the exact decimal parser of money.h (6 decimals) and rescale.
  if (decimals > 6) {
    Error(node, label, "internal: too many decimals requested");
    return std::nullopt;
  }
  auto micro = ParseMicroPrice(text);
  if (!micro.ok()) {
    Error(node, label, micro.status().message());
    return std::nullopt;
  }
  std::int64_t divisor = 1;
  for (int d = decimals; d < 6; ++d) divisor *= 10;
  if (*micro % divisor != 0) {
    Error(node, label, "\"" + text + "\" has more than " + std::to_string(decimals) + " decimals");
    return std::nullopt;
  }
  return *micro / divisor;
}

}  // namespace reparto
