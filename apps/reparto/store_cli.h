// What the store-backed subcommands share: the --db option and a progress bar that follows a
// job's stages.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/store.h"
#include "jobs/job_progress.h"
#include "progress.h"

namespace reparto::cli {

// Adds `--db URL` (default: $REPARTO_DB or reparto.db in the current folder).
void AddDbOption(CLI::App* cmd, std::string& db);

// " --db VALUE" to repeat in a suggested command, or "" when it is the default.
std::string DbFlag(const std::string& db);

// The current instant (UTC seconds), recorded with imports and versions.
UtcSeconds NowUtc();

// Opens it; the error says which database could not be opened and why.
Result<std::unique_ptr<Store>> OpenDb(const std::string& db);

// A progress bar per stage of a job ("reading", "writing", ...).
class StageProgress {
 public:
  jobs::ProgressFn Callback();
  void Done();

 private:
  std::string stage_;
  std::unique_ptr<Progress> bar_;
  std::int64_t done_ = 0;
};

}  // namespace reparto::cli
