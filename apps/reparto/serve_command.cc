// `reparto serve [--db URL] [--address 127.0.0.1] [--port 8080] [--threads N] [--web-root DIR]
// [--access-log] [--insecure-cookie]`: the web app. Opens the store (one connection per worker
// thread), registers the API routes, serves the built front end (web/dist) and runs until SIGINT or
// SIGTERM (docs/server.md). `--port 0` takes a free port; the line "reparto is running at
// http://...:PORT/" says which (tests read it).
#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "api/api.h"
#include "api/live_feed.h"
#include "auth/auth_routes.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "http/event_hub.h"
#include "http/message.h"
#include "http/router.h"
#include "http/server.h"
#include "jobs/demo_accounts.h"
#include "jobs/open_store.h"
#include "run_status.h"
#include "store_cli.h"

#ifndef REPARTO_WEB_ROOT
#define REPARTO_WEB_ROOT "web/dist"
#endif

namespace reparto::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  std::string web_root = REPARTO_WEB_ROOT;
  bool access_log = false;
  bool insecure_cookie = false;
};

// One store per thread (SQLite and PostgreSQL handles are not thread-safe), opened on the
// thread's first request and closed when the thread ends (Server::Stop joins them).
class ThreadStores {
 public:
  explicit ThreadStores(std::string url) : url_(std::move(url)) {}

  // The calling thread's store. Throws when it cannot be opened: the Router turns that into a
  // generic 500 and logs the reason.
  Store& Get() const {
    thread_local std::unique_ptr<Store> store;
    if (!store) {
      auto opened = jobs::OpenStore(url_);
      if (!opened.ok()) throw std::runtime_error(opened.status().message());
      store = std::move(*opened);
    }
    return *store;
  }

 private:
  std::string url_;
};

// An error unless the database exists and holds at least one community.
Status CheckDatabase(const std::string& url) {
  bool postgres = url.rfind("postgres", 0) == 0;
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (!postgres && !std::filesystem::exists(path)) {
    return Status::Error("there is no database at " + path + ": run `reparto demo" + DbFlag(url) +
                         "` first");
  }
  auto store = OpenDb(url);
  if (!store.ok()) return store.status();
  auto communities = (*store)->ListCommunities();
  if (!communities.ok()) return communities.status();
  if (communities->empty()) {
    return Status::Error("the database " + url + " has no community yet: run `reparto demo" +
                         DbFlag(url) + "` first");
  }
  return Status::Ok();
}

// Whether browsers treat the address as a secure context (they keep Secure cookies there over
// plain http): loopback addresses and localhost.
bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost";
}

std::string Url(const std::string& address, std::uint16_t port) {
  bool ipv6 = address.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + address + "]" : address) + ":" + std::to_string(port) + "/";
}

// The demo accounts present in the database (`reparto demo` adds them), with their public
// passwords, so a new user can log in straight away.
void PrintDemoAccounts(Store& store) {
  bool header = false;
  for (const jobs::DemoAccount& account : jobs::DemoAccounts()) {
    auto found = store.Auth().FindUserByEmail(account.email);
    if (!found.ok() || !found->has_value()) continue;
    if (!header) std::printf("  demo accounts (e-mail / password):\n");
    header = true;
    std::printf("    %-24s %-20s %s\n", account.email, account.password, account.sees);
  }
}

Status RunServe(const ServeArgs& args) {
  std::string db = args.db.empty() ? jobs::DefaultDatabase() : args.db;
  REPARTO_RETURN_IF_ERROR(CheckDatabase(db));
  if (args.port < 0 || args.port > 65535) return Status::Error("--port must be 0 to 65535");

  // SIGINT and SIGTERM are taken by sigwait below: block them before any thread starts, so that
  // every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ThreadStores stores(db);
  http::Router router;
  router.Add("GET", "/api/health",
             [](http::Request&) { return http::JsonResponse(200, R"({"status":"ok"})"); });

  REPARTO_RETURN_IF_ERROR(auth::InitSodium());
  auth::SessionOptions session_options;
  session_options.secure_cookie = !args.insecure_cookie;
  auth::Sessions sessions([&stores]() -> AuthStore& { return stores.Get().Auth(); },
                          session_options);
  auth::AddAuthRoutes(router, sessions);

  http::EventHub hub;
  api::LiveFeed live(
      hub, [&stores]() -> Store& { return stores.Get(); }, [] { return NowUtc(); },
      std::chrono::seconds(3));
  api::ApiContext context;
  context.store = [&stores]() -> Store& { return stores.Get(); };
  context.authenticate = [&sessions](const http::Request& request) {
    return sessions.Authenticate(request);
  };
  context.now = [] { return NowUtc(); };
  context.events = &hub;
  context.live = &live;
  context.auth_store = [&stores]() -> AuthStore* { return &stores.Get().Auth(); };
  context.hash_password = [](std::string_view password) { return auth::HashPassword(password); };
  api::AddRoutes(router, context);
  // Utility exports uploaded from the browser may be larger than the default 1 MiB.
  router.SetBodyLimit("POST", "/api/communities/{community}/imports", 25u << 20);
  live.Start();

  http::ServerOptions options;
  options.address = args.address;
  options.port = static_cast<std::uint16_t>(args.port);
  options.threads = args.threads;
  options.web_root = args.web_root;
  options.access_log = args.access_log;
  http::Server server(options, router);
  REPARTO_RETURN_IF_ERROR(server.Start());

  std::printf("reparto is running at %s\n", Url(args.address, server.port()).c_str());
  if (!std::filesystem::exists(std::filesystem::path(args.web_root) / "index.html")) {
    std::printf("  (the web front end is not built: run `npm ci && npm run build` in web/)\n");
  }
  std::printf("  database: %s\n", db.c_str());
  if (!IsLoopback(args.address) && !args.insecure_cookie) {
    std::printf(
        "  note: browsers on other machines keep the session cookie only over HTTPS: put a TLS\n"
        "        proxy in front (docs/auth.md), or use --insecure-cookie on a trusted network\n");
  }
  PrintDemoAccounts(stores.Get());
  std::printf("  press Ctrl+C to stop\n");
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  std::printf("reparto: stopping (%s)\n", signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  std::fflush(stdout);
  live.Stop();
  server.Stop();
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Run the web app: the JSON API and the pages, on http://127.0.0.1:8080/ by default "
      "(Ctrl+C stops it)");
  AddDbOption(cmd, args->db);
  cmd->add_option("--address", args->address, "IP address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "TCP port (0: a free one, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0: one per CPU core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_option("--web-root", args->web_root, "Folder of the built front end (web/dist)")
      ->capture_default_str();
  cmd->add_flag("--access-log", args->access_log, "One line per request on standard error");
  cmd->add_flag("--insecure-cookie", args->insecure_cookie,
                "Send the session cookie without the Secure flag, for plain-http access from other "
                "machines on a trusted network (never behind HTTPS)");
  cmd->callback([args]() { ExitWith(RunServe(*args)); });
}

}  // namespace reparto::cli
