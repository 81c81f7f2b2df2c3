// Opens the store a `--db` value names: a PostgreSQL URL ("postgresql://user@host:5432/reparto",
// "postgres://...") or a SQLite file path (optionally "sqlite:path"). The default is the embedded
// one: the file `reparto.db` in the current folder, or $REPARTO_DB when set.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/store.h"

namespace reparto::jobs {

// $REPARTO_DB, or "reparto.db".
std::string DefaultDatabase();

Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace reparto::jobs
