// Test helper: reads back every sheet of an XLSX file written by src/export (libzip + pugixml):
// sheet names in order, each cell's text or number as written in the XML, whether it is numeric,
// and its number format code, plus the frozen pane and the autofilter range of each sheet.
// ingest/xlsx_sheet.h reads only the first sheet; this one sees them all and the styles.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace reparto::testing {

struct XlsxCell {
  std::string text;  // the string, or the number as written ("0.051")
  bool numeric = false;
  std::string format;  // number format code ("#,##0.000"); empty for General
  double number() const { return std::stod(text); }
};

struct XlsxReadSheet {
  std::string name;
  // rows[r][c] for 0-based row r and column c; a missing cell is absent from the row's map.
  std::vector<std::map<int, XlsxCell>> rows;
  std::string frozen;      // the pane's top-left cell when panes are frozen ("B2"), else empty
  std::string autofilter;  // "A1:S4", or empty
  const XlsxCell* at(std::size_t row, int column) const {
    if (row >= rows.size()) return nullptr;
    auto found = rows[row].find(column);
    return found == rows[row].end() ? nullptr : &found->second;
  }
};

Result<std::vector<XlsxReadSheet>> ReadXlsxForTest(const std::string& path);

}  // namespace reparto::testing
