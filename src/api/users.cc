// Accounts and grants (admin only), on the AuthStore the server gives:
//   GET    /api/users                  users with their grants
//   POST   /api/users {"email","password","display_name","role","language","grants"}  a new
//          account (the password hashed by the auth module's Argon2id; 422 for an e-mail already
//          used); the optional grants are checked before anything is stored
//   PUT    /api/users/{user} {"display_name","role","language"}  changes the fields given
//   PUT    /api/users/{user}/password {"password"}  a new password: ends that user's sessions
//   PUT    /api/users/{user}/grants {"grants":[{"community","participant"}]}  replaces the grants
//   DELETE /api/users/{user}           the account, its grants and sessions
// Validation is the same everywhere: 422 naming the field ("role: ...", "grants[1].participant:
// ..."). An admin cannot delete their own account or take the admin role from it (so one admin
// always remains).
//
// Units: none.
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "api/handler.h"

namespace reparto::api {
namespace {

constexpr std::size_t kMinPasswordLength = 10;

http::Response Unavailable() {
  return http::JsonError(503, "unavailable", "accounts are not available on this server");
}

AuthStore* Accounts(Call& call) { return call.api.auth_store ? call.api.auth_store() : nullptr; }

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

// 422 texts shared by POST and PUT.
std::optional<http::Response> CheckLanguage(const std::string& language) {
  if (language.empty() || language == "es" || language == "pt" || language == "en") {
    return std::nullopt;
  }
  return Unprocessable("language: expected es, pt, en or empty (the browser's), not '" + language +
                       "'");
}

std::optional<http::Response> CheckName(const std::string& name) {
  if (name.size() <= 200) return std::nullopt;
  return Unprocessable("display_name: at most 200 bytes");
}

// The store's refusal of an account, named by field when it is about one.
http::Response StoreRefused(const Status& status) {
  const std::string& message = status.message();
  if (message.find("e-mail") != std::string::npos) return Unprocessable("email: " + message);
  if (message.find("display name") != std::string::npos) {
    return Unprocessable("display_name: " + message);
  }
  return Unprocessable(message);
}

std::optional<http::Response> CheckPassword(const std::string& password) {
  if (password.size() >= kMinPasswordLength) return std::nullopt;
  return Unprocessable("password: at least " + std::to_string(kMinPasswordLength) + " characters");
}

// The body's "grants" array: its shape (400) and that every community and supply point exists
// (422 naming the entry).
std::optional<std::vector<Grant>> ParseGrants(Call& call, const Json& list, http::Response& error) {
  if (!list.is_array()) {
    error = BadRequest("field 'grants' must be an array of {\"community\",\"participant\"}");
    return std::nullopt;
  }
  std::vector<Grant> grants;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& g = list[i];
    if (!g.is_object()) {
      error = BadRequest("field 'grants' must hold objects");
      return std::nullopt;
    }
    auto community = StringField(g, "community", true, error);
    if (!community) return std::nullopt;
    auto participant = StringField(g, "participant", false, error);
    if (error.status >= 400) return std::nullopt;
    const std::string where = "grants[" + std::to_string(i) + "]";
    auto stored = call.store().LoadCommunity(*community);
    if (!stored.ok()) {
      error = Internal(stored.status());
      return std::nullopt;
    }
    if (!stored->has_value()) {
      error = Unprocessable(where + ".community: no community " + *community);
      return std::nullopt;
    }
    const std::string sp = participant.value_or("");
    if (!sp.empty()) {
      bool found = false;
      for (const StoredParticipant& p : (**stored).participants) found |= p.participant.id == sp;
      if (!found) {
        error = Unprocessable(where + ".participant: no supply point " + sp + " in community " +
                              *community);
        return std::nullopt;
      }
    }
    grants.push_back({*community, sp});
  }
  return grants;
}

// The path's {user}: the stored account, or 404 in `error`.
std::optional<StoredUser> PathUser(Call& call, AuthStore& store, http::Response& error) {
  const std::string& id_text = call.request.Param("user");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size()) {
    error = NotFound("no user " + id_text);
    return std::nullopt;
  }
  auto user = store.FindUser(id);
  if (!user.ok()) {
    error = Internal(user.status());
    return std::nullopt;
  }
  if (!user->has_value()) {
    error = NotFound("no user " + id_text);
    return std::nullopt;
  }
  return **user;
}

// The account store and the path's {user}, for the routes on one account; 503 or 404 in `error`.
struct AccountTarget {
  AuthStore* store;
  StoredUser user;
};
std::optional<AccountTarget> PathAccount(Call& call, http::Response& error) {
  AuthStore* store = Accounts(call);
  if (store == nullptr) {
    error = Unavailable();
    return std::nullopt;
  }
  auto user = PathUser(call, *store, error);
  if (!user) return std::nullopt;
  return AccountTarget{store, std::move(*user)};
}

// A user with their grants, as the account routes answer it.
Result<Json> UserWithGrants(AuthStore& store, const User& user) {
  auto grants = store.LoadGrants(user.id);
  if (!grants.ok()) return grants.status();
  Json out = UserJson(user);
  out["grants"] = GrantsJson(*grants);
  return out;
}

