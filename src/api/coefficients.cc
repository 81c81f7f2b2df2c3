// Coefficient tables (managers):
//   GET  .../coefficients                    the version history and the fixed table in force now
//   POST .../coefficients {"valid_from","note","coefficients":{id: "0.1"},"accept_warnings"}
//        a new version through jobs/coefficient_version_job (sum 1, known participants, no
//        coefficient for producers); a version closer than four months to its neighbours in a
//        Spanish community (RD 244/2019) is refused with 422 unless "accept_warnings" is true
//   GET  .../coefficients/distributor-file?year  the Spanish {CAU}_{year}.txt
//
// Units: coefficients as decimal strings (6 decimals out, any number in); local dates.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>

#include "api/handler.h"
#include "api/temp_dir.h"
#include "distributor/coefficient_table.h"
#include "distributor/coefficient_writer.h"
#include "jobs/coefficient_version_job.h"

namespace reparto::api {
namespace {

std::string LocalDate(const TimeZone& zone, UtcSeconds t) {
  if (t == kBeginningOfTime) return "";
  auto date = LocalDateAt(zone, t);
  return date.ok() ? FormatDate(*date) : "";
}

Json VersionJson(const jobs::VersionHistoryEntry& entry, const TimeZone& zone) {
  const CoefficientVersion& v = *entry.version;
  Json out = Json::object();
  out["version"] = v.version;
  out["valid_from"] =
      v.valid_from == kBeginningOfTime ? Json(nullptr) : Json(LocalDate(zone, v.valid_from));
  out["created_at"] = LocalInstant(zone, v.created_at);
  out["note"] = v.note;
  out["method"] = std::string(MethodName(v.period.method));
  out["in_force"] = entry.in_force;
  out["in_force_to"] = entry.in_force && entry.in_force_to != kEndOfTime
                           ? Json(LocalDate(zone, entry.in_force_to))
                           : Json(nullptr);
  out["replaced_by"] = entry.replaced_by ? Json(*entry.replaced_by) : Json(nullptr);
  if (v.period.method == Method::kFixed || v.period.method == Method::kPriority) {
    Json table = Json::object();
    for (std::size_t i = 0; i < v.participant_ids.size() && i < v.period.fixed.size(); ++i) {
      table[v.participant_ids[i]] = CoefficientText(v.period.fixed[i]);
    }
    out["coefficients"] = std::move(table);
  }
  return out;
}

http::Response ListVersions(Call& call) {
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  const StoredCommunity& stored = (*context)->stored;
  const TimeZone& zone = *(*context)->zone;
  Json versions = Json::array();
  Json current = nullptr;
  const UtcSeconds now = call.now();
  for (const jobs::VersionHistoryEntry& entry : jobs::VersionHistory(stored)) {
    Json v = VersionJson(entry, zone);
    if (entry.in_force && entry.in_force_from <= now && now < entry.in_force_to) current = v;
    versions.push_back(std::move(v));
  }
  Json out = Json::object();
  out["community"] = stored.id;
  out["versions"] = std::move(versions);
  out["in_force_now"] = std::move(current);
  out["warnings"] = ChangeFrequencyWarnings(stored, zone);
  return JsonOk(out);
}

// "tmp/coefficients.csv:3: unknown participant ..." -> "unknown participant ...", line by line.
std::string WithoutTablePath(const std::string& message, const std::string& path) {
  std::string out;
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::string line = message.substr(start, end - start);
    if (line.rfind(path, 0) == 0) {
      line = line.substr(path.size());
      if (!line.empty() && line[0] == ':') line = line.substr(1);
      std::size_t digits = 0;
      while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
      if (digits > 0 && digits + 1 < line.size() && line[digits] == ':') {
        line = line.substr(digits + 1);
      }
      while (!line.empty() && line[0] == ' ') line = line.substr(1);
    }
    out += (out.empty() ? "" : "\n") + line;
    start = end + 1;
  }
  return out;
}

http::Response AddVersion(Call& call) {
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto valid_from = DateField(*body, "valid_from", true, error);
  if (!valid_from) return error;
  auto note = StringField(*body, "note", false, error);
  if (error.status >= 400) return error;
  bool accept_warnings = false;
  if (auto it = body->find("accept_warnings"); it != body->end() && !it->is_null()) {
    if (!it->is_boolean()) return BadRequest("field 'accept_warnings' must be true or false");
    accept_warnings = it->get<bool>();
  }
  auto coefficients = body->find("coefficients");
  if (coefficients == body->end() || !coefficients->is_object() || coefficients->empty()) {
    return BadRequest("field 'coefficients' must be an object {participant: \"0.25\", ...}");
  }
  std::string csv = "participant,coefficient\n";
  for (auto it = coefficients->begin(); it != coefficients->end(); ++it) {
    std::string value;
    if (it->is_string()) {
      value = it->get<std::string>();
    } else if (it->is_number()) {
      value = it->dump();
    } else {
      return BadRequest("field 'coefficients." + it.key() + "' must be a decimal string");
    }
    if (it.key().find_first_of(",\"\n\r") != std::string::npos ||
        value.find_first_of(",\"\n\r") != std::string::npos) {
      return Unprocessable("coefficients." + it.key() + ": unexpected characters");
    }
    csv += it.key() + "," + value + "\n";
  }
  TempDir dir;
  if (!dir.ok()) return Internal(Status::Error("cannot create a temporary folder"));
  const std::string path = dir.path() + "/coefficients.csv";
  {
    std::ofstream file(path, std::ios::binary);
    file << csv;
    if (!file) return Internal(Status::Error("cannot write " + path));
  }
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  auto version = jobs::ReadVersionTable(**context, path, *valid_from);
  if (!version.ok()) return Unprocessable(WithoutTablePath(version.status().message(), path));
  // Spain's four-month rule, checked before anything is stored.
  StoredCommunity changed = (*context)->stored;
  int next = 0;
  for (const CoefficientVersion& v : changed.versions) next = std::max(next, v.version);
  version->version = next + 1;
  changed.versions.push_back(*version);
  if (auto engine = ToCommunity(changed); !engine.ok()) {
    return Unprocessable(WithoutTablePath(engine.status().message(), path));
  }
  if (changed.rules.country == Country::kSpain && !accept_warnings) {
    const auto before = ChangeFrequencyWarnings((*context)->stored, *(*context)->zone);
    const std::set<std::string> known(before.begin(), before.end());
    std::string fresh;
    for (const std::string& w : ChangeFrequencyWarnings(changed, *(*context)->zone)) {
      if (!known.contains(w)) fresh += (fresh.empty() ? "" : "\n") + w;
    }
    if (!fresh.empty()) {
      return Unprocessable(fresh + "\n(send \"accept_warnings\": true to store it all the same)");
    }
  }
  jobs::VersionRequest request{.table = path,
                               .from = *valid_from,
                               .note = note.value_or("web: " + call.who.user.email),
                               .now = call.now()};
  auto added = jobs::AddCoefficientVersion(call.store(), call.community(), request);
  if (!added.ok()) return Unprocessable(WithoutTablePath(added.status().message(), path));
  InvalidateCaches();
  jobs::VersionHistoryEntry entry{.version = &added->version};
  Json out = Json::object();
  out["version"] = VersionJson(entry, *(*context)->zone);
  out["revision"] = added->revision;
  out["warnings"] = added->warnings;
  return JsonOk(out, 201);
}

http::Response DistributorFile(Call& call) {
  const std::string& year_text = call.request.Query("year");
  int year = 0;
  auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (year_text.empty() || ec != std::errc() || end != year_text.data() + year_text.size() ||
      year < 2000 || year > 2037) {
    return BadRequest("parameter 'year': expected YYYY");
  }
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  if ((*context)->stored.rules.country != Country::kSpain) {
    return Unprocessable("the distributor file exists for Spanish communities only");
  }
  auto table = distributor::TableForYear((*context)->community, *(*context)->zone, year);
  if (!table.ok()) return Unprocessable(table.status().message());
  auto text = distributor::FormatCoefficientFile(*table);
  if (!text.ok()) return Unprocessable(text.status().message());
  return http::FileResponse("text/plain; charset=utf-8", std::move(*text),
                            distributor::CoefficientFileName(call.community(), year));
}

}  // namespace

void AddCoefficientRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/coefficients", Access::kManage,
              ListVersions);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/coefficients", Access::kManage,
              AddVersion);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/coefficients/distributor-file",
              Access::kManage, DistributorFile);
}

}  // namespace reparto::api
