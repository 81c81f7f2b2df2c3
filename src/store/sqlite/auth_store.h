// The SQLite side of core/auth_store.h: users, grants and sessions in the tables of migration 3
// (schema.cc, docs/auth.md "Storage").
//
// Every write is one BEGIN IMMEDIATE transaction; reads run in one snapshot. Grants name the
// community (and the supply point) by their stored rows, so a grant of an unknown community or
// supply point is refused; deleting a user deletes their grants and sessions (ON DELETE CASCADE,
// foreign keys are on for every connection).
//
// Units: instants UTC seconds.
//
//   auto auth = MakeAuthStore(db);   // db outlives auth; same thread only
//   auto id = auth->AddUser(user);
#pragma once

#include <memory>

#include "core/auth_store.h"
#include "store/sqlite/sqlite_handle.h"

namespace reparto::sqlite {

std::unique_ptr<AuthStore> MakeAuthStore(SqliteDb& db);

}  // namespace reparto::sqlite
