// Loader of the community TOML file and its CSV coefficient tables (see community_file.h and
// docs/community-file.md). toml++ types stay inside this file.
//
// Units: coefficients in files are fractions of 1 and become parts per billion; instants become
// UTC seconds; step_minutes / row_minutes are minutes; contracted_power_kw is kW.
#include "config/community_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "config/toml_reader.h"
#include "core/supply_point.h"
#include "core/time.h"
#include "fileio/csv.h"
#include "fileio/read_file.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

constexpr std::string_view kTopKeys[] = {"id",      "country",      "timezone",    "step_minutes",
                                         "sharing", "participants", "suspensions", "italy"};
constexpr std::string_view kParticipantKeys[] = {
    "id",   "role", "building", "voltage", "coefficient", "group", "contracted_power_kw",
    "from", "to"};
constexpr std::string_view kSharingKeys[] = {
    "method", "redistribution", "table", "row_minutes", "coefficients", "groups", "periods"};
constexpr std::string_view kPeriodKeys[] = {"from",         "to",     "method", "redistribution",
                                            "coefficients", "groups", "table",  "row_minutes"};
constexpr std::string_view kSuspensionKeys[] = {"participant", "from", "to"};
constexpr std::string_view kItalyKeys[] = {"plant_kw", "bonus_eur_per_mwh"};

std::string DefaultZone(Country country) {
  switch (country) {
    case Country::kSpain:
      return "Europe/Madrid";
    case Country::kPortugal:
      return "Europe/Lisbon";
    case Country::kFrance:
      return "Europe/Paris";
    case Country::kItaly:
      return "Europe/Rome";
  }
  return "Europe/Lisbon";
}

std::string Trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string JoinPath(const std::string& dir, const std::string& file) {
  if (dir.empty() || (!file.empty() && file[0] == '/')) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

std::string FormatDecimal(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

// A decimal written in text ("0.25", "1", "0.3333333333") to exact parts per billion; digits past
// the ninth decimal round half up. Negative numbers and exponents are rejected.
std::optional<Coefficient> ParseDecimalPpb(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t pos = 0;
  Coefficient whole = 0;
  bool any_digit = false;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    whole = whole * 10 + (text[pos] - '0');
    if (whole > 1000) return std::nullopt;
    ++pos;
    any_digit = true;
  }
  Coefficient fraction = 0;
  int digits = 0;
  bool round_up = false;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      if (digits < 9) {
        fraction = fraction * 10 + (text[pos] - '0');
        ++digits;
      } else if (digits == 9) {
        round_up = text[pos] >= '5';
        ++digits;
      }
      ++pos;
      any_digit = true;
    }
  }
  if (!any_digit || pos != text.size()) return std::nullopt;
  for (int d = std::min(digits, 9); d < 9; ++d) fraction *= 10;
  return whole * kCoefficientScale + fraction + (round_up ? 1 : 0);
}

struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

// Reads a comma-separated file: blank lines and lines starting with '#' are skipped, fields are
// trimmed; the tokenizer accepts a UTF-8 byte-order mark, CRLF line ends and quoted fields.
Result<std::vector<CsvRow>> ReadCsv(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  std::vector<CsvRow> rows;
  CsvCursor csv(*text, ',');
  while (csv.Next()) {
    if (Trim(csv.field(0)).rfind('#', 0) == 0) continue;
    CsvRow row;
    row.line = static_cast<int>(csv.line());
    for (std::string_view field : csv.fields()) row.fields.push_back(Trim(field));
    rows.push_back(std::move(row));
  }
  if (!csv.error().empty()) return Status::Error(path + ":" + csv.error());
  return rows;
}

// Extra, per-participant settings from the file that are not part of the core model.
struct ParticipantExtras {
  std::optional<double> coefficient;
  const toml::node* coefficient_node = nullptr;
  std::optional<int> group;
  const toml::node* group_node = nullptr;
  const toml::node* node = nullptr;
};

class Loader : TomlReader {
 public:
  Loader(std::string source, std::string base_dir)
      : TomlReader(std::move(source)), base_dir_(std::move(base_dir)) {}

