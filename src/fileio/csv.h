// A fast CSV tokenizer over a text held in memory, for every CSV-type reader.
//
// Rows are returned as string views into the text (no allocation per row; a quoted field with
// doubled quotes is unescaped into a buffer the cursor reuses). Handles a UTF-8 byte-order mark,
// LF and CRLF line ends, quoted fields (which may hold separators and line ends) and skips blank
// lines. Line numbers are 1-based physical lines; columns are 1-based byte positions in the line.
//
//   CsvCursor csv(text, ';');
//   while (csv.Next()) {
//     for (std::size_t i = 0; i < csv.size(); ++i) Use(csv.field(i), csv.line(), csv.column(i));
//   }
//   if (!csv.error().empty()) ...   // "3:7: unterminated quoted field"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reparto {

class CsvCursor {
 public:
  CsvCursor(std::string_view text, char separator);

  // Moves to the next non-blank row. Returns false at the end of the text or on a malformed row
  // (then error() says why).
  bool Next();

  std::size_t size() const { return fields_.size(); }
  std::string_view field(std::size_t i) const { return fields_[i]; }
  const std::vector<std::string_view>& fields() const { return fields_; }
  // 1-based line where the current row starts.
  std::uint32_t line() const { return line_; }
  // 1-based byte column where field i starts (its opening quote, if quoted).
  std::uint32_t column(std::size_t i) const { return columns_[i]; }
  // Line and column of a byte inside field i (for positions inside a number).
  std::uint32_t column_of(std::size_t i, std::size_t offset_in_field) const;
  // The whole current row as written (without the line end), for messages.
  std::string_view raw_row() const { return raw_row_; }
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
  std::uint32_t next_line_ = 1;
  std::uint32_t line_ = 0;
  std::vector<std::string_view> fields_;
  std::vector<std::uint32_t> columns_;
  std::vector<std::uint8_t> quoted_;
  std::string scratch_;
  std::string_view raw_row_;
  std::string error_;
};

}  // namespace reparto
