// A small process-wide cache of JSON answers that are expensive to make and read often (a year of
// series, a member's year of economics), shared by every worker thread. An entry lives 30 s at
// most and only within one data generation: InvalidateCaches (api.h), called by every handler
// that changes data, starts a new generation and forgets every entry. Writers outside the server
// (the command line on the same database) are seen within the 30 s. Large bodies are also kept
// gzip-compressed (made once per entry, on the first request that accepts gzip: every browser
// does), so they are neither serialised nor compressed twice.
//
//   const std::string key = CacheKey({"economics", community, participant, year});
//   if (auto hit = CacheGet(key)) return CachedAnswer(call.request, key, std::move(*hit));
//   const std::uint64_t generation = CacheGeneration();  // before reading the store
//   auto body = std::make_shared<const std::string>(MakeJson());
//   CachePut(key, body, generation);
//   return CachedAnswer(call.request, key, {std::move(body), nullptr});
//
// Units: bytes; lifetime in seconds.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace reparto::api {

// A cached JSON body and its gzip form (null until a client accepting gzip asked for it).
struct CachedBodies {
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;
};

// A key from its parts, separated by a byte no part contains (0x1F).
std::string CacheKey(std::initializer_list<std::string_view> parts);

// The current data generation: read it before reading the store, give it to CachePut.
std::uint64_t CacheGeneration();

// The entry of `key` if it is of the current generation and younger than 30 s.
std::optional<CachedBodies> CacheGet(const std::string& key);

// Keeps `body` under `key` unless the data changed since `generation` was read. At most 128
// entries: the oldest goes first.
void CachePut(const std::string& key, std::shared_ptr<const std::string> body,
              std::uint64_t generation);

// 200 with the body, gzip-compressed when `request` accepts gzip and the body is 1 KiB or more
// (the compressed form is made once and kept beside the entry); `Vary: Accept-Encoding` and
// `Cache-Control: private, max-age=30`.
http::Response CachedAnswer(const http::Request& request, const std::string& key,
                            CachedBodies bodies);

}  // namespace reparto::api
