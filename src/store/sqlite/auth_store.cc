// The SQLite auth store: see auth_store.h and core/auth_store.h. Instants UTC seconds.
#include "store/sqlite/auth_store.h"

#include <utility>

#include "core/auth_rules.h"
#include "store/sqlite/transactions.h"

namespace reparto::sqlite {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, language, password_hash, created_at FROM app_user ";

Result<StoredUser> ReadUser(const SqliteStatement& stmt) {
  StoredUser u;
  u.user.id = stmt.Int(0);
  u.user.email = std::string(stmt.Text(1));
  u.user.display_name = std::string(stmt.Text(2));
  auto role = ParseUserRole(stmt.Text(3));
  if (!role) return Status::Error("user " + u.user.email + " has an unknown role");
  u.user.role = *role;
  u.user.language = std::string(stmt.Text(4));
  u.password_hash = std::string(stmt.Text(5));
  u.created_at = stmt.Int(6);
  return u;
}

Status NoUser(std::int64_t id) { return Status::Error("no user with id " + std::to_string(id)); }

class SqliteAuthStore final : public AuthStore {
 public:
  explicit SqliteAuthStore(SqliteDb& db) : db_(db) {}

  Result<std::int64_t> AddUser(const StoredUser& given) override {
    StoredUser user = given;
    user.user.email = NormalizeEmail(user.user.email);
    REPARTO_RETURN_IF_ERROR(CheckStoredUser(user, /*adding=*/true));
    return InWrite(db_, [&]() -> Result<std::int64_t> {
      auto existing = FindId(user.user.email);
      if (!existing.ok()) return existing.status();
      if (*existing != 0) {
        return Status::Error("a user with e-mail " + user.user.email + " already exists");
      }
      auto stmt = db_.Prepare(
          "INSERT INTO app_user (email, display_name, role, language, password_hash, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, user.user.email);
      stmt->Bind(2, user.user.display_name);
      stmt->Bind(3, UserRoleName(user.user.role));
      stmt->Bind(4, user.user.language);
      stmt->Bind(5, user.password_hash);
      stmt->Bind(6, user.created_at);
      REPARTO_RETURN_IF_ERROR(stmt->Run());
      return db_.LastInsertId();
    });
  }

  Status UpdateUser(const StoredUser& given) override {
    const StoredUser& user = given;
    REPARTO_RETURN_IF_ERROR(CheckStoredUser(user, /*adding=*/false));
    return InWrite(db_, [&]() -> Status {
      auto stmt = db_.Prepare(
          "UPDATE app_user SET display_name = ?2, role = ?3, language = ?4, "
          "password_hash = CASE WHEN ?5 = '' THEN password_hash ELSE ?5 END WHERE id = ?1 "
          "RETURNING id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, user.user.id);
      stmt->Bind(2, user.user.display_name);
      stmt->Bind(3, UserRoleName(user.user.role));
      stmt->Bind(4, user.user.language);
      stmt->Bind(5, user.password_hash);
      bool found = false;
      while (stmt->Step()) found = true;
      REPARTO_RETURN_IF_ERROR(stmt->status());
      if (!found) return NoUser(user.user.id);
      if (user.password_hash.empty()) return Status::Ok();
      // A new password ends every session opened with the old one.
      auto sessions = db_.Prepare("DELETE FROM user_session WHERE user_id = ?1");
      if (!sessions.ok()) return sessions.status();
      sessions->Bind(1, user.user.id);
      return sessions->Run();
    });
  }

  Status DeleteUser(std::int64_t user_id) override {
    return InWrite(db_, [&]() -> Status {
      auto stmt = db_.Prepare("DELETE FROM app_user WHERE id = ?1 RETURNING id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, user_id);
      bool found = false;
      while (stmt->Step()) found = true;
      REPARTO_RETURN_IF_ERROR(stmt->status());
      return found ? Status::Ok() : NoUser(user_id);
    });
  }

  Result<std::optional<StoredUser>> FindUserByEmail(std::string_view email) override {
    return FindOne(std::string(kUserColumns) + "WHERE email = ?1", NormalizeEmail(email), 0);
  }

  Result<std::optional<StoredUser>> FindUser(std::int64_t user_id) override {
    return FindOne(std::string(kUserColumns) + "WHERE id = ?1", "", user_id);
  }

  Result<std::vector<User>> ListUsers() override {
    auto stmt = db_.Prepare((std::string(kUserColumns) + "ORDER BY email").c_str());
    if (!stmt.ok()) return stmt.status();
    std::vector<User> users;
    while (stmt->Step()) {
      auto user = ReadUser(*stmt);
      if (!user.ok()) return user.status();
      users.push_back(std::move(user->user));
    }
    if (!stmt->status().ok()) return stmt->status();
    return users;
  }

  Status SetGrants(std::int64_t user_id, const std::vector<Grant>& grants) override {
    REPARTO_RETURN_IF_ERROR(CheckGrants(grants));
    return InWrite(db_, [&]() -> Status {
      auto user = db_.Prepare("SELECT 1 FROM app_user WHERE id = ?1");
      if (!user.ok()) return user.status();
      user->Bind(1, user_id);
      bool found = false;
      while (user->Step()) found = true;
      REPARTO_RETURN_IF_ERROR(user->status());
      if (!found) return NoUser(user_id);
      auto clear = db_.Prepare("DELETE FROM user_grant WHERE user_id = ?1");
      if (!clear.ok()) return clear.status();
      clear->Bind(1, user_id);
      REPARTO_RETURN_IF_ERROR(clear->Run());
      auto community = db_.Prepare("SELECT id FROM community WHERE code = ?1");
      auto participant =
          db_.Prepare("SELECT id FROM participant WHERE community_id = ?1 AND code = ?2");
      auto put = db_.Prepare(
          "INSERT INTO user_grant (user_id, community_id, participant_id) VALUES (?1, ?2, ?3)");
      if (!community.ok()) return community.status();
      if (!participant.ok()) return participant.status();
      if (!put.ok()) return put.status();
      for (const Grant& g : grants) {
        community->Bind(1, g.community);
        std::int64_t community_id = 0;
        while (community->Step()) community_id = community->Int(0);
        REPARTO_RETURN_IF_ERROR(community->status());
        if (community_id == 0) return Status::Error("no community " + g.community);
        put->Bind(1, user_id);
        put->Bind(2, community_id);
        if (g.participant.empty()) {
          put->BindNull(3);
        } else {
          participant->Bind(1, community_id);
          participant->Bind(2, g.participant);
          std::int64_t participant_id = 0;
          while (participant->Step()) participant_id = participant->Int(0);
          REPARTO_RETURN_IF_ERROR(participant->status());
          if (participant_id == 0) {
            return Status::Error("community " + g.community + " has no participant " +
                                 g.participant);
          }
          put->Bind(3, participant_id);
        }
        REPARTO_RETURN_IF_ERROR(put->Run());
      }
      return Status::Ok();
    });
  }

  Result<std::vector<Grant>> LoadGrants(std::int64_t user_id) override {
    auto stmt = db_.Prepare(
        "SELECT c.code, coalesce(p.code, '') FROM user_grant g "
        "JOIN community c ON c.id = g.community_id "
        "LEFT JOIN participant p ON p.id = g.participant_id "
        "WHERE g.user_id = ?1 ORDER BY c.code, coalesce(p.code, '')");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, user_id);
    std::vector<Grant> grants;
    while (stmt->Step()) {
      grants.push_back(Grant{.community = std::string(stmt->Text(0)),
                             .participant = std::string(stmt->Text(1))});
    }
    if (!stmt->status().ok()) return stmt->status();
    return grants;
  }

  Status AddSession(const SessionRecord& session) override {
    if (session.token_hash.empty()) return Status::Error("a session needs its token hash");
    if (session.expires_at <= session.created_at) {
      return Status::Error("a session must expire after it is created");
    }
    return InWrite(db_, [&]() -> Status {
      auto stmt = db_.Prepare(
          "INSERT INTO user_session (token_hash, user_id, created_at, expires_at) "
          "SELECT ?1, id, ?3, ?4 FROM app_user WHERE id = ?2 RETURNING user_id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, session.token_hash);
      stmt->Bind(2, session.user_id);
      stmt->Bind(3, session.created_at);
      stmt->Bind(4, session.expires_at);
      bool found = false;
      while (stmt->Step()) found = true;
      REPARTO_RETURN_IF_ERROR(stmt->status());
      return found ? Status::Ok() : NoUser(session.user_id);
    });
  }

  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash,
                                                   UtcSeconds now) override {
    auto stmt = db_.Prepare(
        "SELECT user_id, created_at, expires_at FROM user_session "
        "WHERE token_hash = ?1 AND expires_at > ?2");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, token_hash);
    stmt->Bind(2, now);
    std::optional<SessionRecord> found;
    while (stmt->Step()) {
      found = SessionRecord{.token_hash = std::string(token_hash),
                            .user_id = stmt->Int(0),
                            .created_at = stmt->Int(1),
                            .expires_at = stmt->Int(2)};
    }
    if (!stmt->status().ok()) return stmt->status();
    return found;
  }

  Status DeleteSession(std::string_view token_hash) override {
    return InWrite(db_, [&]() -> Status {
      auto stmt = db_.Prepare("DELETE FROM user_session WHERE token_hash = ?1");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, token_hash);
      return stmt->Run();
    });
  }

