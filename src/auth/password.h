// Passwords (issue 5): Argon2id hashes in libsodium's crypto_pwhash_str format
// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash"), the password policy, and whether a stored hash
// should be recomputed with the current limits.
//
// Cost: the default limits are libsodium's INTERACTIVE ones (2 passes over 64 MiB, about 50 to
// 100 ms on one core). Tests pass PasswordHashLimits::ForTestsOnly() (1 pass over 8 KiB) to stay
// fast; nothing else should.
//
//   auto hash = auth::HashPassword("correct horse battery");
//   if (auth::VerifyPassword(*hash, typed)) { ... }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace reparto::auth {

struct PasswordHashLimits {
  std::uint64_t opslimit;                    // passes
  std::size_t memlimit;                      // bytes
  static PasswordHashLimits Interactive();   // the default
  static PasswordHashLimits ForTestsOnly();  // libsodium's minimum: fast and weak
};

inline constexpr std::size_t kMinPasswordLength = 10;   // characters (UTF-8 code points)
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // longer is refused, not cut

// Ok, or why the password is refused ("a password needs at least 10 characters, this one has 7").
Status CheckPasswordPolicy(std::string_view password);

// Initialises libsodium once (thread-safe); an error when it cannot start (no entropy source).
Status InitSodium();

// The Argon2id hash string of `password` (random salt). Does not apply the policy: call
// CheckPasswordPolicy first where a person chooses the password.
Result<std::string> HashPassword(std::string_view password,
                                 PasswordHashLimits limits = PasswordHashLimits::Interactive());

// Whether `password` matches `hash` (any crypto_pwhash_str hash; false for a malformed one).
bool VerifyPassword(std::string_view hash, std::string_view password);

// Whether `hash` was made with other limits or another algorithm than `limits` with Argon2id.
bool NeedsRehash(std::string_view hash,
                 PasswordHashLimits limits = PasswordHashLimits::Interactive());

}  // namespace reparto::auth
