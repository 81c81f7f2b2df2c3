// Coefficient versions of a stored community: see coefficient_version_job.h.
//
// The hourly table is read by the community file's own loader (config/community_file.h), given a
// minimal community file naming this community's participants and one variable period from the
// version's start, so both commands accept exactly the same tables with the same messages.
#include "jobs/coefficient_version_job.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "config/community_file.h"
#include "fileio/csv.h"
#include "fileio/read_file.h"

namespace reparto::jobs {
namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string Lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

// A TOML basic string: "text" with quotes, backslashes and control characters escaped.
std::string TomlString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

struct TableRow {
  int line = 0;
  std::vector<std::string> fields;  // trimmed
};

// The rows of a comma-separated table; '#' comment lines skipped (blank lines are skipped by the
// tokenizer).
Result<std::vector<TableRow>> ReadRows(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  std::vector<TableRow> rows;
  CsvCursor csv(*text, ',');
  while (csv.Next()) {
    if (Trimmed(csv.field(0)).rfind('#', 0) == 0) continue;
    TableRow row{static_cast<int>(csv.line()), {}};
    for (std::string_view field : csv.fields()) row.fields.push_back(Trimmed(field));
    rows.push_back(std::move(row));
  }
  if (!csv.error().empty()) return Status::Error(path + ":" + csv.error());
  return rows;
}

std::string At(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ": ";
}

// `participant,coefficient`: one decimal per participant, adding up to 1.
Result<SharingPeriod> ReadFixed(const CommunityContext& context, const std::string& path,
                                const std::vector<TableRow>& rows) {
  const Community& community = context.community;
  std::vector<double> decimals(community.participants.size(), 0.0);
  std::map<int, int> line_of;  // participant -> line
  std::vector<std::string> errors;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const TableRow& row = rows[r];
    const std::string at = At(path, row.line);
    if (row.fields.size() != 2) {
      errors.push_back(at + "expected 2 fields (participant,coefficient), found " +
                       std::to_string(row.fields.size()));
      continue;
    }
    const std::string& id = row.fields[0];
    const std::string& text = row.fields[1];
    const int index = community.IndexOf(id);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (index < 0) {
      errors.push_back(at + "unknown participant '" + id + "' (not a member of " + community.id +
                       "; add it with `reparto member join`)");
    } else if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
      errors.push_back(at + "bad coefficient '" + text + "' (expected a decimal fraction)");
    } else if (value < 0) {
      errors.push_back(at + "negative coefficient " + text + " for '" + id + "'");
    } else if (community.participants[static_cast<std::size_t>(index)].role == Role::kProducer &&
               value != 0) {
      errors.push_back(at + "'" + id + "' is a producer and cannot receive a coefficient");
    } else if (auto [it, inserted] = line_of.emplace(index, row.line); !inserted) {
      errors.push_back(at + "duplicate coefficient for '" + id + "' (also line " +
                       std::to_string(it->second) + ")");
    } else {
      decimals[static_cast<std::size_t>(index)] = value;
    }
  }
  if (!errors.empty()) return Status::Error(JoinLines(errors));
  if (rows.size() < 2) return Status::Error(path + ": no coefficient rows");
  auto exact = ToExactCoefficients(decimals);
  if (!exact.ok()) return Status::Error(At(path, rows[1].line) + exact.status().message());
  SharingPeriod period;
  period.method = Method::kFixed;
  period.fixed = std::move(*exact);
  return period;
}

// `participant,start,coefficient`: the community file's variable table, read by its loader.
Result<SharingPeriod> ReadHourly(const CommunityContext& context, const std::string& path,
                                 CivilDate from) {
  const StoredCommunity& stored = context.stored;
  std::string toml = "id = " + TomlString(stored.id) + "\ncountry = \"" +
                     std::string(CountryCode(stored.rules.country)) +
                     "\"\ntimezone = " + TomlString(stored.timezone) +
                     "\nstep_minutes = " + std::to_string(stored.rules.step_seconds / 60) +
                     "\n[sharing]\nmethod = \"variable\"\n[[sharing.periods]]\nfrom = \"" +
                     FormatDate(from) + "\"\ntable = " + TomlString(path) + "\n";
  for (const StoredParticipant& sp : stored.participants) {
    toml += "[[participants]]\nid = " + TomlString(sp.participant.id) + "\nrole = \"" +
            std::string(RoleName(sp.participant.role)) + "\"\n";
  }
  auto community = ParseCommunityToml(toml, path, "");
  if (!community.ok()) return community.status();
  if (community->periods.size() != 1) return Status::Error(path + ": no coefficient rows");
  return community->periods[0];
}

}  // namespace

