// The SQLite adapter's two transaction shapes, shared by the community, billing and auth stores:
// a write in one BEGIN IMMEDIATE transaction (committed when it succeeds, rolled back when it
// fails; IMMEDIATE waits, up to the busy timeout, for another writer rather than failing), and a
// read in one snapshot so that it sees one consistent state.
//
//   return InWrite(db, [&]() -> Status { ...; return Status::Ok(); });
//   return InSnapshot(db, [&] { return ReadSomething(db); });
#pragma once

#include "core/status.h"
#include "store/sqlite/sqlite_handle.h"

namespace reparto::sqlite {

template <typename F>
auto InWrite(SqliteDb& db, F&& write) -> decltype(write()) {
  REPARTO_RETURN_IF_ERROR(db.Execute("BEGIN IMMEDIATE"));
  auto result = write();
  if (!result.ok()) {
    (void)db.Execute("ROLLBACK");
    return result;
  }
  if (Status s = db.Execute("COMMIT"); !s.ok()) {
    (void)db.Execute("ROLLBACK");
    return s;
  }
  return result;
}

template <typename F>
auto InSnapshot(SqliteDb& db, F&& read) -> decltype(read()) {
  REPARTO_RETURN_IF_ERROR(db.Execute("BEGIN"));
  auto result = read();
  (void)db.Execute("COMMIT");
  return result;
}

}  // namespace reparto::sqlite
