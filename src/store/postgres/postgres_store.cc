// The PostgreSQL store: see postgres_store.h.
//
// Bulk path: PutReadings and PutResults send their participant-days with one binary COPY into a
// temporary table (ON COMMIT DELETE ROWS, one per connection) and then move them with a few
// set-based statements (history, upsert, day revisions), so that an import of 1 000 participants
// x a year (365 000 rows) is a handful of round trips, not 365 000.
#include "store/postgres/postgres_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/store_rules.h"
#include "store/postgres/auth_store.h"
#include "store/postgres/billing_store.h"
#include "store/postgres/community_rows.h"
#include "store/postgres/pg_handle.h"
#include "store/postgres/schema.h"

namespace reparto::postgres {
namespace {

// Temporary tables get statistics before the set-based statements only when they are large
// enough for a bad plan to matter.
constexpr std::size_t kAnalyzeFrom = 1000;

std::int32_t DayNumber(CivilDate day) { return static_cast<std::int32_t>(DaysFromCivil(day)); }

using ParticipantRowMap = std::map<std::string, std::int64_t, std::less<>>;

// Row ids of a community's participants by participant id.
Result<ParticipantRowMap> ParticipantRows(PgConn& conn, std::int64_t community) {
  auto rows = conn.Query("SELECT code, id FROM participant WHERE community_id = $1",
                         PgParams().Add(community));
  if (!rows.ok()) return rows.status();
  ParticipantRowMap map;
  for (int r = 0; r < rows->rows(); ++r) map.emplace(rows->Bytes(r, 0), rows->Int(r, 1));
  return map;
}

Result<std::int64_t> RequireCommunity(PgConn& conn, std::string_view code) {
  auto id = FindCommunity(conn, code);
  if (!id.ok()) return id.status();
  if (!id->has_value()) return UnknownCommunity(code);
  return **id;
}

// The participant rows of `days`, in order; fails on the first unknown participant.
Result<std::vector<std::int64_t>> RowsOf(const ParticipantRowMap& rows,
                                         const std::vector<StoredDay>& days,
                                         std::string_view community) {
  std::vector<std::int64_t> out;
  out.reserve(days.size());
  for (const StoredDay& day : days) {
    auto row = rows.find(day.participant);
    if (row == rows.end()) return UnknownParticipant(day.participant, community);
    out.push_back(row->second);
  }
  return out;
}

struct DayKeyHash {
  std::size_t operator()(const std::pair<std::int64_t, std::int32_t>& key) const {
    return std::hash<std::int64_t>()(key.first * 1'000'003 + key.second);
  }
};
using DayKeyCount = std::unordered_map<std::pair<std::int64_t, std::int32_t>, int, DayKeyHash>;

// For each participant-day of a batch, how many times the same participant-day came before it
// (0 for the first): writing round by round keeps the meaning of writing them one after the
// other (an earlier value of the batch goes to the history, the last one stays).
std::vector<int> Rounds(const std::vector<std::int64_t>& rows, const std::vector<StoredDay>& days) {
  DayKeyCount seen;
  seen.reserve(days.size());
  std::vector<int> rounds(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    rounds[i] = seen[{rows[i], DayNumber(days[i].day)}]++;
  }
  return rounds;
}

// Whether day i is the last of the batch for its participant-day (later ones replace it).
std::vector<bool> LastOccurrences(const std::vector<std::int64_t>& rows,
                                  const std::vector<StoredDay>& days) {
  DayKeyCount left;
  left.reserve(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) ++left[{rows[i], DayNumber(days[i].day)}];
  std::vector<bool> last(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    last[i] = --left[{rows[i], DayNumber(days[i].day)}] == 0;
  }
  return last;
}

// Packed participant-days of a query with parameters (community, from, to, participant).
Result<std::vector<StoredDay>> ReadDays(PgConn& conn, const char* sql, std::string_view community,
                                        std::string_view participant, CivilDate from,
                                        CivilDate to_exclusive) {
  auto id = RequireCommunity(conn, community);
  if (!id.ok()) return id.status();
  auto rows = conn.Query(sql, PgParams()
                                  .Add(*id)
                                  .Add(std::int64_t{DayNumber(from)})
                                  .Add(std::int64_t{DayNumber(to_exclusive)})
                                  .Add(participant));
  if (!rows.ok()) return rows.status();
  std::vector<StoredDay> days;
  days.reserve(static_cast<std::size_t>(rows->rows()));
  for (int r = 0; r < rows->rows(); ++r) {
    days.push_back(StoredDay{.participant = std::string(rows->Bytes(r, 0)),
                             .day = CivilFromDays(rows->Int(r, 1)),
                             .packed = std::string(rows->Bytes(r, 2))});
  }
  return days;
}

constexpr const char* kReadingDays =
    "SELECT p.code, r.day, r.data FROM reading_day r JOIN participant p ON p.id = r.participant_id "
    "WHERE p.community_id = $1 AND r.day >= $2 AND r.day < $3 AND ($4::text = '' OR p.code = $4) "
    "ORDER BY r.day, p.position";
constexpr const char* kResultDays =
    "SELECT p.code, r.day, r.data FROM result_day r JOIN participant p ON p.id = r.participant_id "
    "WHERE p.community_id = $1 AND r.day >= $2 AND r.day < $3 AND ($4::text = '' OR p.code = $4) "
    "ORDER BY r.day, p.position";

// Runs a read in one snapshot so that it sees one consistent state; inside a transaction already
// open on this connection, in that transaction.
template <typename F>
auto InSnapshot(PgConn& conn, F&& read) -> decltype(read()) {
  if (conn.transaction_state() != PgConn::TransactionState::kIdle) return read();
  Status s = conn.Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!s.ok()) return s;
  auto result = read();
  (void)conn.Execute(result.ok() ? "COMMIT" : "ROLLBACK");
  return result;
}

class PgTransaction final : public StoreTransaction {
 public:
  explicit PgTransaction(PgConn& conn) : conn_(conn) {}
  ~PgTransaction() override {
    if (!done_) (void)conn_.Execute("ROLLBACK");
  }

