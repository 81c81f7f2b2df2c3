// The SQLite adapter of core/store.h: reparto's embedded default, one file, no server.
//
// WAL journal (readers never block the writer, a killed writer leaves the last committed state),
// foreign keys on, synchronous=FULL, versioned migrations (schema.h). One object = one connection:
// use it from one thread at a time (open one per thread).
//
//   auto store = sqlite::OpenStore("reparto.db");
//   if (!store.ok()) { report(store.status()); }
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "core/store.h"

namespace reparto::sqlite {

// Opens or creates the database at `path` and migrates it to the current schema.
Result<std::unique_ptr<Store>> OpenStore(const std::string& path);

}  // namespace reparto::sqlite
