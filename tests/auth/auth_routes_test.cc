// The authentication routes (src/auth/auth_routes.h) through http::Router::Dispatch with real
// Requests on a real SQLite file: login sets the cookie and returns the CSRF token, /api/me
// answers with the user and grants, logout clears the session, the language is saved, strict JSON,
// one 401 for unknown e-mail and wrong password, 429 with Retry-After, 403 for CSRF and Origin.
#include "auth/auth_routes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth/auth_fixture.h"
#include "auth/token.h"
#include "http/router.h"

namespace reparto::auth {
namespace {

using nlohmann::json;

class AuthRoutesTest : public AuthFixture {
 protected:
  void SetUp() override {
    AuthFixture::SetUp();
    AddAuthRoutes(router_, *sessions_);
  }

  http::Response Send(http::Request request) { return router_.Dispatch(request); }

  http::Response PostLogin(const std::string& body) {
    http::Request r = MakeRequest("POST", "/api/login", "", "", body);
    r.headers["content-type"] = "application/json";
    return Send(r);
  }

  static std::string Header(const http::Response& r, const std::string& name) {
    for (const auto& [key, value] : r.headers) {
      if (key == name) return value;
    }
    return "";
  }

  // The token of the response's Set-Cookie.
  static std::string CookieToken(const http::Response& r) {
    const std::string cookie = Header(r, "Set-Cookie");
    const std::string prefix = "reparto_session=";
    if (cookie.rfind(prefix, 0) != 0) return "";
    return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  }

  http::Router router_;
};

TEST_F(AuthRoutesTest, LoginThenMeThenLogout) {
  http::Response login =
      PostLogin(R"({"email": "Manager@example.org", "password": "correct horse battery"})");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = CookieToken(login);
  ASSERT_EQ(token.size(), 43u);
  EXPECT_EQ(Header(login, "Set-Cookie"), "reparto_session=" + token +
                                             "; Path=/; HttpOnly; Secure; SameSite=Strict; "
                                             "Max-Age=43200");
  json body = json::parse(login.body);
  EXPECT_EQ(body["user"]["email"], "manager@example.org");
  EXPECT_EQ(body["user"]["role"], "manager");
  EXPECT_EQ(body["user"]["id"], manager_);
  EXPECT_EQ(body["csrf_token"], CsrfTokenFor(token));
  EXPECT_EQ(body["grants"], json::parse(R"([{"community": "ES-DEMO", "participant": ""}])"));
  EXPECT_EQ(login.body.find(token), std::string::npos);  // the token only in the cookie

  http::Response me = Send(MakeRequest("GET", "/api/me", token));
  ASSERT_EQ(me.status, 200) << me.body;
  json who = json::parse(me.body);
  EXPECT_EQ(who["user"]["display_name"], "manager");
  EXPECT_EQ(who["user"]["language"], "");
  EXPECT_EQ(who["csrf_token"], body["csrf_token"]);  // a reload gets it back
  EXPECT_EQ(who["grants"].size(), 1u);

  EXPECT_EQ(Send(MakeRequest("POST", "/api/logout", token)).status, 403);  // no CSRF token
  http::Response out = Send(MakeRequest("POST", "/api/logout", token, CsrfTokenFor(token)));
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(Header(out, "Set-Cookie"),
            "reparto_session=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
  EXPECT_EQ(Send(MakeRequest("GET", "/api/me", token)).status, 401);
}

TEST_F(AuthRoutesTest, UnknownEmailAndWrongPasswordGiveTheSameAnswer) {
  http::Response unknown =
      PostLogin(R"({"email": "nobody@example.org", "password": "correct horse battery"})");
  http::Response wrong =
      PostLogin(R"({"email": "member@example.org", "password": "not the password"})");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.body, wrong.body);
  EXPECT_EQ(unknown.body,
            R"({"error":{"code":"bad_credentials","message":"wrong e-mail or password"}})");
  EXPECT_EQ(Header(unknown, "Set-Cookie"), "");
}

TEST_F(AuthRoutesTest, TheSixthFailureIs429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    now_ = kT0 + i;
    EXPECT_EQ(PostLogin(R"({"email": "member@example.org", "password": "guess guess )" +
                        std::to_string(i) + "\"}")
                  .status,
              401);
  }
  now_ = kT0 + 5;
  http::Response limited =
      PostLogin(R"({"email": "member@example.org", "password": "correct horse battery"})");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(Header(limited, "Retry-After"), "895");  // first failure at T0 leaves at T0 + 900
  EXPECT_NE(limited.body.find("\"rate_limited\""), std::string::npos);
}

TEST_F(AuthRoutesTest, MalformedLoginBodiesAre400) {
  for (const char* body : {"", "not json", "[]", R"({"email": "member@example.org"})",
                           R"({"email": 7, "password": "correct horse battery"})",
                           R"({"email": "member@example.org", "password": null})",
                           R"({"email": "member@example.org", "password": ["x"]})",
                           R"({"email": "m@example.org", "password": "p", "admin": true})"}) {
    http::Response r = PostLogin(body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_NE(r.body.find("\"bad_request\""), std::string::npos) << body;
  }
  http::Request xml = MakeRequest("POST", "/api/login", "", "", "<login/>");
  xml.headers["content-type"] = "application/xml";
  EXPECT_EQ(Send(xml).status, 415);
  EXPECT_EQ(PostLogin(std::string(9000, ' ')).status, 413);
}

TEST_F(AuthRoutesTest, LoginFromAnotherSiteIsRefused) {
  http::Request r =
      MakeRequest("POST", "/api/login", "", "",
                  R"({"email": "member@example.org", "password": "correct horse battery"})");
  r.headers["origin"] = "https://evil.example";
  http::Response response = Send(r);
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(Header(response, "Set-Cookie"), "");
}

TEST_F(AuthRoutesTest, TheLanguageIsSavedForTheUser) {
  const std::string token = LogIn("member@example.org");
  const std::string csrf = CsrfTokenFor(token);
  http::Response set =
      Send(MakeRequest("PUT", "/api/me/language", token, csrf, R"({"language": "pt"})"));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(json::parse(set.body)["user"]["language"], "pt");
  EXPECT_EQ((*store_->Auth().FindUser(member_))->user.language, "pt");
  EXPECT_EQ(json::parse(Send(MakeRequest("GET", "/api/me", token)).body)["user"]["language"], "pt");
  // The password is untouched.
  EXPECT_TRUE(VerifyPassword((*store_->Auth().FindUser(member_))->password_hash, kPassword));
  EXPECT_EQ(
      Send(MakeRequest("PUT", "/api/me/language", token, csrf, R"({"language": "fr"})")).status,
      422);
  EXPECT_EQ(Send(MakeRequest("PUT", "/api/me/language", token, csrf, R"({"language": 1})")).status,
            400);
  EXPECT_EQ(Send(MakeRequest("PUT", "/api/me/language", token, "", R"({"language": "es"})")).status,
            403);
  EXPECT_EQ(Send(MakeRequest("PUT", "/api/me/language", "", "", R"({"language": "es"})")).status,
            401);
  EXPECT_EQ((*store_->Auth().FindUser(member_))->user.language, "pt");
}

TEST_F(AuthRoutesTest, MeWithoutASessionIs401) {
  http::Response r = Send(MakeRequest("GET", "/api/me"));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body, R"({"error":{"code":"unauthorized","message":"not logged in"}})");
}

}  // namespace
}  // namespace reparto::auth
