// A tiny blocking HTTP/1.1 client on raw POSIX sockets for the server tests: it sends whatever
// bytes a test gives it (hostile ones included) and reads responses with Content-Length bodies,
// or event streams line by line. Every read has a timeout, so a broken server fails a test
// instead of hanging it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace reparto::http::test_client {

struct TestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower case
  std::string body;
  const std::string& Header(const std::string& name) const {
    static const std::string kEmpty;
    auto it = headers.find(name);
    return it == headers.end() ? kEmpty : it->second;
  }
};

class TestConnection {
 public:
  explicit TestConnection(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) Close();
  }
  ~TestConnection() { Close(); }
  TestConnection(const TestConnection&) = delete;
  TestConnection& operator=(const TestConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  bool Send(std::string_view bytes) {
    while (!bytes.empty() && fd_ >= 0) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return fd_ >= 0;
  }

  // Reads one response (Content-Length body, or the rest of the stream without one).
  std::optional<TestResponse> ReadResponse(
      std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t end;
    while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill(deadline)) return std::nullopt;
    }
    std::string head = pending_.substr(0, end);
    pending_.erase(0, end + 4);
    TestResponse response;
    std::size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (status_line.size() < 12) return std::nullopt;
    response.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      std::size_t next = head.find("\r\n", pos);
      if (next == std::string::npos) next = head.size();
      std::string line = head.substr(pos, next - pos);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        auto [it, inserted] = response.headers.emplace(name, value);
        if (!inserted) it->second += ", " + value;
      }
      pos = next + 2;
    }
    bool bodyless = response.status == 204 || response.status == 304 || head_request_;
    head_request_ = false;
    if (bodyless) return response;
    if (response.headers.count("content-length")) {
      std::size_t length = std::stoul(response.headers["content-length"]);
      while (pending_.size() < length) {
        if (!Fill(deadline)) return std::nullopt;
      }
      response.body = pending_.substr(0, length);
      pending_.erase(0, length);
    } else if (response.Header("content-type") != "text/event-stream") {
      while (Fill(deadline)) {
      }
      response.body = std::move(pending_);
      pending_.clear();
    }
    return response;
  }

  // The next response is to a HEAD request (no body follows its Content-Length).
  void ExpectHeadResponse() { head_request_ = true; }

  // Reads until `delimiter` and returns everything up to and including it ("" on timeout or
  // close).
  std::string ReadUntil(std::string_view delimiter,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t at;
    while ((at = pending_.find(delimiter)) == std::string::npos) {
      if (!Fill(deadline)) return "";
    }
    std::string out = pending_.substr(0, at + delimiter.size());
    pending_.erase(0, at + delimiter.size());
    return out;
  }

  // True when the server closes the connection within `timeout` (bytes it sends are dropped).
  bool WaitClosed(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (fd_ >= 0) {
      int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      deadline - std::chrono::steady_clock::now())
                                      .count());
      if (left <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, left) <= 0) return false;
      char buffer[4096];
      ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return true;
    }
    return true;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  // Reads more bytes into pending_; false on timeout, error or end of stream.
  bool Fill(std::chrono::steady_clock::time_point deadline) {
    if (fd_ < 0) return false;
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                                    .count());
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, left) <= 0) return false;
    char buffer[16384];
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string pending_;
  bool head_request_ = false;
};

// "GET <target> HTTP/1.1" with a Host header and `extra` header lines ("Name: value\r\n").
inline std::string RequestText(std::string_view method, std::string_view target,
                               std::string_view extra = "", std::string_view body = "") {
  std::string text = std::string(method) + " " + std::string(target) +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(extra);
  if (!body.empty() || method == "POST" || method == "PUT") {
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  text += "\r\n";
  text += body;
  return text;
}

// One request on a fresh connection.
inline std::optional<TestResponse> Fetch(std::uint16_t port, std::string_view method,
                                         std::string_view target, std::string_view extra = "",
                                         std::string_view body = "") {
  TestConnection connection(port);
  if (!connection.Send(RequestText(method, target, extra, body))) return std::nullopt;
  if (method == "HEAD") connection.ExpectHeadResponse();
  return connection.ReadResponse();
}

}  // namespace reparto::http::test_client
