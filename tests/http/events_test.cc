// Server-Sent Events: the EventHub alone (topics, transforms, retained texts, closed sinks), then
// through the server over real sockets (order, heartbeats, client gone, slow client dropped,
// 200 clients receiving one broadcast).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

#include "http/event_hub.h"
#include "http/router.h"
#include "http/server.h"
#include "test_client.h"

namespace reparto::http {
namespace {

using namespace std::chrono_literals;
using test_client::RequestText;
using test_client::TestConnection;

// Waits up to two seconds for `condition`.
template <typename Condition>
bool Eventually(Condition condition) {
  auto deadline = std::chrono::steady_clock::now() + 2s;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

struct Collected {
  std::mutex mutex;
  std::vector<std::string> texts;
  bool open = true;
  std::function<bool(std::string)> Sink() {
    return [this](std::string text) {
      std::lock_guard lock(mutex);
      if (!open) return false;
      texts.push_back(std::move(text));
      return true;
    };
  }
};

TEST(SseFrameTest, SplitsDataLines) {
  EXPECT_EQ(SseFrame("live", R"({"w":5})"), "event: live\ndata: {\"w\":5}\n\n");
  EXPECT_EQ(SseFrame("", "a\nb"), "data: a\ndata: b\n\n");
}

TEST(EventHubTest, TopicsTransformsAndRetainedTexts) {
  EventHub hub;
  hub.Publish("live/c1", "old", /*retain=*/true);
  hub.Publish("live/c1", "not retained");
  Collected all, filtered, other;
  auto a = hub.Subscribe({"live/c1"});
  auto b = hub.Subscribe({"live/c1", "live/c1"}, [](const std::string& text) {
    return text.find("p7") != std::string::npos ? std::optional<std::string>("mine: " + text)
                                                : std::nullopt;
  });
  auto c = hub.Subscribe({"live/c2"});
  EXPECT_EQ(hub.Publish("live/c1", "before start"), 0u);  // not started yet: nothing
  a->Start(all.Sink());
  b->Start(filtered.Sink());
  c->Start(other.Sink());
  EXPECT_EQ(hub.StreamCount(), 3u);
  EXPECT_EQ(hub.Publish("live/c1", "p7=1"), 2u);
  EXPECT_EQ(hub.Publish("live/c1", "p8=2"), 1u);
  EXPECT_EQ(hub.Publish("live/c2", "c2"), 1u);
  EXPECT_EQ(all.texts, (std::vector<std::string>{"old", "p7=1", "p8=2"}));
  EXPECT_EQ(filtered.texts, (std::vector<std::string>{"mine: p7=1"}));  // "old" filtered out
  EXPECT_EQ(other.texts, (std::vector<std::string>{"c2"}));

  // A sink that says the connection is gone unsubscribes its stream.
  {
    std::lock_guard lock(all.mutex);
    all.open = false;
  }
  EXPECT_EQ(hub.Publish("live/c1", "p7=3"), 1u);
  EXPECT_EQ(hub.StreamCount(), 2u);
  b->Stop();
  c->Stop();
  c->Stop();  // twice is harmless
  EXPECT_EQ(hub.StreamCount(), 0u);
  EXPECT_EQ(hub.Publish("live/c1", "p7=4"), 0u);
  EXPECT_EQ(filtered.texts.size(), 2u);
}

TEST(EventHubTest, StreamOutlivingTheHubIsHarmless) {
  std::shared_ptr<EventStream> stream;
  Collected sink;
  {
    EventHub hub;
    stream = hub.Subscribe({"t"});
    stream->Start(sink.Sink());
  }
  stream->Stop();
  SUCCEED();
}

// A stream that records what the server does with it.
class RecordingStream : public EventStream {
 public:
  void Start(std::function<bool(std::string)> send) override {
    std::lock_guard lock(mutex_);
    send_ = std::move(send);
    started = true;
  }
  void Stop() override { stopped = true; }
  bool Send(std::string text) {
    std::lock_guard lock(mutex_);
    return send_ && send_(std::move(text));
  }
  std::atomic<bool> started{false};
  std::atomic<bool> stopped{false};

 private:
  std::mutex mutex_;
  std::function<bool(std::string)> send_;
};

class EventsServerTest : public ::testing::Test {
 protected:
  std::uint16_t Start(ServerLimits limits = {}) {
    router_.Add("GET", "/api/live", [this](Request&) {
      Response response;
      response.events = hub_.Subscribe({"live"});
      return response;
    });
    router_.Add("GET", "/api/recorded", [this](Request&) {
      Response response;
      response.events = recorded_;
      return response;
    });
    ServerOptions options;
    options.threads = 2;
    options.limits = limits;
    server_ = std::make_unique<Server>(options, router_);
    EXPECT_TRUE(server_->Start().ok());
    return server_->port();
  }

  // Opens a stream and reads its response header.
  std::unique_ptr<TestConnection> Open(std::uint16_t port, const char* target = "/api/live") {
    auto connection = std::make_unique<TestConnection>(port);
    EXPECT_TRUE(connection->Send(RequestText("GET", target)));
    auto header = connection->ReadResponse();
    EXPECT_TRUE(header);
    if (header) {
      EXPECT_EQ(header->status, 200);
      EXPECT_EQ(header->Header("content-type"), "text/event-stream");
      EXPECT_EQ(header->Header("cache-control"), "no-store");
      EXPECT_EQ(header->Header("x-accel-buffering"), "no");
      EXPECT_EQ(header->Header("x-content-type-options"), "nosniff");
    }
    return connection;
  }

  EventHub hub_;
  std::shared_ptr<RecordingStream> recorded_ = std::make_shared<RecordingStream>();
  Router router_;
  std::unique_ptr<Server> server_;
};

TEST_F(EventsServerTest, ClientReceivesPublishedEventsInOrder) {
  std::uint16_t port = Start();
  auto client = Open(port);
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == 1; }));
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    std::string frame = SseFrame("live", "{\"n\":" + std::to_string(i) + "}");
    expected += frame;
    EXPECT_EQ(hub_.Publish("live", frame), 1u);
  }
  std::string received;
  while (received.size() < expected.size()) {
    std::string frame = client->ReadUntil("\n\n");
    ASSERT_FALSE(frame.empty()) << received;
    received += frame;
  }
  EXPECT_EQ(received, expected);
}

