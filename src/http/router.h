// Maps method + path to a handler. Patterns are literal segments and `{name}` placeholders
// ("/api/communities/{community}/members"); a placeholder matches one non-empty segment and its
// decoded value lands in Request::path_params. No Beast type here: the router and every handler
// are tested by calling Dispatch directly, without sockets.
//
//   Router router;
//   router.Add("GET", "/api/communities/{community}", ShowCommunity);
//   Response r = router.Dispatch(request);   // 404 / 405 JSON errors when nothing matches
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace reparto::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Runs the matching handler: 404 when no pattern matches the path, 405 (with an Allow header)
  // when the path matches with another method. A handler that throws gives a 500 with a generic
  // message (the exception's text is logged, never sent).
  // A HEAD request runs the GET handler when no HEAD route exists (the server drops the body).
  // When both a literal and a `{placeholder}` pattern match, the literal segment wins.
  Response Dispatch(Request& request) const;

  // Lets requests to `method` + `pattern` carry bodies up to `max_bytes` (uploads: imports of
  // utility exports) instead of the server's default (ServerOptions::limits.max_body_bytes).
  // The route itself may be added before or after.
  void SetBodyLimit(std::string method, std::string pattern, std::size_t max_bytes);
  // The limit SetBodyLimit gave this method and raw (still percent-encoded) path, or nullopt.
  std::optional<std::size_t> BodyLimit(std::string_view method, std::string_view raw_path) const;
  // The largest limit SetBodyLimit gave (0 when none).
  std::size_t LargestBodyLimit() const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct BodyLimitRule {
    std::string method;
    std::vector<std::string> segments;
    std::size_t max_bytes = 0;
  };
  std::vector<Route> routes_;
  std::vector<BodyLimitRule> body_limits_;
};

}  // namespace reparto::http
