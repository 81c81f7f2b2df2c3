// Text rules of HTTP requests and responses, in plain standard types (no Beast): percent-decoding
// of paths and queries, the query string and Cookie header parsers, and the
// Content-Disposition value of a download (RFC 6266 with RFC 5987 `filename*`).
//
//   auto path = PercentDecode("/caf%C3%A9", /*plus_is_space=*/false);   // "/café"
//   auto query = ParseQuery("from=2025-01-01&to=2025-02-01");           // {"from": ...}
//   ContentDisposition("factura ñ.pdf")
//     // attachment; filename="factura _.pdf"; filename*=UTF-8''factura%20%C3%B1.pdf
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace reparto::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, for queries). nullopt when an
// escape is malformed ("%4", "%zz") or decodes to a NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// "a=1&b=x%20y&flag" -> {a:"1", b:"x y", flag:""}; the first of repeated names wins; empty
// pieces are skipped. nullopt when an escape is malformed.
std::optional<std::map<std::string, std::string>> ParseQuery(std::string_view query);

// "a=1; b=\"two\"" -> {a:"1", b:"two"}; the first of repeated names wins; pieces without '='
// are skipped. Values are not percent-decoded (cookies are opaque tokens).
std::map<std::string, std::string> ParseCookies(std::string_view header);

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded UTF-8>`: the
// fallback replaces non-ASCII bytes, quotes, backslashes and control characters with '_'.
std::string ContentDisposition(std::string_view download_name);

}  // namespace reparto::http
