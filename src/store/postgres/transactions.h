// The PostgreSQL adapter's transaction shapes for the billing and auth stores, whose every call
// is a transaction of its own (the community store's StoreTransaction is separate): a write in
// one transaction (committed when it succeeds, rolled back when it fails), a read in one
// repeatable-read snapshot, and a single-statement read; each refuses to start inside a
// transaction already open on the connection, and reconnects first when the server went away.
//
//   return InWrite(conn, [&]() -> Status { ...; return Status::Ok(); });
//   auto rows = ReadAlone(conn, "SELECT ...", PgParams().Add(id));
#pragma once

#include "core/status.h"
#include "store/postgres/pg_handle.h"

namespace reparto::postgres {

inline Status NotIdle(const PgConn& conn) {
  return Status::Error("database " + conn.address() +
                       ": a transaction is already open on this connection");
}

template <typename F>
auto InWrite(PgConn& conn, F&& write) -> decltype(write()) {
  if (conn.transaction_state() != PgConn::TransactionState::kIdle) return NotIdle(conn);
  REPARTO_RETURN_IF_ERROR(conn.EnsureConnected());
  REPARTO_RETURN_IF_ERROR(conn.Execute("BEGIN"));
  auto result = write();
  if (!result.ok()) {
    (void)conn.Execute("ROLLBACK");
    return result;
  }
  if (Status s = conn.Execute("COMMIT"); !s.ok()) {
    (void)conn.Execute("ROLLBACK");
    return s;
  }
  return result;
}

template <typename F>
auto InSnapshot(PgConn& conn, F&& read) -> decltype(read()) {
  if (conn.transaction_state() != PgConn::TransactionState::kIdle) return NotIdle(conn);
  REPARTO_RETURN_IF_ERROR(conn.EnsureConnected());
  REPARTO_RETURN_IF_ERROR(conn.Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  auto result = read();
  (void)conn.Execute(result.ok() ? "COMMIT" : "ROLLBACK");
  return result;
}

inline Result<PgResult> ReadAlone(PgConn& conn, const char* sql, const PgParams& params) {
  if (conn.transaction_state() != PgConn::TransactionState::kIdle) return NotIdle(conn);
  REPARTO_RETURN_IF_ERROR(conn.EnsureConnected());
  return conn.Query(sql, params);
}

}  // namespace reparto::postgres
