// The rules every AuthStore and the login share (core/auth_store.h): how an e-mail address is
// normalised and what a storable user and grant list look like. Pure rules, no I/O.
//
//   std::string email = NormalizeEmail("  Ana@Example.ORG ");   // "ana@example.org"
//   REPARTO_RETURN_IF_ERROR(CheckStoredUser(user));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/auth_store.h"
#include "core/status.h"

namespace reparto {

// Leading and trailing blanks removed, ASCII letters lower case (non-ASCII bytes are kept as
// they are: two spellings of a non-ASCII address are two addresses).
std::string NormalizeEmail(std::string_view email);

// An address with one '@', something on both sides, no blanks or control characters, at most
// 254 bytes. Call it on a normalised address.
Status CheckEmail(std::string_view email);

// "", "es", "pt" or "en".
bool IsKnownLanguage(std::string_view language);

// A user the store may keep: a known language, a display name of at most 200 bytes, a password
// hash in crypto_pwhash_str form ("$...") or none; when `adding`, also a valid normalised e-mail
// and a password hash (an update keeps the e-mail and, when the hash is empty, the password).
Status CheckStoredUser(const StoredUser& user, bool adding);

// Grants with a community each, without duplicates (same community and participant).
Status CheckGrants(const std::vector<Grant>& grants);

// Grants that mean something for the role (core/access.h): a manager's name whole communities,
// a member's name supply points (COMMUNITY/PARTICIPANT), an admin needs none.
Status CheckGrantsForRole(UserRole role, const std::vector<Grant>& grants);

}  // namespace reparto