// An HTTP/1.0 client gets the same stream: no chunked encoding, no Content-Length, the events
// as they are until the connection closes.
TEST_F(EventsServerTest, Http10ClientReceivesTheStreamUnchunked) {
  std::uint16_t port = Start();
  TestConnection client(port);
  ASSERT_TRUE(client.Send("GET /api/live HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n"));
  std::string head = client.ReadUntil("\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("Content-Type: text/event-stream\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("Connection: close\r\n"), std::string::npos) << head;
  EXPECT_EQ(head.find("Transfer-Encoding"), std::string::npos) << head;
  EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == 1; }));
  const std::string frame = SseFrame("live", R"({"n":1})");
  EXPECT_EQ(hub_.Publish("live", frame), 1u);
  EXPECT_EQ(client.ReadUntil("\n\n"), "event: live\ndata: {\"n\":1}\n\n");
  client.Close();
  EXPECT_TRUE(Eventually([&] { return hub_.StreamCount() == 0; }));
}

TEST_F(EventsServerTest, HeartbeatComments) {
  ServerLimits limits;
  limits.heartbeat_interval = 100ms;
  std::uint16_t port = Start(limits);
  auto client = Open(port);
  EXPECT_EQ(client->ReadUntil("\n\n", 2000ms), ": ping\n\n");
  EXPECT_EQ(client->ReadUntil("\n\n", 2000ms), ": ping\n\n");
}

TEST_F(EventsServerTest, ClosingTheClientStopsTheStreamAndTheSinkSaysFalse) {
  std::uint16_t port = Start();
  auto client = Open(port, "/api/recorded");
  ASSERT_TRUE(Eventually([&] { return recorded_->started.load(); }));
  EXPECT_TRUE(recorded_->Send("data: 1\n\n"));
  EXPECT_EQ(client->ReadUntil("\n\n"), "data: 1\n\n");
  client->Close();
  EXPECT_TRUE(Eventually([&] { return recorded_->stopped.load(); }));
  EXPECT_FALSE(recorded_->Send("data: 2\n\n"));
  EXPECT_TRUE(Eventually([&] { return server_->OpenConnections() == 0; }));
}

