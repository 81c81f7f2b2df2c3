// The server over real sockets on 127.0.0.1 (port 0): JSON round trips, keep-alive, size
// limits, hostile request lines and headers, HTTP versions (1.1 and 1.0 answered, others 505),
// static files (path traversal, single-page fallback, content types), security headers, slow
// clients and Stop.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "http/message.h"
#include "http/router.h"
#include "test_client.h"

namespace reparto::http {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test_client::Fetch;
using test_client::RequestText;
using test_client::TestConnection;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("reparto_http_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "dist";
    WriteFile(root_ / "index.html", "<!doctype html><title>reparto</title>");
    WriteFile(root_ / "assets" / "app-1a2b3c.js", "console.log(1)");
    WriteFile(root_ / "assets" / "app-1a2b3c.css", "body{}");
    WriteFile(root_ / "logo.svg", "<svg/>");
    WriteFile(root_ / "favicon.ico", "ico");
    WriteFile(root_ / "fonts" / "inter.woff2", "woff2");
    WriteFile(root_ / ".env", "SECRET=1");
    WriteFile(base_ / "secret.txt", "TOP SECRET");
    fs::create_symlink(base_ / "secret.txt", root_ / "leak.txt");
    fs::create_directory_symlink(base_, root_ / "up");

    router_.Add("GET", "/api/health",
                [](Request&) { return JsonResponse(200, R"({"status":"ok"})"); });
    router_.Add("GET", "/api/echo/{name}", [](Request& request) {
      return JsonResponse(200, "{\"name\":" + JsonString(request.Param("name")) +
                                   ",\"q\":" + JsonString(request.Query("q")) +
                                   ",\"cookie\":" + JsonString(request.cookies["session"]) +
                                   ",\"agent\":" + JsonString(request.Header("x-agent")) + "}");
    });
    router_.Add("POST", "/api/body", [this](Request& request) {
      ++body_handler_runs_;
      return JsonResponse(200, "{\"bytes\":" + std::to_string(request.body.size()) + "}");
    });
    router_.Add("POST", "/api/imports", [this](Request& request) {
      ++body_handler_runs_;
      return JsonResponse(200, "{\"bytes\":" + std::to_string(request.body.size()) + "}");
    });
    router_.SetBodyLimit("POST", "/api/imports", 25u << 20);
    router_.Add("GET", "/api/download",
                [](Request&) { return FileResponse("text/plain", "x", "ES0021 ñ.txt"); });
    router_.Add("GET", "/api/shared", [this](Request&) {
      Response response = JsonResponse(200, "");
      response.shared_body = shared_;
      return response;
    });
    router_.Add("GET", "/api/slow", [](Request&) {
      std::this_thread::sleep_for(300ms);
      return JsonResponse(200, "{}");
    });
  }

  void TearDown() override {
    server_.reset();
    fs::remove_all(base_);
  }

  std::uint16_t StartServer(ServerOptions options = {}) {
    options.web_root = root_.string();
    options.threads = 2;
    server_ = std::make_unique<Server>(options, router_);
    Status status = server_->Start();
    EXPECT_TRUE(status.ok()) << status.message();
    return server_->port();
  }

