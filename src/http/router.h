// Maps method + path to a handler. Patterns are literal segments and `{name}` placeholders
// ("/api/communities/{community}/members"); a placeholder matches one non-empty segment and its
// decoded value lands in Request::path_params. No Beast type here: the router and every handler
// are tested by calling Dispatch directly, without sockets.
//
//   Router router;
//   router.Add("GET", "/api/communities/{community}", ShowCommunity);
//   Response r = router.Dispatch(request);   // 404 / 405 JSON errors when nothing matches
#pragma once

#include <functional>
#include <string>
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
  Response Dispatch(Request& request) const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace reparto::http
