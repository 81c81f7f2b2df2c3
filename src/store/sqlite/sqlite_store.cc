// The SQLite store: see sqlite_store.h and docs/store.md.
#include "store/sqlite/sqlite_store.h"

#include <map>
#include <set>

#include "core/store_rules.h"
#include "store/sqlite/auth_store.h"
#include "store/sqlite/billing_store.h"
#include "store/sqlite/community_rows.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/transactions.h"

namespace reparto::sqlite {
namespace {

std::int64_t DayNumber(CivilDate day) { return DaysFromCivil(day); }

// Row ids of a community's participants by participant id.
Result<std::map<std::string, std::int64_t, std::less<>>> ParticipantRows(SqliteDb& db,
                                                                         std::int64_t community) {
  auto stmt = db.Prepare("SELECT code, id FROM participant WHERE community_id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, community);
  std::map<std::string, std::int64_t, std::less<>> rows;
  while (stmt->Step()) rows.emplace(stmt->Text(0), stmt->Int(1));
  if (!stmt->status().ok()) return stmt->status();
  return rows;
}

Result<std::int64_t> RequireCommunity(SqliteDb& db, std::string_view code) {
  auto id = FindCommunity(db, code);
  if (!id.ok()) return id.status();
  if (!id->has_value()) return UnknownCommunity(code);
  return **id;
}

// Packed participant-days of `table` ("reading_day" or "result_day").
Result<std::vector<StoredDay>> ReadDays(SqliteDb& db, const char* sql, std::string_view community,
                                        std::string_view participant, CivilDate from,
                                        CivilDate to_exclusive) {
  auto id = RequireCommunity(db, community);
  if (!id.ok()) return id.status();
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, *id);
  stmt->Bind(2, DayNumber(from));
  stmt->Bind(3, DayNumber(to_exclusive));
  stmt->Bind(4, participant);
  std::vector<StoredDay> days;
  while (stmt->Step()) {
    days.push_back(StoredDay{.participant = std::string(stmt->Text(0)),
                             .day = CivilFromDays(stmt->Int(1)),
                             .packed = std::string(stmt->Blob(2))});
  }
  if (!stmt->status().ok()) return stmt->status();
  return days;
}

constexpr const char* kReadingDays =
    "SELECT p.code, r.day, r.data FROM reading_day r JOIN participant p ON p.id = r.participant_id "
    "WHERE p.community_id = ?1 AND r.day >= ?2 AND r.day < ?3 AND (?4 = '' OR p.code = ?4) "
    "ORDER BY r.day, p.position";
constexpr const char* kResultDays =
    "SELECT p.code, r.day, r.data FROM result_day r JOIN participant p ON p.id = r.participant_id "
    "WHERE p.community_id = ?1 AND r.day >= ?2 AND r.day < ?3 AND (?4 = '' OR p.code = ?4) "
    "ORDER BY r.day, p.position";

class SqliteTransaction final : public StoreTransaction {
 public:
  explicit SqliteTransaction(SqliteDb& db) : db_(db) {}
  ~SqliteTransaction() override {
    if (!done_) (void)db_.Execute("ROLLBACK");
  }

  Result<StoredCommunity> SaveCommunity(const StoredCommunity& community) override {
    return Checked(WriteCommunity(db_, community));
  }

  Result<std::vector<StoredDay>> LoadReadings(std::string_view community, CivilDate from,
                                              CivilDate to_exclusive) override {
    return Checked(ReadDays(db_, kReadingDays, community, "", from, to_exclusive));
  }

  Result<std::int64_t> AddImport(const ImportRecord& record) override {
    return Checked(InsertImport(record));
  }

  Status PutReadings(std::string_view community, const std::vector<StoredDay>& days,
                     std::int64_t import_id) override {
    return Checked(WriteReadings(community, days, import_id));
  }

