// Packed day series (core/series_codec.h): exact round trips of every value and quality, compact
// encodings for the common cases, and clean failures on corrupt or truncated bytes.
#include "core/series_codec.h"

#include <gtest/gtest.h>

#include <limits>

namespace reparto {
namespace {

DayReadings Mixed(int n) {
  DayReadings d = DayReadings::Empty(n);
  for (int i = 0; i < n; ++i) {
    d.cr[i] = (i * 7919) % 250'000;
    d.ir[i] = i % 3 == 0 ? 0 : 1'000'000 - i;
    d.cr_quality[i] = static_cast<Quality>(i % 3);
    d.ir_quality[i] = i < n / 2 ? Quality::kReal : Quality::kEstimated;
    d.source[i] = i < 10 ? 0 : i < 60 ? 4 : 9;
  }
  d.cr[5] = std::numeric_limits<MilliWh>::max() / 4;  // extreme but valid
  return d;
}

TEST(SeriesCodec, ReadingsRoundTripExactlyOnEveryDayLength) {
  for (int n : {23, 24, 25, 92, 96, 100}) {
    const DayReadings day = Mixed(n);
    auto back = DecodeDayReadings(EncodeDayReadings(day));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back, day) << n;
  }
  const DayReadings empty = DayReadings::Empty(96);
  const std::string packed = EncodeDayReadings(empty);
  // Version, count, two all-zero arrays, two all-missing qualities, one run of source 0.
  EXPECT_EQ(packed.size(), 1u + 1u + 2u + 2u + 3u);
  EXPECT_EQ(*DecodeDayReadings(packed), empty);
}

TEST(SeriesCodec, MeterDataTakeAFewBytesAValue) {
  DayReadings d = DayReadings::Empty(96);
  for (int i = 0; i < 96; ++i) {
    d.cr[i] = 80'000 + (i % 12) * 9'000;  // a household: 80-180 Wh a quarter-hour
    d.cr_quality[i] = d.ir_quality[i] = Quality::kReal;
    d.source[i] = 1;
  }
  EXPECT_LT(EncodeDayReadings(d).size(), 96u * 3u + 16u);
}

TEST(SeriesCodec, ResultsAndPoolRoundTrip) {
  DayResults r;
  r.n_intervals = 24;
  for (auto* v : {&r.cr, &r.ir, &r.cm, &r.im, &r.imputed, &r.self_consumed}) v->assign(24, 0);
  for (auto& v : r.by_origin) v.assign(24, 0);
  for (int i = 0; i < 24; ++i) {
    r.cr[i] = r.cm[i] = 1000 + i;
    r.imputed[i] = i * 50;
    r.self_consumed[i] = std::min<MilliWh>(r.imputed[i], r.cm[i]);
    r.by_origin[1][i] = r.self_consumed[i];
  }
  r.quality.assign(24, Quality::kReal);
  r.quality[3] = Quality::kMissing;
  r.own_quality.assign(24, Quality::kEstimated);
  EXPECT_EQ(*DecodeDayResults(EncodeDayResults(r)), r);

  DayPool pool{.n_intervals = 25,
               .pool = std::vector<MilliWh>(25, 7),
               .unallocated = std::vector<MilliWh>(25, 0),
               .consumption = std::vector<MilliWh>(25, 9),
               .quality = std::vector<Quality>(25, Quality::kEstimated)};
  EXPECT_EQ(*DecodeDayPool(EncodeDayPool(pool)), pool);
}

TEST(SeriesCodec, CorruptOrTruncatedBytesFailCleanly) {
  const std::string packed = EncodeDayReadings(Mixed(96));
  for (std::size_t cut = 0; cut < packed.size(); ++cut) {
    auto back = DecodeDayReadings(packed.substr(0, cut));
    ASSERT_FALSE(back.ok()) << "truncated at " << cut;
    EXPECT_NE(back.status().message().find("corrupt"), std::string::npos);
  }
  EXPECT_FALSE(DecodeDayReadings(packed + std::string(1, '\0')).ok());
  std::string wrong_version = packed;
  wrong_version[0] = 9;
  EXPECT_FALSE(DecodeDayReadings(wrong_version).ok());
  EXPECT_FALSE(DecodeDayResults(packed).ok()) << "readings are not results";
  EXPECT_FALSE(DecodeDayPool("").ok());
}

}  // namespace
}  // namespace reparto