  fs::path base_, root_;
  // A cached answer of 300 kB (larger than one socket write) shared by every request.
  std::shared_ptr<const std::string> shared_ = [] {
    std::string text = "[0";
    for (int i = 1; text.size() < 300'000; ++i) text += "," + std::to_string(i);
    return std::make_shared<const std::string>(text + "]");
  }();
  Router router_;
  std::atomic<int> body_handler_runs_{0};
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, GetJsonRoundTripWithDecodedParamsQueryCookiesHeaders) {
  std::uint16_t port = StartServer();
  ASSERT_NE(port, 0);
  auto response = Fetch(port, "GET", "/api/echo/caf%C3%A9?q=a+b%26c&x=1",
                        "Cookie: theme=dark; session=tok123\r\nX-Agent: test\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("content-type"), "application/json");
  EXPECT_EQ(response->body, R"({"name":"café","q":"a b&c","cookie":"tok123","agent":"test"})");
  EXPECT_EQ(response->Header("cache-control"), "no-store");
}

TEST_F(ServerTest, SharedBodiesAreSentWholeToEveryRequestAndHeadGetsTheirLength) {
  std::uint16_t port = StartServer();
  TestConnection connection(port);
  for (int i = 0; i < 3; ++i) {  // the same bytes each time, on one kept-alive connection
    ASSERT_TRUE(connection.Send(RequestText("GET", "/api/shared")));
    auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->Header("content-length"), std::to_string(shared_->size()));
    EXPECT_EQ(response->body, *shared_);
  }
  connection.ExpectHeadResponse();
  ASSERT_TRUE(connection.Send(RequestText("HEAD", "/api/shared")));
  auto head = connection.ReadResponse();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->Header("content-length"), std::to_string(shared_->size()));
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  std::uint16_t port = StartServer();
  for (const char* target : {"/api/health", "/", "/api/missing", "/assets/app-1a2b3c.js"}) {
    auto response = Fetch(port, "GET", target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(response->Header("referrer-policy"), "same-origin") << target;
    EXPECT_EQ(response->Header("x-frame-options"), "DENY") << target;
    const std::string& csp = response->Header("content-security-policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
    EXPECT_NE(csp.find("img-src 'self' data:"), std::string::npos) << target;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(response->headers.count("server"), 0u) << target;
  }
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  std::uint16_t port = StartServer();
  TestConnection connection(port);
  ASSERT_TRUE(connection.Send(RequestText("GET", "/api/health")));
  auto first = connection.ReadResponse();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, R"({"status":"ok"})");
  ASSERT_TRUE(connection.Send(RequestText("GET", "/api/echo/two")));
  auto second = connection.ReadResponse();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_NE(second->body.find("\"two\""), std::string::npos);
  // Two pipelined requests in one write are answered in order.
  ASSERT_TRUE(
      connection.Send(RequestText("GET", "/api/echo/a") + RequestText("GET", "/api/echo/b")));
  auto a = connection.ReadResponse();
  auto b = connection.ReadResponse();
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->body.find("\"a\""), std::string::npos);
  EXPECT_NE(b->body.find("\"b\""), std::string::npos);
}

TEST_F(ServerTest, BodyOverTheLimitIs413AndTheHandlerNeverRuns) {
  ServerOptions options;
  options.limits.max_body_bytes = 1024;
  std::uint16_t port = StartServer(options);
  auto ok = Fetch(port, "POST", "/api/body", "", std::string(1024, 'x'));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, R"({"bytes":1024})");
  EXPECT_EQ(body_handler_runs_, 1);

  auto large = Fetch(port, "POST", "/api/body", "", std::string(1025, 'x'));
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_NE(large->body.find("\"too_large\""), std::string::npos);
  // Chunked bodies are counted too.
  std::string chunked =
      "POST /api/body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "400\r\n" +
      std::string(1024, 'y') + "\r\n10\r\n" + std::string(16, 'z') + "\r\n0\r\n\r\n";
  TestConnection connection(port);
  ASSERT_TRUE(connection.Send(chunked));
  auto chunked_response = connection.ReadResponse();
  ASSERT_TRUE(chunked_response);
  EXPECT_EQ(chunked_response->status, 413);
  EXPECT_EQ(body_handler_runs_, 1);
}

TEST_F(ServerTest, DefaultLimitRefusesTwoMegabytesButUploadPathTakesFive) {
  std::uint16_t port = StartServer();
  auto refused = Fetch(port, "POST", "/api/body", "", std::string(2u << 20, 'x'));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  auto accepted = Fetch(port, "POST", "/api/imports", "", std::string(5u << 20, 'x'));
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200);
  EXPECT_EQ(accepted->body, "{\"bytes\":" + std::to_string(5u << 20) + "}");
  // Expect: 100-continue gets its interim answer before the body is sent.
  TestConnection connection(port);
  ASSERT_TRUE(
      connection.Send("POST /api/imports HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: "
                      "100-continue\r\n\r\n"));
  EXPECT_EQ(connection.ReadUntil("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(connection.Send("abc"));
  auto after = connection.ReadResponse();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body, R"({"bytes":3})");
}