  Status PutResults(std::string_view community, const std::vector<StoredDay>& participant_days,
                    const std::vector<StoredDay>& community_days,
                    const std::vector<DayState>& states, std::int64_t community_revision) override {
    return Checked(
        WriteResults(community, participant_days, community_days, states, community_revision));
  }

  Status Commit() override {
    if (failed_) return Status::Error("cannot commit a transaction after an error");
    Status s = db_.Execute("COMMIT");
    if (s.ok()) done_ = true;
    return s;
  }

 private:
  // Remembers that a call failed: a failed transaction can only be rolled back.
  template <typename T>
  T Checked(T result) {
    if (!result.ok()) failed_ = true;
    return result;
  }

  Result<std::int64_t> InsertImport(const ImportRecord& r) {
    auto id = RequireCommunity(db_, r.community);
    if (!id.ok()) return id.status();
    auto stmt = db_.Prepare(
        "INSERT INTO import (community_id, source, format, content_hash, imported_at, rows, "
        "days_changed, values_replaced) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *id);
    stmt->Bind(2, r.source);
    stmt->Bind(3, r.format);
    stmt->Bind(4, r.content_hash);
    stmt->Bind(5, r.imported_at);
    stmt->Bind(6, r.rows);
    stmt->Bind(7, r.days_changed);
    stmt->Bind(8, r.values_replaced);
    REPARTO_RETURN_IF_ERROR(stmt->Run());
    return db_.LastInsertId();
  }

  Status WriteReadings(std::string_view community, const std::vector<StoredDay>& days,
                       std::int64_t import_id) {
    auto id = RequireCommunity(db_, community);
    if (!id.ok()) return id.status();
    auto rows = ParticipantRows(db_, *id);
    if (!rows.ok()) return rows.status();
    auto keep = db_.Prepare(
        "INSERT INTO reading_history (participant_id, day, data, replaced_by, replaced_at) "
        "SELECT participant_id, day, data, ?3, (SELECT imported_at FROM import WHERE id = ?3) "
        "FROM reading_day WHERE participant_id = ?1 AND day = ?2");
    auto put = db_.Prepare(
        "INSERT INTO reading_day (participant_id, day, data) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (participant_id, day) DO UPDATE SET data = excluded.data");
    if (!keep.ok()) return keep.status();
    if (!put.ok()) return put.status();
    std::set<std::int64_t> touched;
    for (const StoredDay& day : days) {
      auto row = rows->find(day.participant);
      if (row == rows->end()) {
        return UnknownParticipant(day.participant, community);
      }
      const std::int64_t number = DayNumber(day.day);
      keep->Bind(1, row->second);
      keep->Bind(2, number);
      keep->Bind(3, import_id);
      REPARTO_RETURN_IF_ERROR(keep->Run());
      put->Bind(1, row->second);
      put->Bind(2, number);
      put->BindBlob(3, day.packed);
      REPARTO_RETURN_IF_ERROR(put->Run());
      touched.insert(number);
    }
    auto bump = db_.Prepare(
        "INSERT INTO community_day (community_id, day, readings_revision) VALUES (?1, ?2, 1) "
        "ON CONFLICT (community_id, day) DO UPDATE SET readings_revision = readings_revision + 1");
    if (!bump.ok()) return bump.status();
    for (std::int64_t number : touched) {
      bump->Bind(1, *id);
      bump->Bind(2, number);
      REPARTO_RETURN_IF_ERROR(bump->Run());
    }
    return Status::Ok();
  }

  Status WriteResults(std::string_view community, const std::vector<StoredDay>& participant_days,
                      const std::vector<StoredDay>& community_days,
                      const std::vector<DayState>& states, std::int64_t community_revision) {
    auto id = RequireCommunity(db_, community);
    if (!id.ok()) return id.status();
    auto rows = ParticipantRows(db_, *id);
    if (!rows.ok()) return rows.status();
    std::map<std::int64_t, std::int64_t> readings_revision;
    for (const DayState& s : states) readings_revision[DayNumber(s.day)] = s.readings_revision;

    auto clear = db_.Prepare(
        "DELETE FROM result_day WHERE day = ?2 AND participant_id IN "
        "(SELECT id FROM participant WHERE community_id = ?1)");
    auto mark = db_.Prepare(
        "INSERT INTO community_day (community_id, day, results_revision, "
        "results_community_revision, pool) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (community_id, day) DO UPDATE SET results_revision = "
        "excluded.results_revision, "
        "results_community_revision = excluded.results_community_revision, pool = excluded.pool");
    auto put = db_.Prepare(
        "INSERT INTO result_day (participant_id, day, data) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (participant_id, day) DO UPDATE SET data = excluded.data");
    if (!clear.ok()) return clear.status();
    if (!mark.ok()) return mark.status();
    if (!put.ok()) return put.status();
    for (const StoredDay& day : community_days) {
      const std::int64_t number = DayNumber(day.day);
      clear->Bind(1, *id);
      clear->Bind(2, number);
      REPARTO_RETURN_IF_ERROR(clear->Run());
      mark->Bind(1, *id);
      mark->Bind(2, number);
      auto seen = readings_revision.find(number);
      mark->Bind(3, seen == readings_revision.end() ? std::int64_t{0} : seen->second);
      mark->Bind(4, community_revision);
      mark->BindBlob(5, day.packed);
      REPARTO_RETURN_IF_ERROR(mark->Run());
    }
    for (const StoredDay& day : participant_days) {
      auto row = rows->find(day.participant);
      if (row == rows->end()) {
        return UnknownParticipant(day.participant, community);
      }
      put->Bind(1, row->second);
      put->Bind(2, DayNumber(day.day));
      put->BindBlob(3, day.packed);
      REPARTO_RETURN_IF_ERROR(put->Run());
    }
    return Status::Ok();
  }

  SqliteDb& db_;
  bool done_ = false;
  bool failed_ = false;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db)
      : db_(std::move(db)), billing_(MakeBillingStore(*db_)), auth_(MakeAuthStore(*db_)) {}

