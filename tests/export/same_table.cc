// Test helper comparing a CSV table with its XLSX twin (see same_table.h).
#include "same_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/time.h"
#include "export/xlsx_table.h"
#include "export/xlsx_workbook.h"
#include "fileio/csv.h"

namespace reparto::testing {
namespace {

// One CSV field against the XLSX cell(s) at `column`; returns how many XLSX columns it used.
int ExpectSameCell(std::string_view text, const Column& kind, const XlsxReadSheet& sheet,
                   std::size_t row, int column) {
  SCOPED_TRACE("sheet '" + sheet.name + "', row " + std::to_string(row + 1) + ", column " +
               std::string(kind.name) + " = '" + std::string(text) + "'");
  const XlsxCell* cell = sheet.at(row, column);
  if (text.empty()) {
    EXPECT_EQ(cell, nullptr) << cell->text;
    return 1;
  }
  if (cell == nullptr) {
    ADD_FAILURE() << "no cell";
    return kind.kind == ColumnKind::kInstant ? 2 : 1;
  }
  switch (kind.kind) {
    case ColumnKind::kText:
      EXPECT_FALSE(cell->numeric);
      EXPECT_EQ(cell->text, text);
      return 1;
    case ColumnKind::kMonth: {
      EXPECT_TRUE(cell->numeric);
      const CivilDate first{std::stoi(std::string(text.substr(0, 4))),
                            std::stoi(std::string(text.substr(5, 2))), 1};
      EXPECT_EQ(cell->number(), ExcelSerial(DaysFromCivil(first) * 86400));
      return 1;
    }
    case ColumnKind::kInstant: {
      EXPECT_TRUE(cell->numeric);
      const auto utc = ParseIsoInstant(text);
      EXPECT_TRUE(utc.ok());
      const std::string_view offset = text.substr(text.size() - 6);
      const int sign = offset[0] == '-' ? -1 : 1;
      const int offset_seconds = sign * (std::stoi(std::string(offset.substr(1, 2))) * 3600 +
                                         std::stoi(std::string(offset.substr(4, 2))) * 60);
      EXPECT_DOUBLE_EQ(cell->number(), ExcelSerial(*utc + offset_seconds));
      const XlsxCell* offset_cell = sheet.at(row, column + 1);
      EXPECT_NE(offset_cell, nullptr);
      if (offset_cell != nullptr) {
        EXPECT_FALSE(offset_cell->numeric);
        EXPECT_EQ(offset_cell->text, offset);
      }
      return 2;
    }
    default:
      EXPECT_TRUE(cell->numeric);
      EXPECT_EQ(cell->number(), std::stod(std::string(text)));  // exactly the same double
      return 1;
  }
}

void ExpectHeader(const XlsxReadSheet& sheet, std::span<const Column> columns) {
  int column = 0;
  for (const Column& c : columns) {
    const XlsxCell* cell = sheet.at(0, column++);
    ASSERT_NE(cell, nullptr) << sheet.name << ": " << c.name;
    EXPECT_EQ(cell->text, c.name) << sheet.name;
    if (c.kind == ColumnKind::kInstant) {
      const XlsxCell* offset = sheet.at(0, column++);
      ASSERT_NE(offset, nullptr);
      EXPECT_EQ(offset->text, kUtcOffsetColumn);
    }
  }
  EXPECT_EQ(sheet.at(0, column), nullptr) << sheet.name << ": more columns than the list";
  EXPECT_EQ(sheet.frozen, "B2") << sheet.name;
  EXPECT_EQ(sheet.autofilter.substr(0, 3), "A1:") << sheet.name;
}

}  // namespace

std::size_t ExpectSameTable(std::string_view csv, const std::vector<XlsxReadSheet>& sheets,
                            std::span<const Column> columns) {
  CsvCursor cursor(csv, ',');
  EXPECT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.size(), columns.size());
  for (std::size_t i = 0; i < cursor.size() && i < columns.size(); ++i) {
    EXPECT_EQ(cursor.field(i), columns[i].name);
  }
  std::size_t sheet_index = 0;
  std::size_t row = 0;  // in the current sheet (0: header)
  std::size_t compared = 0;
  for (const XlsxReadSheet& sheet : sheets) ExpectHeader(sheet, columns);
  while (cursor.Next()) {
    while (sheet_index < sheets.size() && row + 1 >= sheets[sheet_index].rows.size()) {
      ++sheet_index;
      row = 0;
    }
    if (sheet_index == sheets.size()) {
      ADD_FAILURE() << "the XLSX ends before CSV line " << cursor.line();
      return compared;
    }
    ++row;
    const XlsxReadSheet& sheet = sheets[sheet_index];
    EXPECT_EQ(cursor.size(), columns.size()) << "CSV line " << cursor.line();
    int column = 0;
    std::size_t cells = 0;
    for (std::size_t i = 0; i < cursor.size() && i < columns.size(); ++i) {
      const int used = ExpectSameCell(cursor.field(i), columns[i], sheet, row, column);
      column += used;
      if (!cursor.field(i).empty()) cells += static_cast<std::size_t>(used);
    }
    EXPECT_EQ(sheet.rows[row].size(), cells) << "sheet '" << sheet.name << "', row " << row + 1;
    ++compared;
  }
  EXPECT_TRUE(cursor.error().empty()) << cursor.error();
  std::size_t xlsx_rows = 0;
  for (const XlsxReadSheet& sheet : sheets) xlsx_rows += sheet.rows.size() - 1;
  EXPECT_EQ(xlsx_rows, compared) << "data rows in the XLSX and in the CSV";
  return compared;
}

}  // namespace reparto::testing
