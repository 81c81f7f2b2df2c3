// The server's view of one HTTP exchange, in plain standard types: what a handler receives and
// returns. Beast types stay inside src/http's server files; handlers (src/api) and their tests
// never see them.
//
// Units: `status` is the HTTP status code; bodies are bytes (UTF-8 JSON, CSV, XLSX, PDF, ...).
//
//   Response Hello(const Request& request) {
//     return JsonResponse(200, R"({"hello":"world"})");
//   }
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reparto::http {

struct Request {
  std::string method;                              // "GET", "POST", ... (upper case)
  std::string path;                                // decoded path, no query ("/api/me")
  std::map<std::string, std::string> query;        // decoded query parameters
  std::map<std::string, std::string> path_params;  // filled by the Router ("{community}")
  std::map<std::string, std::string> headers;      // names lower case
  std::map<std::string, std::string> cookies;      // from the Cookie header
  std::string body;
  std::string remote_address;  // peer IP, for rate limiting and logs
  // The path as received, still percent-encoded ("/api/x/a%2Fb"); the Router splits this one
  // into segments before decoding (so an encoded "/" stays inside a parameter). Empty when a
  // Request is built by hand: the Router then uses `path`.
  std::string raw_path;

  // The header's value, or "" when absent. `name` lower case.
  const std::string& Header(const std::string& name) const;
  // The query parameter's value, or "" when absent.
  const std::string& Query(const std::string& name) const;
  const std::string& Param(const std::string& name) const;
};

// A live stream of Server-Sent Events. The server writes `retry`/headers, then calls `Start`
// once with a sink; the stream pushes event texts ("event: live\ndata: {...}\n\n") through it
// from any thread until the client goes away (the sink then returns false) or `Stop` is called.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // `send` returns false once the connection is closed; never call it after that.
  virtual void Start(std::function<bool(std::string event_text)> send) = 0;
  virtual void Stop() = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, sent instead of `body`: an answer kept in a cache and shared by every request that
  // gets it, never copied.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra: Set-Cookie, ...
  // Set for a download: `Content-Disposition: attachment; filename="..."`.
  std::string download_name;
  // Set for Server-Sent Events instead of `body`.
  std::shared_ptr<EventStream> events;

  // The bytes sent: `shared_body` when set, else `body`.
  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : body; }
};

Response JsonResponse(int status, std::string json_body);
// {"error":{"code":"not_found","message":"..."}}: the message is for people, never a stack
// trace or SQL.
Response JsonError(int status, std::string_view code, std::string_view message);
Response FileResponse(std::string content_type, std::string body, std::string download_name);

// `text` as a JSON string literal with its quotes: "a\"b" for a"b; control characters as \u00XX.
// Bytes >= 0x80 are copied as they are (the text is expected to be UTF-8).
std::string JsonString(std::string_view text);

}  // namespace reparto::http
