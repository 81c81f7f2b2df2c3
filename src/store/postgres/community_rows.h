// Reading and writing a StoredCommunity (header, participants, coefficient versions, suspensions)
// as rows of the PostgreSQL schema. Used by the store and by its transactions; the rules that do
// not depend on the database (what may change, version numbers, revision bumps) are in
// core/store_rules.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/status.h"
#include "core/stored_community.h"
#include "store/postgres/pg_handle.h"

namespace reparto::postgres {

// The row id of community `code`, or nothing.
Result<std::optional<std::int64_t>> FindCommunity(PgConn& conn, std::string_view code);

// The whole community, or nothing. Call inside a transaction for a consistent view.
Result<std::optional<StoredCommunity>> ReadCommunity(PgConn& conn, std::string_view code);

// Writes `community` over what is stored (see StoreTransaction::SaveCommunity). Call inside a
// write transaction that holds the community's lock.
Result<StoredCommunity> WriteCommunity(PgConn& conn, const StoredCommunity& community);

}  // namespace reparto::postgres
