// Reader of the Portuguese E-REDES "Balcão Digital" 15-minute export (spec/formats.md §3), from
// the XLSX workbook or from a CSV rendering of it (with its metadata rows and `Data`,`Hora` header,
// `;` or `,` separated, decimal comma or point; or the snake_case re-export
// `date,time,consumo_medido_IC_kW,estado1,...,consumo_registado_kW,estado3,injecao_registada_kW,
// estado4`).
//
// Values are average kW over the quarter-hour: mWh = kW x 1 000 000 / 4, exactly. `Hora` is the
// END of the quarter-hour (00:00 on the next date, or 24:00, closes a day). On days that are not
// 96 quarter-hours long (daylight-saving days: 92 or 100) the instant is never derived from the
// label: the k-th row of the day starts at local midnight + k x 15 min, and the day must be
// complete. The CPE from the metadata rows, when present, is names[0] ("" otherwise).
#pragma once

#include <string_view>

#include "core/readings.h"
#include "core/status.h"
#include "core/time.h"
#include "ingest/sheet.h"

namespace reparto::ingest {

Result<ReadingBatch> ReadEredesXlsx(std::string_view bytes, std::string_view source,
                                    const TimeZone& zone);
Result<ReadingBatch> ReadEredesCsv(std::string_view text, std::string_view source,
                                   const TimeZone& zone);
// The part both share: a table of cells (metadata rows, header row, data rows) to records.
Result<ReadingBatch> ReadEredesSheet(const Sheet& sheet, std::string_view source,
                                     const TimeZone& zone);

}  // namespace reparto::ingest
