// The contract of core/auth_store.h, run against both adapters (StoreFactories(): SQLite on a real
// file, PostgreSQL on a real server): users with unique lower-case e-mails, updates that keep the
// password unless a new hash is given, grants that name stored communities and supply points
// (all or nothing), sessions found only before their expiry, and a deleted user's grants and
// sessions gone with them. Instants are UTC seconds.
#include "core/auth_store.h"

#include <gtest/gtest.h>

#include "core/store.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

constexpr UtcSeconds kJan2025 = 1735689600;  // 2025-01-01T00:00:00Z
// A well-formed hash string (the store never checks it against a password).
constexpr const char* kHash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

bool Mentions(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

StoredCommunity Community(const std::string& id) {
  StoredCommunity c;
  c.id = id;
  c.name = "Comunidad " + id;
  c.timezone = "Europe/Madrid";
  c.rules = RulesFor(Country::kSpain);
  for (const char* pid : {"ES0031000000000001AB", "ES0031000000000002CD"}) {
    StoredParticipant sp;
    sp.participant.id = pid;
    sp.participant.role = c.participants.empty() ? Role::kProducer : Role::kConsumer;
    c.participants.push_back(sp);
  }
  CoefficientVersion v;
  v.valid_from = kBeginningOfTime;
  v.period.method = Method::kFixed;
  v.period.fixed = {0, 1'000'000'000};
  v.participant_ids = {c.participants[0].participant.id, c.participants[1].participant.id};
  c.versions.push_back(v);
  return c;
}

StoredUser NewUser(const std::string& email, UserRole role, const std::string& name = "") {
  StoredUser u;
  u.user.email = email;
  u.user.display_name = name;
  u.user.role = role;
  u.password_hash = kHash;
  u.created_at = kJan2025;
  return u;
}

class AuthContract : public ::testing::TestWithParam<const StoreFactory*> {
 protected:
  void SetUp() override {
    auto store = GetParam()->open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    for (const char* id : {"ES-A", "ES-B"}) {
      auto tx = store_->Begin();
      ASSERT_TRUE(tx.ok()) << tx.status().message();
      ASSERT_TRUE((*tx)->SaveCommunity(Community(id)).ok());
      ASSERT_TRUE((*tx)->Commit().ok());
    }
  }
  AuthStore& auth() { return store_->Auth(); }

  std::int64_t Add(const StoredUser& user) {
    auto id = auth().AddUser(user);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  std::unique_ptr<Store> store_;
};

TEST_P(AuthContract, UsersAreFoundByEmailInAnyCaseAndStoredLowerCase) {
  StoredUser ana = NewUser("  Ana.Garcia@Example.ORG ", UserRole::kManager, "Ana García");
  ana.user.language = "es";
  const std::int64_t id = Add(ana);
  ASSERT_GT(id, 0);
  auto found = auth().FindUserByEmail("ANA.GARCIA@example.org");
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(found->has_value());
  const StoredUser& u = **found;
  EXPECT_EQ(u.user.id, id);
  EXPECT_EQ(u.user.email, "ana.garcia@example.org");
  EXPECT_EQ(u.user.display_name, "Ana García");
  EXPECT_EQ(u.user.role, UserRole::kManager);
  EXPECT_EQ(u.user.language, "es");
  EXPECT_EQ(u.password_hash, kHash);
  EXPECT_EQ(u.created_at, kJan2025);
  auto by_id = auth().FindUser(id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ((*by_id)->user.email, "ana.garcia@example.org");
  EXPECT_FALSE(auth().FindUserByEmail("nobody@example.org")->has_value());
  EXPECT_FALSE(auth().FindUser(id + 100)->has_value());
}

TEST_P(AuthContract, AnEmailIsUniqueWhateverItsCase) {
  Add(NewUser("ana@example.org", UserRole::kMember));
  auto again = auth().AddUser(NewUser("ANA@Example.org", UserRole::kAdmin));
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(Mentions(again.status(), "ana@example.org")) << again.status().message();
  ASSERT_EQ(auth().ListUsers()->size(), 1u);
  EXPECT_EQ(auth().ListUsers()->at(0).role, UserRole::kMember);
}

TEST_P(AuthContract, MalformedUsersAreRefused) {
  EXPECT_FALSE(auth().AddUser(NewUser("no-at-sign", UserRole::kMember)).ok());
  EXPECT_FALSE(auth().AddUser(NewUser("a@b@c", UserRole::kMember)).ok());
  EXPECT_FALSE(auth().AddUser(NewUser("", UserRole::kMember)).ok());
  StoredUser no_hash = NewUser("x@example.org", UserRole::kMember);
  no_hash.password_hash.clear();
  EXPECT_FALSE(auth().AddUser(no_hash).ok());
  StoredUser clear_text = NewUser("x@example.org", UserRole::kMember);
  clear_text.password_hash = "hunter2hunter2";
  EXPECT_FALSE(auth().AddUser(clear_text).ok());
  StoredUser klingon = NewUser("x@example.org", UserRole::kMember);
  klingon.user.language = "tlh";
  EXPECT_FALSE(auth().AddUser(klingon).ok());
  EXPECT_TRUE(auth().ListUsers()->empty());
}

TEST_P(AuthContract, UpdateKeepsThePasswordUnlessANewHashIsGiven) {
  const std::int64_t id = Add(NewUser("bea@example.org", UserRole::kMember, "Bea"));
  StoredUser change = **auth().FindUser(id);
  change.user.display_name = "Beatriz";
  change.user.role = UserRole::kManager;
  change.user.language = "pt";
  change.password_hash.clear();
  ASSERT_TRUE(auth().UpdateUser(change).ok());
  StoredUser after = **auth().FindUser(id);
  EXPECT_EQ(after.user.display_name, "Beatriz");
  EXPECT_EQ(after.user.role, UserRole::kManager);
  EXPECT_EQ(after.user.language, "pt");
  EXPECT_EQ(after.password_hash, kHash);
  change.password_hash = "$argon2id$v=19$m=8,t=1,p=1$bmV3c2FsdA$bmV3aGFzaA";
  ASSERT_TRUE(auth().UpdateUser(change).ok());
  EXPECT_EQ((*auth().FindUser(id))->password_hash, change.password_hash);
  change.user.id = id + 100;
  Status missing = auth().UpdateUser(change);
  EXPECT_TRUE(Mentions(missing, "no user with id " + std::to_string(id + 100)))
      << missing.message();
}

TEST_P(AuthContract, ANewPasswordEndsTheUsersSessionsOnly) {
  const std::int64_t id = Add(NewUser("pw@example.org", UserRole::kMember));
  const std::int64_t other = Add(NewUser("other@example.org", UserRole::kMember));
  for (auto [hash, user] : {std::pair{'p', id}, std::pair{'q', id}, std::pair{'r', other}}) {
    ASSERT_TRUE(auth()
                    .AddSession({.token_hash = std::string(64, hash),
                                 .user_id = user,
                                 .created_at = kJan2025,
                                 .expires_at = kJan2025 + 43200})
                    .ok());
  }
  // Renaming keeps the sessions.
  StoredUser change = **auth().FindUser(id);
  change.user.display_name = "Renamed";
  change.password_hash.clear();
  ASSERT_TRUE(auth().UpdateUser(change).ok());
  EXPECT_TRUE(auth().FindSession(std::string(64, 'p'), kJan2025)->has_value());
  // A new password ends both of the user's sessions, not the other user's.
  change.password_hash = "$argon2id$v=19$m=8,t=1,p=1$bmV3c2FsdA$bmV3aGFzaA";
  ASSERT_TRUE(auth().UpdateUser(change).ok());
  EXPECT_FALSE(auth().FindSession(std::string(64, 'p'), kJan2025)->has_value());
  EXPECT_FALSE(auth().FindSession(std::string(64, 'q'), kJan2025)->has_value());
  EXPECT_TRUE(auth().FindSession(std::string(64, 'r'), kJan2025)->has_value());
}

TEST_P(AuthContract, UsersAreListedByEmail) {
  Add(NewUser("carla@example.org", UserRole::kMember));
  Add(NewUser("ana@example.org", UserRole::kAdmin));
  Add(NewUser("bea@example.org", UserRole::kManager));
  auto users = auth().ListUsers();
  ASSERT_TRUE(users.ok()) << users.status().message();
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].email, "ana@example.org");
  EXPECT_EQ((*users)[0].role, UserRole::kAdmin);
  EXPECT_EQ((*users)[1].email, "bea@example.org");
  EXPECT_EQ((*users)[2].email, "carla@example.org");
}

TEST_P(AuthContract, GrantsAreReplacedAllOrNothingAndNameStoredRows) {
  const std::int64_t id = Add(NewUser("m@example.org", UserRole::kMember));
  const std::vector<Grant> grants = {{"ES-B", "ES0031000000000002CD"}, {"ES-A", ""}};
  ASSERT_TRUE(auth().SetGrants(id, grants).ok());
  auto loaded = auth().LoadGrants(id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const std::vector<Grant> sorted = {{"ES-A", ""}, {"ES-B", "ES0031000000000002CD"}};
  EXPECT_EQ(*loaded, sorted);

  // An unknown community or supply point is refused and the grants stay as they were.
  Status no_community = auth().SetGrants(id, {{"ES-A", "ES0031000000000001AB"}, {"ES-Z", ""}});
  EXPECT_TRUE(Mentions(no_community, "no community ES-Z")) << no_community.message();
  Status no_point = auth().SetGrants(id, {{"ES-A", "ES0031000000000009ZZ"}});
  EXPECT_TRUE(Mentions(no_point, "ES0031000000000009ZZ")) << no_point.message();
  EXPECT_FALSE(auth().SetGrants(id, {{"ES-A", ""}, {"ES-A", ""}}).ok());
  EXPECT_FALSE(auth().SetGrants(id + 100, {{"ES-A", ""}}).ok());
  EXPECT_EQ(*auth().LoadGrants(id), sorted);
  ASSERT_TRUE(auth().SetGrants(id, {}).ok());
  EXPECT_TRUE(auth().LoadGrants(id)->empty());
}

TEST_P(AuthContract, ASessionIsFoundOnlyBeforeItsExpiry) {
  const std::int64_t id = Add(NewUser("s@example.org", UserRole::kMember));
  const SessionRecord session{.token_hash = std::string(64, 'a'),
                              .user_id = id,
                              .created_at = kJan2025,
                              .expires_at = kJan2025 + 43200};
  ASSERT_TRUE(auth().AddSession(session).ok());
  auto found = auth().FindSession(session.token_hash, kJan2025 + 43199);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->user_id, id);
  EXPECT_EQ((*found)->created_at, kJan2025);
  EXPECT_EQ((*found)->expires_at, kJan2025 + 43200);
  EXPECT_FALSE(auth().FindSession(session.token_hash, kJan2025 + 43200)->has_value());
  EXPECT_FALSE(auth().FindSession(std::string(64, 'b'), kJan2025)->has_value());
  // A session of nobody, or one that ends before it starts, is refused.
  EXPECT_FALSE(auth()
                   .AddSession({.token_hash = std::string(64, 'c'),
                                .user_id = id + 100,
                                .created_at = kJan2025,
                                .expires_at = kJan2025 + 1})
                   .ok());
  EXPECT_FALSE(auth()
                   .AddSession({.token_hash = std::string(64, 'd'),
                                .user_id = id,
                                .created_at = kJan2025,
                                .expires_at = kJan2025})
                   .ok());
  ASSERT_TRUE(auth().DeleteSession(session.token_hash).ok());
  EXPECT_FALSE(auth().FindSession(session.token_hash, kJan2025)->has_value());
}

TEST_P(AuthContract, ExpiredSessionsAreRemovedAndCounted) {
  const std::int64_t id = Add(NewUser("s@example.org", UserRole::kMember));
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(auth()
                    .AddSession({.token_hash = std::string(64, static_cast<char>('a' + i)),
                                 .user_id = id,
                                 .created_at = kJan2025,
                                 .expires_at = kJan2025 + 100 * (i + 1)})
                    .ok());
  }
  // Expiries 100, 200, 300: at 200 the first two are expired.
  auto removed = auth().DeleteExpiredSessions(kJan2025 + 200);
  ASSERT_TRUE(removed.ok()) << removed.status().message();
  EXPECT_EQ(*removed, 2);
  EXPECT_TRUE(auth().FindSession(std::string(64, 'c'), kJan2025 + 200)->has_value());
  EXPECT_EQ(*auth().DeleteExpiredSessions(kJan2025 + 200), 0);
}

TEST_P(AuthContract, DeletingAUserDeletesTheirGrantsAndSessions) {
  const std::int64_t id = Add(NewUser("gone@example.org", UserRole::kManager));
  const std::int64_t other = Add(NewUser("stays@example.org", UserRole::kManager));
  ASSERT_TRUE(auth().SetGrants(id, {{"ES-A", ""}}).ok());
  ASSERT_TRUE(auth().SetGrants(other, {{"ES-A", ""}}).ok());
  ASSERT_TRUE(auth()
                  .AddSession({.token_hash = std::string(64, 'e'),
                               .user_id = id,
                               .created_at = kJan2025,
                               .expires_at = kJan2025 + 43200})
                  .ok());
  ASSERT_TRUE(auth().DeleteUser(id).ok());
  EXPECT_FALSE(auth().FindUser(id)->has_value());
  EXPECT_FALSE(auth().FindSession(std::string(64, 'e'), kJan2025)->has_value());
  EXPECT_TRUE(auth().LoadGrants(id)->empty());
  EXPECT_EQ(auth().LoadGrants(other)->size(), 1u);
  EXPECT_FALSE(auth().DeleteUser(id).ok());
  // The e-mail is free again.
  EXPECT_GT(Add(NewUser("gone@example.org", UserRole::kMember)), id);
}

INSTANTIATE_TEST_SUITE_P(Adapters, AuthContract, ::testing::ValuesIn(StoreFactories()),
                         [](const auto& adapter) { return adapter.param->name; });

}  // namespace
}  // namespace reparto