http::Response ListUsers(Call& call) {
  AuthStore* store = Accounts(call);
  if (store == nullptr) return Unavailable();
  auto users = store->ListUsers();
  if (!users.ok()) return Internal(users.status());
  Json list = Json::array();
  for (const User& u : *users) {
    auto user = UserWithGrants(*store, u);
    if (!user.ok()) return Internal(user.status());
    list.push_back(std::move(*user));
  }
  return JsonOk(Json{{"users", std::move(list)}});
}

http::Response AddUser(Call& call) {
  AuthStore* store = Accounts(call);
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
  if (auto bad = CheckPassword(*password)) return *bad;
  if (auto bad = CheckLanguage(language.value_or(""))) return *bad;
  if (auto bad = CheckName(name.value_or(""))) return *bad;
  std::vector<Grant> grants;
  if (auto list = body->find("grants"); list != body->end()) {
    auto parsed = ParseGrants(call, *list, error);
    if (!parsed) return error;
    grants = std::move(*parsed);
  }
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
  if (!id.ok()) return StoreRefused(id.status());
  user.user.id = *id;
  if (!grants.empty()) {
    Status saved = store->SetGrants(*id, grants);
    if (!saved.ok()) {
      (void)store->DeleteUser(*id);  // all or nothing
      return Unprocessable("grants: " + saved.message());
    }
  }
  Json out = UserJson(user.user);
  out["grants"] = GrantsJson(grants);
  return JsonOk(out, 201);
}

http::Response PutUser(Call& call) {
  http::Response error;
  auto target = PathAccount(call, error);
  if (!target) return error;
  AuthStore* store = target->store;
  StoredUser* user = &target->user;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto name = StringField(*body, "display_name", false, error);
  auto role_text = StringField(*body, "role", false, error);
  auto language = StringField(*body, "language", false, error);
  if (error.status >= 400) return error;
  if (role_text) {
    auto role = ParseUserRole(*role_text);
    if (!role) return Unprocessable("role: expected member, manager or admin");
    if (user->user.id == call.who.user.id && *role != UserRole::kAdmin) {
      return Unprocessable(
          "role: you cannot take the admin role from your own account (ask another admin)");
    }
    user->user.role = *role;
  }
  if (language) {
    if (auto bad = CheckLanguage(*language)) return *bad;
    user->user.language = *language;
  }
  if (name) {
    if (auto bad = CheckName(*name)) return *bad;
    user->user.display_name = *name;
  }
  user->password_hash.clear();  // keeps the password and the sessions
  Status saved = store->UpdateUser(*user);
  if (!saved.ok()) return StoreRefused(saved);
  auto out = UserWithGrants(*store, user->user);
  if (!out.ok()) return Internal(out.status());
  return JsonOk(*out);
}

http::Response PutPassword(Call& call) {
  if (!call.api.hash_password) return Unavailable();
  http::Response error;
  auto target = PathAccount(call, error);
  if (!target) return error;
  AuthStore* store = target->store;
  StoredUser* user = &target->user;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto password = StringField(*body, "password", true, error);
  if (!password) return error;
  if (auto bad = CheckPassword(*password)) return *bad;
  auto hash = call.api.hash_password(*password);
  if (!hash.ok()) return Internal(hash.status());
  user->password_hash = *hash;  // the store ends every session of the user
  Status saved = store->UpdateUser(*user);
  if (!saved.ok()) return Unprocessable(saved.message());
  return JsonOk(Json{{"user", user->user.id}, {"sessions_ended", true}});
}

http::Response PutGrants(Call& call) {
  http::Response error;
  auto target = PathAccount(call, error);
  if (!target) return error;
  AuthStore* store = target->store;
  StoredUser* user = &target->user;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto list = body->find("grants");
  if (list == body->end()) {
    return BadRequest("field 'grants' must be an array of {\"community\",\"participant\"}");
  }
  auto grants = ParseGrants(call, *list, error);
  if (!grants) return error;
  Status saved = store->SetGrants(user->user.id, *grants);
  if (!saved.ok()) return Unprocessable("grants: " + saved.message());
  return JsonOk(Json{{"user", user->user.id}, {"grants", GrantsJson(*grants)}});
}

http::Response DeleteUser(Call& call) {
  http::Response error;
  auto target = PathAccount(call, error);
  if (!target) return error;
  AuthStore* store = target->store;
  StoredUser* user = &target->user;
  if (user->user.id == call.who.user.id) {
    return Unprocessable("user: you cannot delete your own account (ask another admin)");
  }
  Status deleted = store->DeleteUser(user->user.id);
  if (!deleted.ok()) return Unprocessable(deleted.message());
  return JsonOk(Json{{"deleted", user->user.id}, {"email", user->user.email}});
}

}  // namespace

void AddUserRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/users", Access::kAdmin, ListUsers);
  AddApiRoute(router, api, "POST", "/api/users", Access::kAdmin, AddUser);
  AddApiRoute(router, api, "PUT", "/api/users/{user}", Access::kAdmin, PutUser);
  AddApiRoute(router, api, "DELETE", "/api/users/{user}", Access::kAdmin, DeleteUser);
  AddApiRoute(router, api, "PUT", "/api/users/{user}/password", Access::kAdmin, PutPassword);
  AddApiRoute(router, api, "PUT", "/api/users/{user}/grants", Access::kAdmin, PutGrants);
}

}  // namespace reparto::api
