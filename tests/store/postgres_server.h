// A real PostgreSQL server for the tests of one test process (the store contract tests and the
// PostgreSQL adapter's own tests).
//
// The first call starts it: a temporary directory (in /dev/shm when there is one, else /tmp),
// `initdb` (trust authentication, UTF-8, C locale, no fsync), `pg_ctl start` listening on a Unix
// socket in that directory only (no TCP port, so parallel test processes never collide). As root it
// runs as the `postgres` user
// (`runuser -u postgres --`; initdb refuses root) in a directory that user owns. Binaries from
// /usr/lib/postgresql/15/bin, or $REPARTO_PG_BINDIR. Missing binaries are an error (the tests
// fail with the message; CI installs them with scripts/install-deps.sh), never a skip.
//
// Cost and lifetime: CTest runs every test in its own process (gtest_discover_tests), so each
// test process that opens a PostgreSQL store starts one server. Measured on the 2-core CI kind of
// machine: initdb 0.7 s on tmpfs (1.5 s on disk), start 0.15 s, CREATE DATABASE ~0.1 s; a whole
// PostgreSQL test process takes about 1 s, and `ctest -R Store -j2` 20 s for its 25 tests. That
// was kept over a server shared by processes (lock file, reference counts, stale servers after a
// crash) or one CTest entry for the folder: one server per process is simple, and a test
// cannot leak into another test or another build. A guardian process (a shell reading a pipe
// from the test process) stops the server and removes the directory as soon as the test process
// ends, however it ends (normal exit, failed assertion, crash, SIGKILL by a CTest timeout).
//
//   auto server = PostgresServer::Get();
//   ASSERT_TRUE(server.ok()) << server.status().message();
//   auto url = (*server)->NewDatabase();  // "postgresql://postgres@/t_1?host=/dev/shm/..."
//   auto store = postgres::OpenStore(*url);
#pragma once

#include <string>

#include "core/status.h"

namespace reparto {

class PostgresServer {
 public:
  // The process's server, started on the first call; every call returns the same error when it
  // could not be started.
  static Result<PostgresServer*> Get();

  // Creates a new empty database (t_1, t_2, ...) and returns its URL.
  Result<std::string> NewDatabase();
  // The URL of database `name` as `user` (with `password` when not empty).
  std::string Url(const std::string& name, const std::string& user = "postgres",
                  const std::string& password = "") const;
  // Runs statements as the superuser on database "postgres" (CREATE ROLE, ALTER DATABASE, ...).
  Status Admin(const std::string& sql);
  // The same on database `database`.
  Status AdminOn(const std::string& database, const std::string& sql);

  // A role that must log in with a password (scram-sha-256), for authentication tests.
  static constexpr const char* kPasswordUser = "reparto_pw";
  static constexpr const char* kPassword = "right-password";

  const std::string& socket_dir() const { return dir_; }
  int port() const { return kPort; }

 private:
  static constexpr int kPort = 5432;  // names the socket file only: no TCP listener
  explicit PostgresServer(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
  int next_database_ = 1;
};

}  // namespace reparto
