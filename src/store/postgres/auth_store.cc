// The PostgreSQL auth store: see auth_store.h and core/auth_store.h. Instants UTC seconds.
#include "store/postgres/auth_store.h"

#include <utility>

#include "core/auth_rules.h"
#include "store/postgres/transactions.h"

namespace reparto::postgres {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, language, password_hash, created_at FROM app_user ";

Result<StoredUser> ReadUser(const PgResult& rows, int r) {
  StoredUser u;
  u.user.id = rows.Int(r, 0);
  u.user.email = std::string(rows.Bytes(r, 1));
  u.user.display_name = std::string(rows.Bytes(r, 2));
  auto role = ParseUserRole(rows.Bytes(r, 3));
  if (!role) return Status::Error("user " + u.user.email + " has an unknown role");
  u.user.role = *role;
  u.user.language = std::string(rows.Bytes(r, 4));
  u.password_hash = std::string(rows.Bytes(r, 5));
  u.created_at = rows.Int(r, 6);
  return u;
}

Status NoUser(std::int64_t id) { return Status::Error("no user with id " + std::to_string(id)); }

Result<std::optional<StoredUser>> OneUser(Result<PgResult> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->rows() == 0) return std::optional<StoredUser>();
  auto user = ReadUser(*rows, 0);
  if (!user.ok()) return user.status();
  return std::optional<StoredUser>(std::move(*user));
}

class PgAuthStore final : public AuthStore {
 public:
  explicit PgAuthStore(PgConn& conn) : conn_(conn) {}