  Result<StoredCommunity> SaveCommunity(const StoredCommunity& community) override {
    if (Status s = Lock(community.id); !s.ok()) return Checked(Result<StoredCommunity>(s));
    return Checked(WriteCommunity(conn_, community));
  }

  Result<std::vector<StoredDay>> LoadReadings(std::string_view community, CivilDate from,
                                              CivilDate to_exclusive) override {
    if (Status s = Lock(community); !s.ok()) return Checked(Result<std::vector<StoredDay>>(s));
    return Checked(ReadDays(conn_, kReadingDays, community, "", from, to_exclusive));
  }

  Result<std::int64_t> AddImport(const ImportRecord& record) override {
    if (Status s = Lock(record.community); !s.ok()) return Checked(Result<std::int64_t>(s));
    return Checked(InsertImport(record));
  }

  Status PutReadings(std::string_view community, const std::vector<StoredDay>& days,
                     std::int64_t import_id) override {
    Status s = Lock(community);
    return Checked(s.ok() ? WriteReadings(community, days, import_id) : s);
  }

  Status PutResults(std::string_view community, const std::vector<StoredDay>& participant_days,
                    const std::vector<StoredDay>& community_days,
                    const std::vector<DayState>& states, std::int64_t community_revision) override {
    Status s = Lock(community);
    return Checked(s.ok() ? WriteResults(community, participant_days, community_days, states,
                                         community_revision)
                          : s);
  }

