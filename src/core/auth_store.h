// Where users, their grants and their sessions live (issue 5). Implemented by the SQLite and
// PostgreSQL adapters next to core/store.h (`Store::Auth()`), tested by one contract suite over
// both. Passwords and session tokens never reach the store in clear: the store keeps an Argon2id
// password hash string (libsodium's crypto_pwhash_str format) and a hash of each session token.
//
// Guarantees every implementation gives
// - Every call is one transaction: all or nothing.
// - E-mail addresses are unique, compared lower case.
// - A session is found only before its expiry; deleting a user deletes their sessions and grants.
// - A new password hash ends every session of the user (a stolen cookie dies with the old
// password).
//
// Units: instants are UTC seconds (core/time.h UtcSeconds).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

struct StoredUser {
  User user;
  std::string password_hash;  // "$argon2id$v=19$m=...": never the password
  UtcSeconds created_at = 0;
};

struct SessionRecord {
  std::string token_hash;  // hex hash of the random token the browser holds
  std::int64_t user_id = 0;
  UtcSeconds created_at = 0;
  UtcSeconds expires_at = 0;
};

class AuthStore {
 public:
  virtual ~AuthStore() = default;

  // Adds a user (id assigned, returned); an existing e-mail is an error naming it.
  virtual Result<std::int64_t> AddUser(const StoredUser& user) = 0;
  // Changes name, role, language and, when not empty, the password hash (which also deletes
  // every session of the user).
  virtual Status UpdateUser(const StoredUser& user) = 0;
  virtual Status DeleteUser(std::int64_t user_id) = 0;
  virtual Result<std::optional<StoredUser>> FindUserByEmail(std::string_view email) = 0;
  virtual Result<std::optional<StoredUser>> FindUser(std::int64_t user_id) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;

  // Replaces every grant of the user.
  virtual Status SetGrants(std::int64_t user_id, const std::vector<Grant>& grants) = 0;
  virtual Result<std::vector<Grant>> LoadGrants(std::int64_t user_id) = 0;

  virtual Status AddSession(const SessionRecord& session) = 0;
  // The session with this token hash if it has not expired at `now`.
  virtual Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash,
                                                           UtcSeconds now) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  // Removes sessions expired at `now`; returns how many.
  virtual Result<std::int64_t> DeleteExpiredSessions(UtcSeconds now) = 0;
};

}  // namespace reparto