TEST_F(EventsServerTest, HubStreamEndsWithItsClient) {
  std::uint16_t port = Start();
  auto client = Open(port);
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == 1; }));
  client->Close();
  EXPECT_TRUE(Eventually([&] { return hub_.StreamCount() == 0; }));
}

TEST_F(EventsServerTest, SlowClientIsDroppedWhenItsQueueIsFull) {
  ServerLimits limits;
  limits.max_event_queue_bytes = 64 * 1024;
  std::uint16_t port = Start(limits);
  auto client = Open(port);  // never reads again
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == 1; }));
  std::string big = SseFrame("live", std::string(32 * 1024, 'x'));
  bool dropped = false;
  // Loopback socket buffers hold a few megabytes; beyond that the queue fills up.
  for (int i = 0; i < 2000 && !dropped; ++i) dropped = hub_.Publish("live", big) == 0;
  EXPECT_TRUE(dropped);
  EXPECT_TRUE(Eventually([&] { return hub_.StreamCount() == 0; }));
  EXPECT_TRUE(client->WaitClosed(5000ms));
}

TEST_F(EventsServerTest, TwoHundredClientsReceiveOneBroadcast) {
  std::uint16_t port = Start();
  constexpr int kClients = 200;
  std::vector<std::unique_ptr<TestConnection>> clients;
  for (int i = 0; i < kClients; ++i) clients.push_back(Open(port));
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == kClients; }));
  EXPECT_EQ(hub_.Publish("live", SseFrame("live", "{\"w\":1234}")), std::size_t{kClients});
  int received = 0;
  for (auto& client : clients) {
    if (client->ReadUntil("\n\n") == "event: live\ndata: {\"w\":1234}\n\n") ++received;
  }
  EXPECT_EQ(received, kClients);
  auto start = std::chrono::steady_clock::now();
  server_->Stop();  // ends every stream
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
  EXPECT_EQ(hub_.StreamCount(), 0u);
  EXPECT_TRUE(clients.back()->WaitClosed(1000ms));
}

// Resident memory of this process, bytes (VmRSS of /proc/self/status).
std::size_t ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
}

// Issue requirement 5: 1 000 open live streams cost under 100 MB. Measured here in the same
// process as the clients (whose side is only file descriptors), even under the sanitizers.
TEST_F(EventsServerTest, ThousandOpenStreamsCostLittleMemory) {
  constexpr int kClients = 1000;
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  if (files.rlim_cur < 2 * kClients + 100) {  // both ends of every stream are in this process
    files.rlim_cur = std::min<rlim_t>(files.rlim_max, 2 * kClients + 100);
    setrlimit(RLIMIT_NOFILE, &files);
    getrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < 2 * kClients + 100) GTEST_SKIP() << "too few file descriptors";
  }
  std::uint16_t port = Start();
  std::vector<std::unique_ptr<TestConnection>> clients;
  clients.reserve(kClients);
  std::size_t before = ResidentBytes();
  for (int i = 0; i < kClients; ++i) clients.push_back(Open(port));
  ASSERT_TRUE(Eventually([&] { return hub_.StreamCount() == kClients; }));
  EXPECT_EQ(hub_.Publish("live", SseFrame("live", "{\"w\":1}")), std::size_t{kClients});
  EXPECT_EQ(clients.front()->ReadUntil("\n\n"), "event: live\ndata: {\"w\":1}\n\n");
  EXPECT_EQ(clients.back()->ReadUntil("\n\n"), "event: live\ndata: {\"w\":1}\n\n");
  std::size_t after = ResidentBytes();
  double per_stream_kib = static_cast<double>(after - before) / kClients / 1024.0;
  std::printf("1000 open streams: %.1f MB resident more, %.1f KiB per stream\n",
              static_cast<double>(after - before) / 1e6, per_stream_kib);
  EXPECT_LT(after - before, 100u * 1000 * 1000);
}

}  // namespace
}  // namespace reparto::http