  Status Commit() override {
    if (done_) return Status::Error("the transaction is already committed");
    if (failed_ || conn_.transaction_state() != PgConn::TransactionState::kOpen) {
      return Status::Error("cannot commit a transaction after an error");
    }
    Status s = conn_.Execute("COMMIT");
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

  // One writer at a time per community: a lock held until the transaction ends, taken before the
  // transaction reads anything of the community (so what it reads stays true).
  Status Lock(std::string_view community) {
    if (locked_.contains(community)) return Status::Ok();
    REPARTO_RETURN_IF_ERROR(
        conn_.Run("SELECT pg_advisory_xact_lock(hashtextextended('reparto community ' || $1, 0))",
                  PgParams().Add(community)));
    locked_.emplace(community);
    return Status::Ok();
  }

  Result<std::int64_t> InsertImport(const ImportRecord& r) {
    auto id = RequireCommunity(conn_, r.community);
    if (!id.ok()) return id.status();
    auto rows = conn_.Query(
        "INSERT INTO import (community_id, source, format, content_hash, imported_at, rows, "
        "days_changed, values_replaced) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        PgParams()
            .Add(*id)
            .Add(r.source)
            .Add(r.format)
            .Add(r.content_hash)
            .Add(r.imported_at)
            .Add(r.rows)
            .Add(r.days_changed)
            .Add(r.values_replaced));
    if (!rows.ok()) return rows.status();
    return rows->Int(0, 0);
  }

  // Creates the connection's temporary table `name` if needed, and empties it.
  Status StagingTable(const std::string& name, const std::string& columns) {
    return conn_.Execute(("CREATE TEMP TABLE IF NOT EXISTS " + name + " (" + columns +
                          ") ON COMMIT DELETE ROWS; TRUNCATE " + name)
                             .c_str());
  }

  Status Analyze(const char* table, std::size_t rows) {
    return rows >= kAnalyzeFrom ? conn_.Execute(("ANALYZE " + std::string(table)).c_str())
                                : Status::Ok();
  }

  Status WriteReadings(std::string_view community, const std::vector<StoredDay>& days,
                       std::int64_t import_id) {
    auto id = RequireCommunity(conn_, community);
    if (!id.ok()) return id.status();
    auto participants = ParticipantRows(conn_, *id);
    if (!participants.ok()) return participants.status();
    auto rows = RowsOf(*participants, days, community);
    if (!rows.ok()) return rows.status();
    if (days.empty()) return Status::Ok();
    const std::vector<int> rounds = Rounds(*rows, days);
    const int last_round = *std::max_element(rounds.begin(), rounds.end());
    std::set<std::int32_t> touched;
    for (const StoredDay& day : days) touched.insert(DayNumber(day.day));

    auto stored = conn_.Query(
        "SELECT EXISTS (SELECT 1 FROM reading_day r JOIN participant p ON p.id = r.participant_id "
        "WHERE p.community_id = $1 AND r.day >= $2 AND r.day <= $3)",
        PgParams()
            .Add(*id)
            .Add(std::int64_t{*touched.begin()})
            .Add(std::int64_t{*touched.rbegin()}));
    if (!stored.ok()) return stored.status();
    if (last_round == 0 && !stored->Bool(0, 0)) {
      // Nothing to replace (a first import): straight into the table.
      auto copy = conn_.BeginCopy(
          "COPY reading_day (participant_id, day, data) FROM STDIN (FORMAT binary)");
      if (!copy.ok()) return copy.status();
      for (std::size_t i = 0; i < days.size(); ++i) {
        copy->StartRow(3);
        copy->Int64((*rows)[i]);
        copy->Int32(DayNumber(days[i].day));
        copy->Bytes(days[i].packed);
      }
      REPARTO_RETURN_IF_ERROR(copy->Finish());
    } else {
      REPARTO_RETURN_IF_ERROR(ReplaceReadings(*rows, days, rounds, last_round, import_id));
    }
    std::string day_list = "{";
    for (std::int32_t day : touched) day_list += std::to_string(day) + ",";
    day_list.back() = '}';
    return conn_.Run(
        "INSERT INTO community_day (community_id, day, readings_revision) "
        "SELECT $1, day, 1 FROM unnest($2::integer[]) AS day "
        "ON CONFLICT (community_id, day) DO UPDATE "
        "SET readings_revision = community_day.readings_revision + 1",
        PgParams().Add(*id).Add(day_list));
  }

  // Writes readings over stored ones through the staging table, round by round (see Rounds).
  Status ReplaceReadings(const std::vector<std::int64_t>& rows, const std::vector<StoredDay>& days,
                         const std::vector<int>& rounds, int last_round, std::int64_t import_id) {
    REPARTO_RETURN_IF_ERROR(StagingTable(
        "reading_in", "round integer, participant_id bigint, day integer, data bytea"));
    auto copy = conn_.BeginCopy(
        "COPY reading_in (round, participant_id, day, data) FROM STDIN (FORMAT binary)");
    if (!copy.ok()) return copy.status();
    for (std::size_t i = 0; i < days.size(); ++i) {
      copy->StartRow(4);
      copy->Int32(rounds[i]);
      copy->Int64(rows[i]);
      copy->Int32(DayNumber(days[i].day));
      copy->Bytes(days[i].packed);
    }
    REPARTO_RETURN_IF_ERROR(copy->Finish());
    REPARTO_RETURN_IF_ERROR(Analyze("reading_in", days.size()));
    for (int round = 0; round <= last_round; ++round) {
      // The days being replaced move to the history (in a stable order), then the batch goes in
      // with a plain INSERT.
      REPARTO_RETURN_IF_ERROR(conn_.Run(
          "WITH moved AS (DELETE FROM reading_day r USING reading_in i "
          "WHERE r.participant_id = i.participant_id AND r.day = i.day AND i.round = $2 "
          "RETURNING r.participant_id, r.day, r.data) "
          "INSERT INTO reading_history (participant_id, day, data, replaced_by, replaced_at) "
          "SELECT participant_id, day, data, $1, (SELECT imported_at FROM import WHERE id = $1) "
          "FROM moved ORDER BY participant_id, day",
          PgParams().Add(import_id).Add(std::int64_t{round})));
      REPARTO_RETURN_IF_ERROR(
          conn_.Run("INSERT INTO reading_day (participant_id, day, data) "
                    "SELECT participant_id, day, data FROM reading_in WHERE round = $1",
                    PgParams().Add(std::int64_t{round})));
    }
    return Status::Ok();
  }

  Status WriteResults(std::string_view community, const std::vector<StoredDay>& participant_days,
                      const std::vector<StoredDay>& community_days,
                      const std::vector<DayState>& states, std::int64_t community_revision) {
    auto id = RequireCommunity(conn_, community);
    if (!id.ok()) return id.status();
    auto participants = ParticipantRows(conn_, *id);
    if (!participants.ok()) return participants.status();
    auto rows = RowsOf(*participants, participant_days, community);
    if (!rows.ok()) return rows.status();
    std::map<std::int32_t, std::int64_t> readings_revision;
    for (const DayState& s : states) readings_revision[DayNumber(s.day)] = s.readings_revision;

    REPARTO_RETURN_IF_ERROR(
        StagingTable("pool_in", "day integer, results_revision bigint, data bytea"));
    REPARTO_RETURN_IF_ERROR(
        StagingTable("result_in", "participant_id bigint, day integer, data bytea"));
    // The last value of a day (or participant-day) named twice wins, as if written in order.
    std::map<std::int32_t, const StoredDay*> pools;
    for (const StoredDay& day : community_days) pools[DayNumber(day.day)] = &day;
    auto copy =
        conn_.BeginCopy("COPY pool_in (day, results_revision, data) FROM STDIN (FORMAT binary)");
    if (!copy.ok()) return copy.status();
    for (const auto& [number, day] : pools) {
      auto seen = readings_revision.find(number);
      copy->StartRow(3);
      copy->Int32(number);
      copy->Int64(seen == readings_revision.end() ? 0 : seen->second);
      copy->Bytes(day->packed);
    }
    REPARTO_RETURN_IF_ERROR(copy->Finish());

    const std::vector<bool> last = LastOccurrences(*rows, participant_days);
    auto results =
        conn_.BeginCopy("COPY result_in (participant_id, day, data) FROM STDIN (FORMAT binary)");
    if (!results.ok()) return results.status();
    for (std::size_t i = 0; i < participant_days.size(); ++i) {
      if (!last[i]) continue;
      results->StartRow(3);
      results->Int64((*rows)[i]);
      results->Int32(DayNumber(participant_days[i].day));
      results->Bytes(participant_days[i].packed);
    }
    REPARTO_RETURN_IF_ERROR(results->Finish());
    REPARTO_RETURN_IF_ERROR(Analyze("pool_in", pools.size()));
    REPARTO_RETURN_IF_ERROR(Analyze("result_in", participant_days.size()));

    // A computed day's results replace all of its earlier results.
    REPARTO_RETURN_IF_ERROR(
        conn_.Run("DELETE FROM result_day r USING participant p, pool_in d "
                  "WHERE p.id = r.participant_id AND p.community_id = $1 AND r.day = d.day",
                  PgParams().Add(*id)));
    REPARTO_RETURN_IF_ERROR(conn_.Run(
        "INSERT INTO community_day (community_id, day, results_revision, "
        "results_community_revision, pool) SELECT $1, day, results_revision, $2, data "
        "FROM pool_in ON CONFLICT (community_id, day) DO UPDATE SET "
        "results_revision = excluded.results_revision, "
        "results_community_revision = excluded.results_community_revision, pool = excluded.pool",
        PgParams().Add(*id).Add(community_revision)));
    return conn_.Run(
        "INSERT INTO result_day (participant_id, day, data) "
        "SELECT participant_id, day, data FROM result_in "
        "ON CONFLICT (participant_id, day) DO UPDATE SET data = excluded.data");
  }

  PgConn& conn_;
  std::set<std::string, std::less<>> locked_;
  bool done_ = false;
  bool failed_ = false;
};

class PgStore final : public Store {
 public:
  explicit PgStore(std::unique_ptr<PgConn> conn)
      : conn_(std::move(conn)), billing_(MakeBillingStore(*conn_)), auth_(MakeAuthStore(*conn_)) {}