  std::string Describe() const override { return "sqlite:" + db_->path(); }

  Result<std::unique_ptr<StoreTransaction>> Begin() override {
    // IMMEDIATE takes the write lock now, so that what the transaction reads stays true.
    Status s = db_->Execute("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    return std::unique_ptr<StoreTransaction>(new SqliteTransaction(*db_));
  }

  Result<std::vector<std::string>> ListCommunities() override {
    auto stmt = db_->Prepare("SELECT code FROM community ORDER BY code");
    if (!stmt.ok()) return stmt.status();
    std::vector<std::string> codes;
    while (stmt->Step()) codes.emplace_back(stmt->Text(0));
    if (!stmt->status().ok()) return stmt->status();
    return codes;
  }

  Result<std::optional<StoredCommunity>> LoadCommunity(std::string_view id) override {
    return InSnapshot(*db_, [&] { return ReadCommunity(*db_, id); });
  }

  Result<std::vector<StoredDay>> LoadReadings(std::string_view community,
                                              std::string_view participant, CivilDate from,
                                              CivilDate to_exclusive) override {
    return ReadDays(*db_, kReadingDays, community, participant, from, to_exclusive);
  }

  Result<std::vector<StoredDay>> LoadResults(std::string_view community,
                                             std::string_view participant, CivilDate from,
                                             CivilDate to_exclusive) override {
    return InSnapshot(*db_, [&] {
      return ReadDays(*db_, kResultDays, community, participant, from, to_exclusive);
    });
  }

  Result<std::vector<StoredDay>> LoadCommunityResults(std::string_view community, CivilDate from,
                                                      CivilDate to_exclusive) override {
    auto id = RequireCommunity(*db_, community);
    if (!id.ok()) return id.status();
    auto stmt = db_->Prepare(
        "SELECT day, pool FROM community_day WHERE community_id = ?1 AND day >= ?2 AND day < ?3 "
        "AND pool IS NOT NULL ORDER BY day");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *id);
    stmt->Bind(2, DayNumber(from));
    stmt->Bind(3, DayNumber(to_exclusive));
    std::vector<StoredDay> days;
    while (stmt->Step()) {
      days.push_back(StoredDay{.participant = "",
                               .day = CivilFromDays(stmt->Int(0)),
                               .packed = std::string(stmt->Blob(1))});
    }
    if (!stmt->status().ok()) return stmt->status();
    return days;
  }

