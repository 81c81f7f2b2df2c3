// The login limiter (core/login_limiter.h) on tables of attempts: who is refused when, how long
// the Retry-After is, that success clears an e-mail, and that memory stays bounded. Hand-worked
// with the defaults: 5 failures per e-mail, 20 per address, a 900 s sliding window.
#include "core/login_limiter.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace reparto {
namespace {

struct Attempt {
  UtcSeconds at;
  std::string email;
  std::string address;
  bool password_right;
  std::optional<std::int64_t> refused_for;  // expected Retry-After, nothing = allowed
};

// Plays the attempts as the login does: check, then record the outcome of an allowed attempt.
void Play(LoginLimiter& limiter, const std::vector<Attempt>& attempts) {
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    const Attempt& a = attempts[i];
    auto wait = limiter.RetryAfter(a.email, a.address, a.at);
    EXPECT_EQ(wait, a.refused_for) << "attempt " << i + 1 << " at " << a.at;
    if (wait) continue;
    if (a.password_right) {
      limiter.RecordSuccess(a.email);
    } else {
      limiter.RecordFailure(a.email, a.address, a.at);
    }
  }
}

TEST(LoginLimiter, SixthFailureForOneEmailWaitsUntilTheFirstLeavesTheWindow) {
  LoginLimiter limiter;
  Play(limiter, {
                    {0, "ana@x.org", "10.0.0.1", false, {}},
                    {60, "ana@x.org", "10.0.0.2", false, {}},
                    {120, "ana@x.org", "10.0.0.3", false, {}},
                    {180, "ana@x.org", "10.0.0.4", false, {}},
                    {240, "ana@x.org", "10.0.0.5", false, {}},
                    // 5 failures in (−600, 300]: the first (t=0) leaves at 900 → 900 − 300 = 600.
                    {300, "ana@x.org", "10.0.0.6", true, 600},
                    {899, "ana@x.org", "10.0.0.6", true, 1},
                    // Another e-mail from the same addresses is not affected.
                    {300, "bea@x.org", "10.0.0.1", false, {}},
                    // t=900: the failure of t=0 is out, 4 remain: allowed (and right: cleared).
                    {900, "ana@x.org", "10.0.0.6", true, {}},
                    {901, "ana@x.org", "10.0.0.6", false, {}},
                    {902, "ana@x.org", "10.0.0.6", true, {}},
                });
}

TEST(LoginLimiter, SuccessClearsTheEmailSoFourMoreFailuresAreAllowed) {
  LoginLimiter limiter;
  Play(limiter, {
                    {0, "ana@x.org", "a", false, {}},
                    {1, "ana@x.org", "a", false, {}},
                    {2, "ana@x.org", "a", false, {}},
                    {3, "ana@x.org", "a", false, {}},
                    {4, "ana@x.org", "a", true, {}},  // 4 failures then right: cleared
                    {5, "ana@x.org", "a", false, {}},
                    {6, "ana@x.org", "a", false, {}},
                    {7, "ana@x.org", "a", false, {}},
                    {8, "ana@x.org", "a", false, {}},
                    {9, "ana@x.org", "a", false, {}},
                    // Failures at 5..9: the one of t=5 leaves at 905 → 905 − 10 = 895.
                    {10, "ana@x.org", "a", true, 895},
                });
}

TEST(LoginLimiter, TwentyFailuresFromOneAddressBlockEveryEmailFromIt) {
  LoginLimiter limiter;
  std::vector<Attempt> attempts;
  // 20 different e-mails, one failure each, from one address at t = 0, 10, ..., 190.
  for (int i = 0; i < 20; ++i) {
    attempts.push_back({10 * i, "user" + std::to_string(i) + "@x.org", "192.0.2.7", false, {}});
  }
  // The 21st at t=200: the oldest (t=0) leaves at 900 → 700 s; even a right password waits.
  attempts.push_back({200, "new@x.org", "192.0.2.7", true, 700});
  // Another address is free.
  attempts.push_back({200, "new@x.org", "192.0.2.8", true, {}});
  // Success does not clear the address: still blocked at t=899 (1 s), free at t=900.
  attempts.push_back({899, "other@x.org", "192.0.2.7", true, 1});
  attempts.push_back({900, "other@x.org", "192.0.2.7", true, {}});
  Play(limiter, attempts);
}

TEST(LoginLimiter, WhenBothAreBlockedTheLongerWaitIsGiven) {
  LoginLimiter limiter(LoginLimits{
      .max_failures_per_email = 2, .max_failures_per_address = 3, .window_seconds = 100});
  Play(limiter, {
                    {0, "a@x", "ip", false, {}},
                    {50, "b@x", "ip", false, {}},
                    {60, "b@x", "ip", false, {}},
                    // e-mail b: free at 50 + 100 = 150 → 80; address: free at 0 + 100 → 30.
                    {70, "b@x", "ip", false, 80},
                    {70, "c@x", "ip", false, 30},
                    {100, "c@x", "ip", false, {}},
                });
}

TEST(LoginLimiter, EmptyKeysAreNotLimited) {
  LoginLimiter limiter(LoginLimits{.max_failures_per_email = 1, .max_failures_per_address = 1});
  limiter.RecordFailure("", "", 0);
  EXPECT_EQ(limiter.RetryAfter("", "", 1), std::nullopt);
  EXPECT_EQ(limiter.size(), 0u);
}

TEST(LoginLimiter, MemoryIsBoundedAndStaleKeysGoFirst) {
  LoginLimiter limiter(LoginLimits{.max_failures_per_email = 5,
                                   .max_failures_per_address = 20,
                                   .window_seconds = 900,
                                   .max_keys = 100});
  // 100 e-mails and 100 addresses failing at t = 0..99.
  for (int i = 0; i < 100; ++i) {
    limiter.RecordFailure("u" + std::to_string(i), "ip" + std::to_string(i), i);
  }
  EXPECT_EQ(limiter.size(), 200u);
  // A new key at t=1000: the stale keys (all failed before 1000 − 900 = 100) are dropped.
  limiter.RecordFailure("late", "late-ip", 1000);
  EXPECT_EQ(limiter.size(), 2u);
  // Full with recent keys: the least recently failed one makes room.
  for (int i = 0; i < 99; ++i) {
    limiter.RecordFailure("v" + std::to_string(i), "", 1001 + i);
  }
  EXPECT_EQ(limiter.size(), 101u);  // 100 e-mails + 1 address
  limiter.RecordFailure("w", "", 1200);
  EXPECT_EQ(limiter.size(), 101u);
  // "late" failed least recently (t=1000) and was dropped; a blocked e-mail that fails again
  // keeps at most 5 instants, so its memory does not grow either.
  for (int i = 0; i < 50; ++i) limiter.RecordFailure("w", "", 1200 + i);
  EXPECT_EQ(limiter.RetryAfter("w", "", 1250), std::optional<std::int64_t>(1245 + 900 - 1250));
}

}  // namespace
}  // namespace reparto
