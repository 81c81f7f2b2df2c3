// The adapters of the store contract tests: see store_factories.h.
#include "store/store_factories.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "store/postgres/postgres_store.h"
#include "store/postgres_server.h"
#include "store/sqlite/sqlite_store.h"

namespace reparto {

namespace {

// Removes the directories it was given when the test program ends.
struct TempDirs {
  std::mutex mutex;
  std::vector<std::filesystem::path> paths;
  ~TempDirs() {
    std::error_code ignored;
    for (const auto& path : paths) std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::string NewTempDir() {
  static TempDirs dirs;
  std::string pattern = (std::filesystem::temp_directory_path() / "reparto-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  std::lock_guard lock(dirs.mutex);
  dirs.paths.emplace_back(pattern);
  return pattern;
}

const std::vector<const StoreFactory*>& StoreFactories() {
  static const StoreFactory sqlite{"SQLite",
                                   [] { return sqlite::OpenStore(NewTempDir() + "/reparto.db"); }};
  // A fresh database on this process's test server (started on first use: see
  // postgres_server.h). Without the server's binaries the tests fail with the reason.
  static const StoreFactory postgresql{"PostgreSQL", []() -> Result<std::unique_ptr<Store>> {
                                         auto server = PostgresServer::Get();
                                         if (!server.ok()) return server.status();
                                         auto url = (*server)->NewDatabase();
                                         if (!url.ok()) return url.status();
                                         return postgres::OpenStore(*url);
                                       }};
  static const std::vector<const StoreFactory*> factories = {&sqlite, &postgresql};
  return factories;
}

}  // namespace reparto
