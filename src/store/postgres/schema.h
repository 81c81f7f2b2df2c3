// The PostgreSQL schema and its versioned migrations (table schema_version, one row per applied
// migration). Opening a store applies the migrations the database lacks, each in its own
// transaction under an advisory lock (two processes opening a new database at once do not race);
// a database newer than this program is refused rather than misread. Same tables and meaning as
// the SQLite schema (src/store/sqlite/schema.cc); packed data are BYTEA.
#pragma once

#include "core/status.h"
#include "store/postgres/pg_handle.h"

namespace reparto::postgres {

// The schema version this program writes.
int CurrentSchemaVersion();

// Migrates the database to the current schema (nothing to do, and nothing written, when it is
// current: a read-only server can be opened).
Status PrepareDatabase(PgConn& conn);

}  // namespace reparto::postgres
