// Argon2id password hashes with libsodium: see password.h.
#include "auth/password.h"

#include <sodium.h>

namespace reparto::auth {

PasswordHashLimits PasswordHashLimits::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashLimits PasswordHashLimits::ForTestsOnly() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Status InitSodium() {
  static const int result = sodium_init();  // 0 first time, 1 when already done, -1 failure
  if (result < 0) return Status::Error("the cryptography library could not start");
  return Status::Ok();
}

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return Status::Error("a password may have at most " + std::to_string(kMaxPasswordBytes) +
                         " bytes");
  }
  std::size_t characters = 0;
  for (char c : password) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;  // not a continuation
  }
  if (characters < kMinPasswordLength) {
    return Status::Error("a password needs at least " + std::to_string(kMinPasswordLength) +
                         " characters, this one has " + std::to_string(characters));
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordHashLimits limits) {
  REPARTO_RETURN_IF_ERROR(InitSodium());
  if (password.size() > kMaxPasswordBytes) {
    return Status::Error("a password may have at most " + std::to_string(kMaxPasswordBytes) +
                         " bytes");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits.opslimit, limits.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Error("not enough memory to hash the password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!InitSodium().ok()) return false;
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  if (password.size() > kMaxPasswordBytes) return false;
  char stored[crypto_pwhash_STRBYTES] = {};
  hash.copy(stored, hash.size());
  return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, PasswordHashLimits limits) {
  if (!InitSodium().ok()) return false;
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  if (hash.substr(0, 10) != "$argon2id$") return true;
  char stored[crypto_pwhash_STRBYTES] = {};
  hash.copy(stored, hash.size());
  // 0: fine; 1: other limits; -1: not a valid hash string for this algorithm.
  return crypto_pwhash_str_needs_rehash(stored, limits.opslimit, limits.memlimit) != 0;
}

}  // namespace reparto::auth
