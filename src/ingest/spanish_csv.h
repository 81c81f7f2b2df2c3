// Reader of the Spanish hourly consumption exports (spec/formats.md §4): Datadis (classic and
// with self-consumption), e-distribución, UFD and i-DE. `;` separated, decimal comma (a point is
// also accepted for kWh values; i-DE's Wh values take a comma only, since "1.234" Wh could be a
// thousands separator), dates dd/mm/yyyy or yyyy/mm/dd.
//
// Hours are 1–24 hour-ending: hour k starts at local midnight + (k − 1) real hours, so the spring
// day has 23 and the autumn day 25 numbered hours; an hour beyond the day's length is an error.
// A file numbered 0–23 throughout is accepted (hour h starts at midnight + h hours); a file that
// mixes hour 0 with hour 24 or 25 is rejected. i-DE's FECHA-HORA is the clock time at the END of
// the hour; its INV / VER flag (0/INV winter, 1/VER summer) tells which of the two repeated autumn
// hours a row is. Every record lasts 3600 s; its name is the CUPS of the row.
#pragma once

#include <string_view>

#include "core/readings.h"
#include "core/status.h"
#include "core/time.h"
#include "ingest/reader.h"

namespace reparto::ingest {

// `format` must be one of the five Spanish formats.
Result<ReadingBatch> ReadSpanishCsv(std::string_view text, std::string_view source,
                                    ReadingFormat format, const TimeZone& zone);

}  // namespace reparto::ingest
