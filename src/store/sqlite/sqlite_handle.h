// Small move-only RAII wrappers around the SQLite C API (sqlite3*, sqlite3_stmt*), used only
// inside the SQLite adapter. Errors become reparto::Status messages meant for people: what failed
// and why ("the disk is full", "the database file is read-only"), never the SQL text. A SqliteDb
// is used by one thread at a time (opened without SQLite's per-call mutex): threads open their
// own, as the server does.
//
//   auto db = SqliteDb::Open("reparto.db");
//   auto stmt = db->Prepare("SELECT code FROM community WHERE id = ?1");
//   stmt->Bind(1, std::int64_t{7});
//   while (stmt->Step()) Use(stmt->Text(0));
//   if (!stmt->status().ok()) return stmt->status();
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace reparto::sqlite {

class SqliteStatement {
 public:
  // `in_use`: set for a statement kept by SqliteDb's cache, cleared (and the statement reset)
  // when this object ends instead of finalising it.
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::string path, bool* in_use = nullptr);
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  ~SqliteStatement();

  // 1-based parameter index, as in SQL (?1).
  void Bind(int index, std::int64_t value);
  void Bind(int index, double value);
  void Bind(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);
  void BindNull(int index);

  // Advances to the next row: true when there is one. false at the end or on error (then
  // status() is not ok). After the end, the statement is reset for the next bindings.
  bool Step();
  // Runs a statement that returns no rows.
  Status Run();
  const Status& status() const { return status_; }

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;
  std::string_view Blob(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string path_;
  Status status_;
  bool* in_use_;
};

class SqliteDb {
 public:
  // Opens (creating if needed) the database file at `path`.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  const std::string& path() const { return path_; }
  // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
  Status Execute(const char* sql);
  // A statement for `sql`. The first 64 distinct texts are compiled once and kept (the server
  // checks a session with the same three queries on every request); a text whose kept statement
  // is still in use (nested loops) gets a fresh one.
  Result<SqliteStatement> Prepare(const char* sql);
  std::int64_t LastInsertId() const;

 private:
  struct KeptStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  static constexpr std::size_t kKeptStatements = 64;

  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, KeptStatement> kept_;  // by SQL text; nodes never move
};

// What an SQLite result code means to a person, for the database at `path`.
Status SqliteError(sqlite3* db, int code, const std::string& path);

}  // namespace reparto::sqlite
