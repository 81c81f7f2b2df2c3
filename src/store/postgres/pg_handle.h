// Small move-only RAII wrappers around the libpq C API (PGconn*, PGresult*, COPY FROM STDIN),
// used only inside the PostgreSQL adapter; no libpq type leaves this folder. Errors become
// reparto::Status messages meant for people: what failed and why ("the server's disk is full",
// "authentication failed"), with the server's address but never the password or the SQL text.
//
// Results are always in binary format: integers arrive as int2/int4/int8, doubles as float8,
// text and bytea as their raw bytes.
//
//   auto conn = PgConn::Open("postgresql://reparto@db.example.org/reparto");
//   auto rows = (*conn)->Query("SELECT code FROM community WHERE id = $1", PgParams().Add(id));
//   if (!rows.ok()) return rows.status();
//   for (int r = 0; r < rows->rows(); ++r) Use(rows->Text(r, 0));
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct pg_conn;
struct pg_result;

namespace reparto::postgres {

// The parameters of one statement, in order ($1, $2, ...). Numbers and text are sent as text
// (the server infers their type from the statement), bytes as binary bytea.
class PgParams {
 public:
  PgParams& Add(std::int64_t value);
  PgParams& Add(double value);
  PgParams& Add(std::string_view text);
  PgParams& AddBytes(std::string_view bytes);
  PgParams& AddNull();

  int size() const { return static_cast<int>(values_.size()); }

 private:
  friend class PgConn;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<int> formats_;  // 0 text, 1 binary
};

// A query's rows. Row and column indexes are 0-based.
class PgResult {
 public:
  explicit PgResult(pg_result* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  bool IsNull(int row, int column) const;
  std::int64_t Int(int row, int column) const;  // int2, int4 or int8; 0 when NULL
  double Double(int row, int column) const;     // float8; 0 when NULL
  bool Bool(int row, int column) const;
  std::string_view Bytes(int row, int column) const;  // text or bytea

 private:
  pg_result* result_;
};

class PgConn;

// One COPY ... FROM STDIN (FORMAT binary): rows are buffered and sent in chunks of about 1 MiB.
// Destroying it before Finish() aborts the COPY (and with it the transaction).
class PgCopy {
 public:
  explicit PgCopy(PgConn& conn);
  PgCopy(PgCopy&& other) noexcept;
  PgCopy& operator=(PgCopy&&) = delete;
  ~PgCopy();

  void StartRow(int fields);
  void Int64(std::int64_t value);
  void Int32(std::int32_t value);
  void Bool(bool value);
  void Bytes(std::string_view bytes);
  void Null();
  // Sends the rest and ends the COPY; the status of the whole COPY.
  Status Finish();

 private:
  void Flush();
  PgConn* conn_;
  std::string buffer_;
  Status status_;
  bool open_ = true;
};

class PgConn {
 public:
  // Connects to a libpq URL or keyword string ("postgresql://user:password@host:5432/db").
  static Result<std::unique_ptr<PgConn>> Open(const std::string& url);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  // "postgresql://user@host:5432/db" (or "...@/db?host=/socket/dir&port=5432"): no password.
  const std::string& address() const { return address_; }

  // Reconnects when the connection was lost (the server restarted): a store outlives that.
  Status EnsureConnected();

  enum class TransactionState { kIdle, kOpen, kFailed, kUnknown };
  TransactionState transaction_state() const;

  // Runs one or more statements without parameters or results (schema, BEGIN/COMMIT).
  Status Execute(const char* sql);
  // Runs one statement; its rows in binary format.
  Result<PgResult> Query(const char* sql, const PgParams& params = PgParams());
  // Runs one statement whose rows are not needed.
  Status Run(const char* sql, const PgParams& params = PgParams());
  // Starts `copy_sql` ("COPY t (a, b) FROM STDIN (FORMAT binary)").
  Result<PgCopy> BeginCopy(const char* copy_sql);

  pg_conn* raw() { return conn_; }

 private:
  PgConn(pg_conn* conn, std::string address) : conn_(conn), address_(std::move(address)) {}
  pg_conn* conn_;
  std::string address_;
};

// What a failed libpq call means to a person: `result` may be null (the error is then the
// connection's).
Status PgError(pg_conn* conn, const pg_result* result, const std::string& address);

}  // namespace reparto::postgres
