// Access rules of core/access.h.
#include "core/access.h"

#include <algorithm>

namespace reparto {

std::string_view UserRoleName(UserRole role) {
  switch (role) {
    case UserRole::kMember:
      return "member";
    case UserRole::kManager:
      return "manager";
    case UserRole::kAdmin:
      return "admin";
  }
  return "member";
}

std::optional<UserRole> ParseUserRole(std::string_view name) {
  for (UserRole role : {UserRole::kMember, UserRole::kManager, UserRole::kAdmin}) {
    if (UserRoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool IsAdmin(const Principal& who) { return who.user.role == UserRole::kAdmin; }

namespace {

bool HasCommunityGrant(const Principal& who, std::string_view community) {
  return std::any_of(who.grants.begin(), who.grants.end(), [&](const Grant& g) {
    return g.community == community && g.participant.empty();
  });
}

bool HasParticipantGrant(const Principal& who, std::string_view community,
                         std::string_view participant) {
  return std::any_of(who.grants.begin(), who.grants.end(), [&](const Grant& g) {
    return g.community == community && !g.participant.empty() && g.participant == participant;
  });
}

}  // namespace

bool CanManageCommunity(const Principal& who, std::string_view community) {
  if (IsAdmin(who)) return true;
  return who.user.role == UserRole::kManager && HasCommunityGrant(who, community);
}

bool CanReadCommunity(const Principal& who, std::string_view community) {
  if (CanManageCommunity(who, community)) return true;
  if (who.user.role != UserRole::kMember) return false;
  return std::any_of(who.grants.begin(), who.grants.end(), [&](const Grant& g) {
    return g.community == community && !g.participant.empty();
  });
}

bool CanReadParticipant(const Principal& who, std::string_view community,
                        std::string_view participant) {
  if (CanManageCommunity(who, community)) return true;
  return who.user.role == UserRole::kMember && HasParticipantGrant(who, community, participant);
}

std::vector<std::string> VisibleParticipants(const Principal& who, std::string_view community,
                                             const std::vector<std::string>& all_participants) {
  std::vector<std::string> visible;
  for (const std::string& id : all_participants) {
    if (CanReadParticipant(who, community, id)) visible.push_back(id);
  }
  return visible;
}

}  // namespace reparto
