// The "right now" values of every community, published every few seconds to the open live
// streams (GET /api/communities/{community}/live, Server-Sent Events).
//
// There is no real-time meter feed yet (a later issue adds MQTT/Modbus): the values are a REPLAY
// of stored results. The current wall-clock instant is mapped to the same local time and day of
// the year in the stored data's last year (now 2026-11-23 13:07 -> 2025-11-23 13:07) and the
// stored intervals around it are interpolated linearly by the seconds elapsed, so values change
// every few seconds.
//
// Units: powers W (average power of the interval: mWh × 3600 / step / 1000), instants ISO with the
// community's offset, used_percent 0..100 (self-consumed / community generation).
//
//   LiveFeed feed(hub, [&]() -> Store& { return feed_store; }, SystemNow, std::chrono::seconds(3));
//   feed.Start();                                          // one thread, stopped by the destructor
//   response.events = SubscribeLive(hub, &feed, "ES0021...", principal);
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/access.h"
#include "core/store.h"
#include "http/event_hub.h"
#include "http/message.h"

namespace reparto::api {

// One supply point (or the community aggregate, participant empty) right now.
struct LivePoint {
  std::string participant;
  double consumption_w = 0;
  double generation_w = 0;  // the community's generation (pool)
  double imputed_w = 0;
  double self_consumed_w = 0;
  double used_percent = 0;  // self_consumed / generation × 100; 0 without generation
};

struct LiveSnapshot {
  std::string time;       // now, ISO with the community's offset
  std::string replay_of;  // the stored instant replayed
  LivePoint community;    // aggregate (managers only)
  std::vector<LivePoint> participants;
};

// Computes one community's snapshot at `now` from the store (the replay above).
Result<LiveSnapshot> ComputeLiveSnapshot(Store& store, std::string_view community, UtcSeconds now);

// The event text for `who`: members get only their supply points, managers the aggregate too.
std::string LiveEventText(const LiveSnapshot& snapshot, std::string_view community,
                          const Principal& who);

// Publishes every community's snapshot (unfiltered, retained) to the EventHub topic
// LiveTopic(community) every period; streams subscribe with LiveTransform, which gives each
// subscriber only what it may see.
class LiveFeed {
 public:
  // `store` is called on the feed's own thread only.
  LiveFeed(http::EventHub& hub, std::function<Store&()> store, std::function<UtcSeconds()> now,
           std::chrono::milliseconds period);
  ~LiveFeed();
  LiveFeed(const LiveFeed&) = delete;
  LiveFeed& operator=(const LiveFeed&) = delete;

  void Start();  // one thread; stopped by Stop or the destructor
  void Stop();

  // Computes and publishes one round now (the thread calls it every period; tests call it).
  void PublishOnce();

  // The latest snapshot of `community`, or null.
  std::shared_ptr<const LiveSnapshot> Latest(const std::string& community) const;

 private:
  http::EventHub& hub_;
  std::function<Store&()> store_;
  std::function<UtcSeconds()> now_;
  std::chrono::milliseconds period_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
  std::map<std::string, std::shared_ptr<const LiveSnapshot>> latest_;
};

// "live/<community>".
std::string LiveTopic(std::string_view community);

// A stream of `community`'s live events for `who` (members: their supply points only).
std::shared_ptr<http::EventStream> SubscribeLive(http::EventHub& hub, const LiveFeed* feed,
                                                 const std::string& community,
                                                 const Principal& who);

}  // namespace reparto::api
