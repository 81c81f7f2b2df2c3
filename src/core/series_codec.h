// Packed day series: how one participant's readings or results over one local day are stored (one
// database row per participant and day, see docs/store.md), and back.
//
// Units: energy in mWh per interval, as everywhere in the engine. A day holds the grid's intervals
// of that local day (92, 96 or 100 quarter-hours, or 23-25 hours).
//
// Encoding (version byte first, so the format can evolve): every energy array is either "all zero"
// (one byte) or zigzag varints of the differences between neighbours (2-3 bytes a value for meter
// data); every quality array is "all real", "all missing" or 2 bits a value; the sources of a day's
// readings (which import wrote which interval) are run-length coded. Decoding checks every length
// and fails with a message on corrupt or truncated input; it never reads past the end.
//
//   DayReadings day{.n_intervals = 96, ...};
//   std::string packed = EncodeDayReadings(day);
//   Result<DayReadings> back = DecodeDayReadings(packed);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/allocation.h"
#include "core/community.h"
#include "core/energy.h"
#include "core/status.h"

namespace reparto {

// One participant's readings over one local day. `source[i]` is the import that wrote interval i
// (0 where nothing has been imported; those intervals are missing).
struct DayReadings {
  int n_intervals = 0;
  std::vector<MilliWh> cr, ir;
  std::vector<Quality> cr_quality, ir_quality;
  std::vector<std::int64_t> source;

  // A day with every interval missing and no source.
  static DayReadings Empty(int n_intervals);
  friend bool operator==(const DayReadings&, const DayReadings&) = default;
};

// One participant's results over one local day: the arrays of a ParticipantRun that cannot be
// derived from the others (supplier = CM − EA, surplus = EI − EA, and shared = IM while the
// participant is an active source, 0 otherwise: see core IsActiveAt).
struct DayResults {
  int n_intervals = 0;
  std::vector<MilliWh> cr, ir, cm, im, imputed, self_consumed;
  std::array<std::vector<MilliWh>, kOriginCount> by_origin;
  std::vector<Quality> quality, own_quality;

  friend bool operator==(const DayResults&, const DayResults&) = default;
};

// The community's values over one local day (PoolRun).
struct DayPool {
  int n_intervals = 0;
  std::vector<MilliWh> pool, unallocated, consumption;
  std::vector<Quality> quality;

  friend bool operator==(const DayPool&, const DayPool&) = default;
};

std::string EncodeDayReadings(const DayReadings& day);
Result<DayReadings> DecodeDayReadings(std::string_view packed);

std::string EncodeDayResults(const DayResults& day);
Result<DayResults> DecodeDayResults(std::string_view packed);

std::string EncodeDayPool(const DayPool& day);
Result<DayPool> DecodeDayPool(std::string_view packed);

// Copies a ParticipantRun (one member's day) into DayResults, and a PoolRun into DayPool.
DayResults ToDayResults(const ParticipantRun& run);
DayPool ToDayPool(const PoolRun& pool);

}  // namespace reparto