  Result<std::int64_t> DeleteExpiredSessions(UtcSeconds now) override {
    return InWrite(db_, [&]() -> Result<std::int64_t> {
      auto stmt =
          db_.Prepare("DELETE FROM user_session WHERE expires_at <= ?1 RETURNING token_hash");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, now);
      std::int64_t removed = 0;
      while (stmt->Step()) ++removed;
      if (!stmt->status().ok()) return stmt->status();
      return removed;
    });
  }

 private:
  // The id of the user with this (normalised) e-mail, 0 when there is none.
  Result<std::int64_t> FindId(const std::string& email) {
    auto stmt = db_.Prepare("SELECT id FROM app_user WHERE email = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, email);
    std::int64_t id = 0;
    while (stmt->Step()) id = stmt->Int(0);
    if (!stmt->status().ok()) return stmt->status();
    return id;
  }

  // One user by e-mail (`text`) or by id (`id`, when `text` is empty).
  Result<std::optional<StoredUser>> FindOne(const std::string& sql, const std::string& text,
                                            std::int64_t id) {
    auto stmt = db_.Prepare(sql.c_str());
    if (!stmt.ok()) return stmt.status();
    if (text.empty()) {
      stmt->Bind(1, id);
    } else {
      stmt->Bind(1, text);
    }
    std::optional<StoredUser> found;
    while (stmt->Step()) {
      auto user = ReadUser(*stmt);
      if (!user.ok()) return user.status();
      found = std::move(*user);
    }
    if (!stmt->status().ok()) return stmt->status();
    return found;
  }

  SqliteDb& db_;
};

}  // namespace

std::unique_ptr<AuthStore> MakeAuthStore(SqliteDb& db) {
  return std::make_unique<SqliteAuthStore>(db);
}

}  // namespace reparto::sqlite
