// The authentication routes of the JSON API (docs/api.md "Authentication", docs/auth.md):
//
// - POST /api/login {"email","password"} → 200 {"user","grants","csrf_token"} + Set-Cookie;
//   401 "bad_credentials" (one message for an unknown e-mail and a wrong password), 429
//   "rate_limited" with Retry-After (seconds), 400 for a malformed body, 403 from another origin.
// - POST /api/logout → 204, the session deleted and the cookie cleared (needs X-CSRF-Token).
// - GET /api/me → {"user": {"id","email","display_name","role","language"}, "grants":
//   [{"community","participant"}], "csrf_token"}.
// - PUT /api/me/language {"language": "es"|"pt"|"en"|""} → the same as GET /api/me ("" = the
//   browser's language); 422 for another language.
//
//   http::Router router;
//   auth::AddAuthRoutes(router, sessions);
#pragma once

#include <string>

#include "auth/sessions.h"
#include "core/access.h"
#include "http/router.h"

namespace reparto::auth {

void AddAuthRoutes(http::Router& router, Sessions& sessions);

// {"id","email","display_name","role","language"} as JSON text, for other handlers.
std::string UserJson(const User& user);

}  // namespace reparto::auth
