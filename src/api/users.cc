// Accounts and grants (admin only), on the AuthStore the server gives:
//   GET  /api/users                  users with their grants
//   POST /api/users {"email","password","display_name","role","language"}  a new account (the
//        password hashed by the auth module's Argon2id; 422 for an e-mail already used)
//   PUT  /api/users/{user}/grants {"grants":[{"community","participant"}]}  replaces the grants
//
// Units: none.
#include <charconv>

#include "api/handler.h"

namespace reparto::api {
namespace {

http::Response Unavailable() {
  return http::JsonError(503, "unavailable", "accounts are not available on this server");
}

Json GrantsJson(const std::vector<Grant>& grants) {
  Json list = Json::array();
  for (const Grant& g : grants) {
    list.push_back(Json{{"community", g.community}, {"participant", g.participant}});
  }
  return list;
}

Json UserJson(const User& u) {
  return Json{{"id", u.id},
              {"email", u.email},
              {"display_name", u.display_name},
              {"role", std::string(UserRoleName(u.role))},
              {"language", u.language}};
}

http::Response ListUsers(Call& call) {
  AuthStore* store = call.api.auth_store ? call.api.auth_store() : nullptr;
  if (store == nullptr) return Unavailable();
  auto users = store->ListUsers();
  if (!users.ok()) return Internal(users.status());
  Json list = Json::array();
  for (const User& u : *users) {
    auto grants = store->LoadGrants(u.id);
    if (!grants.ok()) return Internal(grants.status());
    Json user = UserJson(u);
    user["grants"] = GrantsJson(*grants);
    list.push_back(std::move(user));
  }
  return JsonOk(Json{{"users", std::move(list)}});
}

http::Response AddUser(Call& call) {
  AuthStore* store = call.api.auth_store ? call.api.auth_store() : nullptr;
  if (store == nullptr || !call.api.hash_password) return Unavailable();
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto email = StringField(*body, "email", true, error);
  if (!email) return error;
  auto password = StringField(*body, "password", true, error);
  if (!password) return error;
  auto name = StringField(*body, "display_name", false, error);
  auto role_text = StringField(*body, "role", false, error);
  auto language = StringField(*body, "language", false, error);
  if (error.status >= 400) return error;
  auto role = ParseUserRole(role_text.value_or("member"));
  if (!role) return Unprocessable("role: expected member, manager or admin");
  if (email->find('@') == std::string::npos) return Unprocessable("email: not an e-mail address");
  if (password->size() < 10) return Unprocessable("password: at least 10 characters");
  std::string lower = *email;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto hash = call.api.hash_password(*password);
  if (!hash.ok()) return Internal(hash.status());
  StoredUser user{.user = {.email = lower,
                           .display_name = name.value_or(""),
                           .role = *role,
                           .language = language.value_or("")},
                  .password_hash = *hash,
                  .created_at = call.now()};
  auto id = store->AddUser(user);
  if (!id.ok()) return Unprocessable(id.status().message());
  user.user.id = *id;
  return JsonOk(UserJson(user.user), 201);
}

http::Response PutGrants(Call& call) {
  AuthStore* store = call.api.auth_store ? call.api.auth_store() : nullptr;
  if (store == nullptr) return Unavailable();
  const std::string& id_text = call.request.Param("user");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size()) {
    return NotFound("no user " + id_text);
  }
  auto user = store->FindUser(id);
  if (!user.ok()) return Internal(user.status());
  if (!user->has_value()) return NotFound("no user " + id_text);
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto list = body->find("grants");
  if (list == body->end() || !list->is_array()) {
    return BadRequest("field 'grants' must be an array of {\"community\",\"participant\"}");
  }
  std::vector<Grant> grants;
  for (const Json& g : *list) {
    if (!g.is_object()) return BadRequest("field 'grants' must hold objects");
    auto community = StringField(g, "community", true, error);
    if (!community) return error;
    auto participant = StringField(g, "participant", false, error);
    if (error.status >= 400) return error;
    grants.push_back({*community, participant.value_or("")});
  }
  Status saved = store->SetGrants(id, grants);
  if (!saved.ok()) return Unprocessable(saved.message());
  return JsonOk(Json{{"user", id}, {"grants", GrantsJson(grants)}});
}

}  // namespace

void AddUserRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/users", Access::kAdmin, ListUsers);
  AddApiRoute(router, api, "POST", "/api/users", Access::kAdmin, AddUser);
  AddApiRoute(router, api, "PUT", "/api/users/{user}/grants", Access::kAdmin, PutGrants);
}

}  // namespace reparto::api
