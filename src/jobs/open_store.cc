// Choosing the store adapter from a --db value: see open_store.h.
#include "jobs/open_store.h"

#include <cstdlib>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace reparto::jobs {

std::string DefaultDatabase() {
  const char* env = std::getenv("REPARTO_DB");
  return env != nullptr && *env != '\0' ? env : "reparto.db";
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return postgres::OpenStore(std::string(url));
  }
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  if (url.empty()) return Status::Error("--db is empty: give a file path or a postgresql:// URL");
  return sqlite::OpenStore(std::string(url));
}

}  // namespace reparto::jobs
