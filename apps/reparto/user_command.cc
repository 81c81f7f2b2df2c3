// `reparto user add | list | grant | remove | password`: the web app's accounts (docs/auth.md
// "The user command"). Passwords never come from the command line (they would be in the shell
// history and in `ps`): they are read from the first line of --password-file, or of standard input
// (prompted without echo when it is a terminal), and must have at least 10 characters.
#include "user_command.h"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "auth/password.h"
#include "core/auth_rules.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct UserArgs {
  std::string db;
  std::string email;
  std::string role = "member";
  std::string name;
  std::string language;
  std::vector<std::string> grants;
  std::vector<std::string> revokes;
  std::string password_file;
};

Result<Grant> ParseGrant(const std::string& text) {
  const std::size_t slash = text.find('/');
  Grant g{.community = text.substr(0, slash),
          .participant = slash == std::string::npos ? "" : text.substr(slash + 1)};
  if (g.community.empty() || (slash != std::string::npos && g.participant.empty())) {
    return Status::Error("'" + text + "' is not COMMUNITY or COMMUNITY/PARTICIPANT");
  }
  return g;
}

Result<std::vector<Grant>> ParseGrants(const std::vector<std::string>& texts) {
  std::vector<Grant> grants;
  for (const std::string& text : texts) {
    auto g = ParseGrant(text);
    if (!g.ok()) return g.status();
    grants.push_back(*g);
  }
  return grants;
}

std::string GrantText(const Grant& g) {
  return g.participant.empty() ? g.community : g.community + "/" + g.participant;
}

// The first line of the password file, or of standard input (without echo on a terminal).
Result<std::string> ReadPassword(const std::string& file) {
  std::string line;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return Status::Error("cannot read the password file " + file);
    std::getline(in, line);
  } else if (isatty(STDIN_FILENO)) {
    std::fprintf(stderr, "password: ");
    termios old_mode{};
    const bool terminal = tcgetattr(STDIN_FILENO, &old_mode) == 0;
    if (terminal) {
      termios quiet = old_mode;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::getline(std::cin, line);
    if (terminal) tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fprintf(stderr, "\n");
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  REPARTO_RETURN_IF_ERROR(auth::CheckPasswordPolicy(line));
  return line;
}

Result<StoredUser> RequireUser(AuthStore& auth, const std::string& email) {
  auto user = auth.FindUserByEmail(email);
  if (!user.ok()) return user.status();
  if (!user->has_value()) return Status::Error("no user with e-mail " + NormalizeEmail(email));
  return **user;
}

Status RunAdd(const UserArgs& args) {
  auto role = ParseUserRole(args.role);
  if (!role) return Status::Error("unknown role '" + args.role + "' (member, manager or admin)");
  auto grants = ParseGrants(args.grants);
  if (!grants.ok()) return grants.status();
  REPARTO_RETURN_IF_ERROR(CheckGrantsForRole(*role, *grants));
  StoredUser user;
  user.user.email = NormalizeEmail(args.email);
  REPARTO_RETURN_IF_ERROR(CheckEmail(user.user.email));
  user.user.display_name = args.name;
  user.user.role = *role;
  user.user.language = args.language;
  if (!IsKnownLanguage(user.user.language)) {
    return Status::Error("unknown language '" + args.language + "' (es, pt or en)");
  }
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  AuthStore& auth = (*store)->Auth();
  auto existing = auth.FindUserByEmail(user.user.email);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return Status::Error("a user with e-mail " + user.user.email + " already exists");
  }
  auto password = ReadPassword(args.password_file);
  if (!password.ok()) return password.status();
  auto hash = auth::HashPassword(*password);
  if (!hash.ok()) return hash.status();
  user.password_hash = *hash;
  user.created_at = NowUtc();
  auto id = auth.AddUser(user);
  if (!id.ok()) return id.status();
  if (Status s = auth.SetGrants(*id, *grants); !s.ok()) {
    (void)auth.DeleteUser(*id);  // all or nothing
    return s;
  }
  std::printf("added %s %s (id %lld) to %s\n", args.role.c_str(), user.user.email.c_str(),
              static_cast<long long>(*id), (*store)->Describe().c_str());
  return Status::Ok();
}

Status RunList(const UserArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  AuthStore& auth = (*store)->Auth();
  auto users = auth.ListUsers();
  if (!users.ok()) return users.status();
  if (users->empty()) {
    std::printf("no users in %s (add one with `reparto user add`, or run `reparto demo`)\n",
                (*store)->Describe().c_str());
  }
  for (const User& u : *users) {
    auto grants = auth.LoadGrants(u.id);
    if (!grants.ok()) return grants.status();
    std::string text;
    for (const Grant& g : *grants) text += (text.empty() ? "" : ", ") + GrantText(g);
    std::printf("%-32s %-8s %-2s %-24s %s\n", u.email.c_str(),
                std::string(UserRoleName(u.role)).c_str(),
                u.language.empty() ? "-" : u.language.c_str(), u.display_name.c_str(),
                text.empty() ? (u.role == UserRole::kAdmin ? "(everything)" : "(no grants)")
                             : text.c_str());
  }
  return Status::Ok();
}

