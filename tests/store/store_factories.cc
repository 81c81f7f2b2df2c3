// The adapters of the store contract tests: see store_factories.h.
#include "store/store_factories.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

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
  static const std::vector<const StoreFactory*> factories = {&sqlite};
  return factories;
}

}  // namespace reparto