  Result<std::vector<DayState>> LoadDayStates(std::string_view community, CivilDate from,
                                              CivilDate to_exclusive) override {
    auto id = RequireCommunity(*db_, community);
    if (!id.ok()) return id.status();
    auto stmt = db_->Prepare(
        "SELECT day, readings_revision, results_revision, results_community_revision "
        "FROM community_day WHERE community_id = ?1 AND day >= ?2 AND day < ?3 ORDER BY day");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *id);
    stmt->Bind(2, DayNumber(from));
    stmt->Bind(3, DayNumber(to_exclusive));
    std::vector<DayState> states;
    while (stmt->Step()) {
      states.push_back(DayState{.day = CivilFromDays(stmt->Int(0)),
                                .readings_revision = stmt->Int(1),
                                .results_revision = stmt->Int(2),
                                .results_community_revision = stmt->Int(3),
                                .has_readings = stmt->Int(1) > 0});
    }
    if (!stmt->status().ok()) return stmt->status();
    return states;
  }

  Result<std::vector<HistoryEntry>> LoadHistory(std::string_view community,
                                                std::string_view participant,
                                                CivilDate day) override {
    auto id = RequireCommunity(*db_, community);
    if (!id.ok()) return id.status();
    auto stmt = db_->Prepare(
        "SELECT h.data, h.replaced_by, h.replaced_at FROM reading_history h "
        "JOIN participant p ON p.id = h.participant_id "
        "WHERE p.community_id = ?1 AND p.code = ?2 AND h.day = ?3 ORDER BY h.rowid");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *id);
    stmt->Bind(2, participant);
    stmt->Bind(3, DayNumber(day));
    std::vector<HistoryEntry> entries;
    while (stmt->Step()) {
      entries.push_back(HistoryEntry{.packed = std::string(stmt->Blob(0)),
                                     .replaced_by = stmt->Int(1),
                                     .replaced_at = stmt->Int(2)});
    }
    if (!stmt->status().ok()) return stmt->status();
    return entries;
  }

  Result<std::vector<ImportRecord>> ListImports(std::string_view community) override {
    auto id = RequireCommunity(*db_, community);
    if (!id.ok()) return id.status();
    auto stmt = db_->Prepare(
        "SELECT id, source, format, content_hash, imported_at, rows, days_changed, "
        "values_replaced FROM import WHERE community_id = ?1 ORDER BY id");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, *id);
    std::vector<ImportRecord> imports;
    while (stmt->Step()) {
      imports.push_back(ImportRecord{.id = stmt->Int(0),
                                     .community = std::string(community),
                                     .source = std::string(stmt->Text(1)),
                                     .format = std::string(stmt->Text(2)),
                                     .content_hash = std::string(stmt->Text(3)),
                                     .imported_at = stmt->Int(4),
                                     .rows = stmt->Int(5),
                                     .days_changed = stmt->Int(6),
                                     .values_replaced = stmt->Int(7)});
    }
    if (!stmt->status().ok()) return stmt->status();
    return imports;
  }

  BillingStore& Billing() override { return *billing_; }
  AuthStore& Auth() override { return *auth_; }

 private:
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<BillingStore> billing_;  // uses db_
  std::unique_ptr<AuthStore> auth_;        // uses db_
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& path) {
  auto db = SqliteDb::Open(path);
  if (!db.ok()) return db.status();
  Status s = PrepareDatabase(**db);
  if (!s.ok()) return s;
  return std::unique_ptr<Store>(new SqliteStore(std::move(*db)));
}

}  // namespace reparto::sqlite