Result<CoefficientVersion> ReadVersionTable(const CommunityContext& context,
                                            const std::string& path, CivilDate from) {
  auto start = context.zone->StartOfDay(from);
  if (!start.ok()) return start.status();
  auto rows = ReadRows(path);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    return Status::Error(path +
                         ": empty file (expected the header 'participant,coefficient' or "
                         "'participant,start,coefficient')");
  }
  std::vector<std::string> header;
  for (const std::string& f : (*rows)[0].fields) header.push_back(Lowered(f));
  const bool fixed = header == std::vector<std::string>{"participant", "coefficient"};
  if (!fixed && header != std::vector<std::string>{"participant", "start", "coefficient"}) {
    return Status::Error(At(path, (*rows)[0].line) +
                         "expected the header 'participant,coefficient' (fixed coefficients) or "
                         "'participant,start,coefficient' (hourly)");
  }
  Result<SharingPeriod> period =
      fixed ? ReadFixed(context, path, *rows) : ReadHourly(context, path, from);
  if (!period.ok()) return period.status();
  CoefficientVersion version;
  version.valid_from = *start;
  version.period = std::move(*period);
  version.period.from = kBeginningOfTime;
  version.period.to = kEndOfTime;
  for (const StoredParticipant& sp : context.stored.participants) {
    version.participant_ids.push_back(sp.participant.id);
  }
  return version;
}

Result<AddedVersion> AddCoefficientVersion(Store& store, std::string_view community,
                                           const VersionRequest& request) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  auto version = ReadVersionTable(*context, request.table, request.from);
  if (!version.ok()) return version.status();
  version->created_at = request.now;
  version->note = request.note;
  if (version->note.empty()) {
    const std::size_t slash = request.table.find_last_of('/');
    version->note = slash == std::string::npos ? request.table : request.table.substr(slash + 1);
  }
  StoredCommunity changed = context->stored;
  changed.versions.push_back(*version);
  auto engine = ToCommunity(changed);
  if (!engine.ok()) return engine.status();

  auto saved = SaveCommunityAlone(store, changed);
  if (!saved.ok()) return saved.status();
  AddedVersion added;
  added.revision = saved->revision;
  for (const CoefficientVersion& v : saved->versions) {
    if (v.version > added.version.version) added.version = v;
  }
  const TimeZone& zone = *context->zone;
  auto today = LocalDateAt(zone, request.now);
  if (today.ok() && request.from < *today) {
    added.warnings.push_back(
        "version " + std::to_string(added.version.version) + " starts on " +
        FormatDate(request.from) +
        ", in the past: coefficients are agreed before the period "
        "they apply to (spec/allocation.md §3); stored for the history, and results from then "
        "on change when `reparto allocate` recomputes them");
  }
  if (version->period.method == Method::kFixed) {
    const Community& c = *engine;
    for (std::size_t i = 0; i < c.participants.size(); ++i) {
      const Participant& p = c.participants[i];
      const Coefficient k = version->period.fixed[i];
      if (k == 0 && p.role != Role::kProducer && p.member_to > version->valid_from) {
        added.warnings.push_back(p.id + " is a member but has no coefficient in version " +
                                 std::to_string(added.version.version) + ": it receives nothing");
      } else if (k > 0 && p.member_to <= version->valid_from) {
        added.warnings.push_back(p.id + " has a coefficient in version " +
                                 std::to_string(added.version.version) +
                                 " but left before it starts: its share is not used");
      }
    }
  }
  for (std::string& w : ChangeFrequencyWarnings(*saved, zone)) {
    added.warnings.push_back(std::move(w));
  }
  return added;
}

std::vector<VersionHistoryEntry> VersionHistory(const StoredCommunity& stored) {
  std::vector<VersionHistoryEntry> history;
  const std::vector<VersionSpan> spans = VersionsInForce(stored);
  for (const CoefficientVersion& v : stored.versions) {
    VersionHistoryEntry entry;
    entry.version = &v;
    for (const VersionSpan& span : spans) {
      if (span.version != &v) continue;
      entry.in_force = true;
      entry.in_force_from = span.from;
      entry.in_force_to = span.to;
    }
    if (!entry.in_force) {
      for (const CoefficientVersion& later : stored.versions) {
        if (later.valid_from == v.valid_from && later.version > v.version) {
          entry.replaced_by = later.version;
        }
      }
    }
    history.push_back(entry);
  }
  std::sort(history.begin(), history.end(),
            [](const auto& a, const auto& b) { return a.version->version < b.version->version; });
  return history;
}

}  // namespace reparto::jobs
