// One HTTP/1.1 connection (connection.h): reads requests strictly with Beast's request_parser
// (header and body limits, header/body/idle timeouts), converts them to http::Request, answers
// through the Router (/api/...) or the static files, adds the security headers, and streams
// Server-Sent Events with a bounded per-connection queue and heartbeats. Everything of one
// connection runs on its strand.
//
// HTTP/1.0 requests are answered too, with HTTP/1.0 semantics: the connection closes after the
// response unless the request asks for `Connection: keep-alive` (then the response says so),
// no interim 100 Continue, no request body with Transfer-Encoding. Responses are never chunked
// (every body has a Content-Length; an event stream ends with the connection), so the same
// response serves both versions. The status line says HTTP/1.1, the highest version the server
// conforms to (RFC 9110, 2.5). Any other version is 505.
#include "http/connection.h"

#include <algorithm>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <utility>  // before any Asio header with GCC 12 (asio #944)
#include <vector>

#include "http/url.h"

namespace reparto::http::internal {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;
using SharedResponse = bhttp::response<bhttp::span_body<const char>>;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view kHeartbeat = ": ping\n\n";
constexpr std::size_t kFirstReadBytes = 1024;
// After a response that ends the connection, unread request bytes are drained this long so the
// client sees the response rather than a reset.
constexpr std::chrono::milliseconds kLingerTime{1'000};

bool IsApiPath(std::string_view path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool HasLineBreak(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

template <typename Fields>
void SetIfAbsent(Fields& fields, std::string_view name, std::string_view value) {
  if (fields.find(name) == fields.end()) fields.set(name, value);
}

// The headers every response carries (a handler's own values win).
template <typename Fields>
void AddSecurityHeaders(Fields& fields, bool api) {
  SetIfAbsent(fields, "X-Content-Type-Options", "nosniff");
  SetIfAbsent(fields, "Referrer-Policy", "same-origin");
  SetIfAbsent(fields, "X-Frame-Options", "DENY");
  SetIfAbsent(fields, "Content-Security-Policy", kContentSecurityPolicy);
  if (api) SetIfAbsent(fields, "Cache-Control", "no-store");
}

// State the event sink shares with the connection; the sink may outlive the connection (and
// the server), so it holds the connection's strand only until the connection closes.
struct SinkState {
  std::mutex mutex;
  std::optional<beast::tcp_stream::executor_type> executor;  // guarded by mutex; none: closed
  std::atomic<std::size_t> queued_bytes{0};

  void Close() {
    std::lock_guard lock(mutex);
    executor.reset();
  }
};

class Connection : public OpenConnection, public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, std::shared_ptr<ServerShared> shared)
      : stream_(std::move(socket)), shared_(std::move(shared)), heartbeat_(stream_.get_executor()) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  ~Connection() override {
    sink_->Close();
    if (events_) events_->Stop();
    if (!closed_) {
      std::lock_guard lock(shared_->mutex);
      shared_->open.erase(this);
    }
  }

  void Run() {
    {
      std::lock_guard lock(shared_->mutex);
      shared_->open[this] = weak_from_this();
    }
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  void Close() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->DoClose(); });
  }

 private:
  const ServerLimits& limits() const { return shared_->options.limits; }

  // --- Reading a request -------------------------------------------------------------------