TEST_F(ServerTest, MalformedRequestsGetJson400) {
  std::uint16_t port = StartServer();
  for (std::string bad : {std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"),
                          std::string("GET /api/health HTTP/1.1\r\nHost x\r\n\r\n"),
                          std::string("GET /api/health%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
                          std::string("GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n"),
                          std::string("GET /api/health HTTP/1.1\r\n\r\n"),  // no Host
                          std::string("POST /api/body HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                      "1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")}) {
    TestConnection connection(port);
    ASSERT_TRUE(connection.Send(bad));
    auto response = connection.ReadResponse();
    ASSERT_TRUE(response) << bad;
    EXPECT_EQ(response->status, 400) << bad;
    EXPECT_EQ(response->Header("content-type"), "application/json") << bad;
    EXPECT_NE(response->body.find("\"bad_request\""), std::string::npos) << bad;
    EXPECT_EQ(response->Header("connection"), "close") << bad;
  }
  EXPECT_EQ(body_handler_runs_, 0);
}

TEST_F(ServerTest, HeaderOver8KiBIs431) {
  std::uint16_t port = StartServer();
  TestConnection connection(port);
  ASSERT_TRUE(connection.Send(
      "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n"));
  auto response = connection.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
  // A long request line counts too.
  auto long_target = Fetch(port, "GET", "/api/echo/" + std::string(9000, 'b'));
  ASSERT_TRUE(long_target);
  EXPECT_EQ(long_target->status, 431);
}

TEST_F(ServerTest, VersionsOtherThanHttp11And10Are505) {
  std::uint16_t port = StartServer();
  for (std::string line : {"GET /api/health HTTP/2.0\r\n\r\n", "GET /api/health HTTP/0.9\r\n\r\n",
                           "GET /api/health HTTP/1.2\r\nHost: x\r\n\r\n",
                           "GET /api/health HTTP/9\r\nHost: x\r\n\r\n"}) {
    TestConnection connection(port);
    ASSERT_TRUE(connection.Send(line));
    auto response = connection.ReadResponse();
    ASSERT_TRUE(response) << line;
    EXPECT_EQ(response->status, 505) << line;
    EXPECT_NE(response->body.find("HTTP/1.1 and HTTP/1.0"), std::string::npos) << line;
  }
}

// HTTP/1.0 (ApacheBench, health checks, curl -0): answered without a Host header, with a
// Content-Length body, and the connection closes after the response.
TEST_F(ServerTest, Http10IsAnsweredAndTheConnectionCloses) {
  std::uint16_t port = StartServer();
  TestConnection connection(port);
  ASSERT_TRUE(connection.Send("GET /api/health HTTP/1.0\r\n\r\n"));
  std::string head = connection.ReadUntil("\r\n");
  EXPECT_EQ(head, "HTTP/1.1 200 OK\r\n");
  std::string rest = connection.ReadUntil("\r\n\r\n");
  EXPECT_NE(rest.find("Connection: close\r\n"), std::string::npos) << rest;
  EXPECT_NE(rest.find("Content-Length: 15\r\n"), std::string::npos) << rest;
  EXPECT_EQ(rest.find("Transfer-Encoding"), std::string::npos) << rest;
  EXPECT_EQ(connection.ReadUntil("}"), R"({"status":"ok"})");
  EXPECT_TRUE(connection.WaitClosed(2000ms));
  // Static files and HEAD too.
  TestConnection page(port);
  ASSERT_TRUE(page.Send("HEAD /logo.svg HTTP/1.0\r\n\r\n"));
  page.ExpectHeadResponse();
  auto response = page.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("content-length"), "6");
  EXPECT_TRUE(page.WaitClosed(2000ms));
}

TEST_F(ServerTest, Http10KeepAliveKeepsTheConnectionAndSaysSo) {
  std::uint16_t port = StartServer();
  TestConnection connection(port);
  const std::string request =
      "GET /api/echo/one HTTP/1.0\r\nConnection: keep-alive\r\nCookie: session=s1\r\n\r\n";
  ASSERT_TRUE(connection.Send(request));
  auto first = connection.ReadResponse();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->Header("connection"), "keep-alive");
  EXPECT_EQ(first->body, R"({"name":"one","q":"","cookie":"s1","agent":""})");
  // The same connection serves a second request; without keep-alive it then closes.
  ASSERT_TRUE(connection.Send("GET /api/echo/two HTTP/1.0\r\n\r\n"));
  auto second = connection.ReadResponse();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->Header("connection"), "close");
  EXPECT_NE(second->body.find("\"two\""), std::string::npos);
  EXPECT_TRUE(connection.WaitClosed(2000ms));
}

