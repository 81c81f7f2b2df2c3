// The store adapters the contract tests run against. Each factory opens a store on a fresh, empty
// database (a new SQLite file; a new PostgreSQL database on the test server).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/store.h"

namespace reparto {

struct StoreFactory {
  std::string name;
  std::function<Result<std::unique_ptr<Store>>()> open;
};

// Every adapter built into this test binary.
const std::vector<const StoreFactory*>& StoreFactories();

// A new empty directory under the system's temporary folder, removed at exit.
std::string NewTempDir();

}  // namespace reparto
