// Login rate limiting (issue 5): how many failed logins are allowed per e-mail address and per
// remote address before the next attempt is refused with 429 and a Retry-After. Pure logic, no
// clock and no I/O: the caller passes `now` and keeps one limiter per server (not thread-safe:
// guard it with a mutex, as auth::Sessions does).
//
// Rule: a key (e-mail or address) is blocked while it has `max_failures` failures within the last
// `window_seconds` (a sliding window); it is free again `window_seconds` after the oldest of them.
// A successful login clears the e-mail's failures (not the address's). Refused attempts are not
// failures (they never reached the password check), so waiting always helps.
//
// Memory: at most `max_failures` instants per key, and at most `max_keys` keys per kind; keys whose
// failures are all older than the window are dropped first, then the least recently failed.
//
// Units: instants and durations in seconds (core/time.h UtcSeconds).
//
//   LoginLimiter limiter;                               // 5 per e-mail, 20 per address, 15 min
//   if (auto wait = limiter.RetryAfter(email, ip, now)) return TooMany(*wait);
//   if (!ok) limiter.RecordFailure(email, ip, now); else limiter.RecordSuccess(email);
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.h"

namespace reparto {

struct LoginLimits {
  int max_failures_per_email = 5;
  int max_failures_per_address = 20;
  std::int64_t window_seconds = 15 * 60;
  std::size_t max_keys = 100'000;  // per kind (e-mails, addresses)
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LoginLimits limits = {}) : limits_(limits) {}

  // Seconds to wait (>= 1) when an attempt for this e-mail or from this address is refused now;
  // nothing when it may go ahead. An empty e-mail or address is not limited on that side.
  std::optional<std::int64_t> RetryAfter(std::string_view email, std::string_view address,
                                         UtcSeconds now) const;
  void RecordFailure(std::string_view email, std::string_view address, UtcSeconds now);
  void RecordSuccess(std::string_view email);

  // Keys currently remembered (e-mails + addresses), for tests of the memory bound.
  std::size_t size() const { return emails_.size() + addresses_.size(); }

 private:
  using Failures = std::unordered_map<std::string, std::deque<UtcSeconds>>;
  std::optional<std::int64_t> Wait(const Failures& map, std::string_view key, int max,
                                   UtcSeconds now) const;
  void Add(Failures& map, std::string_view key, int max, UtcSeconds now);

  LoginLimits limits_;
  Failures emails_;
  Failures addresses_;
};

}  // namespace reparto
