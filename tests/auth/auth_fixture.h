// A real SQLite store in a temporary directory with one community (ES-DEMO: a producer and two
// consumers), a manager, a member of the first consumer and an admin, and auth::Sessions over it
// with a settable clock and the fast test hash limits. Instants are UTC seconds.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "auth/password.h"
#include "auth/sessions.h"
#include "core/store.h"
#include "http/message.h"
#include "store/sqlite/sqlite_store.h"

namespace reparto::auth {

inline constexpr UtcSeconds kT0 = 1748772000;  // 2025-06-01T10:00:00Z
inline constexpr const char* kPassword = "correct horse battery";
inline constexpr const char* kMemberPoint = "ES0031000000000002CD";

class AuthFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "reparto-auth-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto store = sqlite::OpenStore(dir_ + "/reparto.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    SaveCommunity();
    manager_ = AddUser("manager@example.org", UserRole::kManager, {{"ES-DEMO", ""}});
    member_ = AddUser("member@example.org", UserRole::kMember, {{"ES-DEMO", kMemberPoint}});
    admin_ = AddUser("admin@example.org", UserRole::kAdmin, {});
    SessionOptions options;
    options.hash_limits = PasswordHashLimits::ForTestsOnly();
    options.clock = [this] { return now_; };
    sessions_ =
        std::make_unique<Sessions>([this]() -> AuthStore& { return store_->Auth(); }, options);
  }
  void TearDown() override {
    sessions_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void SaveCommunity() {
    StoredCommunity c;
    c.id = "ES-DEMO";
    c.name = "Comunidad de prueba";
    c.timezone = "Europe/Madrid";
    c.rules = RulesFor(Country::kSpain);
    for (const char* pid : {"ES0031000000000001AB", kMemberPoint, "ES0031000000000003EF"}) {
      StoredParticipant sp;
      sp.participant.id = pid;
      sp.participant.role = c.participants.empty() ? Role::kProducer : Role::kConsumer;
      c.participants.push_back(sp);
    }
    CoefficientVersion v;
    v.valid_from = kBeginningOfTime;
    v.period.method = Method::kFixed;
    v.period.fixed = {0, 500'000'000, 500'000'000};
    for (const auto& sp : c.participants) v.participant_ids.push_back(sp.participant.id);
    c.versions.push_back(v);
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->SaveCommunity(c).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  std::int64_t AddUser(const std::string& email, UserRole role, const std::vector<Grant>& grants) {
    StoredUser u;
    u.user.email = email;
    u.user.display_name = email.substr(0, email.find('@'));
    u.user.role = role;
    auto hash = HashPassword(kPassword, PasswordHashLimits::ForTestsOnly());
    EXPECT_TRUE(hash.ok());
    u.password_hash = *hash;
    u.created_at = kT0;
    auto id = store_->Auth().AddUser(u);
    EXPECT_TRUE(id.ok()) << id.status().message();
    EXPECT_TRUE(store_->Auth().SetGrants(*id, grants).ok());
    return *id;
  }

  // A request as the server hands it over: the cookie parsed, headers lower case.
  static http::Request MakeRequest(std::string method, std::string path,
                                   const std::string& token = "", const std::string& csrf = "",
                                   std::string body = "") {
    http::Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    r.remote_address = "192.0.2.10";
    r.headers["host"] = "localhost:8080";
    if (!token.empty()) {
      r.cookies[kSessionCookie] = token;
      r.headers["cookie"] = std::string(kSessionCookie) + "=" + token;
    }
    if (!csrf.empty()) r.headers["x-csrf-token"] = csrf;
    return r;
  }

  // Logs in with the right password; the session token.
  std::string LogIn(const std::string& email) {
    auto outcome = sessions_->Login(email, kPassword, "192.0.2.10", now_);
    auto* success = std::get_if<LoginSuccess>(&outcome);
    EXPECT_NE(success, nullptr);
    return success ? success->token : "";
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Sessions> sessions_;
  UtcSeconds now_ = kT0;
  std::int64_t manager_ = 0;
  std::int64_t member_ = 0;
  std::int64_t admin_ = 0;
};

}  // namespace reparto::auth
