// EventHub (event_hub.h): topic -> started streams, under one mutex; sinks are called outside
// it, each stream's sink under the stream's own mutex so its texts go out in order.
#include "http/event_hub.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace reparto::http {

class HubStream;

struct EventHub::State {
  mutable std::mutex mutex;
  std::map<std::string, std::vector<std::shared_ptr<HubStream>>, std::less<>> topics;
  std::map<std::string, std::string, std::less<>> retained;
  std::size_t streams = 0;
};

// Lock order: a stream's mutex, then the hub's; Publish holds the hub's alone.
class HubStream : public EventStream, public std::enable_shared_from_this<HubStream> {
 public:
  HubStream(std::weak_ptr<EventHub::State> hub, std::vector<std::string> topics,
            EventHub::Transform transform)
      : hub_(std::move(hub)), topics_(std::move(topics)), transform_(std::move(transform)) {}

  void Start(std::function<bool(std::string)> send) override {
    std::vector<std::string> retained;
    {
      std::lock_guard lock(mutex_);
      if (started_ || stopped_) return;
      started_ = true;
      send_ = std::move(send);
      auto hub = hub_.lock();
      if (!hub) return;
      std::lock_guard hub_lock(hub->mutex);
      for (const auto& topic : topics_) {
        hub->topics[topic].push_back(shared_from_this());
        if (auto it = hub->retained.find(topic); it != hub->retained.end()) {
          retained.push_back(it->second);
        }
      }
      ++hub->streams;
      registered_ = true;
    }
    for (const auto& text : retained) Deliver(text);
  }

  void Stop() override {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    send_ = nullptr;
    UnregisterLocked();
  }

  // Passes `text` on; false when the stream is closed or the transform skipped it.
  bool Deliver(const std::string& text) {
    std::optional<std::string> out;
    if (transform_) {
      out = transform_(text);
      if (!out) return false;
    } else {
      out = text;
    }
    std::lock_guard lock(mutex_);
    if (stopped_ || !send_) return false;
    if (send_(std::move(*out))) return true;
    stopped_ = true;
    send_ = nullptr;
    UnregisterLocked();
    return false;
  }

 private:
  // Called with mutex_ held.
  void UnregisterLocked() {
    if (!registered_) return;
    registered_ = false;
    auto hub = hub_.lock();
    if (!hub) return;
    std::lock_guard hub_lock(hub->mutex);
    for (const auto& topic : topics_) {
      auto it = hub->topics.find(topic);
      if (it == hub->topics.end()) continue;
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [this](const auto& stream) { return stream.get() == this; }),
                 list.end());
      if (list.empty()) hub->topics.erase(it);
    }
    --hub->streams;
  }

  std::weak_ptr<EventHub::State> hub_;
  std::vector<std::string> topics_;
  EventHub::Transform transform_;
  std::mutex mutex_;
  std::function<bool(std::string)> send_;
  bool started_ = false;
  bool stopped_ = false;
  bool registered_ = false;
};

std::string SseFrame(std::string_view event, std::string_view data) {
  std::string out;
  out.reserve(event.size() + data.size() + 16);
  if (!event.empty()) {
    out += "event: ";
    out += event;
    out += '\n';
  }
  while (true) {
    std::size_t newline = data.find('\n');
    out += "data: ";
    out += data.substr(0, newline);
    out += '\n';
    if (newline == std::string_view::npos) break;
    data.remove_prefix(newline + 1);
  }
  out += '\n';
  return out;
}

EventHub::EventHub() : state_(std::make_shared<State>()) {}
EventHub::~EventHub() = default;

std::shared_ptr<EventStream> EventHub::Subscribe(std::vector<std::string> topics,
                                                 Transform transform) {
  std::sort(topics.begin(), topics.end());
  topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
  return std::make_shared<HubStream>(state_, std::move(topics), std::move(transform));
}

std::size_t EventHub::Publish(const std::string& topic, const std::string& text, bool retain) {
  std::vector<std::shared_ptr<HubStream>> streams;
  {
    std::lock_guard lock(state_->mutex);
    if (retain) state_->retained[topic] = text;
    auto it = state_->topics.find(topic);
    if (it != state_->topics.end()) streams = it->second;
  }
  std::size_t delivered = 0;
  for (const auto& stream : streams) {
    if (stream->Deliver(text)) ++delivered;
  }
  return delivered;
}

std::size_t EventHub::StreamCount() const {
  std::lock_guard lock(state_->mutex);
  return state_->streams;
}

}  // namespace reparto::http
