// `reparto serve` over the real binary (REPARTO_BINARY) on a SQLite file with the demo accounts:
// it prints the address and the demo accounts, a demo account logs in over HTTP and gets a
// Secure HttpOnly cookie (no Secure with --insecure-cookie), `reparto user password` run beside
// the server ends that session at once, SIGTERM stops it cleanly, and a missing database is a
// clear error.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "auth/auth_fixture.h"
#include "http/test_client.h"
#include "jobs/demo_accounts.h"
#include "store/cli_runner.h"

namespace reparto::auth {
namespace {

using http::test_client::TestConnection;
using http::test_client::TestResponse;

// A running `reparto serve`: its standard output (and error) read through a pipe.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      dup2(fds[1], STDERR_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv;
      std::string binary = REPARTO_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copy = args;
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && exit_code_ < -1) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Reads output until it contains `text` (true) or the process ends or 60 s pass (false).
  bool WaitFor(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (output_.find(text) == std::string::npos) {
      if (!ReadSome(deadline)) return false;
    }
    return true;
  }

  // Sends SIGTERM and returns the exit code (-1 when killed by a signal), reading the rest of
  // the output.
  int Terminate() {
    kill(pid_, SIGTERM);
    while (ReadSome(std::chrono::steady_clock::now() + std::chrono::seconds(30))) {
    }
    return Wait();
  }

  // Waits for the process to end by itself and returns its exit code.
  int Wait() {
    while (ReadSome(std::chrono::steady_clock::now() + std::chrono::seconds(60))) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return exit_code_;
  }

  const std::string& output() const { return output_; }

  // The port of "reparto is running at http://127.0.0.1:PORT/", or 0.
  std::uint16_t Port() const {
    std::smatch match;
    static const std::regex kRunning(R"(reparto is running at http://[^:]+:(\d+)/)");
    if (!std::regex_search(output_, match, kRunning)) return 0;
    return static_cast<std::uint16_t>(std::stoi(match[1]));
  }

 private:
  bool ReadSome(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (out_ < 0 || left.count() <= 0) return false;
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[4096];
    const ssize_t n = read(out_, buffer, sizeof buffer);
    if (n <= 0) return false;
    output_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int exit_code_ = -2;  // -2: still running
  std::string output_;
};

TestResponse Exchange(std::uint16_t port, const std::string& request) {
  TestConnection connection(port);
  EXPECT_TRUE(connection.connected());
  EXPECT_TRUE(connection.Send(request));
  auto response = connection.ReadResponse(std::chrono::seconds(30));
  EXPECT_TRUE(response.has_value()) << request;
  return response.value_or(TestResponse{});
}

TestResponse Login(std::uint16_t port, const std::string& email, const std::string& password) {
  const std::string body = R"({"email":")" + email + R"(","password":")" + password + R"("})";
  return Exchange(port,
                  "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Content-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

// "reparto_session=TOKEN" from a Set-Cookie header.
std::string SessionCookie(const TestResponse& response) {
  const std::string& header = response.Header("set-cookie");
  return header.substr(0, header.find(';'));
}

class ServeCli : public AuthFixture {
 protected:
  void SetUp() override {
    AuthFixture::SetUp();
    auto added = jobs::CreateDemoAccounts(*store_, "ES-DEMO", kT0);
    ASSERT_TRUE(added.ok()) << added.status().message();
    store_.reset();  // the server opens the file itself
    db_ = dir_ + "/reparto.db";
    std::ofstream(dir_ + "/new.txt") << "a brand new passphrase\n";
  }
  std::vector<std::string> Args(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"serve", "--db", db_, "--port", "0", "--threads", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  std::string db_;
};

TEST_F(ServeCli, PrintsAccountsLogsInWithASecureCookieAndStopsOnSigterm) {
  ServeProcess serve(Args({"--web-root", dir_}));
  ASSERT_TRUE(serve.WaitFor("press Ctrl+C")) << serve.output();
  const std::uint16_t port = serve.Port();
  ASSERT_NE(port, 0) << serve.output();
  for (const jobs::DemoAccount& account : jobs::DemoAccounts()) {
    EXPECT_NE(serve.output().find(account.email), std::string::npos) << serve.output();
    EXPECT_NE(serve.output().find(account.password), std::string::npos) << serve.output();
  }
  EXPECT_NE(serve.output().find("database: " + db_), std::string::npos) << serve.output();
  // An empty --web-root: the pages are not built, and the server says how to build them.
  EXPECT_NE(serve.output().find("the web front end is not built"), std::string::npos);

  TestResponse health =
      Exchange(port, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(health.status, 200);

  TestResponse login = Login(port, "manager@reparto.demo", "demo-manager-2025");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string& set_cookie = login.Header("set-cookie");
  EXPECT_NE(set_cookie.find("; Secure"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos) << set_cookie;
  const std::string me = "GET /api/me HTTP/1.1\r\nHost: x\r\nCookie: " + SessionCookie(login) +
                         "\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(Exchange(port, me).status, 200);

  // A new password, set from the command line while the server runs, ends the open session.
  Output changed = Reparto("user password --email manager@reparto.demo --password-file " + dir_ +
                           "/new.txt --db " + db_);
  ASSERT_EQ(changed.code, 0) << changed.text;
  EXPECT_EQ(Exchange(port, me).status, 401);
  EXPECT_EQ(Login(port, "manager@reparto.demo", "demo-manager-2025").status, 401);
  EXPECT_EQ(Login(port, "manager@reparto.demo", "a brand new passphrase").status, 200);

  EXPECT_EQ(serve.Terminate(), 0) << serve.output();
  EXPECT_NE(serve.output().find("stopping (SIGTERM)"), std::string::npos) << serve.output();
}

TEST_F(ServeCli, InsecureCookieDropsTheSecureFlagOnly) {
  ServeProcess serve(Args({"--insecure-cookie"}));
  ASSERT_TRUE(serve.WaitFor("press Ctrl+C")) << serve.output();
  TestResponse login = Login(serve.Port(), "member1@reparto.demo", "demo-member1-2025");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string& set_cookie = login.Header("set-cookie");
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_EQ(serve.Terminate(), 0) << serve.output();
}

TEST_F(ServeCli, AnAddressBeyondLoopbackGetsTheHttpsReminder) {
  ServeProcess serve(Args({"--address", "0.0.0.0"}));
  ASSERT_TRUE(serve.WaitFor("press Ctrl+C")) << serve.output();
  EXPECT_NE(serve.output().find("only over HTTPS"), std::string::npos) << serve.output();
  EXPECT_NE(serve.output().find("--insecure-cookie"), std::string::npos) << serve.output();
  EXPECT_EQ(serve.Terminate(), 0) << serve.output();
}

TEST_F(ServeCli, AMissingDatabaseIsAClearError) {
  ServeProcess serve({"serve", "--db", dir_ + "/nothing.db", "--port", "0"});
  EXPECT_EQ(serve.Wait(), 1);
  EXPECT_NE(serve.output().find("there is no database at " + dir_ + "/nothing.db"),
            std::string::npos)
      << serve.output();
  EXPECT_NE(serve.output().find("reparto demo"), std::string::npos) << serve.output();
  EXPECT_EQ(serve.output().find("running at"), std::string::npos) << serve.output();
}

}  // namespace
}  // namespace reparto::auth
