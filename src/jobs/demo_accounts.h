// The demo's user accounts (`reparto demo`, printed by `reparto serve`; docs/auth.md "Demo
// accounts"): an admin, the demo community's manager and two members, each holding one of the
// demo community's first two consumer supply points. Their passwords are fixed and public: they
// are for trying reparto, never for real data.
//
// The stored hashes are Argon2id strings computed once with libsodium's INTERACTIVE limits and
// written here as constants, so that this job needs no cryptography library (a test in
// tests/auth checks each against its password).
//
//   REPARTO_RETURN_IF_ERROR(jobs::CreateDemoAccounts(store, "ES0021...", now).status());
//   for (const auto& a : jobs::DemoAccounts()) std::printf("%s %s\n", a.email, a.password);
#pragma once

#include <string>
#include <vector>

#include "core/access.h"
#include "core/store.h"

namespace reparto::jobs {

struct DemoAccount {
  const char* email;
  const char* password;  // public: a demo account
  UserRole role;
  const char* sees;           // what the account shows, for people
  const char* password_hash;  // Argon2id of `password`
  int consumer;               // members: which consumer of the community (0, 1); -1 otherwise
};

// admin@reparto.demo, manager@reparto.demo, member1@reparto.demo, member2@reparto.demo.
const std::vector<DemoAccount>& DemoAccounts();

// Adds the accounts that are missing, with their grants on `community` (the manager: the
// community; member N: its Nth consumer supply point, in stored order). Accounts that exist are
// left as they are (a second run changes nothing), except that a demo account found without its
// grants gets them. Returns how many accounts were added. `now`: UTC seconds.
Result<int> CreateDemoAccounts(Store& store, const std::string& community, UtcSeconds now);

}  // namespace reparto::jobs
