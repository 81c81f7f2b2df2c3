// What every API handler shares: the access wrapper (authenticate, check the role's rights on the
// path's community / supply point, then 404 for what does not exist) and the small formatting and
// parsing helpers of docs/api.md (Wh, "12.34", local dates, strict JSON bodies).
//
// Units: energy mWh in, Wh out; money cents in, euro strings out.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/api.h"
#include "core/energy.h"
#include "core/money.h"
#include "jobs/community_context.h"

namespace reparto::api {

using Json = nlohmann::ordered_json;

// What a route requires before its handler runs.
enum class Access {
  kPublic,           // nobody is asked who they are
  kSignedIn,         // any principal
  kReadCommunity,    // CanReadCommunity({community})
  kReadParticipant,  // CanReadParticipant({community}, {participant})
  kManage,           // CanManageCommunity({community})
  kAdmin,
};

// One call, after access was granted.
class Call {
 public:
  Call(http::Request& the_request, const Principal& the_who, ApiContext& the_api)
      : request(the_request), who(the_who), api(the_api) {}
  http::Request& request;
  const Principal& who;
  ApiContext& api;

  Store& store() { return api.store(); }
  const std::string& community() const { return request.Param("community"); }
  const std::string& participant() const { return request.Param("participant"); }
  UtcSeconds now() const { return api.now ? api.now() : 0; }
  // The path's community with its engine view and zone, loaded once. The wrapper has checked it
  // exists, so a failure here is an internal error.
  Result<const jobs::CommunityContext*> context();

 private:
  std::optional<jobs::CommunityContext> context_;
};

using CallHandler = std::function<http::Response(Call&)>;

// Registers `handler` behind authentication and the `access` check (401 when not signed in, 403
// when not theirs, then 404 when the path's community or participant does not exist; a handler
// registered with `check_exists` false does that itself with CheckExists, e.g. after a cache
// lookup).
void AddApiRoute(http::Router& router, ApiContext& api, std::string method, std::string pattern,
                 Access access, CallHandler handler, bool check_exists = true);
// 404 (or 500) when the path's community or participant does not exist.
std::optional<http::Response> CheckExists(Call& call);

// Responses.
http::Response JsonOk(const Json& body, int status = 200);
http::Response BadRequest(std::string_view message);
http::Response Unprocessable(std::string_view message);  // 422, the message says what and where
http::Response NotFound(std::string_view message);
http::Response Forbidden();
// A failure of the store or of the jobs layer while reading: logged, 500 with a generic message.
http::Response Internal(const Status& status);

// Strict JSON body: an object, or a 400 (with the parse position) in `error`.
std::optional<Json> ParseBody(const http::Request& request, http::Response& error);
// Field accessors that fill `error` (400 naming the field) on a wrong or missing type.
std::optional<std::string> StringField(const Json& body, std::string_view name, bool required,
                                       http::Response& error);
std::optional<CivilDate> DateField(const Json& body, std::string_view name, bool required,
                                   http::Response& error);
// Query parameters: "" when absent.
std::optional<CivilDate> DateQuery(const http::Request& request, std::string_view name,
                                   http::Response& error);
// "2025-06" -> 2025-06-01.
Result<CivilDate> ParseMonth(std::string_view text);
std::string FormatMonth(CivilDate month);

// mWh -> Wh rounded half away from zero.
inline std::int64_t WhFromMwh(MilliWh mwh) {
  return mwh >= 0 ? (mwh + 500) / 1000 : -((-mwh + 500) / 1000);
}
// mWh -> kWh as a string with 3 decimals.
std::string KwhText(MilliWh mwh);
// 1234 -> "1.234" (thousandths with 3 decimals: grams as kg, Wh as kWh).
std::string Thousandths(std::int64_t value);
// Cents -> "12.34".
std::string EurosText(Cents cents);
// Parts per billion -> "0.125000" (6 decimals, rounded half up).
std::string CoefficientText(std::int64_t ppb);
// ISO instant at the community's local offset.
std::string LocalInstant(const TimeZone& zone, UtcSeconds t);

// ?format=csv|xlsx|json ("" = json); 400 in `error` otherwise.
enum class TableFormat { kJson, kCsv, kXlsx };
std::optional<TableFormat> FormatQuery(const http::Request& request, http::Response& error);

// Registration per area (one file each).
void AddCommunityRoutes(http::Router& router, ApiContext& api);
void AddSeriesRoutes(http::Router& router, ApiContext& api);
void AddEconomicsRoutes(http::Router& router, ApiContext& api);
void AddCoefficientRoutes(http::Router& router, ApiContext& api);
void AddMemberRoutes(http::Router& router, ApiContext& api);
void AddBillingRoutes(http::Router& router, ApiContext& api);
void AddInvoiceRoutes(http::Router& router, ApiContext& api);
void AddImportRoutes(http::Router& router, ApiContext& api);
void AddAlertRoutes(http::Router& router, ApiContext& api);
void AddLiveRoutes(http::Router& router, ApiContext& api);
void AddUserRoutes(http::Router& router, ApiContext& api);

}  // namespace reparto::api
