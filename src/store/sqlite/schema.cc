// SQLite schema and migrations: see schema.h and docs/store.md.
//
// Time series are one row per participant and LOCAL day holding packed arrays
// (core/series_codec.h): a day of readings is about 0.5 KB, a day of results about 1-2 KB, instead
// of 96 rows per quantity. Days are stored as days since 1970-01-01 (integers sort and compare
// cheaply).
#include "store/sqlite/schema.h"

#include <string>

namespace reparto::sqlite {
namespace {

// Migration i brings the schema from version i to version i + 1. Never edit a released one: add
// the next.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE community (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  timezone TEXT NOT NULL,
  country TEXT NOT NULL,
  step_seconds INTEGER NOT NULL,
  default_method TEXT NOT NULL,
  no_imputation_to_net_injectors INTEGER NOT NULL,
  italy_plant_kw REAL NOT NULL DEFAULT 0,
  italy_bonus_eur_per_mwh REAL NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE participant (
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES community(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  building TEXT NOT NULL DEFAULT '',
  voltage TEXT NOT NULL,
  contracted_power_kw REAL NOT NULL DEFAULT 0,
  member_from INTEGER,
  member_to INTEGER,
  latitude REAL NOT NULL DEFAULT 0,
  longitude REAL NOT NULL DEFAULT 0,
  UNIQUE (community_id, code),
  UNIQUE (community_id, position)
);
CREATE TABLE coefficient_version (
  community_id INTEGER NOT NULL REFERENCES community(id),
  version INTEGER NOT NULL,
  valid_from INTEGER,
  created_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  rule BLOB NOT NULL,
  PRIMARY KEY (community_id, version)
);
CREATE TABLE suspension (
  community_id INTEGER NOT NULL REFERENCES community(id),
  participant_id INTEGER REFERENCES participant(id),
  from_utc INTEGER NOT NULL,
  to_utc INTEGER NOT NULL
);
CREATE TABLE import (
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES community(id),
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  days_changed INTEGER NOT NULL DEFAULT 0,
  values_replaced INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reading_day (
  participant_id INTEGER NOT NULL REFERENCES participant(id),
  day INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (participant_id, day)
);
CREATE TABLE reading_history (
  participant_id INTEGER NOT NULL REFERENCES participant(id),
  day INTEGER NOT NULL,
  data BLOB NOT NULL,
  replaced_by INTEGER NOT NULL REFERENCES import(id),
  replaced_at INTEGER NOT NULL
);
CREATE INDEX reading_history_by_day ON reading_history (participant_id, day);
CREATE TABLE result_day (
  participant_id INTEGER NOT NULL REFERENCES participant(id),
  day INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (participant_id, day)
);
CREATE TABLE community_day (
  community_id INTEGER NOT NULL REFERENCES community(id),
  day INTEGER NOT NULL,
  readings_revision INTEGER NOT NULL DEFAULT 0,
  results_revision INTEGER NOT NULL DEFAULT -1,
  results_community_revision INTEGER NOT NULL DEFAULT -1,
  pool BLOB,
  PRIMARY KEY (community_id, day)
);
)sql",
};

constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

Result<int> UserVersion(SqliteDb& db) {
  auto stmt = db.Prepare("PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  int version = 0;
  while (stmt->Step()) version = static_cast<int>(stmt->Int(0));
  if (!stmt->status().ok()) return stmt->status();
  return version;
}

}  // namespace

int CurrentSchemaVersion() { return kSchemaVersion; }

Status PrepareDatabase(SqliteDb& db) {
  // WAL: readers never block the writer; a killed writer leaves the last committed state.
  // synchronous=FULL: a committed import survives a power cut too.
  Status s =
      db.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  if (!s.ok()) return s;
  auto version = UserVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Status::Error("database " + db.path() + " was written by a newer reparto (schema " +
                         std::to_string(*version) + ", this program knows up to " +
                         std::to_string(kSchemaVersion) + ")");
  }
  for (int v = *version; v < kSchemaVersion; ++v) {
    s = db.Execute("BEGIN IMMEDIATE");
    if (s.ok()) s = db.Execute(kMigrations[v]);
    if (s.ok()) s = db.Execute(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    if (s.ok()) s = db.Execute("COMMIT");
    if (!s.ok()) {
      (void)db.Execute("ROLLBACK");
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace reparto::sqlite
