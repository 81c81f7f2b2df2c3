// The API's answer cache: see response_cache.h.
#include "api/response_cache.h"

#include <chrono>
#include <list>
#include <mutex>
#include <unordered_map>

#include "api/api.h"
#include "http/gzip.h"

namespace reparto::api {
namespace {

constexpr std::size_t kCacheEntries = 128;
constexpr auto kCacheLifetime = std::chrono::seconds(30);
// Bodies below this size go as they are (gzip would save little).
constexpr std::size_t kGzipFrom = 1024;

struct Entry {
  CachedBodies bodies;
  std::uint64_t generation = 0;
  std::chrono::steady_clock::time_point made;
};

std::mutex cache_mutex;
std::uint64_t cache_generation = 0;
std::list<std::string> cache_order;  // oldest first
std::unordered_map<std::string, Entry> cache;

// Keeps `gzip` beside the entry's body when that entry is still the one it was made from.
void CachePutGzip(const std::string& key, const std::shared_ptr<const std::string>& body,
                  std::shared_ptr<const std::string> gzip) {
  std::lock_guard lock(cache_mutex);
  auto it = cache.find(key);
  if (it != cache.end() && it->second.bodies.body == body) it->second.bodies.gzip = std::move(gzip);
}

}  // namespace

std::string CacheKey(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view part : parts) {
    if (!key.empty()) key += '\x1f';
    key += part;
  }
  return key;
}

std::uint64_t CacheGeneration() {
  std::lock_guard lock(cache_mutex);
  return cache_generation;
}

std::optional<CachedBodies> CacheGet(const std::string& key) {
  std::lock_guard lock(cache_mutex);
  auto it = cache.find(key);
  if (it == cache.end()) return std::nullopt;
  if (it->second.generation != cache_generation ||
      std::chrono::steady_clock::now() - it->second.made > kCacheLifetime) {
    return std::nullopt;
  }
  return it->second.bodies;
}

void CachePut(const std::string& key, std::shared_ptr<const std::string> body,
              std::uint64_t generation) {
  std::lock_guard lock(cache_mutex);
  if (generation != cache_generation) return;
  if (!cache.contains(key)) {
    cache_order.push_back(key);
    while (cache_order.size() > kCacheEntries) {
      cache.erase(cache_order.front());
      cache_order.pop_front();
    }
  }
  cache[key] = Entry{{std::move(body), nullptr}, generation, std::chrono::steady_clock::now()};
}

http::Response CachedAnswer(const http::Request& request, const std::string& key,
                            CachedBodies bodies) {
  const bool gzip =
      bodies.body->size() >= kGzipFrom && http::AcceptsGzip(request.Header("accept-encoding"));
  if (gzip && !bodies.gzip) {
    // Level 1: a year of series in a few milliseconds, about 2.6 times smaller.
    auto made = std::make_shared<const std::string>(http::Gzip(*bodies.body, 1));
    if (!made->empty()) {
      CachePutGzip(key, bodies.body, made);
      bodies.gzip = std::move(made);
    }
  }
  const bool send_gzip = gzip && bodies.gzip;
  http::Response response = http::JsonResponse(200, "");
  response.shared_body = send_gzip ? bodies.gzip : bodies.body;
  if (send_gzip) response.headers.emplace_back("Content-Encoding", "gzip");
  response.headers.emplace_back("Vary", "Accept-Encoding");
  response.headers.emplace_back("Cache-Control", "private, max-age=30");
  return response;
}

void InvalidateCaches() {
  std::lock_guard lock(cache_mutex);
  ++cache_generation;
  cache.clear();
  cache_order.clear();
}

}  // namespace reparto::api
