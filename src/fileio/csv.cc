// CSV tokenizer over an in-memory text (see csv.h).
#include "fileio/csv.h"

#include <cstring>

namespace reparto {

CsvCursor::CsvCursor(std::string_view text, char separator) : text_(text), separator_(separator) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  fields_.reserve(16);
  columns_.reserve(16);
  quoted_.reserve(16);
}

std::uint32_t CsvCursor::column_of(std::size_t i, std::size_t offset_in_field) const {
  return columns_[i] + static_cast<std::uint32_t>(offset_in_field) + (quoted_[i] ? 1u : 0u);
}

bool CsvCursor::Next() {
  const char* const data = text_.data();
  const std::size_t size = text_.size();
  // Skip blank lines.
  while (pos_ < size) {
    if (data[pos_] == '\n') {
      ++pos_;
      ++next_line_;
    } else if (data[pos_] == '\r' && pos_ + 1 < size && data[pos_ + 1] == '\n') {
      pos_ += 2;
      ++next_line_;
    } else {
      break;
    }
  }
  if (pos_ >= size) return false;

  fields_.clear();
  columns_.clear();
  quoted_.clear();
  scratch_.clear();
  line_ = next_line_;
  std::size_t line_start = pos_;
  const std::size_t row_start = pos_;
  // Unescaped quoted fields live in scratch_ until the row is complete: remember them by offset.
  struct Pending {
    std::size_t field;
    std::size_t offset;
    std::size_t length;
  };
  Pending pending[8];
  std::size_t n_pending = 0;
  std::vector<Pending> more_pending;

  const char sep = separator_;
  while (true) {
    const std::size_t field_start = pos_;
    columns_.push_back(static_cast<std::uint32_t>(field_start - line_start + 1));
    if (pos_ < size && data[pos_] == '"') {
      quoted_.push_back(1);
      ++pos_;
      const std::size_t content_start = pos_;
      bool escaped = false;
      std::size_t scratch_offset = 0;
      while (true) {
        if (pos_ >= size) {
          error_ = std::to_string(line_) + ":" + std::to_string(columns_.back()) +
                   ": unterminated quoted field";
          return false;
        }
        const char c = data[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && data[pos_ + 1] == '"') {
            if (!escaped) {
              escaped = true;
              scratch_offset = scratch_.size();
              scratch_.append(data + content_start, pos_ - content_start);
            }
            scratch_.push_back('"');
            pos_ += 2;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++next_line_;
          line_start = pos_ + 1;
        }
        if (escaped) scratch_.push_back(c);
        ++pos_;
      }
      if (escaped) {
        const Pending p{fields_.size(), scratch_offset, scratch_.size() - scratch_offset};
        if (n_pending < 8) {
          pending[n_pending++] = p;
        } else {
          more_pending.push_back(p);
        }
        fields_.emplace_back();
      } else {
        fields_.emplace_back(data + content_start, pos_ - content_start);
      }
      ++pos_;  // closing quote
      if (pos_ < size && data[pos_] != sep && data[pos_] != '\n' && data[pos_] != '\r') {
        error_ = std::to_string(next_line_) + ":" + std::to_string(pos_ - line_start + 1) +
                 ": unexpected character after a closing quote";
        return false;
      }
    } else {
      quoted_.push_back(0);
      const char* p = data + pos_;
      const char* const end = data + size;
      while (p < end && *p != sep && *p != '\n') ++p;
      std::size_t field_end = static_cast<std::size_t>(p - data);
      pos_ = field_end;
      if (field_end > field_start && data[field_end - 1] == '\r' &&
          (field_end == size || data[field_end] == '\n')) {
        --field_end;
      }
      fields_.emplace_back(data + field_start, field_end - field_start);
    }
    if (pos_ < size && data[pos_] == sep) {
      ++pos_;
      continue;
    }
    // End of row: optional '\r' then '\n' or end of text.
    std::size_t row_end = pos_;
    if (pos_ < size && data[pos_] == '\r') ++pos_;
    if (pos_ < size && data[pos_] == '\n') ++pos_;
    if (row_end > row_start && data[row_end - 1] == '\r') --row_end;
    raw_row_ = std::string_view(data + row_start, row_end - row_start);
    ++next_line_;
    break;
  }
  for (std::size_t k = 0; k < n_pending; ++k) {
    fields_[pending[k].field] =
        std::string_view(scratch_.data() + pending[k].offset, pending[k].length);
  }
  for (const Pending& p : more_pending) {
    fields_[p.field] = std::string_view(scratch_.data() + p.offset, p.length);
  }
  return true;
}

}  // namespace reparto
