// Packed day series: see series_codec.h for the format.
#include "core/series_codec.h"

#include <algorithm>

#include "core/internal/byte_codec.h"

namespace reparto {
namespace {

using internal::ByteReader;
using internal::PutSigned;
using internal::PutVarint;

constexpr std::uint8_t kReadingsVersion = 1;
constexpr std::uint8_t kResultsVersion = 1;
constexpr std::uint8_t kPoolVersion = 1;
// A day has at most 25 hours; 100 quarter-hours, or 1 500 minutes at the finest step.
constexpr std::uint64_t kMaxIntervals = 25 * 3600;

enum EnergyTag : std::uint8_t { kAllZero = 0, kDeltas = 1 };
enum QualityTag : std::uint8_t { kAllReal = 0, kAllMissing = 1, kPacked = 2 };

void PutEnergy(std::string& out, const std::vector<MilliWh>& values) {
  if (std::all_of(values.begin(), values.end(), [](MilliWh v) { return v == 0; })) {
    out.push_back(static_cast<char>(kAllZero));
    return;
  }
  out.push_back(static_cast<char>(kDeltas));
  MilliWh previous = 0;
  for (MilliWh v : values) {
    PutSigned(out, v - previous);
    previous = v;
  }
}

std::vector<MilliWh> GetEnergy(ByteReader& in, int n, bool& valid) {
  std::vector<MilliWh> values(n, 0);
  const std::uint8_t tag = in.Byte();
  if (tag == kAllZero) return values;
  if (tag != kDeltas) {
    valid = false;
    return values;
  }
  MilliWh previous = 0;
  for (MilliWh& v : values) {
    previous += in.Signed();
    v = previous;
  }
  return values;
}

void PutQuality(std::string& out, const std::vector<Quality>& values) {
  auto all = [&](Quality q) {
    return std::all_of(values.begin(), values.end(), [q](Quality v) { return v == q; });
  };
  if (all(Quality::kReal)) {
    out.push_back(static_cast<char>(kAllReal));
  } else if (all(Quality::kMissing)) {
    out.push_back(static_cast<char>(kAllMissing));
  } else {
    out.push_back(static_cast<char>(kPacked));
    for (std::size_t i = 0; i < values.size(); i += 4) {
      unsigned byte = 0;
      for (std::size_t j = 0; j < 4 && i + j < values.size(); ++j) {
        byte |= static_cast<unsigned>(values[i + j]) << (2 * j);
      }
      out.push_back(static_cast<char>(byte));
    }
  }
}

std::vector<Quality> GetQuality(ByteReader& in, int n, bool& valid) {
  const std::uint8_t tag = in.Byte();
  if (tag == kAllReal) return std::vector<Quality>(n, Quality::kReal);
  if (tag == kAllMissing) return std::vector<Quality>(n, Quality::kMissing);
  std::vector<Quality> values(n, Quality::kMissing);
  if (tag != kPacked) {
    valid = false;
    return values;
  }
  for (int i = 0; i < n; i += 4) {
    const unsigned byte = in.Byte();
    for (int j = 0; j < 4 && i + j < n; ++j) {
      const unsigned q = (byte >> (2 * j)) & 3u;
      if (q > 2) valid = false;
      values[i + j] = static_cast<Quality>(std::min(q, 2u));
    }
  }
  return values;
}

void PutSources(std::string& out, const std::vector<std::int64_t>& source) {
  std::string runs;
  std::uint64_t n_runs = 0;
  for (std::size_t i = 0; i < source.size();) {
    std::size_t j = i;
    while (j < source.size() && source[j] == source[i]) ++j;
    PutVarint(runs, j - i);
    PutSigned(runs, source[i]);
    ++n_runs;
    i = j;
  }
  PutVarint(out, n_runs);
  out += runs;
}

std::vector<std::int64_t> GetSources(ByteReader& in, int n, bool& valid) {
  std::vector<std::int64_t> source;
  source.reserve(n);
  const std::uint64_t n_runs = in.Count(static_cast<std::uint64_t>(n));
  for (std::uint64_t r = 0; r < n_runs && in.ok(); ++r) {
    const std::uint64_t length = in.Count(static_cast<std::uint64_t>(n) - source.size());
    const std::int64_t id = in.Signed();
    source.insert(source.end(), length, id);
  }
  if (source.size() != static_cast<std::size_t>(n)) valid = false;
  source.resize(n, 0);
  return source;
}

// Reads the version byte and the interval count common to every packed day.
int GetHeader(ByteReader& in, std::uint8_t version, bool& valid) {
  if (in.Byte() != version) valid = false;
  const auto n = in.Count(kMaxIntervals);
  if (n == 0) valid = false;
  return static_cast<int>(n);
}

template <typename T>
Result<T> Finish(const ByteReader& in, bool valid, T value, const char* what) {
  if (!in.ok() || !valid || !in.at_end()) {
    return Status::Error(std::string("corrupt packed ") + what + " in the database");
  }
  return value;
}

void PutHeader(std::string& out, std::uint8_t version, int n) {
  out.push_back(static_cast<char>(version));
  PutVarint(out, static_cast<std::uint64_t>(n));
}

template <typename T>
std::vector<T> Copy(const T* values, int n) {
  return std::vector<T>(values, values + n);
}

}  // namespace

DayReadings DayReadings::Empty(int n_intervals) {
  DayReadings day;
  day.n_intervals = n_intervals;
  day.cr.assign(n_intervals, 0);
  day.ir.assign(n_intervals, 0);
  day.cr_quality.assign(n_intervals, Quality::kMissing);
  day.ir_quality.assign(n_intervals, Quality::kMissing);
  day.source.assign(n_intervals, 0);
  return day;
}

std::string EncodeDayReadings(const DayReadings& day) {
  std::string out;
  out.reserve(8 + 6 * static_cast<std::size_t>(day.n_intervals));
  PutHeader(out, kReadingsVersion, day.n_intervals);
  PutEnergy(out, day.cr);
  PutEnergy(out, day.ir);
  PutQuality(out, day.cr_quality);
  PutQuality(out, day.ir_quality);
  PutSources(out, day.source);
  return out;
}

Result<DayReadings> DecodeDayReadings(std::string_view packed) {
  ByteReader in(packed);
  bool valid = true;
  DayReadings day;
  day.n_intervals = GetHeader(in, kReadingsVersion, valid);
  day.cr = GetEnergy(in, day.n_intervals, valid);
  day.ir = GetEnergy(in, day.n_intervals, valid);
  day.cr_quality = GetQuality(in, day.n_intervals, valid);
  day.ir_quality = GetQuality(in, day.n_intervals, valid);
  day.source = GetSources(in, day.n_intervals, valid);
  return Finish(in, valid, std::move(day), "readings");
}

std::string EncodeDayResults(const DayResults& day) {
  std::string out;
  out.reserve(16 + 12 * static_cast<std::size_t>(day.n_intervals));
  PutHeader(out, kResultsVersion, day.n_intervals);
  for (const auto* values :
       {&day.cr, &day.ir, &day.cm, &day.im, &day.imputed, &day.self_consumed}) {
    PutEnergy(out, *values);
  }
  for (const auto& values : day.by_origin) PutEnergy(out, values);
  PutQuality(out, day.quality);
  PutQuality(out, day.own_quality);
  return out;
}

Result<DayResults> DecodeDayResults(std::string_view packed) {
  ByteReader in(packed);
  bool valid = true;
  DayResults day;
  day.n_intervals = GetHeader(in, kResultsVersion, valid);
  for (auto* values : {&day.cr, &day.ir, &day.cm, &day.im, &day.imputed, &day.self_consumed}) {
    *values = GetEnergy(in, day.n_intervals, valid);
  }
  for (auto& values : day.by_origin) values = GetEnergy(in, day.n_intervals, valid);
  day.quality = GetQuality(in, day.n_intervals, valid);
  day.own_quality = GetQuality(in, day.n_intervals, valid);
  return Finish(in, valid, std::move(day), "results");
}

std::string EncodeDayPool(const DayPool& day) {
  std::string out;
  PutHeader(out, kPoolVersion, day.n_intervals);
  PutEnergy(out, day.pool);
  PutEnergy(out, day.unallocated);
  PutEnergy(out, day.consumption);
  PutQuality(out, day.quality);
  return out;
}

Result<DayPool> DecodeDayPool(std::string_view packed) {
  ByteReader in(packed);
  bool valid = true;
  DayPool day;
  day.n_intervals = GetHeader(in, kPoolVersion, valid);
  day.pool = GetEnergy(in, day.n_intervals, valid);
  day.unallocated = GetEnergy(in, day.n_intervals, valid);
  day.consumption = GetEnergy(in, day.n_intervals, valid);
  day.quality = GetQuality(in, day.n_intervals, valid);
  return Finish(in, valid, std::move(day), "community values");
}

DayResults ToDayResults(const ParticipantRun& run) {
  const int n = run.n_intervals;
  DayResults day;
  day.n_intervals = n;
  day.cr = Copy(run.cr, n);
  day.ir = Copy(run.ir, n);
  day.cm = Copy(run.cm, n);
  day.im = Copy(run.im, n);
  day.imputed = Copy(run.imputed, n);
  day.self_consumed = Copy(run.self_consumed, n);
  for (int o = 0; o < kOriginCount; ++o) {
    day.by_origin[o] = Copy(run.self_consumed_by_origin[o], n);
  }
  day.quality = Copy(run.quality, n);
  day.own_quality = Copy(run.own_quality, n);
  return day;
}

DayPool ToDayPool(const PoolRun& pool) {
  const int n = pool.n_intervals;
  return DayPool{.n_intervals = n,
                 .pool = Copy(pool.pool, n),
                 .unallocated = Copy(pool.unallocated, n),
                 .consumption = Copy(pool.consumption, n),
                 .quality = Copy(pool.quality, n)};
}

}  // namespace reparto
