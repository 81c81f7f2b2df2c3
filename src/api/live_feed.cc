// The live feed (a replay of stored results until live meters are connected): see live_feed.h.
#include "api/live_feed.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/series_codec.h"
#include "jobs/community_context.h"

namespace reparto::api {
namespace {

// A local date in another year (29 February becomes the 28th).
CivilDate InYear(CivilDate date, int year) {
  CivilDate out{year, date.month, date.day};
  if (!IsValidCivilDate(out)) out.day = 28;
  return out;
}

double Watts(MilliWh mwh, int step_seconds) {
  return static_cast<double>(mwh) * 3600.0 / static_cast<double>(step_seconds) / 1000.0;
}

// Linear interpolation of a per-interval series (two days concatenated) at fractional position
// `p` in intervals, interval centres at i + 0.5.
double Interpolate(const std::vector<MilliWh>& v, double p, int step) {
  if (v.empty()) return 0;
  const double centred = p - 0.5;
  const auto n = static_cast<std::int64_t>(v.size());
  auto i = static_cast<std::int64_t>(std::floor(centred));
  const double frac = centred - static_cast<double>(i);
  const auto at = [&](std::int64_t k) {
    return Watts(v[static_cast<std::size_t>(std::clamp<std::int64_t>(k, 0, n - 1))], step);
  };
  return at(i) * (1 - frac) + at(i + 1) * frac;
}

double Rounded(double w) { return std::round(w * 10) / 10; }

}  // namespace

Result<LiveSnapshot> ComputeLiveSnapshot(Store& store, std::string_view community, UtcSeconds now) {
  auto context = jobs::LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  const TimeZone& zone = *context->zone;
  const int step = context->community.rules.step_seconds;
  auto states = store.LoadDayStates(community, jobs::kFirstPossibleDay, jobs::kLastPossibleDay);
  if (!states.ok()) return states.status();
  std::optional<CivilDate> last;
  for (auto it = states->rbegin(); it != states->rend() && !last; ++it) {
    if (it->results_revision >= 0) last = it->day;
  }
  LiveSnapshot snapshot;
  auto offset = zone.OffsetAt(now);
  snapshot.time = FormatIsoInstant(now, offset.ok() ? *offset : 0);
  if (!last) return snapshot;
  auto today = LocalDateAt(zone, now);
  if (!today.ok()) return today.status();
  auto today_start = zone.StartOfDay(*today);
  if (!today_start.ok()) return today_start.status();
  const UtcSeconds into_day = now - *today_start;  // real seconds since local midnight
  CivilDate day = InYear(*today, last->year);
  if (*last < day) day = InYear(*today, last->year - 1);
  auto day_start = zone.StartOfDay(day);
  if (!day_start.ok()) return day_start.status();
  const UtcSeconds replayed = *day_start + into_day;
  auto replayed_offset = zone.OffsetAt(replayed);
  snapshot.replay_of = FormatIsoInstant(replayed, replayed_offset.ok() ? *replayed_offset : 0);
  const double position = static_cast<double>(into_day) / step;
  const CivilDate next = AddDays(day, 1);

  // The community's pool and consumption of the day and the next (for the last interval).
  auto pools = store.LoadCommunityResults(community, day, AddDays(next, 1));
  if (!pools.ok()) return pools.status();
  std::vector<MilliWh> pool, consumption, unallocated;
  for (const StoredDay& d : *pools) {
    auto decoded = DecodeDayPool(d.packed);
    if (!decoded.ok()) return decoded.status();
    pool.insert(pool.end(), decoded->pool.begin(), decoded->pool.end());
    consumption.insert(consumption.end(), decoded->consumption.begin(), decoded->consumption.end());
    unallocated.insert(unallocated.end(), decoded->unallocated.begin(), decoded->unallocated.end());
  }
  const double generation = std::max(0.0, Interpolate(pool, position, step));
  snapshot.community.generation_w = Rounded(generation);
  snapshot.community.consumption_w = Rounded(Interpolate(consumption, position, step));
  snapshot.community.imputed_w =
      Rounded(generation - std::max(0.0, Interpolate(unallocated, position, step)));

  auto results = store.LoadResults(community, "", day, AddDays(next, 1));
  if (!results.ok()) return results.status();
  std::map<std::string, std::array<std::vector<MilliWh>, 3>> series;  // cm, imputed, ea
  for (const StoredDay& d : *results) {
    auto decoded = DecodeDayResults(d.packed);
    if (!decoded.ok()) return decoded.status();
    auto& s = series[d.participant];
    // A participant without the first day gets zeros there, so positions line up.
    if (d.day == next && s[0].empty()) {
      for (auto& v : s) v.assign(static_cast<std::size_t>(decoded->n_intervals), 0);
    }
    s[0].insert(s[0].end(), decoded->cm.begin(), decoded->cm.end());
    s[1].insert(s[1].end(), decoded->imputed.begin(), decoded->imputed.end());
    s[2].insert(s[2].end(), decoded->self_consumed.begin(), decoded->self_consumed.end());
  }
  double self_consumed_total = 0;
  for (const StoredParticipant& sp : context->stored.participants) {
    auto it = series.find(sp.participant.id);
    if (it == series.end()) continue;
    LivePoint point;
    point.participant = sp.participant.id;
    point.generation_w = snapshot.community.generation_w;
    point.consumption_w = Rounded(std::max(0.0, Interpolate(it->second[0], position, step)));
    point.imputed_w = Rounded(std::max(0.0, Interpolate(it->second[1], position, step)));
    const double ea = std::max(0.0, Interpolate(it->second[2], position, step));
    point.self_consumed_w = Rounded(ea);
    self_consumed_total += ea;
    point.used_percent = generation > 0 ? Rounded(100.0 * ea / generation) : 0;
    snapshot.participants.push_back(point);
  }
  snapshot.community.self_consumed_w = Rounded(self_consumed_total);
  snapshot.community.used_percent =
      generation > 0 ? Rounded(100.0 * self_consumed_total / generation) : 0;
  return snapshot;
}

namespace {

nlohmann::ordered_json PointJson(const LivePoint& p, const std::string& time) {
  nlohmann::ordered_json out;
  out["time"] = time;
  out["participant"] = p.participant.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(p.participant);
  out["consumption_w"] = p.consumption_w;
  out["generation_w"] = p.generation_w;
  out["imputed_w"] = p.imputed_w;
  out["self_consumed_w"] = p.self_consumed_w;
  out["used_percent"] = p.used_percent;
  return out;
}

}  // namespace

std::string LiveEventText(const LiveSnapshot& snapshot, std::string_view community,
                          const Principal& who) {
  nlohmann::ordered_json data;
  data["time"] = snapshot.time;
  data["replay_of"] = snapshot.replay_of;
  data["community"] = CanManageCommunity(who, community)
                          ? PointJson(snapshot.community, snapshot.time)
                          : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const LivePoint& p : snapshot.participants) {
    if (CanReadParticipant(who, community, p.participant)) {
      points.push_back(PointJson(p, snapshot.time));
    }
  }
  data["participants"] = std::move(points);
  return "event: live\ndata: " + data.dump() + "\n\n";
}

