// A table of text cells, the common shape of a worksheet read from an XLSX file and of a CSV
// file read as a whole, so one reader (E-REDES) can serve both.
//
// Positions are kept for messages: a worksheet cell is "row 16, column G"; a CSV cell is
// "16:23" (line and byte column).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reparto::ingest {

struct SheetCell {
  std::string text;          // shared / inline string, or the number as written in the XML
  bool numeric = false;      // an XLSX numeric cell (may use an exponent: 4.8E-2)
  std::uint32_t column = 0;  // 1-based: spreadsheet column index, or CSV byte column
};

struct SheetRow {
  std::uint32_t line = 0;        // 1-based spreadsheet row or CSV line
  std::vector<SheetCell> cells;  // in column order; a worksheet's gaps are empty cells
};

struct Sheet {
  bool spreadsheet = false;  // positions are rows and column letters (XLSX), else line:column
  std::vector<SheetRow> rows;
};

}  // namespace reparto::ingest