  Result<Community> Run(std::string_view text) {
    auto parsed = Parse(text);
    if (!parsed.ok()) return parsed.status();
    const toml::table& root = *parsed;
    CheckKeys(root, "", kTopKeys);
    ReadHeader(root);
    ReadParticipants(root);
    ReadItaly(root);
    ReadSuspensions(root);
    ReadSharing(root);
    if (errors().empty()) AddFileErrors(Validate(community_));
    if (!errors().empty()) return Failure();
    return std::move(community_);
  }

 private:
  // A date ("2024-05-20" or TOML 2024-05-20: local midnight in the community's zone) or an
  // instant with offset ("2024-05-20T10:00:00+01:00", quoted or TOML offset date-time).
  std::optional<UtcSeconds> GetInstant(const toml::node* node, const std::string& label) {
    if (node == nullptr) return std::nullopt;
    constexpr const char* kExpected =
        " (expected a date YYYY-MM-DD, local midnight, or an ISO 8601 instant with offset like "
        "2024-05-20T10:00:00+01:00)";
    std::optional<CivilDate> date;
    if (const auto* s = node->as_string()) {
      const std::string text = Trim(s->get());
      if (text.size() == 10) {
        auto parsed = ParseDate(text);
        if (!parsed.ok()) {
          Error(node, label, "bad date '" + text + "'" + kExpected);
          return std::nullopt;
        }
        date = *parsed;
      } else {
        auto instant = ParseIsoInstant(text);
        if (!instant.ok()) {
          Error(node, label, instant.status().message());
          return std::nullopt;
        }
        if (*instant >= kLastSupportedInstant) {
          Error(node, label, "'" + text + "' is on or after 2038-03-28, which is not supported");
          return std::nullopt;
        }
        return *instant;
      }
    } else if (const auto* d = node->as_date()) {
      date = CivilDate{d->get().year, d->get().month, d->get().day};
    } else if (const auto* dt = node->as_date_time()) {
      const toml::date_time& v = dt->get();
      if (!v.offset) {
        Error(node, label, std::string("local date-time without a UTC offset") + kExpected);
        return std::nullopt;
      }
      const UtcSeconds instant = DaysFromCivil({v.date.year, v.date.month, v.date.day}) * 86400 +
                                 v.time.hour * 3600 + v.time.minute * 60 + v.time.second -
                                 v.offset->minutes * 60;
      if (instant >= kLastSupportedInstant) {
        Error(node, label, "instants on or after 2038-03-28 are not supported");
        return std::nullopt;
      }
      return instant;
    } else {
      Error(node, label, std::string("expected a date or an instant") + kExpected);
      return std::nullopt;
    }
    if (zone_ == nullptr) return std::nullopt;  // the time-zone error is already reported
    auto start = zone_->StartOfDay(*date);
    if (!start.ok()) {
      Error(node, label, start.status().message());
      return std::nullopt;
    }
    return *start;
  }

  void ReadHeader(const toml::table& root) {
    if (auto id = GetString(root, "id", "id", true)) {
      if (id->empty()) Error(root.get("id"), "id", "empty (expected the community's name)");
      community_.id = *id;
    }
    if (auto country = GetString(root, "country", "country", true)) {
      auto parsed = ParseCountry(*country);
      if (parsed.ok()) {
        community_.rules = RulesFor(*parsed);
        has_country_ = true;
      } else {
        Error(root.get("country"), "country", parsed.status().message());
      }
    }
    auto zone_name = GetString(root, "timezone", "timezone", false);
    community_.timezone = zone_name ? *zone_name : DefaultZone(community_.rules.country);
    auto zone = IanaZone::Load(community_.timezone);
    if (zone.ok()) {
      zone_ = std::move(*zone);
    } else {
      Error(root.get("timezone"), "timezone", zone.status().message());
    }
    if (auto minutes = GetInteger(root.get("step_minutes"), "step_minutes")) {
      if (*minutes <= 0 || 1440 % *minutes != 0) {
        Error(root.get("step_minutes"), "step_minutes",
              std::to_string(*minutes) +
                  " does not divide a day (expected 15 or 60, or another "
                  "divisor of 1440)");
      } else {
        community_.rules.step_seconds = static_cast<int>(*minutes) * 60;
      }
    }
  }

