// The store: what reparto remembers between runs (communities with their history, every meter
// reading with the imports that brought it, allocation results), as a small interface that the
// SQLite and PostgreSQL adapters implement (src/store/...). The rules of importing and allocating
// live in the core and in src/jobs; an adapter only keeps rows, atomically.
//
// Units: instants UTC seconds; days are the community's LOCAL civil dates; energy inside the
// packed values is mWh (core/series_codec.h).
//
//   // sqlite::OpenStore(path) or postgres::OpenStore(url):
//   std::unique_ptr<Store> store = ...;
//   auto tx = store->Begin();                           // one writer at a time
//   (*tx)->PutReadings("ES0031...", days, import_id);   // replaced rows go to the history
//   Status s = (*tx)->Commit();                         // or destroy it: nothing was written
//
// Every method reports failures (I/O, a full disk, a read-only file, a lost connection, corrupt
// data) as a Status whose message says what failed, without SQL.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth_store.h"
#include "core/billing_store.h"
#include "core/status.h"
#include "core/stored_community.h"
#include "core/time.h"

namespace reparto {

// One packed day of one participant (readings or results) or of the community (participant empty).
struct StoredDay {
  std::string participant;  // participant id; empty for community-level values
  CivilDate day;
  std::string packed;  // EncodeDayReadings / EncodeDayResults / EncodeDayPool
};

// One file brought in by `reparto import`.
struct ImportRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string community;
  std::string source;        // file name as given
  std::string format;        // reader that parsed it ("canonical", "eredes-xlsx", ...)
  std::string content_hash;  // of the file's bytes (hex), to recognise a re-import
  UtcSeconds imported_at = 0;
  std::int64_t rows = 0;          // records in the file
  std::int64_t days_changed = 0;  // participant-days written
  std::int64_t values_replaced = 0;
};

// A day of readings as it was before an import replaced it.
struct HistoryEntry {
  std::string packed;            // EncodeDayReadings; sources name the imports
  std::int64_t replaced_by = 0;  // import id
  UtcSeconds replaced_at = 0;
};

// Whether a day's results are up to date: results are stale when the day's readings or the
// community changed after they were computed, or when there are none.
struct DayState {
  CivilDate day;
  std::int64_t readings_revision = 0;  // bumped by every write of the day's readings
  std::int64_t results_revision = -1;  // readings revision the results were computed from
  std::int64_t results_community_revision = -1;
  bool has_readings = false;
};

// Whether a day's results must be recomputed: never computed, or computed from older readings or
// an older revision of the community.
inline bool ResultsStale(const DayState& s, std::int64_t community_revision) {
  return s.results_revision != s.readings_revision ||
         s.results_community_revision != community_revision;
}

// Writes happen in a transaction: all of it on Commit, nothing if it is destroyed first or any
// call fails. One writer at a time (per database with SQLite, per community with PostgreSQL);
// readers are not blocked.
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;

  // Inserts or updates a community's header, participants (by id) and suspensions, and adds the
  // versions whose `version` is 0 (numbered after the existing ones); stored versions are never
  // changed. Bumps the community's revision when anything changed. Returns the stored state.
  virtual Result<StoredCommunity> SaveCommunity(const StoredCommunity& community) = 0;

  // The readings stored for these days (to merge an import into), inside this transaction.
  virtual Result<std::vector<StoredDay>> LoadReadings(std::string_view community, CivilDate from,
                                                      CivilDate to_exclusive) = 0;
  // Records an import and returns its id.
  virtual Result<std::int64_t> AddImport(const ImportRecord& record) = 0;
  // Writes these participant-days of readings; a day that already had readings is moved to the
  // history first (replaced by `import_id`). Bumps each day's readings revision.
  virtual Status PutReadings(std::string_view community, const std::vector<StoredDay>& days,
                             std::int64_t import_id) = 0;

  // Replaces the results of these days (participant-days and community days) and marks them
  // computed from `states` (the revisions read before computing).
  virtual Status PutResults(std::string_view community,
                            const std::vector<StoredDay>& participant_days,
                            const std::vector<StoredDay>& community_days,
                            const std::vector<DayState>& states,
                            std::int64_t community_revision) = 0;

  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite:/path/to/file.db" or "postgresql://...", for messages.
  virtual std::string Describe() const = 0;

  virtual Result<std::unique_ptr<StoreTransaction>> Begin() = 0;

  virtual Result<std::vector<std::string>> ListCommunities() = 0;
  // Nothing when there is no community with this id.
  virtual Result<std::optional<StoredCommunity>> LoadCommunity(std::string_view id) = 0;

  // Packed rows of [from, to_exclusive), ordered by day then participant; `participant` empty =
  // every participant.
  virtual Result<std::vector<StoredDay>> LoadReadings(std::string_view community,
                                                      std::string_view participant, CivilDate from,
                                                      CivilDate to_exclusive) = 0;
  virtual Result<std::vector<StoredDay>> LoadResults(std::string_view community,
                                                     std::string_view participant, CivilDate from,
                                                     CivilDate to_exclusive) = 0;
  virtual Result<std::vector<StoredDay>> LoadCommunityResults(std::string_view community,
                                                              CivilDate from,
                                                              CivilDate to_exclusive) = 0;
  // States of the days of [from, to_exclusive) that have readings or results, in day order.
  virtual Result<std::vector<DayState>> LoadDayStates(std::string_view community, CivilDate from,
                                                      CivilDate to_exclusive) = 0;

  // Earlier versions of one participant-day's readings, oldest first.
  virtual Result<std::vector<HistoryEntry>> LoadHistory(std::string_view community,
                                                        std::string_view participant,
                                                        CivilDate day) = 0;
  virtual Result<std::vector<ImportRecord>> ListImports(std::string_view community) = 0;

  // Billing configs, price series, billing runs, invoices and payments (core/billing_store.h), on
  // the same database and connection: use it from the same thread, and not while a
  // StoreTransaction of this store is open (each of its calls is its own transaction).
  virtual BillingStore& Billing() = 0;

  // Users, their grants and their sessions (core/auth_store.h), on the same database and
  // connection: the same rules as Billing() (one thread; not while a StoreTransaction is open).
  virtual AuthStore& Auth() = 0;
};

}  // namespace reparto
