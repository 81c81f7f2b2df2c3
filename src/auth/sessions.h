// Logging in and recognising who sends a request (issue 5, docs/auth.md): auth::Sessions checks
// passwords against the store's users, opens and closes sessions, applies the login rate limits,
// and turns an HTTP request into the Principal the access rules (core/access.h) work on, or into
// the 401/403 JSON error to send back.
//
// Sessions: a random 256-bit token in the cookie `reparto_session` (HttpOnly; Secure;
// SameSite=Strict; Path=/), only its hash in the store. Lifetime FIXED at 12 hours from login (not
// sliding: no write per request; the cookie's Max-Age says the same), then the user logs in
// again. State-changing requests (POST, PUT, PATCH, DELETE) also need the header X-CSRF-Token =
// CsrfTokenFor(token) (token.h) and, when the browser sends an Origin, the same origin as the Host
// header (and no `Sec-Fetch-Site: cross-site`).
//
// Threads: the Store is not thread-safe and the server runs handlers on several threads, so
// Sessions never holds a store; it calls `store_for_this_thread()` each time it needs one (the
// server keeps one Store per worker thread and returns that thread's `Auth()`). The rate limiter
// is shared by all threads behind a mutex; everything else is per call. One Sessions per server.
//
// Units: instants and durations in seconds (UTC).
//
//   auth::Sessions sessions([] -> AuthStore& { return ThreadStore().Auth(); });
//   auto who = sessions.Authenticate(request);
//   if (auto* error = std::get_if<http::Response>(&who)) return *error;
//   const Principal& principal = std::get<Principal>(who);
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>

#include "auth/password.h"
#include "core/access.h"
#include "core/auth_store.h"
#include "core/login_limiter.h"
#include "core/status.h"
#include "core/time.h"
#include "http/message.h"

namespace reparto::auth {

inline constexpr const char* kSessionCookie = "reparto_session";
inline constexpr std::int64_t kSessionSeconds = 12 * 60 * 60;  // 43 200

struct SessionOptions {
  std::int64_t lifetime_seconds = kSessionSeconds;
  // false only for plain-http deployments that browsers would otherwise refuse the cookie on
  // (Chromium accepts Secure cookies on http://localhost and http://127.0.0.1).
  bool secure_cookie = true;
  PasswordHashLimits hash_limits = PasswordHashLimits::Interactive();
  LoginLimits limits;
  // The current instant; the system clock when empty. Tests pass their own.
  std::function<UtcSeconds()> clock;
};

struct LoginSuccess {
  std::string token;  // the cookie's value: give it to the browser, never log it
  std::string csrf_token;
  Principal principal;
  UtcSeconds expires_at = 0;
};

enum class LoginFailureKind : std::uint8_t {
  kBadCredentials,  // unknown e-mail or wrong password: one message for both
  kRateLimited,     // too many failures: retry_after_seconds
  kUnavailable,     // the store failed: a generic message (the cause is not for the client)
};

struct LoginFailure {
  LoginFailureKind kind = LoginFailureKind::kBadCredentials;
  std::int64_t retry_after_seconds = 0;
  std::string message;
};

class Sessions {
 public:
  explicit Sessions(std::function<AuthStore&()> store_for_this_thread, SessionOptions options = {});

  // Checks the password (the same Argon2 work for an unknown e-mail, against a dummy hash), then
  // opens a session. Success clears the e-mail's failures; a hash made with other limits is
  // replaced by one with the current limits; expired sessions are swept.
  std::variant<LoginSuccess, LoginFailure> Login(std::string_view email, std::string_view password,
                                                 std::string_view remote_address, UtcSeconds now);

  // The request's user with their grants, or the JSON error to answer with: 401 when there is
  // no valid session (code "unauthorized"), 403 when a state-changing request lacks the right
  // CSRF token (code "csrf") or comes from another origin (code "cross_origin"), 500 when the
  // store fails.
  std::variant<Principal, http::Response> Authenticate(const http::Request& request);

  // Deletes the session of the request's cookie, if any.
  Status Logout(const http::Request& request);

  // The Set-Cookie values that open and clear the session cookie.
  std::string SessionCookie(std::string_view token) const;
  std::string ClearedCookie() const;

  UtcSeconds Now() const;
  const SessionOptions& options() const { return options_; }
  AuthStore& store() { return store_for_this_thread_(); }

 private:
  const std::string& DummyHash();

  std::function<AuthStore&()> store_for_this_thread_;
  SessionOptions options_;
  std::mutex limiter_mutex_;
  LoginLimiter limiter_;  // guarded by limiter_mutex_
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

// The session token of the request (the `reparto_session` cookie, from Request::cookies or else
// the Cookie header), "" when there is none.
std::string SessionTokenOf(const http::Request& request);

// Whether the request's Origin (when present) is the origin of its Host header, and the browser
// did not mark it `Sec-Fetch-Site: cross-site`.
bool SameOrigin(const http::Request& request);

// POST, PUT, PATCH, DELETE.
bool ChangesState(std::string_view method);

}  // namespace reparto::auth