  void ReadParticipants(const toml::table& root) {
    const toml::node* node = root.get("participants");
    if (node == nullptr || !node->is_array_of_tables() || node->as_array()->empty()) {
      Error(node != nullptr ? node : &root, "participants",
            "expected at least one [[participants]] table");
      return;
    }
    std::map<std::string, int> first_line;
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
      const toml::table& t = *array[i].as_table();
      const std::string prefix = "participants[" + std::to_string(i) + "].";
      CheckKeys(t, prefix, kParticipantKeys);
      Participant p;
      ParticipantExtras extras;
      extras.node = &t;
      if (auto id = GetString(t, "id", prefix + "id", true)) {
        p.id = *id;
        if (p.id.empty()) {
          Error(t.get("id"), prefix + "id", "empty id");
        } else {
          const int line = static_cast<int>(t.get("id")->source().begin.line);
          auto [it, inserted] = first_line.emplace(p.id, line);
          if (!inserted) {
            Error(t.get("id"), prefix + "id",
                  "duplicate participant id '" + p.id + "' (first at line " +
                      std::to_string(it->second) + ")");
          }
        }
      }
      if (auto role = GetString(t, "role", prefix + "role", false)) {
        auto parsed = ParseRole(*role);
        if (parsed.ok()) {
          p.role = *parsed;
        } else {
          Error(t.get("role"), prefix + "role", parsed.status().message());
        }
      }
      if (auto building = GetString(t, "building", prefix + "building", false)) {
        p.building = *building;
      }
      if (auto voltage = GetString(t, "voltage", prefix + "voltage", false)) {
        auto parsed = ParseVoltage(*voltage);
        if (parsed.ok()) {
          p.voltage = *parsed;
        } else {
          Error(t.get("voltage"), prefix + "voltage", parsed.status().message());
        }
      }
      if (auto power = GetNumber(t.get("contracted_power_kw"), prefix + "contracted_power_kw")) {
        if (*power < 0) {
          Error(t.get("contracted_power_kw"), prefix + "contracted_power_kw",
                "negative power " + FormatDecimal(*power) + " (expected kW >= 0)");
        } else {
          p.contracted_power_kw = *power;
        }
      }
      if (auto from = GetInstant(t.get("from"), prefix + "from")) p.member_from = *from;
      if (auto to = GetInstant(t.get("to"), prefix + "to")) p.member_to = *to;
      if (t.get("from") != nullptr && t.get("to") != nullptr && p.member_from >= p.member_to) {
        Error(t.get("to"), prefix + "to", "membership ends before it starts");
      }
      extras.coefficient_node = t.get("coefficient");
      extras.coefficient = GetNumber(extras.coefficient_node, prefix + "coefficient");
      extras.group_node = t.get("group");
      if (auto group = GetInteger(extras.group_node, prefix + "group")) {
        if (*group < 1 || *group > 1000) {
          Error(extras.group_node, prefix + "group",
                std::to_string(*group) + " (expected 1 = served first, 2, 3, ...)");
        } else {
          extras.group = static_cast<int>(*group);
        }
      }
      CheckSupplyPointId(p.id, t.get("id"), prefix + "id");
      community_.participants.push_back(std::move(p));
      extras_.push_back(extras);
    }
  }

  // Ids that look like a CUPS or CPE must be valid ones (syntax, CUPS control letters).
  void CheckSupplyPointId(const std::string& id, const toml::node* node, const std::string& label) {
    if (id.empty()) return;
    const Status s = ValidateIfSupplyPoint(id);
    if (!s.ok()) Error(node, label, s.message());
  }

  void ReadItaly(const toml::table& root) {
    const toml::node* node = root.get("italy");
    if (node == nullptr) return;
    const toml::table* t = node->as_table();
    if (t == nullptr) {
      Error(node, "italy", "expected a table [italy]");
      return;
    }
    CheckKeys(*t, "italy.", kItalyKeys);
    if (auto kw = GetNumber(t->get("plant_kw"), "italy.plant_kw")) {
      if (*kw < 0) Error(t->get("plant_kw"), "italy.plant_kw", "expected kW >= 0");
      community_.italy.plant_kw = *kw;
    }
    if (auto bonus = GetNumber(t->get("bonus_eur_per_mwh"), "italy.bonus_eur_per_mwh")) {
      if (*bonus < 0) {
        Error(t->get("bonus_eur_per_mwh"), "italy.bonus_eur_per_mwh", "expected EUR/MWh >= 0");
      }
      community_.italy.bonus_eur_per_mwh = *bonus;
    }
  }

  void ReadSuspensions(const toml::table& root) {
    const toml::node* node = root.get("suspensions");
    if (node == nullptr) return;
    if (!node->is_array_of_tables()) {
      Error(node, "suspensions", "expected [[suspensions]] tables");
      return;
    }
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
      const toml::table& t = *array[i].as_table();
      const std::string prefix = "suspensions[" + std::to_string(i) + "].";
      CheckKeys(t, prefix, kSuspensionKeys);
      Suspension s;
      if (auto id = GetString(t, "participant", prefix + "participant", false)) {
        s.participant = community_.IndexOf(*id);
        if (s.participant < 0) {
          Error(t.get("participant"), prefix + "participant", "unknown participant '" + *id + "'");
          continue;
        }
      }
      if (t.get("from") == nullptr) Error(&t, prefix + "from", "missing");
      if (t.get("to") == nullptr) Error(&t, prefix + "to", "missing");
      auto from = GetInstant(t.get("from"), prefix + "from");
      auto to = GetInstant(t.get("to"), prefix + "to");
      if (!from || !to) continue;
      if (*from >= *to) {
        Error(t.get("to"), prefix + "to", "suspension ends before it starts");
        continue;
      }
      s.from = *from;
      s.to = *to;
      community_.suspensions.push_back(s);
    }
  }

  // One period as written: the [sharing] table itself or one [[sharing.periods]] table.
  struct PeriodSpec {
    const toml::table* table = nullptr;
    std::string prefix;
    UtcSeconds from = kBeginningOfTime;
    std::optional<UtcSeconds> to;
    Method method = Method::kFixed;
    Redistribution redistribution = Redistribution::kNone;
    bool ok = true;
  };

  void ReadSharing(const toml::table& root) {
    const toml::node* node = root.get("sharing");
    // No sharing rules on file: the engine applies the country's default (RuleSet::default_method;
    // for Spain, contracted-power coefficients computed by the engine).
    if (node == nullptr) return;
    const toml::table* sharing = node->as_table();
    if (sharing == nullptr) {
      Error(node, "sharing", "expected a table [sharing]");
      return;
    }
    CheckKeys(*sharing, "sharing.", kSharingKeys);
    std::optional<Method> default_method = ReadMethod(*sharing, "sharing.");
    Redistribution default_redistribution =
        ReadRedistribution(*sharing, "sharing.").value_or(Redistribution::kNone);

    std::vector<PeriodSpec> specs;
    if (const toml::node* periods = sharing->get("periods")) {
      for (std::string_view key : {"table", "coefficients", "groups", "row_minutes"}) {
        if (sharing->get(key) != nullptr) {
          Error(sharing->get(key), "sharing." + std::string(key),
                "not allowed beside [[sharing.periods]] (put it in each period)");
        }
      }
      if (!periods->is_array_of_tables() || periods->as_array()->empty()) {
        Error(periods, "sharing.periods", "expected [[sharing.periods]] tables");
        return;
      }
      const toml::array& array = *periods->as_array();
      for (std::size_t i = 0; i < array.size(); ++i) {
        PeriodSpec spec;
        spec.table = array[i].as_table();
        spec.prefix = "sharing.periods[" + std::to_string(i) + "].";
        CheckKeys(*spec.table, spec.prefix, kPeriodKeys);
        if (const toml::node* from = spec.table->get("from")) {
          auto instant = GetInstant(from, spec.prefix + "from");
          if (instant) {
            spec.from = *instant;
          } else {
            spec.ok = false;
          }
        } else if (i > 0) {
          Error(spec.table, spec.prefix + "from", "missing (only the first period may omit it)");
          spec.ok = false;
        }
        if (const toml::node* to = spec.table->get("to")) {
          spec.to = GetInstant(to, spec.prefix + "to");
          if (!spec.to) spec.ok = false;
        }
        auto method = ReadMethod(*spec.table, spec.prefix);
        if (!method) method = default_method;
        if (!method) {
          if (spec.table->get("method") == nullptr) {
            Error(spec.table, spec.prefix + "method",
                  "missing (here or in [sharing]; expected fixed, variable, proportional, "
                  "pairwise or priority)");
          }
          spec.ok = false;
        } else {
          spec.method = *method;
        }
        spec.redistribution =
            ReadRedistribution(*spec.table, spec.prefix).value_or(default_redistribution);
        specs.push_back(spec);
      }
    } else {
      PeriodSpec spec;
      spec.table = sharing;
      spec.prefix = "sharing.";
      if (!default_method) {
        if (sharing->get("method") == nullptr) {
          Error(sharing, "sharing.method",
                "missing (expected fixed, variable, proportional, pairwise or priority)");
        }
        return;
      }
      spec.method = *default_method;
      spec.redistribution = default_redistribution;
      specs.push_back(spec);
    }

    for (std::size_t i = 0; i < specs.size(); ++i) {
      PeriodSpec& spec = specs[i];
      if (!spec.ok) continue;
      SharingPeriod period;
      period.from = spec.from;
      period.to = spec.to ? *spec.to : (i + 1 < specs.size() ? specs[i + 1].from : kEndOfTime);
      period.method = spec.method;
      period.redistribution = spec.redistribution;
      if (BuildPeriod(spec, period)) community_.periods.push_back(std::move(period));
    }
  }

  std::optional<Method> ReadMethod(const toml::table& t, const std::string& prefix) {
    auto text = GetString(t, "method", prefix + "method", false);
    if (!text) return std::nullopt;
    auto parsed = ParseMethod(*text);
    if (!parsed.ok()) {
      Error(t.get("method"), prefix + "method", parsed.status().message());
      return std::nullopt;
    }
    return *parsed;
  }

  std::optional<Redistribution> ReadRedistribution(const toml::table& t,
                                                   const std::string& prefix) {
    auto text = GetString(t, "redistribution", prefix + "redistribution", false);
    if (!text) return std::nullopt;
    auto parsed = ParseRedistribution(*text);
    if (!parsed.ok()) {
      Error(t.get("redistribution"), prefix + "redistribution", parsed.status().message());
      return std::nullopt;
    }
    return *parsed;
  }

  bool BuildPeriod(const PeriodSpec& spec, SharingPeriod& period) {
    const toml::table& t = *spec.table;
    switch (period.method) {
      case Method::kFixed:
      case Method::kPriority:
        return BuildCoefficientSet(spec, period);
      case Method::kVariable:
      case Method::kPairwise: {
        auto table = GetString(t, "table", spec.prefix + "table", false);
        if (!table) {
          if (t.get("table") == nullptr) {
            Error(&t, spec.prefix + "table",
                  "missing (the " + std::string(MethodName(period.method)) +
                      " method needs a coefficient table CSV)");
          }
          return false;
        }
        const std::string path = JoinPath(base_dir_, *table);
        auto rows = ReadCsv(path);
        if (!rows.ok()) {
          Error(t.get("table"), spec.prefix + "table", rows.status().message());
          return false;
        }
        if (period.method == Method::kVariable) {
          std::optional<int> row_minutes;
          if (auto m = GetInteger(t.get("row_minutes"), spec.prefix + "row_minutes")) {
            if (*m <= 0 || 1440 % *m != 0) {
              Error(t.get("row_minutes"), spec.prefix + "row_minutes",
                    std::to_string(*m) + " does not divide a day (expected 60 or the step)");
              return false;
            }
            row_minutes = static_cast<int>(*m);
          }
          return LoadVariableTable(path, *rows, row_minutes, period);
        }
        return LoadPairwiseTable(path, *rows, period);
      }
      case Method::kProportional:
        for (std::string_view key : {"table", "coefficients", "groups"}) {
          if (t.get(key) != nullptr) {
            Error(t.get(key), spec.prefix + std::string(key),
                  "not used by the proportional method");
          }
        }
        return true;
    }
    return false;
  }

  // Fixed and priority coefficients: from the period's inline `coefficients` / `groups` tables,
  // else from the participants' `coefficient` / `group` keys; Spain's fixed default without any
  // coefficient is proportional to contracted power.
  bool BuildCoefficientSet(const PeriodSpec& spec, SharingPeriod& period) {
    const std::size_t n = community_.participants.size();
    std::vector<std::optional<double>> decimals(n);
    std::vector<const toml::node*> nodes(n, nullptr);
    std::vector<int> groups(n, 0);
    std::vector<const toml::node*> group_nodes(n, nullptr);
    const toml::table& t = *spec.table;
    bool ok = true;
    const toml::node* inline_coefficients = t.get("coefficients");
    if (inline_coefficients != nullptr) {
      ok &= ReadIdMap(inline_coefficients, spec.prefix + "coefficients",
                      [&](int index, const toml::node& value, const std::string& label) {
                        if (auto d = GetNumber(&value, label)) decimals[index] = *d;
                        nodes[index] = &value;
                      });
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        decimals[i] = extras_[i].coefficient;
        nodes[i] = extras_[i].coefficient_node;
      }
    }
    if (period.method == Method::kPriority) {
      if (const toml::node* inline_groups = t.get("groups")) {
        ok &= ReadIdMap(inline_groups, spec.prefix + "groups",
                        [&](int index, const toml::node& value, const std::string& label) {
                          auto g = GetInteger(&value, label);
                          if (g && *g >= 1 && *g <= 1000) {
                            groups[index] = static_cast<int>(*g);
                          } else if (g) {
                            Error(&value, label, "expected a group number 1, 2, 3, ...");
                          }
                          group_nodes[index] = &value;
                        });
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          groups[i] = extras_[i].group.value_or(0);
          group_nodes[i] = extras_[i].group_node;
        }
      }
    } else if (t.get("groups") != nullptr) {
      Error(t.get("groups"), spec.prefix + "groups", "only used by the priority method");
      ok = false;
    }
    if (!ok) return false;

    const bool none_given =
        std::none_of(decimals.begin(), decimals.end(), [](const auto& d) { return d.has_value(); });
    if (none_given) {
      if (period.method == Method::kFixed && has_country_ &&
          community_.rules.country == Country::kSpain) {
        return DefaultCoefficients(&t, spec.prefix + "coefficients", period.fixed);
      }
      Error(&t, spec.prefix + "coefficients",
            "the " + std::string(MethodName(period.method)) +
                " method needs a coefficient for each consumer (participant `coefficient` keys "
                "or an inline `coefficients = { A = 0.5, B = 0.5 }` table)");
      return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (decimals[i] && community_.participants[i].role == Role::kProducer && *decimals[i] != 0) {
        Error(nodes[i], "participant '" + community_.participants[i].id + "'",
              "a producer cannot receive a coefficient");
        ok = false;
      }
    }
    if (!ok) return false;

    const toml::node* where = inline_coefficients != nullptr ? inline_coefficients : spec.table;
    if (period.method == Method::kFixed) {
      std::vector<double> values(n);
      for (std::size_t i = 0; i < n; ++i) values[i] = decimals[i].value_or(0.0);
      auto exact = ToExactCoefficients(values);
      if (!exact.ok()) {
        Error(where, spec.prefix + "coefficients", exact.status().message());
        return false;
      }
      period.fixed = std::move(*exact);
      return true;
    }
    // Priority: each group's coefficients sum to 1.
    period.fixed.assign(n, 0);
    period.group = groups;
    std::map<int, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < n; ++i) {
      if (decimals[i] && *decimals[i] != 0 && groups[i] == 0) {
        Error(nodes[i], "participant '" + community_.participants[i].id + "'",
              "has a coefficient but no priority group (add group = 1, 2, ...)");
        ok = false;
      } else if (groups[i] > 0) {
        members[groups[i]].push_back(i);
      }
    }
    if (members.empty() && ok) {
      Error(where, spec.prefix + "groups", "no participant has a priority group");
      return false;
    }
    for (const auto& [group, indices] : members) {
      std::vector<double> values;
      for (std::size_t i : indices) values.push_back(decimals[i].value_or(0.0));
      auto exact = ToExactCoefficients(values);
      if (!exact.ok()) {
        Error(group_nodes[indices.front()], "group " + std::to_string(group),
              exact.status().message());
        ok = false;
        continue;
      }
      for (std::size_t k = 0; k < indices.size(); ++k) period.fixed[indices[k]] = (*exact)[k];
    }
    return ok;
  }

  // Calls `use(index, value, label)` for each `id = value` entry of an inline table, reporting
  // unknown ids. Returns false if any entry was bad.
  template <typename Use>
  bool ReadIdMap(const toml::node* node, const std::string& label, Use use) {
    const toml::table* table = node->as_table();
    if (table == nullptr) {
      Error(node, label, "expected an inline table { id = value, ... }");
      return false;
    }
    bool ok = true;
    for (const auto& [key, value] : *table) {
      const std::string id(key.str());
      const int index = community_.IndexOf(id);
      if (index < 0) {
        Error(&value, label + "." + id, "unknown participant '" + id + "'");
        ok = false;
        continue;
      }
      use(index, value, label + "." + id);
    }
    return ok;
  }

  // Spain's default: coefficients proportional to contracted power (core
  // ContractedPowerCoefficients).
  bool DefaultCoefficients(const toml::node* where, const std::string& label,
                           std::vector<Coefficient>& out) {
    auto coefficients = reparto::ContractedPowerCoefficients(community_);
    if (!coefficients.ok()) {
      Error(where, label, coefficients.status().message());
      return false;
    }
    out = std::move(*coefficients);
    return true;
  }

  std::string CsvAt(const std::string& path, int line) const {
    return path + ":" + std::to_string(line) + ": ";
  }

  bool CheckHeader(const std::string& path, const std::vector<CsvRow>& rows,
                   const std::vector<std::string>& expected) {
    std::string want;
    for (std::size_t i = 0; i < expected.size(); ++i) want += (i > 0 ? "," : "") + expected[i];
    if (rows.empty()) {
      AddError(path + ": empty file (expected the header '" + want + "')");
      return false;
    }
    std::vector<std::string> got;
    for (const std::string& f : rows[0].fields) got.push_back(Lower(f));
    if (got != expected) {
      AddError(CsvAt(path, rows[0].line) + "expected the header '" + want + "'");
      return false;
    }
    return true;
  }

  bool LoadVariableTable(const std::string& path, const std::vector<CsvRow>& rows,
                         std::optional<int> row_minutes, SharingPeriod& period) {
    if (!CheckHeader(path, rows, {"participant", "start", "coefficient"})) return false;
    const std::size_t n = community_.participants.size();
    struct Pending {
      int first_line = 0;
      std::vector<double> decimals;
    };
    std::map<UtcSeconds, Pending> by_start;
    std::map<std::pair<UtcSeconds, int>, int> seen;  // (start, participant) -> line
    const std::size_t errors_before = errors().size();
    const int step = community_.rules.step_seconds;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const std::string at = CsvAt(path, row.line);
      if (row.fields.size() != 3) {
        AddError(at + "expected 3 fields (participant,start,coefficient), found " +
                 std::to_string(row.fields.size()));
        continue;
      }
      const int index = community_.IndexOf(row.fields[0]);
      if (index < 0) {
        AddError(at + "unknown participant '" + row.fields[0] + "'");
        continue;
      }
      auto start = ParseIsoInstant(row.fields[1]);
      if (!start.ok()) {
        AddError(at + start.status().message());
        continue;
      }
      if (*start % step != 0) {
        AddError(at + "start " + row.fields[1] + " is not on a " + std::to_string(step / 60) +
                 "-minute boundary");
        continue;
      }
      double value = 0;
      const std::string& text = row.fields[2];
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
          value < 0) {
        AddError(at + "bad coefficient '" + text + "' (expected a decimal >= 0)");
        continue;
      }
      auto [it, inserted] = seen.emplace(std::make_pair(*start, index), row.line);
      if (!inserted) {
        AddError(at + "duplicate coefficient for '" + row.fields[0] + "' at " + row.fields[1] +
                 " (also line " + std::to_string(it->second) + ")");
        continue;
      }
      if (*start < period.from || *start >= period.to) continue;  // outside this period
      Pending& pending = by_start[*start];
      if (pending.decimals.empty()) {
        pending.first_line = row.line;
        pending.decimals.assign(n, 0.0);
      }
      pending.decimals[static_cast<std::size_t>(index)] = value;
    }
    if (errors().size() != errors_before) return false;
    if (by_start.empty()) {
      AddError(path + ": no coefficient rows inside the period");
      return false;
    }
    int row_seconds = row_minutes ? *row_minutes * 60 : 3600;
    if (!row_minutes) {
      for (const auto& [start, pending] : by_start) {
        if (start % 3600 != 0) row_seconds = step;
      }
    }
    period.row_seconds = row_seconds;
    bool ok = true;
    for (auto& [start, pending] : by_start) {
      auto exact = ToExactCoefficients(pending.decimals);
      if (!exact.ok()) {
        AddError(CsvAt(path, pending.first_line) + "rows starting " +
                 FormatIsoInstant(start, OffsetAt(start)) + ": " + exact.status().message());
        ok = false;
        continue;
      }
      period.rows.push_back(CoefficientRow{start, std::move(*exact)});
    }
    return ok;
  }

  bool LoadPairwiseTable(const std::string& path, const std::vector<CsvRow>& rows,
                         SharingPeriod& period) {
    if (!CheckHeader(path, rows, {"producer", "participant", "start", "coefficient"})) {
      return false;
    }
    bool ok = true;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const std::string at = CsvAt(path, row.line);
      if (row.fields.size() != 4) {
        AddError(at + "expected 4 fields (producer,participant,start,coefficient), found " +
                 std::to_string(row.fields.size()));
        ok = false;
        continue;
      }
      PairwiseEntry entry;
      entry.producer = community_.IndexOf(row.fields[0]);
      entry.participant = community_.IndexOf(row.fields[1]);
      if (entry.producer < 0) {
        AddError(at + "unknown producer '" + row.fields[0] + "'");
        ok = false;
      } else if (!community_.participants[static_cast<std::size_t>(entry.producer)].IsSource()) {
        AddError(at + "'" + row.fields[0] + "' is a consumer, not a producer or prosumer");
        ok = false;
      }
      if (entry.participant < 0) {
        AddError(at + "unknown participant '" + row.fields[1] + "'");
        ok = false;
      }
      if (!row.fields[2].empty()) {
        auto start = ParseIsoInstant(row.fields[2]);
        if (!start.ok()) {
          AddError(at + start.status().message());
          ok = false;
        } else {
          entry.start = *start;
        }
      }
      auto ppb = ParseDecimalPpb(row.fields[3]);
      if (!ppb || *ppb > kCoefficientScale) {
        AddError(at + "bad coefficient '" + row.fields[3] +
                 "' (expected a decimal between 0 and 1)");
        ok = false;
      } else {
        entry.coefficient = *ppb;
      }
      if (!ok) continue;
      if (entry.start != kBeginningOfTime &&
          (entry.start < period.from || entry.start >= period.to))
        continue;
      period.pairs.push_back(entry);
    }
    if (ok && period.pairs.empty()) {
      AddError(path + ": no pairwise coefficients");
      ok = false;
    }
    return ok;
  }

  int OffsetAt(UtcSeconds instant) const {
    if (zone_ == nullptr) return 0;
    auto offset = zone_->OffsetAt(instant);
    return offset.ok() ? *offset : 0;
  }

  std::string base_dir_;
  std::vector<std::string> errors_;
  std::unique_ptr<IanaZone> zone_;
  Community community_;
  std::vector<ParticipantExtras> extras_;
  bool has_country_ = false;
};

}  // namespace

Result<Community> ParseCommunityToml(std::string_view toml_text, const std::string& source_name,
                                     const std::string& base_dir) {
  Loader loader(source_name, base_dir);
  return loader.Run(toml_text);
}

Result<Community> LoadCommunityFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  const std::size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  return ParseCommunityToml(*text, path, dir);
}

}  // namespace reparto
