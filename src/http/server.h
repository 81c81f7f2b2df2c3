// The HTTP/1.1 server of `reparto serve` (Boost.Beast behind this header; no Beast type here).
// It owns an io_context run by `threads` threads, accepts connections on `address`:`port`, reads
// each request strictly (size limits, timeouts), answers paths under /api/ through the Router
// and every other GET/HEAD from the static files under `web_root`, streams Server-Sent Events,
// and adds the security headers to every response. docs/server.md says it all.
//
//   http::Router router;
//   router.Add("GET", "/api/health", Health);
//   http::Server server({.port = 0, .web_root = "web/dist"}, router);
//   if (Status s = server.Start(); !s.ok()) return s;
//   std::printf("http://127.0.0.1:%u/\n", server.port());
//   ...
//   server.Stop();   // or the destructor
//
// Units: sizes in bytes, durations in milliseconds.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/router.h"

namespace reparto::http {

struct ServerLimits {
  // Request line plus header fields (larger: 431).
  std::size_t max_header_bytes = 8 * 1024;
  // Request body, unless the Router gives the route another limit (Router::SetBodyLimit, used
  // for uploads). Larger: 413, and the handler never runs.
  std::size_t max_body_bytes = 1024 * 1024;
  // Whole header must arrive within this time from its first byte (slow-loris clients are
  // dropped); a new connection must send its whole header within this time too.
  std::chrono::milliseconds header_timeout{10'000};
  // Whole body within this time after the header.
  std::chrono::milliseconds body_timeout{30'000};
  // A kept-alive connection waits this long for the next request.
  std::chrono::milliseconds idle_timeout{30'000};
  // Each response (or event) write must finish within this time.
  std::chrono::milliseconds write_timeout{30'000};
  // An event stream sends the comment ": ping" this often.
  std::chrono::milliseconds heartbeat_interval{15'000};
  // Event texts waiting to be written to one slow client; beyond this the connection is closed.
  std::size_t max_event_queue_bytes = 256 * 1024;
  // Connections beyond this are closed as soon as they are accepted.
  std::size_t max_connections = 10'000;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: a free port, read it with Server::port() after Start
  int threads = 0;         // 0: std::thread::hardware_concurrency()
  // The built front end (web/dist); may be empty or missing: pages then say it is not built.
  std::string web_root;
  ServerLimits limits;
  // One line per request on standard error: peer, method, target, status, body bytes, ms.
  bool access_log = false;
};

class Server {
 public:
  // `router` must outlive the server.
  Server(ServerOptions options, const Router& router);
  ~Server();  // Stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the threads. An error when the address cannot be bound.
  Status Start();
  // The bound port (after Start).
  std::uint16_t port() const;
  // Closes the listening socket and every connection (event streams get Stop), waits up to two
  // seconds for handlers still running, then joins the threads. Idempotent.
  void Stop();
  // Connections currently open.
  std::size_t OpenConnections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reparto::http