  std::string Describe() const override { return conn_->address(); }

  Result<std::unique_ptr<StoreTransaction>> Begin() override {
    if (conn_->transaction_state() != PgConn::TransactionState::kIdle) {
      return Status::Error("database " + conn_->address() +
                           ": a transaction is already open on this connection");
    }
    REPARTO_RETURN_IF_ERROR(conn_->EnsureConnected());
    REPARTO_RETURN_IF_ERROR(conn_->Execute("BEGIN"));
    return std::unique_ptr<StoreTransaction>(new PgTransaction(*conn_));
  }

  Result<std::vector<std::string>> ListCommunities() override {
    REPARTO_RETURN_IF_ERROR(Connected());
    auto rows = conn_->Query("SELECT code FROM community ORDER BY code");
    if (!rows.ok()) return rows.status();
    std::vector<std::string> codes;
    for (int r = 0; r < rows->rows(); ++r) codes.emplace_back(rows->Bytes(r, 0));
    return codes;
  }

  Result<std::optional<StoredCommunity>> LoadCommunity(std::string_view id) override {
    REPARTO_RETURN_IF_ERROR(Connected());
    return InSnapshot(*conn_, [&] { return ReadCommunity(*conn_, id); });
  }

  Result<std::vector<StoredDay>> LoadReadings(std::string_view community,
                                              std::string_view participant, CivilDate from,
                                              CivilDate to_exclusive) override {
    REPARTO_RETURN_IF_ERROR(Connected());
    return ReadDays(*conn_, kReadingDays, community, participant, from, to_exclusive);
  }