TEST_F(ServerTest, Http10BodyWithoutInterimContinueAndNoTransferEncoding) {
  std::uint16_t port = StartServer();
  {
    // Expect: 100-continue is ignored for HTTP/1.0: no interim response, just the answer.
    TestConnection connection(port);
    ASSERT_TRUE(connection.Send(
        "POST /api/body HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc"));
    auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"({"bytes":3})");
  }
  EXPECT_EQ(body_handler_runs_, 1);
  // Transfer codings do not exist in HTTP/1.0: a chunked request is malformed.
  TestConnection chunked(port);
  ASSERT_TRUE(chunked.Send(
      "POST /api/body HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
  auto response = chunked.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(body_handler_runs_, 1);
}

TEST_F(ServerTest, PathTraversalNeverLeavesTheWebRoot) {
  std::uint16_t port = StartServer();
  for (std::string target :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/leak.txt", "/up/secret.txt", "/.env",
        "/assets/../../secret.txt"}) {
    auto response = Fetch(port, "GET", target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 404) << target;
    EXPECT_EQ(response->body.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << target;
  }
  // An empty segment is no way out either: "//etc/passwd" is an app route (index.html).
  auto doubled = Fetch(port, "GET", "//etc/passwd");
  ASSERT_TRUE(doubled);
  EXPECT_EQ(doubled->body, "<!doctype html><title>reparto</title>");
}

TEST_F(ServerTest, StaticFilesContentTypesAndCaching) {
  std::uint16_t port = StartServer();
  struct Case {
    const char* target;
    const char* type;
    const char* body;
  };
  for (const Case& c :
       {Case{"/assets/app-1a2b3c.js", "text/javascript; charset=utf-8", "console.log(1)"},
        Case{"/assets/app-1a2b3c.css", "text/css; charset=utf-8", "body{}"},
        Case{"/logo.svg", "image/svg+xml", "<svg/>"}, Case{"/favicon.ico", "image/x-icon", "ico"},
        Case{"/fonts/inter.woff2", "font/woff2", "woff2"},
        Case{"/", "text/html; charset=utf-8", "<!doctype html><title>reparto</title>"}}) {
    auto response = Fetch(port, "GET", c.target);
    ASSERT_TRUE(response) << c.target;
    EXPECT_EQ(response->status, 200) << c.target;
    EXPECT_EQ(response->Header("content-type"), c.type) << c.target;
    EXPECT_EQ(response->body, c.body) << c.target;
  }
  auto asset = Fetch(port, "GET", "/assets/app-1a2b3c.js");
  EXPECT_EQ(asset->Header("cache-control"), "public, max-age=31536000, immutable");
  auto index = Fetch(port, "GET", "/");
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  // The ETag gives a 304 the second time.
  auto again = Fetch(port, "GET", "/assets/app-1a2b3c.js",
                     "If-None-Match: " + asset->Header("etag") + "\r\n");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(again->body, "");
  // HEAD: headers with the length, no body.
  auto head = Fetch(port, "HEAD", "/logo.svg");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "6");
  EXPECT_EQ(head->body, "");
}

