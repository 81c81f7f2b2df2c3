// POST /api/login, POST /api/logout, GET /api/me, PUT /api/me/language: see auth_routes.h.
#include "auth/auth_routes.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>

#include "auth/token.h"
#include "core/auth_rules.h"

namespace reparto::auth {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxBodyBytes = 8 * 1024;

// Never throws: invalid UTF-8 (which no valid request can bring in) becomes U+FFFD.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json UserObject(const User& user) {
  return json{{"id", user.id},
              {"email", user.email},
              {"display_name", user.display_name},
              {"role", std::string(UserRoleName(user.role))},
              {"language", user.language}};
}

json GrantsArray(const std::vector<Grant>& grants) {
  json array = json::array();
  for (const Grant& g : grants) {
    array.push_back(json{{"community", g.community}, {"participant", g.participant}});
  }
  return array;
}

http::Response MeResponse(const Principal& who, const std::string& token) {
  json body{{"user", UserObject(who.user)},
            {"grants", GrantsArray(who.grants)},
            {"csrf_token", CsrfTokenFor(token)}};
  return http::JsonResponse(200, Dump(body));
}

// The body as a JSON object whose members are exactly `names`, each a string; or the 400/413/415
// error to answer with.
std::variant<std::vector<std::string>, http::Response> StringFields(
    const http::Request& request, const std::vector<std::string>& names) {
  if (request.body.size() > kMaxBodyBytes) {
    return http::JsonError(413, "too_large", "the request body is too large");
  }
  const std::string& type = request.Header("content-type");
  if (!type.empty() && type.rfind("application/json", 0) != 0) {
    return http::JsonError(415, "unsupported_media_type", "send JSON (application/json)");
  }
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return http::JsonError(400, "bad_request", "the body must be a JSON object");
  }
  std::vector<std::string> values;
  for (const std::string& name : names) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_string()) {
      return http::JsonError(400, "bad_request", "\"" + name + "\" must be a string");
    }
    values.push_back(it->get<std::string>());
  }
  for (const auto& [key, value] : body.items()) {
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      return http::JsonError(400, "bad_request", "unknown field \"" + key + "\"");
    }
  }
  return values;
}

http::Response Login(Sessions& sessions, http::Request& request) {
  if (!SameOrigin(request)) {
    return http::JsonError(403, "cross_origin", "requests from another site are refused");
  }
  auto fields = StringFields(request, {"email", "password"});
  if (auto* error = std::get_if<http::Response>(&fields)) return std::move(*error);
  const auto& values = std::get<std::vector<std::string>>(fields);
  auto outcome = sessions.Login(values[0], values[1], request.remote_address, sessions.Now());
  if (auto* failure = std::get_if<LoginFailure>(&outcome)) {
    switch (failure->kind) {
      case LoginFailureKind::kBadCredentials:
        return http::JsonError(401, "bad_credentials", failure->message);
      case LoginFailureKind::kRateLimited: {
        http::Response response = http::JsonError(429, "rate_limited", failure->message);
        response.headers.emplace_back("Retry-After", std::to_string(failure->retry_after_seconds));
        return response;
      }
      case LoginFailureKind::kUnavailable:
        return http::JsonError(500, "internal", failure->message);
    }
  }
  const LoginSuccess& success = std::get<LoginSuccess>(outcome);
  json body{{"user", UserObject(success.principal.user)},
            {"grants", GrantsArray(success.principal.grants)},
            {"csrf_token", success.csrf_token}};
  http::Response response = http::JsonResponse(200, Dump(body));
  response.headers.emplace_back("Set-Cookie", sessions.SessionCookie(success.token));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response Logout(Sessions& sessions, http::Request& request) {
  auto who = sessions.Authenticate(request);
  if (auto* error = std::get_if<http::Response>(&who)) return std::move(*error);
  if (!sessions.Logout(request).ok()) {
    return http::JsonError(500, "internal", "internal error, the request was not completed");
  }
  http::Response response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Set-Cookie", sessions.ClearedCookie());
  return response;
}

http::Response Me(Sessions& sessions, http::Request& request) {
  auto who = sessions.Authenticate(request);
  if (auto* error = std::get_if<http::Response>(&who)) return std::move(*error);
  http::Response response = MeResponse(std::get<Principal>(who), SessionTokenOf(request));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response SetLanguage(Sessions& sessions, http::Request& request) {
  auto who = sessions.Authenticate(request);
  if (auto* error = std::get_if<http::Response>(&who)) return std::move(*error);
  Principal principal = std::get<Principal>(std::move(who));
  auto fields = StringFields(request, {"language"});
  if (auto* error = std::get_if<http::Response>(&fields)) return std::move(*error);
  const std::string& language = std::get<std::vector<std::string>>(fields)[0];
  if (!IsKnownLanguage(language)) {
    return http::JsonError(422, "invalid", "language must be \"es\", \"pt\", \"en\" or \"\"");
  }
  StoredUser update{.user = principal.user};  // empty hash: the password stays
  update.user.language = language;
  if (!sessions.store().UpdateUser(update).ok()) {
    return http::JsonError(500, "internal", "internal error, the request was not completed");
  }
  principal.user.language = language;
  return MeResponse(principal, SessionTokenOf(request));
}

}  // namespace

std::string UserJson(const User& user) { return Dump(UserObject(user)); }

void AddAuthRoutes(http::Router& router, Sessions& sessions) {
  router.Add("POST", "/api/login",
             [&sessions](http::Request& request) { return Login(sessions, request); });
  router.Add("POST", "/api/logout",
             [&sessions](http::Request& request) { return Logout(sessions, request); });
  router.Add("GET", "/api/me",
             [&sessions](http::Request& request) { return Me(sessions, request); });
  router.Add("PUT", "/api/me/language",
             [&sessions](http::Request& request) { return SetLanguage(sessions, request); });
}

}  // namespace reparto::auth
