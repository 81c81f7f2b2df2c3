// Reads the first worksheet of an XLSX workbook held in memory (libzip + pugixml), resolving
// shared strings, inline strings and numeric cells, into a Sheet of text cells.
//
//   Result<Sheet> sheet = ReadFirstWorksheet(bytes, "export.xlsx");
#pragma once

#include <string_view>

#include "core/status.h"
#include "ingest/sheet.h"

namespace reparto::ingest {

// Errors: not a ZIP, no workbook, malformed XML ("export.xlsx: xl/worksheets/sheet1.xml: ...").
Result<Sheet> ReadFirstWorksheet(std::string_view bytes, std::string_view source);

}  // namespace reparto::ingest
