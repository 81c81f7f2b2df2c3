// gzip for HTTP responses (gzip.h): the Accept-Encoding check, the gzip member format around
// Boost.Beast's deflate, and the CRC-32 it needs.
#include "http/gzip.h"

#include <array>
#include <boost/beast/zlib/deflate_stream.hpp>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "core/text.h"

namespace reparto::http {
namespace {

// The q-value of one Accept-Encoding element's parameters ("q=0.5"); 1 without one.
double QValue(std::string_view parameters) {
  while (!parameters.empty()) {
    std::size_t semicolon = parameters.find(';');
    std::string_view parameter = Trim(parameters.substr(0, semicolon));
    parameters =
        semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
    if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
        parameter[1] == '=') {
      std::string value(Trim(parameter.substr(2)));
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      return end == value.c_str() ? 1.0 : q;
    }
  }
  return 1.0;
}

std::array<std::uint32_t, 256> MakeCrcTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

void AppendLittleEndian32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  bool star = false;
  std::optional<bool> gzip;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    std::size_t semicolon = element.find(';');
    std::string_view coding = Trim(element.substr(0, semicolon));
    const bool accepted =
        semicolon == std::string_view::npos || QValue(element.substr(semicolon + 1)) > 0;
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
      gzip = accepted;
    } else if (coding == "*") {
      star = accepted;
    }
  }
  return gzip.value_or(star);
}

std::uint32_t Crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = MakeCrcTable();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string Gzip(std::string_view data, int level) {
  namespace zlib = boost::beast::zlib;
  zlib::deflate_stream deflate;
  deflate.reset(level < 1 ? 1 : level > 9 ? 9 : level, 15, 8, zlib::Strategy::normal);
  // Header: magic, deflate, no flags, no time, no extra flags, OS unknown (255).
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  const std::size_t header = out.size();
  out.resize(header + deflate.upper_bound(data.size()) + 64);
  zlib::z_params params;
  params.next_in = data.data();
  params.avail_in = data.size();
  params.next_out = out.data() + header;
  params.avail_out = out.size() - header;
  boost::beast::error_code ec;
  deflate.write(params, zlib::Flush::finish, ec);
  // With upper_bound's room one call finishes (end_of_stream); anything else is a failure.
  if (ec != zlib::error::end_of_stream) return std::string();
  out.resize(header + params.total_out);
  AppendLittleEndian32(out, Crc32(data));
  AppendLittleEndian32(out, static_cast<std::uint32_t>(data.size() & 0xFFFFFFFFu));
  return out;
}

}  // namespace reparto::http