  // A kept-alive connection: wait (idle timeout) for the next request's first bytes.
  void WaitForRequest() {
    if (closed_) return;
    if (buffer_.size() > 0) return ReadHeader();  // pipelined request already here
    stream_.expires_after(limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                              if (ec) return self->DoClose();
                              self->buffer_.commit(bytes);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    if (closed_) return;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
    // The largest body any route accepts; the request's own limit is checked once its path is
    // known (OnHeader).
    parser_->body_limit(
        std::max<std::uint64_t>(limits().max_body_bytes, shared_->router.LargestBodyLimit()));
    stream_.expires_after(limits().header_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  // Answers a read error: quietly closes on timeouts and closed sockets, else an error status.
  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) {
      return SendError(431, "header_too_large", "the request header is too large");
    }
    if (ec == bhttp::error::body_limit) {
      return SendError(413, "too_large", "the request body is too large");
    }
    if (ec == bhttp::error::bad_version) return SendVersionError();
    static const beast::error_code kHttpError = bhttp::error::end_of_stream;
    if (ec.category() == kHttpError.category() && ec != bhttp::error::end_of_stream &&
        ec != bhttp::error::partial_message) {
      return SendError(400, "bad_request", "malformed request");
    }
    DoClose();  // timeout, end of stream, reset, aborted
  }

  void OnHeader(beast::error_code ec) {
    if (closed_) return;
    if (ec) return OnReadError(ec);
    const auto& header = parser_->get();
    if (header.version() != 11 && header.version() != 10) return SendVersionError();
    const bool http10 = header.version() == 10;
    std::string_view target = header.target();
    if (target.empty() || target.front() != '/') {
      return SendError(400, "bad_request", "the request target must be a path");
    }
    // HTTP/1.0 has no Host requirement and no transfer codings (RFC 9112, 3.2 and 6.1).
    if (!http10 && header.find(bhttp::field::host) == header.end()) {
      return SendError(400, "bad_request", "the Host header is missing");
    }
    if (http10 && header.find(bhttp::field::transfer_encoding) != header.end()) {
      return SendError(400, "bad_request", "HTTP/1.0 requests cannot use Transfer-Encoding");
    }
    std::string_view raw_path = target.substr(0, target.find('?'));
    std::uint64_t limit = shared_->router.BodyLimit(header.method_string(), raw_path)
                              .value_or(limits().max_body_bytes);
    if (auto length = parser_->content_length(); length && *length > limit) {
      return SendError(413, "too_large", "the request body is too large");
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) return OnRequest();
    // An HTTP/1.0 client does not know 100 Continue: its expectation is ignored.
    auto expect = header.find(bhttp::field::expect);
    if (!http10 && expect != header.end() && Lower(expect->value()) == "100-continue") {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(limits().write_timeout);
      return net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                              [self = shared_from_this()](beast::error_code e, std::size_t) {
                                if (e) return self->DoClose();
                                self->ReadBody();
                              });
    }
    ReadBody();
  }