TEST_F(ServerTest, SinglePageFallbackServesIndexButMissingFilesAre404) {
  std::uint16_t port = StartServer();
  auto page = Fetch(port, "GET", "/communities/ES0021/members?tab=map");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<!doctype html><title>reparto</title>");
  auto missing = Fetch(port, "GET", "/assets/app-000000.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  // Under /api/ the router answers, never index.html.
  auto api = Fetch(port, "GET", "/api/communities");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(api->Header("content-type"), "application/json");
  // Other methods outside /api/ go to the router: 404 JSON.
  auto post = Fetch(port, "POST", "/index.html", "", "x");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
}

TEST_F(ServerTest, WithoutWebRootThePageSaysHowToBuild) {
  Router router;
  Server server({.web_root = (base_ / "missing").string()}, router);
  ASSERT_TRUE(server.Start().ok());
  auto page = Fetch(server.port(), "GET", "/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("npm ci && npm run build"), std::string::npos);
}

TEST_F(ServerTest, DownloadNameGivesContentDisposition) {
  std::uint16_t port = StartServer();
  auto response = Fetch(port, "GET", "/api/download");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Header("content-disposition"),
            "attachment; filename=\"ES0021 __.txt\"; filename*=UTF-8''ES0021%20%C3%B1.txt");
}

TEST_F(ServerTest, SlowLorisIsDisconnectedAfterTheHeaderTimeout) {
  ServerOptions options;
  options.limits.header_timeout = 1000ms;
  std::uint16_t port = StartServer(options);
  TestConnection connection(port);
  std::string request = RequestText("GET", "/api/health");
  auto start = std::chrono::steady_clock::now();
  bool closed = false;
  // One byte every 200 ms: the whole header would take about 8 s.
  for (std::size_t i = 0; i < request.size() && !closed; ++i) {
    if (!connection.Send(request.substr(i, 1))) break;
    closed = connection.WaitClosed(200ms);
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(closed || connection.WaitClosed(1000ms));
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 3000ms);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options;
  options.limits.idle_timeout = 300ms;
  std::uint16_t port = StartServer(options);
  TestConnection connection(port);
  ASSERT_TRUE(connection.Send(RequestText("GET", "/api/health")));
  ASSERT_TRUE(connection.ReadResponse());
  EXPECT_TRUE(connection.WaitClosed(2000ms));
}

TEST_F(ServerTest, StopWithOpenConnectionsReturnsPromptly) {
  std::uint16_t port = StartServer();
  std::vector<std::unique_ptr<TestConnection>> idle;
  for (int i = 0; i < 20; ++i) idle.push_back(std::make_unique<TestConnection>(port));
  TestConnection half(port);
  ASSERT_TRUE(half.Send("GET /api/health HTTP/1.1\r\nHo"));
  TestConnection busy(port);
  ASSERT_TRUE(busy.Send(RequestText("GET", "/api/slow")));
  std::this_thread::sleep_for(100ms);
  EXPECT_GE(server_->OpenConnections(), 20u);
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
  EXPECT_TRUE(half.WaitClosed(1000ms));
  EXPECT_TRUE(idle.front()->WaitClosed(1000ms));
  EXPECT_FALSE(TestConnection(port).connected());
}

TEST(ServerStartTest, BusyPortIsAnError) {
  Router router;
  Server first({}, router);
  ASSERT_TRUE(first.Start().ok());
  Server second({.port = first.port()}, router);
  Status status = second.Start();
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("cannot listen"), std::string::npos);
  Server bad({.address = "not-an-address"}, router);
  EXPECT_FALSE(bad.Start().ok());
}

}  // namespace
}  // namespace reparto::http
