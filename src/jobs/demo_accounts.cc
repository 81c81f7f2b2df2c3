// The demo's user accounts: see demo_accounts.h.
#include "jobs/demo_accounts.h"

namespace reparto::jobs {

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> accounts = {
      {"admin@reparto.demo", "demo-admin-2025", UserRole::kAdmin,
       "everything: every community, users and grants",
       "$argon2id$v=19$m=65536,t=2,p=1$nFldtmVqXRbcpuW/0BCmAw$"
       "BosbQHZ+OjnGszZFBV+c2rGHeq4WHYY7WyREzbRXFh8",
       -1},
      {"manager@reparto.demo", "demo-manager-2025", UserRole::kManager,
       "the demo community: members, coefficients, tariffs, billing, imports",
       "$argon2id$v=19$m=65536,t=2,p=1$EY3nX72ZWETtbAjzCcRdAA$"
       "bGPb/jsSrWcJuKUK7ISM3MuUYdkN5Y91yiqkVk1RXOo",
       -1},
      {"member1@reparto.demo", "demo-member1-2025", UserRole::kMember,
       "the first consumer's supply point of the demo community",
       "$argon2id$v=19$m=65536,t=2,p=1$oK7s9a+n+ia/tEENISn2+g$"
       "ZGK928MbBFY9q24/kAeRqM+IEe53yb6MUS0XmzENYaw",
       0},
      {"member2@reparto.demo", "demo-member2-2025", UserRole::kMember,
       "the second consumer's supply point of the demo community",
       "$argon2id$v=19$m=65536,t=2,p=1$jF6OxvYCA6zoIsz3AcSSHQ$"
       "TEbMtF6BaPljNVgnfNMqWkmiDV3m/9tboe+LeO9Uhs0",
       1},
  };
  return accounts;
}

Result<int> CreateDemoAccounts(Store& store, const std::string& community, UtcSeconds now) {
  auto stored = store.LoadCommunity(community);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return Status::Error("no community " + community);
  std::vector<const StoredParticipant*> consumers;
  for (const StoredParticipant& p : (*stored)->participants) {
    if (p.participant.role == Role::kConsumer) consumers.push_back(&p);
  }
  AuthStore& auth = store.Auth();
  int added = 0;
  for (const DemoAccount& account : DemoAccounts()) {
    std::vector<Grant> grants;
    std::string name;
    switch (account.role) {
      case UserRole::kAdmin:
        name = "Demo admin";
        break;
      case UserRole::kManager:
        name = "Demo manager";
        grants.push_back({community, ""});
        break;
      case UserRole::kMember: {
        const auto index = static_cast<std::size_t>(account.consumer);
        if (index >= consumers.size()) {
          return Status::Error("the demo community " + community + " has fewer than " +
                               std::to_string(index + 1) + " consumers");
        }
        name = consumers[index]->name.empty() ? consumers[index]->participant.id
                                              : consumers[index]->name;
        grants.push_back({community, consumers[index]->participant.id});
        break;
      }
    }
    auto existing = auth.FindUserByEmail(account.email);
    if (!existing.ok()) return existing.status();
    std::int64_t id = 0;
    if (existing->has_value()) {
      id = (*existing)->user.id;
      auto had = auth.LoadGrants(id);
      if (!had.ok()) return had.status();
      if (!had->empty() || grants.empty()) continue;  // as it was: nothing changes
    } else {
      StoredUser user;
      user.user.email = account.email;
      user.user.display_name = name;
      user.user.role = account.role;
      user.password_hash = account.password_hash;
      user.created_at = now;
      auto new_id = auth.AddUser(user);
      if (!new_id.ok()) return new_id.status();
      id = *new_id;
      ++added;
    }
    if (!grants.empty()) REPARTO_RETURN_IF_ERROR(auth.SetGrants(id, grants));
  }
  return added;
}

}  // namespace reparto::jobs
