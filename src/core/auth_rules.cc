// Rules shared by the auth stores and the login: see auth_rules.h.
#include "core/auth_rules.h"

#include <algorithm>

namespace reparto {

std::string NormalizeEmail(std::string_view email) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!email.empty() && blank(email.front())) email.remove_prefix(1);
  while (!email.empty() && blank(email.back())) email.remove_suffix(1);
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status CheckEmail(std::string_view email) {
  if (email.empty()) return Status::Error("an e-mail address is needed");
  if (email.size() > 254) return Status::Error("the e-mail address is longer than 254 bytes");
  for (char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return Status::Error("the e-mail address " + std::string(email) +
                           " contains a blank or a control character");
    }
  }
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == email.size() ||
      email.find('@', at + 1) != std::string_view::npos) {
    return Status::Error("'" + std::string(email) + "' is not an e-mail address (name@domain)");
  }
  return Status::Ok();
}

bool IsKnownLanguage(std::string_view language) {
  return language.empty() || language == "es" || language == "pt" || language == "en";
}

Status CheckStoredUser(const StoredUser& user, bool adding) {
  if (adding) {
    REPARTO_RETURN_IF_ERROR(CheckEmail(user.user.email));
    if (user.user.email != NormalizeEmail(user.user.email)) {
      return Status::Error("the e-mail address " + user.user.email + " is not lower case");
    }
  }
  if (!IsKnownLanguage(user.user.language)) {
    return Status::Error("unknown language '" + user.user.language + "' (es, pt or en)");
  }
  if (user.user.display_name.size() > 200) {
    return Status::Error("the display name is longer than 200 bytes");
  }
  if (adding && user.password_hash.empty()) {
    return Status::Error("the user " + user.user.email + " needs a password hash");
  }
  if (!user.password_hash.empty() && user.password_hash.front() != '$') {
    return Status::Error("the password of user " + std::to_string(user.user.id) + " (" +
                         user.user.email + ") is not a password hash string");
  }
  return Status::Ok();
}

Status CheckGrants(const std::vector<Grant>& grants) {
  for (std::size_t i = 0; i < grants.size(); ++i) {
    if (grants[i].community.empty()) return Status::Error("a grant needs its community");
    if (std::find(grants.begin(), grants.begin() + static_cast<std::ptrdiff_t>(i), grants[i]) !=
        grants.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Status::Error("grant " + grants[i].community +
                           (grants[i].participant.empty() ? "" : "/" + grants[i].participant) +
                           " given twice");
    }
  }
  return Status::Ok();
}

Status CheckGrantsForRole(UserRole role, const std::vector<Grant>& grants) {
  REPARTO_RETURN_IF_ERROR(CheckGrants(grants));
  for (const Grant& g : grants) {
    if (role == UserRole::kAdmin) {
      return Status::Error("an admin sees everything: no grants needed (" + g.community + ")");
    }
    if (role == UserRole::kManager && !g.participant.empty()) {
      return Status::Error("a manager's grant names a whole community, not " + g.community + "/" +
                           g.participant);
    }
    if (role == UserRole::kMember && g.participant.empty()) {
      return Status::Error("a member's grant names a supply point (" + g.community +
                           "/PARTICIPANT), not the whole community");
    }
  }
  return Status::Ok();
}

}  // namespace reparto
