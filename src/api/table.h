// A table an endpoint answers as JSON (an array of objects) or, with ?format=csv|xlsx, as a
// download made by the report/export writers (CsvBuffer, XlsxWorkbook).
//
// Units: cells carry text (dates), money ("12.34" euros) or numbers (kWh with 3 decimals,
// counts).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "api/handler.h"

namespace reparto::api {

struct TableCell {
  enum class Kind { kText, kInteger, kNumber, kMoney, kNull } kind = Kind::kNull;
  std::string text;  // kText; kNumber, kMoney: the exact decimal text ("12.345", "12.34")
  std::int64_t integer = 0;
  static TableCell Text(std::string t) { return {Kind::kText, std::move(t), 0}; }
  static TableCell Integer(std::int64_t v) { return {Kind::kInteger, "", v}; }
  // A decimal number given as text, written as a number in JSON and XLSX.
  static TableCell Number(std::string t) { return {Kind::kNumber, std::move(t), 0}; }
  // Euros "12.34": a string in JSON (as every amount of the API), a number with two decimals in
  // XLSX.
  static TableCell Money(std::string t) { return {Kind::kMoney, std::move(t), 0}; }
  static TableCell Null() { return {}; }
};

struct Table {
  std::string name;  // file name without extension, sheet name
  std::vector<std::string> columns;
  std::vector<std::vector<TableCell>> rows;
};

// JSON {"<key>": [{column: value, ...}]} or the CSV/XLSX download of `table`.
http::Response TableResponse(const Table& table, TableFormat format, std::string_view key);

// The table's rows as JSON objects.
Json TableRowsJson(const Table& table);

}  // namespace reparto::api