  void ReadBody() {
    if (closed_) return;
    stream_.expires_after(limits().body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (self->closed_) return;
                        if (ec) return self->OnReadError(ec);
                        self->OnRequest();
                      });
  }

  // --- Answering ---------------------------------------------------------------------------

  // Beast request -> http::Request; nullopt (and a 400 sent) when the path or query is bad.
  std::optional<Request> Convert(BeastRequest& beast_request) {
    Request request;
    request.method = std::string(beast_request.method_string());
    std::string_view target = beast_request.target();
    std::size_t question = target.find('?');
    request.raw_path = std::string(target.substr(0, question));
    auto path = PercentDecode(request.raw_path, /*plus_is_space=*/false);
    auto query = ParseQuery(question == std::string_view::npos ? std::string_view()
                                                               : target.substr(question + 1));
    if (!path || !query) return std::nullopt;
    request.path = std::move(*path);
    request.query = std::move(*query);
    for (const auto& field : beast_request) {
      std::string name = Lower(field.name_string());
      std::string_view value = field.value();
      auto [it, inserted] = request.headers.emplace(name, std::string(value));
      if (!inserted) {
        it->second += name == "cookie" ? "; " : ", ";
        it->second += value;
      }
    }
    if (auto cookie = request.headers.find("cookie"); cookie != request.headers.end()) {
      request.cookies = ParseCookies(cookie->second);
    }
    request.body = std::move(beast_request.body());
    request.remote_address = remote_;
    return request;
  }

  Response Handle(Request& request) {
    try {
      if (IsApiPath(request.path) || (request.method != "GET" && request.method != "HEAD")) {
        return shared_->router.Dispatch(request);
      }
      return shared_->static_files.Serve(request);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "reparto serve: %s %s: %s\n", request.method.c_str(),
                   request.path.c_str(), e.what());
    } catch (...) {
    }
    return JsonError(500, "internal", "internal error; the server log says more");
  }

  void OnRequest() {
    auto started = std::chrono::steady_clock::now();
    BeastRequest beast_request = parser_->release();
    parser_.reset();
    // HTTP/1.1: unless `Connection: close`; HTTP/1.0: only with `Connection: keep-alive`.
    bool keep_alive = beast_request.keep_alive();
    const bool http10 = beast_request.version() == 10;
    std::string target(beast_request.target());
    auto request = Convert(beast_request);
    if (!request) return SendError(400, "bad_request", "malformed percent-encoding");
    Response response = Handle(*request);
    if (shared_->options.access_log) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
      std::fprintf(stderr, "%s \"%s %s\" %d %zu %lldms\n", remote_.c_str(), request->method.c_str(),
                   target.c_str(), response.status, response.Body().size(),
                   static_cast<long long>(ms));
    }
    bool api = IsApiPath(request->path);
    if (response.events && response.status == 200) {
      return StartEvents(std::move(response), api);
    }
    Send(std::move(response), keep_alive, request->method == "HEAD", api, http10);
  }

  void SendError(int status, std::string_view code, std::string_view message) {
    Send(JsonError(status, code, message), /*keep_alive=*/false, /*head=*/false, /*api=*/true,
         /*http10=*/false);
  }

  void SendVersionError() {
    SendError(505, "http_version", "only HTTP/1.1 and HTTP/1.0 are supported");
  }

  // `http10`: the request was HTTP/1.0, so a kept-alive connection must say so explicitly.
  void Send(Response response, bool keep_alive, bool head, bool api, bool http10) {
    if (closed_) return;
    auto out = std::make_shared<BeastResponse>();
    int status = response.status >= 100 && response.status <= 599 ? response.status : 500;
    out->result(static_cast<unsigned>(status));
    out->version(11);
    bool no_body = status == 204 || status == 304 || status < 200;
    if (!no_body || status == 304) out->set(bhttp::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) {
      if (name.empty() || HasLineBreak(name) || HasLineBreak(value)) continue;  // no injection
      out->insert(name, value);
    }
    if (!response.download_name.empty()) {
      out->set(bhttp::field::content_disposition, ContentDisposition(response.download_name));
    }
    AddSecurityHeaders(*out, api);
    out->keep_alive(keep_alive);  // 1.1 message: `Connection: close` or nothing
    if (keep_alive && http10) out->set(bhttp::field::connection, "keep-alive");
    if (no_body) {
      out->body().clear();
    } else if (head) {
      out->content_length(response.Body().size());
    } else if (response.shared_body) {
      // A cached body: written from the shared string itself, kept alive until written.
      auto shared = std::make_shared<SharedResponse>(std::move(out->base()));
      shared->body() = {response.shared_body->data(), response.shared_body->size()};
      shared->prepare_payload();
      return Write(std::move(shared), keep_alive, std::move(response.shared_body));
    } else {
      out->body() = std::move(response.body);
      out->prepare_payload();
    }
    Write(std::move(out), keep_alive, nullptr);
  }

  // Writes `out`; `keep` lives until the write ends (the bytes a span body points into).
  template <class Message>
  void Write(std::shared_ptr<Message> out, bool keep_alive, std::shared_ptr<const void> keep) {
    stream_.expires_after(limits().write_timeout);
    Message& message = *out;
    bhttp::async_write(stream_, message,
                       [self = shared_from_this(), out = std::move(out), keep = std::move(keep),
                        keep_alive](beast::error_code ec, std::size_t) {
                         if (self->closed_) return;
                         if (ec) return self->DoClose();
                         if (!keep_alive) return self->LingeringClose();
                         self->WaitForRequest();
                       });
  }

  // --- Server-Sent Events ------------------------------------------------------------------

  void StartEvents(Response response, bool api) {
    events_ = std::move(response.events);
    auto header = std::make_shared<bhttp::response<bhttp::empty_body>>();
    header->result(bhttp::status::ok);
    header->version(11);
    header->set(bhttp::field::content_type, "text/event-stream");
    header->set(bhttp::field::cache_control, "no-store");
    header->set("X-Accel-Buffering", "no");
    for (const auto& [name, value] : response.headers) {
      if (name.empty() || HasLineBreak(name) || HasLineBreak(value)) continue;
      header->insert(name, value);
    }
    AddSecurityHeaders(*header, api);
    header->keep_alive(false);  // the stream ends with the connection
    buffer_.clear();
    buffer_.shrink_to_fit();
    stream_.expires_after(limits().write_timeout);
    bhttp::async_write(stream_, *header,
                       [self = shared_from_this(), header](beast::error_code ec, std::size_t) {
                         if (self->closed_) return;
                         if (ec) return self->DoClose();
                         self->OnEventsStarted();
                       });
  }

  void OnEventsStarted() {
    if (closed_) return;
    // Any byte or the end of the stream from the client ends it: that is how a closed browser
    // tab is noticed without waiting for a failed write.
    stream_.expires_never();
    stream_.async_read_some(
        net::buffer(discard_),
        [self = shared_from_this()](beast::error_code, std::size_t) { self->DoClose(); });
    ScheduleHeartbeat();
    {
      std::lock_guard lock(sink_->mutex);
      sink_->executor.emplace(stream_.get_executor());
    }
    std::weak_ptr<Connection> weak = weak_from_this();
    std::size_t max_queued = limits().max_event_queue_bytes;
    events_->Start([weak, sink = sink_, max_queued](std::string text) {
      std::lock_guard lock(sink->mutex);
      if (!sink->executor) return false;
      std::size_t queued = sink->queued_bytes.fetch_add(text.size()) + text.size();
      if (queued > max_queued) {  // a client that does not read: drop it
        net::post(*sink->executor, [weak] {
          if (auto self = weak.lock()) self->DoClose();
        });
        sink->executor.reset();
        return false;
      }
      net::post(*sink->executor, [weak, text = std::move(text)]() mutable {
        if (auto self = weak.lock()) self->Enqueue(std::move(text));
      });
      return true;
    });
  }

  void ScheduleHeartbeat() {
    heartbeat_.expires_after(limits().heartbeat_interval);
    heartbeat_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      auto self = weak.lock();
      if (ec || !self || self->closed_) return;
      self->sink_->queued_bytes += kHeartbeat.size();
      self->Enqueue(std::string(kHeartbeat));
      self->ScheduleHeartbeat();
    });
  }

  // On the strand; `text`'s size is already counted in queued_bytes.
  void Enqueue(std::string text) {
    if (closed_) return;
    queue_.push_back(std::move(text));
    if (!writing_) WriteNext();
  }

  void WriteNext() {
    if (closed_ || queue_.empty()) {
      writing_ = false;
      return;
    }
    writing_ = true;
    stream_.expires_after(limits().write_timeout);
    net::async_write(stream_, net::buffer(queue_.front()),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (self->closed_) return;
                       if (ec) return self->DoClose();
                       self->sink_->queued_bytes -= self->queue_.front().size();
                       self->queue_.pop_front();
                       self->WriteNext();
                     });
  }

  // --- Closing -----------------------------------------------------------------------------

  // Ends our side, then reads and drops what the client still sends (for up to kLingerTime)
  // before closing.
  void LingeringClose() {
    if (closed_) return;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return DoClose();
    buffer_.clear();
    drain_.resize(16 * 1024);
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec || self->closed_) return self->DoClose();
                              self->Drain();
                            });
  }

  void DoClose() {
    if (closed_) return;
    closed_ = true;
    sink_->Close();
    heartbeat_.cancel();
    if (events_) {
      events_->Stop();
      events_.reset();
    }
    queue_.clear();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
    std::lock_guard lock(shared_->mutex);
    shared_->open.erase(this);
  }

  beast::tcp_stream stream_;
  std::shared_ptr<ServerShared> shared_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool closed_ = false;

  // Event streams.
  std::shared_ptr<EventStream> events_;
  std::shared_ptr<SinkState> sink_ = std::make_shared<SinkState>();
  net::steady_timer heartbeat_;
  std::deque<std::string> queue_;
  bool writing_ = false;
  char discard_[16];
  std::vector<char> drain_;  // only while lingering
};

}  // namespace

void StartConnection(tcp::socket socket, std::shared_ptr<ServerShared> shared) {
  std::make_shared<Connection>(std::move(socket), std::move(shared))->Run();
}

}  // namespace reparto::http::internal