  Result<std::vector<StoredDay>> LoadResults(std::string_view community,
                                             std::string_view participant, CivilDate from,
                                             CivilDate to_exclusive) override {
    REPARTO_RETURN_IF_ERROR(Connected());
    return ReadDays(*conn_, kResultDays, community, participant, from, to_exclusive);
  }

  Result<std::vector<StoredDay>> LoadCommunityResults(std::string_view community, CivilDate from,
                                                      CivilDate to_exclusive) override {
    auto rows = DayRows(
        "SELECT day, pool FROM community_day WHERE community_id = $1 AND day >= $2 AND day < $3 "
        "AND pool IS NOT NULL ORDER BY day",
        community, from, to_exclusive);
    if (!rows.ok()) return rows.status();
    std::vector<StoredDay> days;
    for (int r = 0; r < rows->rows(); ++r) {
      days.push_back(StoredDay{.participant = "",
                               .day = CivilFromDays(rows->Int(r, 0)),
                               .packed = std::string(rows->Bytes(r, 1))});
    }
    return days;
  }

  Result<std::vector<DayState>> LoadDayStates(std::string_view community, CivilDate from,
                                              CivilDate to_exclusive) override {
    auto rows = DayRows(
        "SELECT day, readings_revision, results_revision, results_community_revision "
        "FROM community_day WHERE community_id = $1 AND day >= $2 AND day < $3 ORDER BY day",
        community, from, to_exclusive);
    if (!rows.ok()) return rows.status();
    std::vector<DayState> states;
    for (int r = 0; r < rows->rows(); ++r) {
      states.push_back(DayState{.day = CivilFromDays(rows->Int(r, 0)),
                                .readings_revision = rows->Int(r, 1),
                                .results_revision = rows->Int(r, 2),
                                .results_community_revision = rows->Int(r, 3),
                                .has_readings = rows->Int(r, 1) > 0});
    }
    return states;
  }

