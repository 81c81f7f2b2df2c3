// Topics and their open Server-Sent Event streams: a producer publishes a text to a topic
// ("live/<community>"), every stream subscribed to it passes it on to its client. A stream is
// a few hundred bytes and no thread: 1 000 open streams are cheap. Thread-safe: Publish from any
// thread; streams start and stop on the server's threads.
//
// Event texts are complete SSE frames ("event: live\ndata: {...}\n\n"); SseFrame builds one.
//
//   EventHub hub;
//   // In a handler: one stream per client, with a per-user filter (nullopt skips the event).
//   Response r;
//   r.events = hub.Subscribe({"live/" + community},
//                            [user](const std::string& text) { return FilterFor(user, text); });
//   // Elsewhere, every few seconds:
//   hub.Publish("live/" + community, SseFrame("live", json), /*retain=*/true);
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace reparto::http {

// "event: <event>\ndata: <line 1>\ndata: <line 2>\n\n" (`data` split at newlines; no `event:`
// line when `event` is empty).
std::string SseFrame(std::string_view event, std::string_view data);

class EventHub {
 public:
  // Maps a published text to what one subscriber receives; nullopt skips it for that subscriber.
  using Transform = std::function<std::optional<std::string>(const std::string& text)>;

  EventHub();
  ~EventHub();
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // A stream (for Response::events) receiving what is published to any of `topics` from the
  // moment the server starts it, through `transform` when given. With retained texts on its
  // topics, it first receives those (in topic name order).
  std::shared_ptr<EventStream> Subscribe(std::vector<std::string> topics, Transform transform = {});

  // Sends `text` to every started stream subscribed to `topic`, in publish order per stream
  // (when the caller publishes from one thread). With `retain`, the text is also kept as the
  // topic's latest and given to streams that start later. Returns the number of streams it went
  // to (after transforms).
  std::size_t Publish(const std::string& topic, const std::string& text, bool retain = false);

  // Open (started, not stopped) streams, over all topics.
  std::size_t StreamCount() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace reparto::http