LiveFeed::LiveFeed(http::EventHub& hub, std::function<Store&()> store,
                   std::function<UtcSeconds()> now, std::chrono::milliseconds period)
    : hub_(hub), store_(std::move(store)), now_(std::move(now)), period_(period) {}

LiveFeed::~LiveFeed() { Stop(); }

void LiveFeed::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] {
    std::unique_lock held(mutex_);
    while (!stopping_) {
      held.unlock();
      PublishOnce();
      held.lock();
      wake_.wait_for(held, period_, [this] { return stopping_; });
    }
  });
}

void LiveFeed::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const LiveSnapshot> LiveFeed::Latest(const std::string& community) const {
  std::lock_guard lock(mutex_);
  auto it = latest_.find(community);
  return it == latest_.end() ? nullptr : it->second;
}

void LiveFeed::PublishOnce() {
  Store& store = store_();
  auto communities = store.ListCommunities();
  if (!communities.ok()) {
    std::fprintf(stderr, "reparto live: %s\n", communities.status().message().c_str());
    return;
  }
  const UtcSeconds now = now_();
  for (const std::string& community : *communities) {
    auto snapshot = ComputeLiveSnapshot(store, community, now);
    if (!snapshot.ok()) {
      std::fprintf(stderr, "reparto live: %s\n", snapshot.status().message().c_str());
      continue;
    }
    auto shared = std::make_shared<const LiveSnapshot>(std::move(*snapshot));
    {
      std::lock_guard lock(mutex_);
      latest_[community] = shared;
    }
    // The full (manager's) view; LiveTransform narrows it for members.
    Principal everything;
    everything.user.role = UserRole::kAdmin;
    hub_.Publish(LiveTopic(community), LiveEventText(*shared, community, everything),
                 /*retain=*/true);
  }
}

std::string LiveTopic(std::string_view community) { return "live/" + std::string(community); }

std::shared_ptr<http::EventStream> SubscribeLive(http::EventHub& hub, const LiveFeed* feed,
                                                 const std::string& community,
                                                 const Principal& who) {
  if (CanManageCommunity(who, community)) return hub.Subscribe({LiveTopic(community)});
  return hub.Subscribe({LiveTopic(community)},
                       [feed, community, who](const std::string&) -> std::optional<std::string> {
                         auto latest = feed == nullptr ? nullptr : feed->Latest(community);
                         if (!latest) return std::nullopt;
                         return LiveEventText(*latest, community, who);
                       });
}

}  // namespace reparto::api
