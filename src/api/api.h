// The JSON API of `reparto serve` (docs/api.md): the handlers behind every endpoint except login,
// logout and me (src/auth), registered on an http::Router. Every handler authenticates, checks
// access with core/access.h, then calls the jobs layer; nothing here knows about sockets.
//
// Units: as docs/api.md says (Wh integers in series, money "12.34" strings, local dates).
//
//   api::ApiContext context{.store = [&]() -> Store& { return *thread_store; },
//                           .authenticate = sessions.Authenticator(), .now = SystemNow};
//   http::Router router;
//   api::AddRoutes(router, context);
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "core/access.h"
#include "core/auth_store.h"
#include "core/store.h"
#include "core/time.h"
#include "http/event_hub.h"
#include "http/message.h"
#include "http/router.h"

namespace reparto::api {

class LiveFeed;

// Who is calling: the principal, or the response to send instead (401, 403 on a bad CSRF
// token, ...). The auth engineer's Sessions::Authenticate in the server; a fake in tests.
using Authenticator = std::function<std::variant<Principal, http::Response>(const http::Request&)>;

struct ApiContext {
  // The calling worker thread's own store (SQLite/PostgreSQL handles are not thread-safe).
  std::function<Store&()> store;
  Authenticator authenticate;
  // Wall clock, UTC seconds (tests fix it).
  std::function<UtcSeconds()> now;
  // Server-Sent Events hub (src/http) and the live feed publishing to it, for GET .../live;
  // null `events` answers 503 there.
  http::EventHub* events = nullptr;
  LiveFeed* live = nullptr;
  // Accounts for /api/users (admin); null answers 503 there. Called on the worker thread.
  std::function<AuthStore*()> auth_store;
  // Argon2id hash of a new user's password (src/auth); needed by POST /api/users.
  std::function<Result<std::string>(std::string_view password)> hash_password;
};

// Registers every endpoint. `context` must outlive the router.
void AddRoutes(http::Router& router, ApiContext& context);

// The OpenAPI 3.0 document served at GET /api/openapi.json (src/api/openapi.json).
std::string_view OpenApiDocument();

// Forgets every cached answer (api/response_cache.h): called by the handlers that change data
// (readings, members, coefficients, the billing file).
void InvalidateCaches();

}  // namespace reparto::api
