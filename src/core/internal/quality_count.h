// Interval counts by quality for the engine's run totals: the worst of three quality rows (a
// participant's consumption and injection readings and the pool), counted by quality in one pass
// without storing it. An explicit SIMD path (AVX-512BW: 64 intervals at a time, AVX2: 32; bytes
// compared and the comparison masks counted with popcount) and a portable scalar path; both give
// the same counts for every input, which tests/core/quality_count_test.cc checks.
//
// Units: counts of intervals, indexed by Quality; a byte above kMissing counts as missing, as in
// CountQualities (core/energy.h).
#pragma once

#include <array>
#include <cstdint>

#if defined(__AVX512BW__) || defined(__AVX2__)
#include <immintrin.h>
#endif

#include "core/energy.h"

namespace reparto::internal {

// Counts of Worst(x[t], y[t], z[t]) over [from, n), added to `estimated` and `missing`.
inline void CountWorstBytes(const std::uint8_t* x, const std::uint8_t* y, const std::uint8_t* z,
                            int from, int n, int& estimated, int& missing) {
  for (int t = from; t < n; ++t) {
    std::uint8_t worst = x[t] > y[t] ? x[t] : y[t];
    worst = worst > z[t] ? worst : z[t];
    estimated += worst == static_cast<std::uint8_t>(Quality::kEstimated);
    missing += worst >= static_cast<std::uint8_t>(Quality::kMissing);
  }
}

inline void AddCounts(int n, int estimated, int missing,
                      std::array<std::int64_t, kQualityCount>& counts) {
  counts[static_cast<int>(Quality::kReal)] += n - estimated - missing;
  counts[static_cast<int>(Quality::kEstimated)] += estimated;
  counts[static_cast<int>(Quality::kMissing)] += missing;
}

inline const std::uint8_t* Bytes(const Quality* q) {
  return reinterpret_cast<const std::uint8_t*>(q);
}

// The portable path: adds the number of intervals t in [0, n) by Worst(a[t], b[t], c[t]) to
// `counts`.
inline void CountWorstQualitiesScalar(const Quality* a, const Quality* b, const Quality* c, int n,
                                      std::array<std::int64_t, kQualityCount>& counts) {
  int estimated = 0;
  int missing = 0;
  CountWorstBytes(Bytes(a), Bytes(b), Bytes(c), 0, n, estimated, missing);
  AddCounts(n, estimated, missing, counts);
}

// The same counts, with the SIMD path where the build has one.
inline void CountWorstQualities(const Quality* a, const Quality* b, const Quality* c, int n,
                                std::array<std::int64_t, kQualityCount>& counts) {
  const std::uint8_t* x = Bytes(a);
  const std::uint8_t* y = Bytes(b);
  const std::uint8_t* z = Bytes(c);
  int estimated = 0;
  int missing = 0;
  int t = 0;
#if defined(__AVX512BW__)
  const __m512i one = _mm512_set1_epi8(1);
  const __m512i two = _mm512_set1_epi8(2);
  for (; t < n; t += 64) {
    // The last block loads only the intervals left: masked-off bytes read as 0 ("real", not
    // counted) and do not fault.
    const int left = n - t;
    const __mmask64 lanes = left >= 64 ? ~__mmask64{0} : (__mmask64{1} << left) - 1;
    const __m512i worst = _mm512_max_epu8(_mm512_max_epu8(_mm512_maskz_loadu_epi8(lanes, x + t),
                                                          _mm512_maskz_loadu_epi8(lanes, y + t)),
                                          _mm512_maskz_loadu_epi8(lanes, z + t));
    estimated += __builtin_popcountll(_mm512_cmpeq_epu8_mask(worst, one));
    missing += __builtin_popcountll(_mm512_cmpge_epu8_mask(worst, two));
  }
#elif defined(__AVX2__)
  const __m256i one = _mm256_set1_epi8(1);
  const __m256i two = _mm256_set1_epi8(2);
  for (; t + 32 <= n; t += 32) {
    const auto load = [t](const std::uint8_t* p) {
      return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + t));
    };
    const __m256i worst = _mm256_max_epu8(_mm256_max_epu8(load(x), load(y)), load(z));
    // worst >= 2 exactly when max(worst, 2) == worst (AVX2 has no unsigned byte comparison).
    const __m256i at_least_two = _mm256_cmpeq_epi8(_mm256_max_epu8(worst, two), worst);
    estimated += __builtin_popcount(
        static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(worst, one))));
    missing += __builtin_popcount(static_cast<unsigned>(_mm256_movemask_epi8(at_least_two)));
  }
#endif
  if (t < n) CountWorstBytes(x, y, z, t, n, estimated, missing);
  AddCounts(n, estimated, missing, counts);
}

}  // namespace reparto::internal
