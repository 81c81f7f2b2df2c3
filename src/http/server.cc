// Server (server.h): the io_context, its threads, the listening socket and the orderly stop.
// Connections live in connection.cc.
#include "http/server.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <condition_variable>
#include <thread>
#include <utility>  // before any Asio header with GCC 12 (asio #944)
#include <vector>

#include "http/connection.h"

namespace reparto::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Server::Impl {
  Impl(ServerOptions options, const Router& router)
      : shared(std::make_shared<internal::ServerShared>(std::move(options), router)),
        acceptor(net::make_strand(context)) {}

  void Accept() {
    acceptor.async_accept(
        net::make_strand(context), [this](boost::system::error_code ec, tcp::socket socket) {
          if (ec == net::error::operation_aborted || !acceptor.is_open() || shared->stopping)
            return;
          if (!ec) {
            std::size_t open;
            {
              std::lock_guard lock(shared->mutex);
              open = shared->open.size();
            }
            if (open >= shared->options.limits.max_connections) {
              boost::system::error_code ignored;
              socket.close(ignored);
            } else {
              internal::StartConnection(std::move(socket), shared);
            }
          }
          Accept();  // also after an error such as "too many open files"
        });
  }

  void RunThread() {
    context.run();
    std::lock_guard lock(mutex);
    --running;
    finished.notify_all();
  }

  std::shared_ptr<internal::ServerShared> shared;
  net::io_context context;
  tcp::acceptor acceptor;
  std::uint16_t port = 0;
  std::vector<std::thread> threads;
  bool started = false;
  bool stopped = false;

  std::mutex mutex;
  std::condition_variable finished;
  int running = 0;  // threads still in context.run(), guarded by mutex
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() { Stop(); }

Status Server::Start() {
  if (impl_->started) return Status::Error("the server is already started");
  const ServerOptions& options = impl_->shared->options;
  boost::system::error_code ec;
  auto address = net::ip::make_address(options.address, ec);
  if (ec) return Status::Error("not an IP address: " + options.address);
  tcp::endpoint endpoint(address, options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  std::string where = options.address + ":" + std::to_string(options.port);
  if (acceptor.open(endpoint.protocol(), ec); ec) {
    return Status::Error("cannot open a socket: " + ec.message());
  }
  if (acceptor.set_option(net::socket_base::reuse_address(true), ec); ec) {
    return Status::Error("cannot set SO_REUSEADDR: " + ec.message());
  }
  if (acceptor.bind(endpoint, ec); ec) {
    return Status::Error("cannot listen on " + where + ": " + ec.message());
  }
  if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec) {
    return Status::Error("cannot listen on " + where + ": " + ec.message());
  }
  impl_->port = acceptor.local_endpoint().port();
  impl_->started = true;
  impl_->Accept();
  int threads = options.threads > 0
                    ? options.threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  impl_->running = threads;
  for (int i = 0; i < threads; ++i) {
    impl_->threads.emplace_back([impl = impl_.get()] { impl->RunThread(); });
  }
  return Status::Ok();
}

std::uint16_t Server::port() const { return impl_->port; }

void Server::Stop() {
  Impl& impl = *impl_;
  if (!impl.started || impl.stopped) return;
  impl.stopped = true;
  impl.shared->stopping = true;
  net::post(impl.acceptor.get_executor(), [&impl] {
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
  });
  std::vector<std::shared_ptr<internal::OpenConnection>> open;
  {
    std::lock_guard lock(impl.shared->mutex);
    for (auto& [raw, weak] : impl.shared->open) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  for (auto& connection : open) connection->Close();
  open.clear();
  {
    // Handlers still running finish their work; then every thread leaves run() by itself.
    std::unique_lock lock(impl.mutex);
    if (!impl.finished.wait_for(lock, std::chrono::seconds(2),
                                [&impl] { return impl.running == 0; })) {
      impl.context.stop();
    }
  }
  for (auto& thread : impl.threads) thread.join();
  impl.threads.clear();
}

std::size_t Server::OpenConnections() const {
  std::lock_guard lock(impl_->shared->mutex);
  return impl_->shared->open.size();
}

}  // namespace reparto::http
