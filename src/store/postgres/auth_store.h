// The PostgreSQL side of core/auth_store.h: users, grants and sessions in the tables of migration
// 3 (schema.cc, docs/auth.md "Storage"). Same meaning as the SQLite auth store.
//
// Every write is one transaction; reads are single statements (one snapshot each). Grants name
// the community (and the supply point) by their stored rows, so a grant of an unknown community
// or supply point is refused; deleting a user deletes their grants and sessions (ON DELETE
// CASCADE).
//
// Units: instants UTC seconds.
//
//   auto auth = MakeAuthStore(conn);   // conn outlives auth; same thread only
//   auto id = auth->AddUser(user);
#pragma once

#include <memory>

#include "core/auth_store.h"
#include "store/postgres/pg_handle.h"

namespace reparto::postgres {

std::unique_ptr<AuthStore> MakeAuthStore(PgConn& conn);

}  // namespace reparto::postgres
