// gzip for HTTP responses (RFC 1952 around raw deflate, RFC 1951): handlers that keep a large
// body cached (the API's year of series) keep its gzip form beside it and send that to clients
// whose Accept-Encoding takes gzip (every browser), which cuts the bytes written for a year of
// quarter-hours several times over. The deflate is Boost.Beast's header-only zlib port, so no
// other library is needed. Bodies are bytes; levels 1 (fast) to 9 (small).
//
//   if (http::AcceptsGzip(request.Header("accept-encoding"))) {
//     response.body = http::Gzip(json);
//     response.headers.emplace_back("Content-Encoding", "gzip");
//   }
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reparto::http {

// True when an Accept-Encoding value accepts gzip: "gzip" (or "x-gzip", or "*") with a q-value
// other than 0, compared without case ("gzip, deflate, br" yes; "gzip;q=0", "br", "" no).
bool AcceptsGzip(std::string_view accept_encoding);

// `data` as a complete gzip member (header, deflate at `level`, CRC-32, size); empty when the
// deflate fails (callers then send `data` as it is).
std::string Gzip(std::string_view data, int level = 6);

// CRC-32 (IEEE 802.3, as gzip uses it) of `data`.
std::uint32_t Crc32(std::string_view data);

}  // namespace reparto::http
