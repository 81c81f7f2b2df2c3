// Reader of the project's canonical readings CSV (spec/formats.md §1.2):
//   participant,start,consumption_kwh,injection_kwh,quality
// `start` an ISO 8601 instant with offset or Z; energies in kWh with '.' decimals (exact to the
// mWh); an empty energy cell is missing; quality real (default when empty) or estimated.
#pragma once

#include <string_view>

#include "core/readings.h"
#include "core/status.h"

namespace reparto::ingest {

// Every record lasts `step_seconds` (the community step: the file does not carry it).
Result<ReadingBatch> ReadCanonicalCsv(std::string_view text, std::string_view source,
                                      int step_seconds);

}  // namespace reparto::ingest