  Result<std::int64_t> AddUser(const StoredUser& given) override {
    StoredUser user = given;
    user.user.email = NormalizeEmail(user.user.email);
    REPARTO_RETURN_IF_ERROR(CheckStoredUser(user, /*adding=*/true));
    return InWrite(conn_, [&]() -> Result<std::int64_t> {
      // Serialises adding the same e-mail, so that the second one gets the message below.
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("SELECT pg_advisory_xact_lock(hashtextextended('reparto user ' || $1, 0))",
                    PgParams().Add(user.user.email)));
      auto existing =
          conn_.Query("SELECT id FROM app_user WHERE email = $1", PgParams().Add(user.user.email));
      if (!existing.ok()) return existing.status();
      if (existing->rows() > 0) {
        return Status::Error("a user with e-mail " + user.user.email + " already exists");
      }
      auto id = conn_.Query(
          "INSERT INTO app_user (email, display_name, role, language, password_hash, created_at) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          PgParams()
              .Add(user.user.email)
              .Add(user.user.display_name)
              .Add(UserRoleName(user.user.role))
              .Add(user.user.language)
              .Add(user.password_hash)
              .Add(user.created_at));
      if (!id.ok()) return id.status();
      return id->Int(0, 0);
    });
  }

  Status UpdateUser(const StoredUser& user) override {
    REPARTO_RETURN_IF_ERROR(CheckStoredUser(user, /*adding=*/false));
    return InWrite(conn_, [&]() -> Status {
      auto rows = conn_.Query(
          "UPDATE app_user SET display_name = $2, role = $3, language = $4, "
          "password_hash = CASE WHEN $5::text = '' THEN password_hash ELSE $5::text END "
          "WHERE id = $1 RETURNING id",
          PgParams()
              .Add(user.user.id)
              .Add(user.user.display_name)
              .Add(UserRoleName(user.user.role))
              .Add(user.user.language)
              .Add(user.password_hash));
      if (!rows.ok()) return rows.status();
      if (rows->rows() == 0) return NoUser(user.user.id);
      if (user.password_hash.empty()) return Status::Ok();
      // A new password ends every session opened with the old one.
      return conn_.Run("DELETE FROM user_session WHERE user_id = $1", PgParams().Add(user.user.id));
    });
  }

  Status DeleteUser(std::int64_t user_id) override {
    return InWrite(conn_, [&]() -> Status {
      auto rows =
          conn_.Query("DELETE FROM app_user WHERE id = $1 RETURNING id", PgParams().Add(user_id));
      if (!rows.ok()) return rows.status();
      return rows->rows() > 0 ? Status::Ok() : NoUser(user_id);
    });
  }

  Result<std::optional<StoredUser>> FindUserByEmail(std::string_view email) override {
    return OneUser(ReadAlone(conn_, (std::string(kUserColumns) + "WHERE email = $1").c_str(),
                             PgParams().Add(NormalizeEmail(email))));
  }

  Result<std::optional<StoredUser>> FindUser(std::int64_t user_id) override {
    return OneUser(ReadAlone(conn_, (std::string(kUserColumns) + "WHERE id = $1").c_str(),
                             PgParams().Add(user_id)));
  }

  Result<std::vector<User>> ListUsers() override {
    auto rows =
        ReadAlone(conn_, (std::string(kUserColumns) + "ORDER BY email").c_str(), PgParams());
    if (!rows.ok()) return rows.status();
    std::vector<User> users;
    for (int r = 0; r < rows->rows(); ++r) {
      auto user = ReadUser(*rows, r);
      if (!user.ok()) return user.status();
      users.push_back(std::move(user->user));
    }
    return users;
  }

  Status SetGrants(std::int64_t user_id, const std::vector<Grant>& grants) override {
    REPARTO_RETURN_IF_ERROR(CheckGrants(grants));
    return InWrite(conn_, [&]() -> Status {
      // Locks the user's row: two SetGrants of one user run one after the other.
      auto user =
          conn_.Query("SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE", PgParams().Add(user_id));
      if (!user.ok()) return user.status();
      if (user->rows() == 0) return NoUser(user_id);
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("DELETE FROM user_grant WHERE user_id = $1", PgParams().Add(user_id)));
      for (const Grant& g : grants) {
        auto community =
            conn_.Query("SELECT id FROM community WHERE code = $1", PgParams().Add(g.community));
        if (!community.ok()) return community.status();
        if (community->rows() == 0) return Status::Error("no community " + g.community);
        const std::int64_t community_id = community->Int(0, 0);
        PgParams put;
        put.Add(user_id).Add(community_id);
        if (g.participant.empty()) {
          put.AddNull();
        } else {
          auto participant =
              conn_.Query("SELECT id FROM participant WHERE community_id = $1 AND code = $2",
                          PgParams().Add(community_id).Add(g.participant));
          if (!participant.ok()) return participant.status();
          if (participant->rows() == 0) {
            return Status::Error("community " + g.community + " has no participant " +
                                 g.participant);
          }
          put.Add(participant->Int(0, 0));
        }
        REPARTO_RETURN_IF_ERROR(conn_.Run(
            "INSERT INTO user_grant (user_id, community_id, participant_id) VALUES ($1, $2, $3)",
            put));
      }
      return Status::Ok();
    });
  }

  Result<std::vector<Grant>> LoadGrants(std::int64_t user_id) override {
    auto rows = ReadAlone(conn_,
                          "SELECT c.code, coalesce(p.code, '') FROM user_grant g "
                          "JOIN community c ON c.id = g.community_id "
                          "LEFT JOIN participant p ON p.id = g.participant_id "
                          "WHERE g.user_id = $1 ORDER BY c.code COLLATE \"C\", "
                          "coalesce(p.code, '') COLLATE \"C\"",
                          PgParams().Add(user_id));
    if (!rows.ok()) return rows.status();
    std::vector<Grant> grants;
    for (int r = 0; r < rows->rows(); ++r) {
      grants.push_back(Grant{.community = std::string(rows->Bytes(r, 0)),
                             .participant = std::string(rows->Bytes(r, 1))});
    }
    return grants;
  }

  Status AddSession(const SessionRecord& session) override {
    if (session.token_hash.empty()) return Status::Error("a session needs its token hash");
    if (session.expires_at <= session.created_at) {
      return Status::Error("a session must expire after it is created");
    }
    return InWrite(conn_, [&]() -> Status {
      auto rows = conn_.Query(
          "INSERT INTO user_session (token_hash, user_id, created_at, expires_at) "
          "SELECT $1, id, $3, $4 FROM app_user WHERE id = $2 RETURNING user_id",
          PgParams()
              .Add(session.token_hash)
              .Add(session.user_id)
              .Add(session.created_at)
              .Add(session.expires_at));
      if (!rows.ok()) return rows.status();
      return rows->rows() > 0 ? Status::Ok() : NoUser(session.user_id);
    });
  }

  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash,
                                                   UtcSeconds now) override {
    auto rows = ReadAlone(conn_,
                          "SELECT user_id, created_at, expires_at FROM user_session "
                          "WHERE token_hash = $1 AND expires_at > $2",
                          PgParams().Add(token_hash).Add(now));
    if (!rows.ok()) return rows.status();
    if (rows->rows() == 0) return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(SessionRecord{.token_hash = std::string(token_hash),
                                                      .user_id = rows->Int(0, 0),
                                                      .created_at = rows->Int(0, 1),
                                                      .expires_at = rows->Int(0, 2)});
  }

  Status DeleteSession(std::string_view token_hash) override {
    return InWrite(conn_, [&]() -> Status {
      return conn_.Run("DELETE FROM user_session WHERE token_hash = $1",
                       PgParams().Add(token_hash));
    });
  }

  Result<std::int64_t> DeleteExpiredSessions(UtcSeconds now) override {
    return InWrite(conn_, [&]() -> Result<std::int64_t> {
      auto rows = conn_.Query(
          "WITH gone AS (DELETE FROM user_session WHERE expires_at <= $1 RETURNING 1) "
          "SELECT count(*) FROM gone",
          PgParams().Add(now));
      if (!rows.ok()) return rows.status();
      return rows->Int(0, 0);
    });
  }

 private:
  PgConn& conn_;
};

}  // namespace

std::unique_ptr<AuthStore> MakeAuthStore(PgConn& conn) {
  return std::make_unique<PgAuthStore>(conn);
}

}  // namespace reparto::postgres
