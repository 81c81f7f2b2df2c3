// gzip for responses (http/gzip.h): the Accept-Encoding rules, the CRC-32 check value, the gzip
// member layout (RFC 1952) and a round trip through Boost.Beast's inflate of a series-like JSON.
#include "http/gzip.h"

#include <gtest/gtest.h>

#include <boost/beast/zlib/inflate_stream.hpp>
#include <string>

namespace reparto::http {
namespace {

// The deflate data of a gzip member, inflated into `out`; false on failure.
bool Gunzip(const std::string& gzip, std::string& out, std::size_t size) {
  namespace zlib = boost::beast::zlib;
  if (gzip.size() < 18) return false;
  zlib::inflate_stream inflate;
  inflate.reset(15);
  out.assign(size + 16, '\0');
  zlib::z_params params;
  params.next_in = gzip.data() + 10;
  params.avail_in = gzip.size() - 18;
  params.next_out = out.data();
  params.avail_out = out.size();
  boost::beast::error_code ec;
  inflate.write(params, zlib::Flush::finish, ec);
  if (ec && ec != zlib::error::end_of_stream) return false;
  out.resize(params.total_out);
  return true;
}

std::uint32_t LittleEndian32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return value;
}

TEST(GzipTest, AcceptEncodingRules) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));  // Chromium's
  EXPECT_TRUE(AcceptsGzip("GZip ; q=0.8"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, *;q=0.1"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.000, *"));  // an explicit refusal beats the wildcard
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipped"));
}

TEST(GzipTest, Crc32CheckValues) {
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);  // the standard check value
  EXPECT_EQ(Crc32("hello"), 0x3610A686u);
}

TEST(GzipTest, MemberLayoutAndRoundTrip) {
  // A year-of-series-like body: 35 040 numbers with some nulls.
  std::string json = "{\"consumption_wh\":[";
  for (int i = 0; i < 35'040; ++i) {
    if (i > 0) json += ',';
    json += i % 97 == 0 ? std::string("null") : std::to_string((i * 37) % 900);
  }
  json += "]}";
  for (int level : {1, 6}) {
    const std::string gzip = Gzip(json, level);
    ASSERT_GT(gzip.size(), 18u);
    EXPECT_LT(gzip.size(), json.size() / 2) << level;
    EXPECT_EQ(static_cast<unsigned char>(gzip[0]), 0x1F);
    EXPECT_EQ(static_cast<unsigned char>(gzip[1]), 0x8B);
    EXPECT_EQ(gzip[2], 8);  // deflate
    EXPECT_EQ(gzip[3], 0);  // no flags: the deflate data starts at byte 10
    EXPECT_EQ(LittleEndian32(gzip, gzip.size() - 8), Crc32(json));
    EXPECT_EQ(LittleEndian32(gzip, gzip.size() - 4), json.size());
    std::string back;
    ASSERT_TRUE(Gunzip(gzip, back, json.size())) << level;
    EXPECT_EQ(back, json) << level;
  }
  // The empty body is a valid member too (header, empty deflate block, CRC 0, size 0).
  const std::string empty = Gzip("");
  EXPECT_GE(empty.size(), 20u);
  EXPECT_EQ(LittleEndian32(empty, empty.size() - 4), 0u);
}

}  // namespace
}  // namespace reparto::http