Status RunGrant(const UserArgs& args) {
  auto add = ParseGrants(args.grants);
  if (!add.ok()) return add.status();
  auto remove = ParseGrants(args.revokes);
  if (!remove.ok()) return remove.status();
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  AuthStore& auth = (*store)->Auth();
  auto user = RequireUser(auth, args.email);
  if (!user.ok()) return user.status();
  auto grants = auth.LoadGrants(user->user.id);
  if (!grants.ok()) return grants.status();
  std::vector<Grant> result;
  for (const Grant& g : *grants) {
    if (std::find(remove->begin(), remove->end(), g) == remove->end()) result.push_back(g);
  }
  for (const Grant& g : *add) {
    if (std::find(result.begin(), result.end(), g) == result.end()) result.push_back(g);
  }
  REPARTO_RETURN_IF_ERROR(CheckGrantsForRole(user->user.role, result));
  REPARTO_RETURN_IF_ERROR(auth.SetGrants(user->user.id, result));
  auto now_granted = auth.LoadGrants(user->user.id);
  if (!now_granted.ok()) return now_granted.status();
  std::string text;
  for (const Grant& g : *now_granted) text += (text.empty() ? "" : ", ") + GrantText(g);
  std::printf("%s now sees: %s\n", user->user.email.c_str(),
              text.empty() ? "nothing (no grants)" : text.c_str());
  return Status::Ok();
}

Status RunRemove(const UserArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  AuthStore& auth = (*store)->Auth();
  auto user = RequireUser(auth, args.email);
  if (!user.ok()) return user.status();
  REPARTO_RETURN_IF_ERROR(auth.DeleteUser(user->user.id));
  std::printf("removed %s with their grants and sessions\n", user->user.email.c_str());
  return Status::Ok();
}

Status RunPassword(const UserArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  AuthStore& auth = (*store)->Auth();
  auto user = RequireUser(auth, args.email);
  if (!user.ok()) return user.status();
  auto password = ReadPassword(args.password_file);
  if (!password.ok()) return password.status();
  auto hash = auth::HashPassword(*password);
  if (!hash.ok()) return hash.status();
  StoredUser update = *user;
  update.password_hash = *hash;
  REPARTO_RETURN_IF_ERROR(auth.UpdateUser(update));
  std::printf("changed the password of %s\n", user->user.email.c_str());
  return Status::Ok();
}

void AddEmail(CLI::App* cmd, UserArgs& args) {
  cmd->add_option("--email", args.email, "The account's e-mail address (login name)")->required();
}

void AddPasswordFile(CLI::App* cmd, UserArgs& args) {
  cmd->add_option("--password-file", args.password_file,
                  "Read the password from the first line of this file (default: standard input, "
                  "prompted without echo on a terminal); at least 10 characters")
      ->check(CLI::ExistingFile);
}

}  // namespace

void AddUserCommand(CLI::App& app) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* cmd = app.add_subcommand(
      "user", "Accounts of the web app: roles member, manager, admin (docs/auth.md)");
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand(
      "add", "Add an account; the password is read from --password-file or standard input");
  AddDbOption(add, args->db);
  AddEmail(add, *args);
  add->add_option("--role", args->role, "member, manager or admin")
      ->required()
      ->check(CLI::IsMember({"member", "manager", "admin"}));
  add->add_option("--name", args->name, "Display name");
  add->add_option("--language", args->language, "es, pt or en (default: the browser's)");
  add->add_option("--grant", args->grants,
                  "What the account sees, repeatable: COMMUNITY for a manager, "
                  "COMMUNITY/PARTICIPANT (a supply point) for a member");
  AddPasswordFile(add, *args);
  add->callback([args]() { ExitWith(RunAdd(*args)); });

  CLI::App* list = cmd->add_subcommand("list", "List the accounts with their roles and grants");
  AddDbOption(list, args->db);
  list->callback([args]() { ExitWith(RunList(*args)); });

  CLI::App* grant = cmd->add_subcommand(
      "grant", "Give or take away communities (managers) or supply points (members)");
  AddDbOption(grant, args->db);
  AddEmail(grant, *args);
  grant->add_option("--grant", args->grants, "Add COMMUNITY or COMMUNITY/PARTICIPANT (repeatable)");
  grant->add_option("--revoke", args->revokes,
                    "Remove COMMUNITY or COMMUNITY/PARTICIPANT (repeatable)");
  grant->callback([args]() { ExitWith(RunGrant(*args)); });

  CLI::App* remove =
      cmd->add_subcommand("remove", "Remove an account with its grants and sessions");
  AddDbOption(remove, args->db);
  AddEmail(remove, *args);
  remove->callback([args]() { ExitWith(RunRemove(*args)); });

  CLI::App* password = cmd->add_subcommand(
      "password", "Set a new password, read from --password-file or standard input");
  AddDbOption(password, args->db);
  AddEmail(password, *args);
  AddPasswordFile(password, *args);
  password->callback([args]() { ExitWith(RunPassword(*args)); });
}

}  // namespace reparto::cli
