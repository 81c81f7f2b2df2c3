// Internal to src/http (server.cc and connection.cc only; it names an Asio type): what the
// listener shares with its connections, and how it hands a new socket over.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <utility>  // before any Asio header with GCC 12 (asio #944)

#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"

namespace reparto::http::internal {

// A connection as the listener sees it: something to close on Stop.
class OpenConnection {
 public:
  virtual ~OpenConnection() = default;
  // Closes the connection from any thread (posted to its strand).
  virtual void Close() = 0;
};

struct ServerShared {
  ServerShared(ServerOptions server_options, const Router& server_router)
      : options(std::move(server_options)), router(server_router), static_files(options.web_root) {}

  const ServerOptions options;
  const Router& router;
  const StaticFiles static_files;

  std::mutex mutex;
  std::map<OpenConnection*, std::weak_ptr<OpenConnection>> open;  // guarded by mutex
  std::atomic<bool> stopping{false};
};

// Serves `socket` (its executor a strand of the server's io_context) until it closes.
void StartConnection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerShared> shared);

}  // namespace reparto::http::internal
