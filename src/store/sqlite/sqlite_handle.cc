// RAII wrappers around the SQLite C API: see sqlite_handle.h.
#include "store/sqlite/sqlite_handle.h"

#include <sqlite3.h>

namespace reparto::sqlite {

Status SqliteError(sqlite3* db, int code, const std::string& path) {
  const std::string where = "database " + path + ": ";
  switch (code & 0xff) {
    case SQLITE_FULL:
      return Status::Error(where +
                           "the disk is full (or the file reached its size limit); "
                           "nothing of this operation was written");
    case SQLITE_READONLY:
      return Status::Error(where + "the file is read-only; nothing was written");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::Error(where + "permission denied");
    case SQLITE_CANTOPEN:
      return Status::Error(where + "cannot open the file (missing folder or no permission)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Error(where + "locked by another reparto process; try again when it ends");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Error(where + "not a reparto database, or the file is damaged");
    case SQLITE_IOERR:
      switch (code) {
        case SQLITE_IOERR_WRITE:
        case SQLITE_IOERR_FSYNC:
        case SQLITE_IOERR_TRUNCATE:
        case SQLITE_IOERR_SHMSIZE:
          return Status::Error(where +
                               "cannot write: the disk is full or the file reached its "
                               "size limit; nothing of this operation was written");
      }
      return Status::Error(where + "input/output error (" +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)) + ")");
    case SQLITE_CONSTRAINT:
      return Status::Error(where + "the data break a rule of the database (" +
                           (db ? sqlite3_errmsg(db) : "constraint") + ")");
    default:
      return Status::Error(where + sqlite3_errstr(code));
  }
}

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::string path, bool* in_use)
    : db_(db), stmt_(stmt), path_(std::move(path)), in_use_(in_use) {}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_),
      stmt_(other.stmt_),
      path_(std::move(other.path_)),
      status_(other.status_),
      in_use_(other.in_use_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

SqliteStatement::~SqliteStatement() {
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  // A kept statement: ready for its next user, holding no read transaction open.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

void SqliteStatement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}
void SqliteStatement::Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void SqliteStatement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}
void SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}
void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

bool SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteError(db_, rc, path_);
  sqlite3_reset(stmt_);
  return false;
}

Status SqliteStatement::Run() {
  while (Step()) {
  }
  sqlite3_clear_bindings(stmt_);
  return status_;
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double SqliteStatement::Double(int column) const { return sqlite3_column_double(stmt_, column); }
std::string_view SqliteStatement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  return text ? std::string_view(reinterpret_cast<const char*>(text),
                                 static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}
std::string_view SqliteStatement::Blob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  return blob ? std::string_view(static_cast<const char*>(blob),
                                 static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  // Without memory statistics SQLite takes no process-wide mutex on every allocation, which the
  // server's threads (one connection each) would otherwise queue on. It must be set before
  // SQLite initialises; later calls are refused harmlessly.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (a Store per thread), so SQLite need
  // not lock each call.
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status error = SqliteError(db, rc, path);
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10'000);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, kept] : kept_) sqlite3_finalize(kept.stmt);
  sqlite3_close(db_);
}

Status SqliteDb::Execute(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : SqliteError(db_, rc, path_);
}

Result<SqliteStatement> SqliteDb::Prepare(const char* sql) {
  auto found = kept_.find(sql);
  if (found != kept_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return SqliteStatement(db_, found->second.stmt, path_, &found->second.in_use);
  }
  const bool keep = found == kept_.end() && kept_.size() < kKeptStatements;
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v3(db_, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, path_);
  if (!keep) return SqliteStatement(db_, stmt, path_);
  KeptStatement& kept = kept_[sql];
  kept = {stmt, true};
  return SqliteStatement(db_, stmt, path_, &kept.in_use);
}

std::int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

}  // namespace reparto::sqlite
