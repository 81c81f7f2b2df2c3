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
    // 2: billing (core/billing_store.h). Money in integer cents, unit prices in µ€, dates as ISO
    // text (YYYY-MM-DD), instants as ISO text (UTC). Final data are refused any change by
    // triggers, whatever program writes to the file.
    R"sql(
CREATE TABLE billing_config (
  id INTEGER PRIMARY KEY,
  community TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  text TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  UNIQUE (community, valid_from)
);
CREATE TABLE price_series (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  step_seconds INTEGER NOT NULL CHECK (step_seconds > 0)
);
CREATE TABLE price_point (
  series_id INTEGER NOT NULL REFERENCES price_series(id),
  start INTEGER NOT NULL,
  price INTEGER NOT NULL,
  PRIMARY KEY (series_id, start)
) WITHOUT ROWID;
CREATE TABLE billing_run (
  id INTEGER PRIMARY KEY,
  community TEXT NOT NULL,
  month TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'final')),
  created_at TEXT NOT NULL,
  finalised_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX billing_run_by_community ON billing_run (community, month);
CREATE UNIQUE INDEX billing_run_one_draft ON billing_run (community, month)
  WHERE state = 'draft';
CREATE TABLE invoice (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES billing_run(id),
  position INTEGER NOT NULL,
  final INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  series TEXT NOT NULL,
  year INTEGER NOT NULL DEFAULT 0,
  number INTEGER NOT NULL DEFAULT 0,
  number_text TEXT UNIQUE,
  community TEXT NOT NULL,
  participant TEXT NOT NULL,
  member_name TEXT NOT NULL DEFAULT '',
  member_tax_id TEXT NOT NULL DEFAULT '',
  member_address TEXT NOT NULL DEFAULT '',
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  net INTEGER NOT NULL,
  vat INTEGER NOT NULL,
  total INTEGER NOT NULL,
  corrects TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  CHECK (final = 0 OR number_text IS NOT NULL)
);
CREATE INDEX invoice_by_run ON invoice (run_id, position);
CREATE INDEX invoice_by_community ON invoice (community, series, year, number);
CREATE UNIQUE INDEX invoice_one_credit_note ON invoice (corrects) WHERE corrects <> '';
CREATE TABLE invoice_line (
  invoice_id INTEGER NOT NULL REFERENCES invoice(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity_milli INTEGER NOT NULL,
  unit TEXT NOT NULL,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  vat_rate INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, position)
);
CREATE TABLE invoice_counter (
  series TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (series, year)
);
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  invoice TEXT NOT NULL REFERENCES invoice(number_text),
  date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount <> 0),
  method TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_by_invoice ON payment (invoice);
CREATE TRIGGER final_run_never_changes BEFORE UPDATE ON billing_run WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'a final billing run never changes'); END;
CREATE TRIGGER final_run_never_deleted BEFORE DELETE ON billing_run WHEN OLD.state = 'final'
BEGIN SELECT RAISE(ABORT, 'a final billing run is never deleted'); END;
CREATE TRIGGER final_invoice_never_changes BEFORE UPDATE ON invoice WHEN OLD.final = 1
BEGIN SELECT RAISE(ABORT, 'a final invoice never changes (issue a credit note)'); END;
CREATE TRIGGER final_invoice_never_deleted BEFORE DELETE ON invoice WHEN OLD.final = 1
BEGIN SELECT RAISE(ABORT, 'a final invoice is never deleted (issue a credit note)'); END;
CREATE TRIGGER no_invoice_into_final_run BEFORE INSERT ON invoice
WHEN (SELECT state FROM billing_run WHERE id = NEW.run_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'a final billing run never gets new invoices'); END;
CREATE TRIGGER final_line_never_changes BEFORE UPDATE ON invoice_line
WHEN (SELECT final FROM invoice WHERE id = OLD.invoice_id) = 1
  OR (SELECT final FROM invoice WHERE id = NEW.invoice_id) = 1
BEGIN SELECT RAISE(ABORT, 'the lines of a final invoice never change'); END;
CREATE TRIGGER final_line_never_deleted BEFORE DELETE ON invoice_line
WHEN (SELECT final FROM invoice WHERE id = OLD.invoice_id) = 1
BEGIN SELECT RAISE(ABORT, 'the lines of a final invoice are never deleted'); END;
CREATE TRIGGER no_line_into_final_invoice BEFORE INSERT ON invoice_line
WHEN (SELECT final FROM invoice WHERE id = NEW.invoice_id) = 1
BEGIN SELECT RAISE(ABORT, 'a final invoice never gets new lines'); END;
)sql",
    // 3: users, grants and sessions (core/auth_store.h). E-mails lower case and unique; the
    // password as an Argon2id hash string, a session as the hex hash of its token; instants UTC
    // seconds. A grant names a community and, for a member, one of its supply points (NULL for a
    // whole community). Deleting a user deletes their grants and sessions.
    R"sql(
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE CHECK (email <> '' AND email = lower(email)),
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('member', 'manager', 'admin')),
  language TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE user_grant (
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  community_id INTEGER NOT NULL REFERENCES community(id),
  participant_id INTEGER REFERENCES participant(id)
);
CREATE UNIQUE INDEX user_grant_once ON user_grant (user_id, community_id,
  coalesce(participant_id, 0));
CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX user_session_by_user ON user_session (user_id);
CREATE INDEX user_session_by_expiry ON user_session (expires_at);
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
