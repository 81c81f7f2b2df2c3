// The SQLite schema and its versioned migrations (PRAGMA user_version). Opening a database applies
// the migrations it lacks, each in its own transaction; a database newer than this program is
// refused rather than misread. The layout is described in docs/store.md.
#pragma once

#include "core/status.h"
#include "store/sqlite/sqlite_handle.h"

namespace reparto::sqlite {

// The schema version this program writes.
int CurrentSchemaVersion();

// Sets the connection's pragmas (WAL, foreign keys, synchronous) and migrates to the current
// schema.
Status PrepareDatabase(SqliteDb& db);

}  // namespace reparto::sqlite
