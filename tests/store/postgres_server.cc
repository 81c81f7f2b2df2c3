// A PostgreSQL server per test process: see postgres_server.h.
#include "store/postgres_server.h"

#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "store/postgres/pg_handle.h"

extern char** environ;

namespace reparto {
namespace {

std::string BinDir() {
  const char* dir = std::getenv("REPARTO_PG_BINDIR");
  return dir && *dir ? dir : "/usr/lib/postgresql/15/bin";
}

// Single-quoted for /bin/sh.
std::string Quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string Tail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
}

Status Run(const std::string& command, const std::string& log) {
  const int rc = std::system((command + " >>" + Quote(log) + " 2>&1 </dev/null").c_str());
  if (rc != 0) {
    return Status::Error("test PostgreSQL server: `" + command + "` failed (status " +
                         std::to_string(rc) + "):\n" + Tail(log));
  }
  return Status::Ok();
}

// Stops the server and removes its directory when this process ends, however it ends: a shell
// in a session of its own waits for the end of a pipe whose only writer is this process.
class Guardian {
 public:
  Status Start(const std::string& stop_command, const std::string& dir) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return Status::Error("test PostgreSQL server: pipe failed");
    const std::string script = "cat >/dev/null; " + stop_command + "; rm -rf " + Quote(dir);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    const char* argv[] = {"/bin/sh", "-c", script.c_str(), nullptr};
    const int rc = posix_spawn(&pid_, "/bin/sh", &actions, &attributes,
                               const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(fds[0]);
    if (rc != 0) {
      close(fds[1]);
      pid_ = -1;
      return Status::Error("test PostgreSQL server: cannot start the guardian shell");
    }
    write_end_ = fds[1];
    return Status::Ok();
  }
  // At a normal exit: stop the server now and wait for it.
  ~Guardian() {
    if (write_end_ >= 0) close(write_end_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }

 private:
  int write_end_ = -1;
  pid_t pid_ = -1;
};

}  // namespace

Result<PostgresServer*> PostgresServer::Get() {
  static Guardian guardian;
  static std::unique_ptr<PostgresServer> server;
  static const Status started = [&]() -> Status {
    const std::string bin = BinDir();
    for (const char* tool : {"initdb", "pg_ctl", "postgres"}) {
      if (access((bin + "/" + tool).c_str(), X_OK) != 0) {
        return Status::Error(
            "the PostgreSQL tests need a PostgreSQL server: " + bin + "/" + tool +
            " is missing. Install the Debian packages postgresql and libpq-dev "
            "(scripts/install-deps.sh), or set REPARTO_PG_BINDIR to the folder of initdb");
      }
    }
    // In memory (/dev/shm, tmpfs) when there is one: initdb takes 0.7 s there against 1.5 s on
    // this machine's disk. /tmp otherwise. Not $TMPDIR: short socket paths, and a folder the
    // postgres user can reach.
    const char* base = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string dir = std::string(base) + "/reparto-pg-XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) {
      return Status::Error(std::string("test PostgreSQL server: cannot create a folder in ") +
                           base);
    }
    std::string as;  // how commands run as the server's owner
    if (geteuid() == 0) {
      const passwd* user = getpwnam("postgres");
      if (user == nullptr) {
        return Status::Error(
            "the PostgreSQL tests run as root and need the `postgres` user to run the server "
            "(initdb refuses root): install the Debian package postgresql");
      }
      if (chown(dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
        return Status::Error("test PostgreSQL server: cannot give " + dir + " to postgres");
      }
      as = "runuser -u postgres -- ";
    }
    const std::string data = dir + "/data";
    const std::string pg_ctl = as + Quote(bin + "/pg_ctl") + " -D " + Quote(data);
    REPARTO_RETURN_IF_ERROR(guardian.Start(pg_ctl + " -m immediate -w stop >/dev/null 2>&1", dir));
    const std::string log = dir + "/setup.log";
    REPARTO_RETURN_IF_ERROR(Run(as + Quote(bin + "/initdb") + " -D " + Quote(data) +
                                    " -A trust -U postgres -E UTF8 --locale=C --no-sync "
                                    "--no-instructions",
                                log));
    {
      // One role logs in with a password (authentication tests); everyone else is trusted.
      std::ofstream hba(data + "/pg_hba.conf", std::ios::trunc);
      hba << "local all " << kPasswordUser << " scram-sha-256\nlocal all all trust\n";
      if (!hba) return Status::Error("test PostgreSQL server: cannot write pg_hba.conf");
    }
    const std::string options = "-p " + std::to_string(kPort) + " -k " + dir +
                                " -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                                "-c full_page_writes=off";
    REPARTO_RETURN_IF_ERROR(Run(
        pg_ctl + " -l " + Quote(dir + "/server.log") + " -w -t 60 -o " + Quote(options) + " start",
        log));
    server.reset(new PostgresServer(dir));
    return server->Admin(std::string("CREATE ROLE ") + kPasswordUser + " LOGIN PASSWORD '" +
                         kPassword + "'");
  }();
  if (!started.ok()) return started;
  return server.get();
}

std::string PostgresServer::Url(const std::string& name, const std::string& user,
                                const std::string& password) const {
  return "postgresql://" + user + (password.empty() ? "" : ":" + password) + "@/" + name +
         "?host=" + dir_ + "&port=" + std::to_string(kPort);
}

Status PostgresServer::Admin(const std::string& sql) { return AdminOn("postgres", sql); }

Status PostgresServer::AdminOn(const std::string& database, const std::string& sql) {
  auto conn = postgres::PgConn::Open(Url(database));
  if (!conn.ok()) return conn.status();
  return (*conn)->Execute(sql.c_str());
}

Result<std::string> PostgresServer::NewDatabase() {
  const std::string name = "t_" + std::to_string(next_database_++);
  REPARTO_RETURN_IF_ERROR(Admin("CREATE DATABASE " + name));
  return Url(name);
}

}  // namespace reparto
