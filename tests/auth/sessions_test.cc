// auth::Sessions on a real SQLite file (auth_fixture.h): logging in and out, the 12-hour fixed
// lifetime, CSRF and Origin checks on state-changing requests, one answer for an unknown e-mail
// and a wrong password, and the rate limit (5 failures per e-mail per 15 minutes).
#include "auth/sessions.h"

#include <gtest/gtest.h>

#include "auth/auth_fixture.h"
#include "auth/token.h"

namespace reparto::auth {
namespace {

using SessionsTest = AuthFixture;

const http::Response* Error(const std::variant<Principal, http::Response>& who) {
  return std::get_if<http::Response>(&who);
}

TEST_F(SessionsTest, LoginOpensASessionThatAuthenticatesWithGrants) {
  auto outcome = sessions_->Login("  Member@Example.ORG", kPassword, "192.0.2.10", now_);
  ASSERT_TRUE(std::holds_alternative<LoginSuccess>(outcome));
  const LoginSuccess& s = std::get<LoginSuccess>(outcome);
  EXPECT_EQ(s.token.size(), 43u);
  EXPECT_EQ(s.csrf_token, CsrfTokenFor(s.token));
  EXPECT_EQ(s.expires_at, kT0 + 43200);
  EXPECT_EQ(s.principal.user.id, member_);
  ASSERT_EQ(s.principal.grants.size(), 1u);
  EXPECT_EQ(s.principal.grants[0].participant, kMemberPoint);
  // Only the token's hash is stored.
  auto stored = store_->Auth().FindSession(TokenHash(s.token), now_);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_FALSE(store_->Auth().FindSession(s.token, now_)->has_value());

  auto who = sessions_->Authenticate(MakeRequest("GET", "/api/me", s.token));
  ASSERT_EQ(Error(who), nullptr) << Error(who)->body;
  const Principal& p = std::get<Principal>(who);
  EXPECT_EQ(p.user.email, "member@example.org");
  EXPECT_EQ(p.user.role, UserRole::kMember);
  EXPECT_TRUE(CanReadParticipant(p, "ES-DEMO", kMemberPoint));
  EXPECT_FALSE(CanReadParticipant(p, "ES-DEMO", "ES0031000000000003EF"));
}

TEST_F(SessionsTest, TheCookieHasEveryFlag) {
  EXPECT_EQ(sessions_->SessionCookie("TOKEN"),
            "reparto_session=TOKEN; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200");
  EXPECT_EQ(sessions_->ClearedCookie(),
            "reparto_session=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
  SessionOptions plain;
  plain.secure_cookie = false;
  Sessions insecure([this]() -> AuthStore& { return store_->Auth(); }, plain);
  EXPECT_EQ(insecure.SessionCookie("T"),
            "reparto_session=T; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
}

TEST_F(SessionsTest, NoCookieOrAnUnknownTokenIs401) {
  auto none = sessions_->Authenticate(MakeRequest("GET", "/api/me"));
  ASSERT_NE(Error(none), nullptr);
  EXPECT_EQ(Error(none)->status, 401);
  EXPECT_NE(Error(none)->body.find("\"unauthorized\""), std::string::npos);
  auto forged = sessions_->Authenticate(MakeRequest("GET", "/api/me", NewSessionToken()));
  ASSERT_NE(Error(forged), nullptr);
  EXPECT_EQ(Error(forged)->status, 401);
  auto garbage = sessions_->Authenticate(MakeRequest("GET", "/api/me", "x'; DROP TABLE--"));
  ASSERT_NE(Error(garbage), nullptr);
  EXPECT_EQ(Error(garbage)->status, 401);
}

TEST_F(SessionsTest, ASessionEndsTwelveHoursAfterLoginWhateverTheUse) {
  const std::string token = LogIn("manager@example.org");
  now_ = kT0 + 43199;  // used a second before the end: fixed lifetime, not extended
  EXPECT_EQ(Error(sessions_->Authenticate(MakeRequest("GET", "/api/me", token))), nullptr);
  now_ = kT0 + 43200;
  auto expired = sessions_->Authenticate(MakeRequest("GET", "/api/me", token));
  ASSERT_NE(Error(expired), nullptr);
  EXPECT_EQ(Error(expired)->status, 401);
  // The next login sweeps it out of the store.
  LogIn("admin@example.org");
  EXPECT_FALSE(store_->Auth().FindSession(TokenHash(token), kT0)->has_value());
}

TEST_F(SessionsTest, LogoutDeletesTheSession) {
  const std::string token = LogIn("manager@example.org");
  ASSERT_TRUE(sessions_->Logout(MakeRequest("POST", "/api/logout", token)).ok());
  auto after = sessions_->Authenticate(MakeRequest("GET", "/api/me", token));
  ASSERT_NE(Error(after), nullptr);
  EXPECT_EQ(Error(after)->status, 401);
  EXPECT_TRUE(sessions_->Logout(MakeRequest("POST", "/api/logout")).ok());  // nothing to do
}

TEST_F(SessionsTest, StateChangingRequestsNeedTheCsrfToken) {
  const std::string token = LogIn("manager@example.org");
  const std::string csrf = CsrfTokenFor(token);
  for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
    auto missing = sessions_->Authenticate(MakeRequest(method, "/api/x", token));
    ASSERT_NE(Error(missing), nullptr) << method;
    EXPECT_EQ(Error(missing)->status, 403) << method;
    EXPECT_NE(Error(missing)->body.find("\"csrf\""), std::string::npos);
    auto wrong = sessions_->Authenticate(MakeRequest(method, "/api/x", token, csrf + "x"));
    ASSERT_NE(Error(wrong), nullptr);
    EXPECT_EQ(Error(wrong)->status, 403);
    // Another session's CSRF token does not fit this session.
    auto other = sessions_->Authenticate(
        MakeRequest(method, "/api/x", token, CsrfTokenFor(NewSessionToken())));
    ASSERT_NE(Error(other), nullptr);
    EXPECT_EQ(Error(other)->status, 403);
    EXPECT_EQ(Error(sessions_->Authenticate(MakeRequest(method, "/api/x", token, csrf))), nullptr);
  }
  // Reads need none.
  EXPECT_EQ(Error(sessions_->Authenticate(MakeRequest("GET", "/api/x", token))), nullptr);
}

TEST_F(SessionsTest, AForeignOriginIsRefusedEvenWithTheCsrfToken) {
  const std::string token = LogIn("manager@example.org");
  http::Request r = MakeRequest("POST", "/api/x", token, CsrfTokenFor(token));
  r.headers["origin"] = "http://localhost:8080";
  EXPECT_EQ(Error(sessions_->Authenticate(r)), nullptr);
  r.headers["origin"] = "https://LOCALHOST:8080";  // scheme and case: same host and port
  EXPECT_EQ(Error(sessions_->Authenticate(r)), nullptr);
  for (const char* origin : {"http://evil.example", "http://localhost:8081", "null",
                             "http://localhost:8080.evil.example"}) {
    r.headers["origin"] = origin;
    auto who = sessions_->Authenticate(r);
    ASSERT_NE(Error(who), nullptr) << origin;
    EXPECT_EQ(Error(who)->status, 403) << origin;
    EXPECT_NE(Error(who)->body.find("\"cross_origin\""), std::string::npos);
  }
  r.headers.erase("origin");
  r.headers["sec-fetch-site"] = "cross-site";
  ASSERT_NE(Error(sessions_->Authenticate(r)), nullptr);
  EXPECT_EQ(Error(sessions_->Authenticate(r))->status, 403);
}

TEST_F(SessionsTest, UnknownEmailAndWrongPasswordLookTheSame) {
  auto unknown = sessions_->Login("nobody@example.org", kPassword, "192.0.2.10", now_);
  auto wrong = sessions_->Login("member@example.org", "wrong password!", "192.0.2.10", now_);
  ASSERT_TRUE(std::holds_alternative<LoginFailure>(unknown));
  ASSERT_TRUE(std::holds_alternative<LoginFailure>(wrong));
  const LoginFailure& a = std::get<LoginFailure>(unknown);
  const LoginFailure& b = std::get<LoginFailure>(wrong);
  EXPECT_EQ(a.kind, LoginFailureKind::kBadCredentials);
  EXPECT_EQ(b.kind, LoginFailureKind::kBadCredentials);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.message, "wrong e-mail or password");
}

TEST_F(SessionsTest, TheSixthFailureForOneEmailIsRateLimited) {
  for (int i = 0; i < 5; ++i) {
    now_ = kT0 + 10 * i;
    auto outcome = sessions_->Login("member@example.org", "wrong password!", "192.0.2.10", now_);
    ASSERT_EQ(std::get<LoginFailure>(outcome).kind, LoginFailureKind::kBadCredentials) << i;
  }
  // Failures at T0 .. T0+40; at T0+60 the first leaves the window at T0+900: 840 s.
  now_ = kT0 + 60;
  auto limited = sessions_->Login("member@example.org", kPassword, "192.0.2.11", now_);
  ASSERT_TRUE(std::holds_alternative<LoginFailure>(limited));
  EXPECT_EQ(std::get<LoginFailure>(limited).kind, LoginFailureKind::kRateLimited);
  EXPECT_EQ(std::get<LoginFailure>(limited).retry_after_seconds, 840);
  // Other accounts are not affected; after the window the right password works again.
  EXPECT_TRUE(std::holds_alternative<LoginSuccess>(
      sessions_->Login("manager@example.org", kPassword, "192.0.2.10", now_)));
  now_ = kT0 + 900;
  EXPECT_TRUE(std::holds_alternative<LoginSuccess>(
      sessions_->Login("member@example.org", kPassword, "192.0.2.10", now_)));
}

TEST_F(SessionsTest, AHashWithOldLimitsIsReplacedAtLogin) {
  // The stored hash was made with the test limits; these sessions want INTERACTIVE ones.
  SessionOptions strict;
  Sessions interactive([this]() -> AuthStore& { return store_->Auth(); }, strict);
  const std::string before = (*store_->Auth().FindUser(admin_))->password_hash;
  ASSERT_TRUE(std::holds_alternative<LoginSuccess>(
      interactive.Login("admin@example.org", kPassword, "192.0.2.10", kT0)));
  const std::string after = (*store_->Auth().FindUser(admin_))->password_hash;
  EXPECT_NE(after, before);
  EXPECT_EQ(after.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(after, kPassword));
}

}  // namespace
}  // namespace reparto::auth