  Result<std::vector<HistoryEntry>> LoadHistory(std::string_view community,
                                                std::string_view participant,
                                                CivilDate day) override {
    REPARTO_RETURN_IF_ERROR(Connected());
    auto id = RequireCommunity(*conn_, community);
    if (!id.ok()) return id.status();
    auto rows = conn_->Query(
        "SELECT h.data, h.replaced_by, h.replaced_at FROM reading_history h "
        "JOIN participant p ON p.id = h.participant_id "
        "WHERE p.community_id = $1 AND p.code = $2 AND h.day = $3 ORDER BY h.id",
        PgParams().Add(*id).Add(participant).Add(std::int64_t{DayNumber(day)}));
    if (!rows.ok()) return rows.status();
    std::vector<HistoryEntry> entries;
    for (int r = 0; r < rows->rows(); ++r) {
      entries.push_back(HistoryEntry{.packed = std::string(rows->Bytes(r, 0)),
                                     .replaced_by = rows->Int(r, 1),
                                     .replaced_at = rows->Int(r, 2)});
    }
    return entries;
  }

  Result<std::vector<ImportRecord>> ListImports(std::string_view community) override {
    REPARTO_RETURN_IF_ERROR(Connected());
    auto id = RequireCommunity(*conn_, community);
    if (!id.ok()) return id.status();
    auto rows = conn_->Query(
        "SELECT id, source, format, content_hash, imported_at, rows, days_changed, "
        "values_replaced FROM import WHERE community_id = $1 ORDER BY id",
        PgParams().Add(*id));
    if (!rows.ok()) return rows.status();
    std::vector<ImportRecord> imports;
    for (int r = 0; r < rows->rows(); ++r) {
      imports.push_back(ImportRecord{.id = rows->Int(r, 0),
                                     .community = std::string(community),
                                     .source = std::string(rows->Bytes(r, 1)),
                                     .format = std::string(rows->Bytes(r, 2)),
                                     .content_hash = std::string(rows->Bytes(r, 3)),
                                     .imported_at = rows->Int(r, 4),
                                     .rows = rows->Int(r, 5),
                                     .days_changed = rows->Int(r, 6),
                                     .values_replaced = rows->Int(r, 7)});
    }
    return imports;
  }

  BillingStore& Billing() override { return *billing_; }
  AuthStore& Auth() override { return *auth_; }

 private:
  // Reads outside a transaction reconnect first when the server went away.
  Status Connected() {
    if (conn_->transaction_state() != PgConn::TransactionState::kIdle) return Status::Ok();
    return conn_->EnsureConnected();
  }

  // Rows of a per-day query with parameters (community row, from, to_exclusive).
  Result<PgResult> DayRows(const char* sql, std::string_view community, CivilDate from,
                           CivilDate to_exclusive) {
    REPARTO_RETURN_IF_ERROR(Connected());
    auto id = RequireCommunity(*conn_, community);
    if (!id.ok()) return id.status();
    return conn_->Query(sql, PgParams()
                                 .Add(*id)
                                 .Add(std::int64_t{DayNumber(from)})
                                 .Add(std::int64_t{DayNumber(to_exclusive)}));
  }

  std::unique_ptr<PgConn> conn_;
  std::unique_ptr<BillingStore> billing_;  // uses conn_
  std::unique_ptr<AuthStore> auth_;        // uses conn_
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  auto conn = PgConn::Open(url);
  if (!conn.ok()) return conn.status();
  REPARTO_RETURN_IF_ERROR(PrepareDatabase(**conn));
  return std::unique_ptr<Store>(new PgStore(std::move(*conn)));
}

}  // namespace reparto::postgres
