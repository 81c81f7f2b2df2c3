// Session tokens (issue 5): the random secret the browser holds in the `reparto_session` cookie,
// the hash the store keeps instead of it, and the CSRF token derived from it.
//
// - NewSessionToken: 32 random bytes (256 bits) from the system's CSPRNG, base64url without
//   padding: 43 characters of [A-Za-z0-9_-].
// - TokenHash: BLAKE2b-256 of the token's characters, 64 lower-case hex digits: a stolen database
//   gives no usable session.
// - CsrfTokenFor: BLAKE2b-256 keyed with a fixed context of the token, base64url (43 characters).
//   Derivable from the session alone, so a page reload gets it back from GET /api/me; a page of
//   another site can neither read the cookie nor compute it.
//
//   std::string token = auth::NewSessionToken();
//   store.AddSession({.token_hash = auth::TokenHash(token), ...});
//   if (!auth::SameSecret(request.Header("x-csrf-token"), auth::CsrfTokenFor(token))) Forbid();
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reparto::auth {

inline constexpr std::size_t kSessionTokenLength = 43;

std::string NewSessionToken();
std::string TokenHash(std::string_view token);
std::string CsrfTokenFor(std::string_view session_token);

// Whether `token` has the shape of a session token (43 base64url characters).
bool LooksLikeSessionToken(std::string_view token);

// Equality in time that depends only on the lengths, not on where the strings differ.
bool SameSecret(std::string_view a, std::string_view b);

// Base64url without padding (RFC 4648 section 5).
std::string Base64Url(std::string_view bytes);

}  // namespace reparto::auth
