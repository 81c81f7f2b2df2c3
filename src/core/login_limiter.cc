// Login rate limiting: see login_limiter.h. Instants and durations in seconds.
#include "core/login_limiter.h"

#include <algorithm>

namespace reparto {

std::optional<std::int64_t> LoginLimiter::Wait(const Failures& map, std::string_view key, int max,
                                               UtcSeconds now) const {
  if (key.empty() || max <= 0) return std::nullopt;
  auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  const std::deque<UtcSeconds>& times = it->second;  // at most `max`, oldest first
  // Failures still inside the window (now - window, now].
  const auto recent = std::count_if(times.begin(), times.end(),
                                    [&](UtcSeconds t) { return t + limits_.window_seconds > now; });
  if (recent < max) return std::nullopt;
  // All `max` kept failures are recent: free again when the oldest leaves the window.
  return std::max<std::int64_t>(1, times.front() + limits_.window_seconds - now);
}

std::optional<std::int64_t> LoginLimiter::RetryAfter(std::string_view email,
                                                     std::string_view address,
                                                     UtcSeconds now) const {
  auto by_email = Wait(emails_, email, limits_.max_failures_per_email, now);
  auto by_address = Wait(addresses_, address, limits_.max_failures_per_address, now);
  if (by_email && by_address) return std::max(*by_email, *by_address);
  return by_email ? by_email : by_address;
}

void LoginLimiter::Add(Failures& map, std::string_view key, int max, UtcSeconds now) {
  if (key.empty() || max <= 0) return;
  auto it = map.find(std::string(key));
  if (it == map.end()) {
    if (map.size() >= limits_.max_keys) {
      // Drop every key whose failures have all left the window.
      std::erase_if(map, [&](const auto& entry) {
        return entry.second.empty() || entry.second.back() + limits_.window_seconds <= now;
      });
    }
    if (!map.empty() && map.size() >= limits_.max_keys) {
      // Still full: drop the key that failed least recently.
      auto oldest = std::min_element(map.begin(), map.end(), [](const auto& a, const auto& b) {
        return a.second.back() < b.second.back();
      });
      map.erase(oldest);
    }
    it = map.emplace(std::string(key), std::deque<UtcSeconds>()).first;
  }
  std::deque<UtcSeconds>& times = it->second;
  times.push_back(now);
  while (times.size() > static_cast<std::size_t>(max)) times.pop_front();
}

void LoginLimiter::RecordFailure(std::string_view email, std::string_view address, UtcSeconds now) {
  Add(emails_, email, limits_.max_failures_per_email, now);
  Add(addresses_, address, limits_.max_failures_per_address, now);
}

void LoginLimiter::RecordSuccess(std::string_view email) { emails_.erase(std::string(email)); }

}  // namespace reparto
