// The access wrapper and helpers shared by every API handler: see handler.h.
#include "api/handler.h"

#include <cstdio>
#include <utility>

namespace reparto::api {

Result<const jobs::CommunityContext*> Call::context() {
  if (!context_) {
    auto loaded = jobs::LoadCommunityContext(store(), community());
    if (!loaded.ok()) return loaded.status();
    context_.emplace(std::move(*loaded));
  }
  return &*context_;
}

namespace {

bool Allowed(Access access, const Principal& who, const http::Request& request) {
  const std::string& community = request.Param("community");
  switch (access) {
    case Access::kPublic:
    case Access::kSignedIn:
      return true;
    case Access::kReadCommunity:
      return CanReadCommunity(who, community);
    case Access::kReadParticipant:
      return CanReadParticipant(who, community, request.Param("participant"));
    case Access::kManage:
      return CanManageCommunity(who, community);
    case Access::kAdmin:
      return IsAdmin(who);
  }
  return false;
}

// 404 when the path names a community or participant that does not exist (asked only once access
// is granted, so nobody learns about communities that are not theirs).
}  // namespace

std::optional<http::Response> CheckExists(Call& call) {
  if (!call.request.path_params.contains("community")) return std::nullopt;
  auto stored = call.store().LoadCommunity(call.community());
  if (!stored.ok()) return Internal(stored.status());
  if (!stored->has_value()) return NotFound("no community " + call.community());
  if (call.request.path_params.contains("participant")) {
    for (const StoredParticipant& p : (*stored)->participants) {
      if (p.participant.id == call.participant()) return std::nullopt;
    }
    return NotFound("no participant " + call.participant() + " in " + call.community());
  }
  return std::nullopt;
}

void AddApiRoute(http::Router& router, ApiContext& api, std::string method, std::string pattern,
                 Access access, CallHandler handler, bool check_exists) {
  router.Add(std::move(method), std::move(pattern),
             [&api, access, check_exists, handler = std::move(handler)](http::Request& request) {
               if (access == Access::kPublic) {
                 Principal nobody;
                 Call call(request, nobody, api);
                 return handler(call);
               }
               auto who = api.authenticate(request);
               if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
               const Principal& principal = std::get<Principal>(who);
               if (!Allowed(access, principal, request)) return Forbidden();
               Call call(request, principal, api);
               if (check_exists) {
                 if (auto missing = CheckExists(call)) return std::move(*missing);
               }
               return handler(call);
             });
}

http::Response JsonOk(const Json& body, int status) {
  return http::JsonResponse(status, body.dump());
}
http::Response BadRequest(std::string_view message) {
  return http::JsonError(400, "bad_request", message);
}
http::Response Unprocessable(std::string_view message) {
  return http::JsonError(422, "unprocessable", message);
}
http::Response NotFound(std::string_view message) {
  return http::JsonError(404, "not_found", message);
}
http::Response Forbidden() {
  return http::JsonError(403, "forbidden", "you do not have access to this");
}
http::Response Internal(const Status& status) {
  std::fprintf(stderr, "reparto api: %s\n", status.message().c_str());
  return http::JsonError(500, "internal", "the server could not complete the request");
}

std::optional<Json> ParseBody(const http::Request& request, http::Response& error) {
  Json body;
  try {
    body = Json::parse(request.body);
  } catch (const Json::parse_error& e) {
    error = BadRequest("malformed JSON at byte " + std::to_string(e.byte));
    return std::nullopt;
  }
  if (!body.is_object()) {
    error = BadRequest("the body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> StringField(const Json& body, std::string_view name, bool required,
                                       http::Response& error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) error = BadRequest("missing field '" + std::string(name) + "'");
    return std::nullopt;
  }
  if (!it->is_string()) {
    error = BadRequest("field '" + std::string(name) + "' must be a string");
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<CivilDate> DateField(const Json& body, std::string_view name, bool required,
                                   http::Response& error) {
  auto text = StringField(body, name, required, error);
  if (!text) return std::nullopt;
  auto date = ParseDate(*text);
  if (!date.ok()) {
    error = BadRequest("field '" + std::string(name) + "': expected a date YYYY-MM-DD");
    return std::nullopt;
  }
  return *date;
}

std::optional<CivilDate> DateQuery(const http::Request& request, std::string_view name,
                                   http::Response& error) {
  const std::string& text = request.Query(std::string(name));
  if (text.empty()) return std::nullopt;
  auto date = ParseDate(text);
  if (!date.ok()) {
    error = BadRequest("parameter '" + std::string(name) + "': expected a date YYYY-MM-DD");
    return std::nullopt;
  }
  return *date;
}

Result<CivilDate> ParseMonth(std::string_view text) {
  auto date = ParseDate(std::string(text) + "-01");
  if (text.size() != 7 || !date.ok()) return Status::Error("expected a month YYYY-MM");
  return *date;
}

std::string FormatMonth(CivilDate month) { return FormatDate(month).substr(0, 7); }

std::string Thousandths(std::int64_t value) {
  const std::int64_t abs = value < 0 ? -value : value;
  char text[40];
  std::snprintf(text, sizeof text, "%s%lld.%03lld", value < 0 ? "-" : "",
                static_cast<long long>(abs / 1000), static_cast<long long>(abs % 1000));
  return text;
}

// Thousandths of kWh = Wh, rounded half away from zero.
std::string KwhText(MilliWh mwh) { return Thousandths(WhFromMwh(mwh)); }

std::string EurosText(Cents cents) { return FormatCents(cents); }

std::string CoefficientText(std::int64_t ppb) {
  const std::int64_t millionths = (ppb + 500) / 1000;
  char text[40];
  std::snprintf(text, sizeof text, "%lld.%06lld", static_cast<long long>(millionths / 1000000),
                static_cast<long long>(millionths % 1000000));
  return text;
}

std::string LocalInstant(const TimeZone& zone, UtcSeconds t) {
  auto offset = zone.OffsetAt(t);
  return FormatIsoInstant(t, offset.ok() ? *offset : 0);
}

std::optional<TableFormat> FormatQuery(const http::Request& request, http::Response& error) {
  const std::string& format = request.Query("format");
  if (format.empty() || format == "json") return TableFormat::kJson;
  if (format == "csv") return TableFormat::kCsv;
  if (format == "xlsx") return TableFormat::kXlsx;
  error = BadRequest("parameter 'format': expected csv, xlsx or json");
  return std::nullopt;
}

}  // namespace reparto::api
