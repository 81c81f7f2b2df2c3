// The PostgreSQL adapter of core/store.h, for larger deployments: the same commands as with the
// embedded SQLite file, on a server (`reparto --db postgresql://user@host/db ...`).
//
// One object = one connection (libpq): use it from one thread at a time (open one per thread).
// Writes run in BEGIN ... COMMIT with one writer at a time per community (a transaction-scoped
// advisory lock taken the first time it names a community); readers are never blocked. Readings
// and results are written in bulk with COPY (binary) into temporary tables and moved into place by
// set-based statements. The schema is migrated on open (versioned, see schema.h). Messages name
// the server as postgresql://user@host:port/db, never with the password.
//
//   auto store = postgres::OpenStore("postgresql://reparto:secret@db.example.org/reparto");
//   if (!store.ok()) { report(store.status()); }   // "...: authentication failed (...)"
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "core/store.h"

namespace reparto::postgres {

// Connects to `url` (a libpq URL "postgresql://..." or "postgres://...", or a keyword string
// "host=... dbname=...") and migrates the database to the current schema. The database must
// exist.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace reparto::postgres
