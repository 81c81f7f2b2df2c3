// Who may see and change what (issue 5): user roles and the communities or supply points each
// user is granted. Pure rules, no I/O: the API asks these before touching the store, and the
// access-control test matrix checks them through every endpoint.
//
// Roles
// - member: reads only the supply points (participants) granted to them, in their communities;
//   changes nothing but their own session.
// - manager: reads and changes only the communities granted to them (members, coefficients,
//   tariffs, billing, imports), including every supply point in them.
// - admin: everything, including users and grants.
//
//   Principal who{.user = user, .grants = grants};
//   if (!CanReadParticipant(who, "ES00...FA001", "ES00...AB1F")) return Forbidden();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reparto {

enum class UserRole : std::uint8_t { kMember, kManager, kAdmin };
std::string_view UserRoleName(UserRole role);  // "member", "manager", "admin"
std::optional<UserRole> ParseUserRole(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string email;  // login name, stored lower case
  std::string display_name;
  UserRole role = UserRole::kMember;
  std::string language;  // "es", "pt", "en" or "" (browser's)
};

// A manager's grant names a community (participant empty); a member's names one supply point.
struct Grant {
  std::string community;
  std::string participant;
  friend bool operator==(const Grant&, const Grant&) = default;
};

struct Principal {
  User user;
  std::vector<Grant> grants;
};

// The community is visible: admin, a manager granted it, or a member with a supply point in it.
bool CanReadCommunity(const Principal& who, std::string_view community);
// Community-wide data (all members, coefficients, billing runs, imports): admin or its manager.
bool CanManageCommunity(const Principal& who, std::string_view community);
// One supply point's data: its community's manager, admin, or the member granted it.
bool CanReadParticipant(const Principal& who, std::string_view community,
                        std::string_view participant);
// The supply points of `community` visible to `who` (all of `all_participants` for managers and
// admins; the granted ones for members), in the order of `all_participants`.
std::vector<std::string> VisibleParticipants(const Principal& who, std::string_view community,
                                             const std::vector<std::string>& all_participants);
bool IsAdmin(const Principal& who);

}  // namespace reparto
