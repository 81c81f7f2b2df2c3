// Reading and writing a StoredCommunity (header, participants, coefficient versions, suspensions)
// as rows of the SQLite schema. Used by the store and by its transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/status.h"
#include "core/stored_community.h"
#include "store/sqlite/sqlite_handle.h"

namespace reparto::sqlite {

// The row id of community `code`, or nothing.
Result<std::optional<std::int64_t>> FindCommunity(SqliteDb& db, std::string_view code);

// The whole community, or nothing. Call inside a transaction for a consistent view.
Result<std::optional<StoredCommunity>> ReadCommunity(SqliteDb& db, std::string_view code);

// Writes `community` over what is stored (see StoreTransaction::SaveCommunity). Call inside a
// write transaction.
Result<StoredCommunity> WriteCommunity(SqliteDb& db, const StoredCommunity& community);

}  // namespace reparto::sqlite
