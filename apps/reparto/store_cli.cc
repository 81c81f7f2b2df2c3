// The --db option and stage progress bars: see store_cli.h.
#include "store_cli.h"

#include <chrono>

#include "jobs/open_store.h"

namespace reparto::cli {

void AddDbOption(CLI::App* cmd, std::string& db) {
  db = jobs::DefaultDatabase();
  cmd->add_option("--db", db,
                  "Database: a SQLite file (created when missing) or postgresql://user@host/db; "
                  "default $REPARTO_DB or reparto.db")
      ->capture_default_str();
}

UtcSeconds NowUtc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string DbFlag(const std::string& db) {
  return db == jobs::DefaultDatabase() ? "" : " --db " + db;
}

Result<std::unique_ptr<Store>> OpenDb(const std::string& db) { return jobs::OpenStore(db); }

jobs::ProgressFn StageProgress::Callback() {
  return [this](std::string_view stage, std::int64_t done, std::int64_t total) {
    if (stage != stage_ || !bar_) {
      if (bar_) bar_->Done();
      stage_ = stage;
      bar_ = std::make_unique<Progress>(std::string(stage), total, "");
      done_ = 0;
    }
    if (done > done_) {
      bar_->Advance(done - done_);
      done_ = done;
    }
  };
}

void StageProgress::Done() {
  if (bar_) bar_->Done();
  bar_.reset();
}

}  // namespace reparto::cli
