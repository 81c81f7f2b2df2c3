// GET /api/communities/{community}/live: Server-Sent Events `live` from the LiveFeed (a replay of
// stored data until live meters are connected), filtered for the caller: members get only their
// supply points, managers the community aggregate too.
//
// Units: W, percent (see live_feed.h).
#include "api/handler.h"
#include "api/live_feed.h"

namespace reparto::api {

void AddLiveRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/live", Access::kReadCommunity,
              [](Call& call) {
                if (call.api.events == nullptr) {
                  return http::JsonError(503, "unavailable", "the live feed is not running");
                }
                http::Response response;
                response.content_type = "text/event-stream";
                response.headers.emplace_back("Cache-Control", "no-store");
                response.events =
                    SubscribeLive(*call.api.events, call.api.live, call.community(), call.who);
                return response;
              });
}

}  // namespace reparto::api
