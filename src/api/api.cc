// AddRoutes: every endpoint of docs/api.md, area by area, plus the OpenAPI document.
#include "api/api.h"

#include "api/handler.h"

namespace reparto::api {

extern const std::string_view kOpenApiText;

std::string_view OpenApiDocument() { return kOpenApiText; }

void AddRoutes(http::Router& router, ApiContext& context) {
  AddApiRoute(router, context, "GET", "/api/openapi.json", Access::kPublic,
              [](Call&) { return http::JsonResponse(200, std::string(OpenApiDocument())); });
  AddCommunityRoutes(router, context);
  AddSeriesRoutes(router, context);
  AddEconomicsRoutes(router, context);
  AddLiveRoutes(router, context);
  AddInvoiceRoutes(router, context);
  AddMemberRoutes(router, context);
  AddCoefficientRoutes(router, context);
  AddBillingRoutes(router, context);
  AddImportRoutes(router, context);
  AddAlertRoutes(router, context);
  AddUserRoutes(router, context);
}

}  // namespace reparto::api
