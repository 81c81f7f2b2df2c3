// Sessions, logins and request authentication: see sessions.h. Instants in UTC seconds.
#include "auth/sessions.h"

#include <chrono>
#include <utility>

#include "auth/token.h"
#include "core/auth_rules.h"

namespace reparto::auth {
namespace {

constexpr const char* kBadCredentials = "wrong e-mail or password";
constexpr const char* kUnavailable = "the login service is unavailable, try again later";

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

http::Response Internal() {
  return http::JsonError(500, "internal", "internal error, the request was not completed");
}

}  // namespace

bool ChangesState(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string SessionTokenOf(const http::Request& request) {
  if (auto it = request.cookies.find(kSessionCookie); it != request.cookies.end()) {
    return it->second;
  }
  // "a=1; reparto_session=TOKEN; b=2"
  std::string_view header = request.Header("cookie");
  const std::string_view name = kSessionCookie;
  while (!header.empty()) {
    const std::size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      std::string_view value = pair.substr(name.size() + 1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return std::string(value);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return "";
}

bool SameOrigin(const http::Request& request) {
  if (Lower(request.Header("sec-fetch-site")) == "cross-site") return false;
  const std::string& origin = request.Header("origin");
  if (origin.empty()) return true;  // not a browser, or a same-origin GET/HEAD
  const std::string host = Lower(request.Header("host"));
  if (host.empty()) return false;
  const std::string given = Lower(origin);
  return given == "http://" + host || given == "https://" + host;
}

Sessions::Sessions(std::function<AuthStore&()> store_for_this_thread, SessionOptions options)
    : store_for_this_thread_(std::move(store_for_this_thread)),
      options_(std::move(options)),
      limiter_(options_.limits) {}

UtcSeconds Sessions::Now() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const std::string& Sessions::DummyHash() {
  std::call_once(dummy_once_, [&] {
    auto hash = HashPassword("reparto: no such user, same work", options_.hash_limits);
    dummy_hash_ = hash.ok() ? *hash : "";
  });
  return dummy_hash_;
}

std::variant<LoginSuccess, LoginFailure> Sessions::Login(std::string_view email_text,
                                                         std::string_view password,
                                                         std::string_view remote_address,
                                                         UtcSeconds now) {
  const std::string email = NormalizeEmail(email_text);
  {
    std::lock_guard lock(limiter_mutex_);
    if (auto wait = limiter_.RetryAfter(email, remote_address, now)) {
      return LoginFailure{
          LoginFailureKind::kRateLimited, *wait,
          "too many failed logins, try again in " + std::to_string(*wait) + " seconds"};
    }
  }
  AuthStore& auth = store_for_this_thread_();
  auto found = auth.FindUserByEmail(email);
  if (!found.ok()) return LoginFailure{LoginFailureKind::kUnavailable, 0, kUnavailable};
  // The same Argon2 work whether the e-mail exists or not: timing does not tell.
  const bool known = found->has_value();
  const std::string& hash = known ? (*found)->password_hash : DummyHash();
  const bool right = VerifyPassword(hash, password) && known;
  if (!right) {
    std::lock_guard lock(limiter_mutex_);
    limiter_.RecordFailure(email, remote_address, now);
    return LoginFailure{LoginFailureKind::kBadCredentials, 0, kBadCredentials};
  }
  {
    std::lock_guard lock(limiter_mutex_);
    limiter_.RecordSuccess(email);
  }
  StoredUser user = std::move(**found);
  if (NeedsRehash(user.password_hash, options_.hash_limits)) {
    // Best effort: the login goes ahead with the old hash when this fails.
    if (auto rehashed = HashPassword(password, options_.hash_limits); rehashed.ok()) {
      StoredUser update = user;
      update.password_hash = *rehashed;
      (void)auth.UpdateUser(update);
    }
  }
  (void)auth.DeleteExpiredSessions(now);
  LoginSuccess success;
  success.token = NewSessionToken();
  success.csrf_token = CsrfTokenFor(success.token);
  success.expires_at = now + options_.lifetime_seconds;
  Status added = auth.AddSession({.token_hash = TokenHash(success.token),
                                  .user_id = user.user.id,
                                  .created_at = now,
                                  .expires_at = success.expires_at});
  if (!added.ok()) return LoginFailure{LoginFailureKind::kUnavailable, 0, kUnavailable};
  auto grants = auth.LoadGrants(user.user.id);
  if (!grants.ok()) return LoginFailure{LoginFailureKind::kUnavailable, 0, kUnavailable};
  success.principal = Principal{.user = std::move(user.user), .grants = std::move(*grants)};
  return success;
}

std::variant<Principal, http::Response> Sessions::Authenticate(const http::Request& request) {
  const std::string token = SessionTokenOf(request);
  if (!LooksLikeSessionToken(token)) {
    return http::JsonError(401, "unauthorized", "not logged in");
  }
  AuthStore& auth = store_for_this_thread_();
  auto session = auth.FindSession(TokenHash(token), Now());
  if (!session.ok()) return Internal();
  if (!session->has_value()) {
    return http::JsonError(401, "unauthorized", "not logged in or the session has expired");
  }
  if (ChangesState(request.method)) {
    if (!SameOrigin(request)) {
      return http::JsonError(403, "cross_origin", "requests from another site are refused");
    }
    if (!SameSecret(request.Header("x-csrf-token"), CsrfTokenFor(token))) {
      return http::JsonError(403, "csrf", "missing or wrong X-CSRF-Token header (reload the page)");
    }
  }
  auto user = auth.FindUser((*session)->user_id);
  if (!user.ok()) return Internal();
  if (!user->has_value()) return http::JsonError(401, "unauthorized", "not logged in");
  auto grants = auth.LoadGrants((*session)->user_id);
  if (!grants.ok()) return Internal();
  return Principal{.user = std::move((*user)->user), .grants = std::move(*grants)};
}

Status Sessions::Logout(const http::Request& request) {
  const std::string token = SessionTokenOf(request);
  if (!LooksLikeSessionToken(token)) return Status::Ok();
  return store_for_this_thread_().DeleteSession(TokenHash(token));
}

std::string Sessions::SessionCookie(std::string_view token) const {
  return std::string(kSessionCookie) + "=" + std::string(token) + "; Path=/; HttpOnly" +
         (options_.secure_cookie ? "; Secure" : "") +
         "; SameSite=Strict; Max-Age=" + std::to_string(options_.lifetime_seconds);
}

std::string Sessions::ClearedCookie() const {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly" +
         (options_.secure_cookie ? "; Secure" : "") + "; SameSite=Strict; Max-Age=0";
}

}  // namespace reparto::auth
