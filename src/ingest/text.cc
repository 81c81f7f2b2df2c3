// Text helpers for the readers (see text.h).
#include "ingest/text.h"

namespace reparto::ingest {
namespace {

// Reads 1..max_width digits at `pos`; -1 if none.
int ReadNumber(std::string_view text, std::size_t& pos, std::size_t max_width) {
  int value = 0;
  std::size_t width = 0;
  while (pos < text.size() && width < max_width && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++width;
  }
  return width == 0 ? -1 : value;
}

}  // namespace

std::string NormalizeHeader(std::string_view text) {
  std::string out;
  bool pending_separator = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char letter = 0;
    if (c >= 'A' && c <= 'Z') {
      letter = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      letter = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 supplement letters in UTF-8: fold accents (á à â ã ä ç é ê í ó ô õ ú ü ñ).
      const auto d = static_cast<unsigned char>(text[i + 1]) & 0xDF;  // upper and lower alike
      ++i;
      if (d >= 0x80 && d <= 0x85)
        letter = 'a';
      else if (d == 0x87)
        letter = 'c';
      else if (d >= 0x88 && d <= 0x8B)
        letter = 'e';
      else if (d >= 0x8C && d <= 0x8F)
        letter = 'i';
      else if (d == 0x91)
        letter = 'n';
      else if (d >= 0x92 && d <= 0x96)
        letter = 'o';
      else if (d >= 0x99 && d <= 0x9C)
        letter = 'u';
    }
    if (letter == 0) {
      pending_separator = !out.empty();
      continue;
    }
    if (pending_separator) out.push_back('_');
    pending_separator = false;
    out.push_back(letter);
  }
  return out;
}

std::optional<CivilDate> ParseFlexibleDate(std::string_view text) {
  text = Trim(text);
  std::size_t pos = 0;
  const int first = ReadNumber(text, pos, 4);
  const std::size_t first_width = pos;
  if (first < 0 || pos >= text.size() || (text[pos] != '/' && text[pos] != '-')) return {};
  const char sep = text[pos++];
  const int second = ReadNumber(text, pos, 2);
  if (second < 0 || pos >= text.size() || text[pos] != sep) return {};
  ++pos;
  const std::size_t third_start = pos;
  const int third = ReadNumber(text, pos, 4);
  if (third < 0 || pos != text.size()) return {};
  CivilDate date;
  if (first_width == 4) {
    if (pos - third_start > 2) return {};
    date = CivilDate{first, second, third};
  } else {
    if (first_width > 2 || pos - third_start != 4) return {};
    date = CivilDate{third, second, first};
  }
  if (!IsValidCivilDate(date)) return {};
  return date;
}

std::optional<int> ParseClockMinutes(std::string_view text) {
  text = Trim(text);
  std::size_t pos = 0;
  const int hours = ReadNumber(text, pos, 2);
  if (hours < 0 || hours > 25) return {};
  int minutes = 0;
  if (pos < text.size()) {
    if (text[pos] != ':' || pos + 3 > text.size()) return {};
    ++pos;
    const std::size_t start = pos;
    minutes = ReadNumber(text, pos, 2);
    if (minutes < 0 || pos - start != 2 || minutes > 59) return {};
    if (pos < text.size()) {
      if (text[pos] != ':' || pos + 3 != text.size() || text[pos + 1] != '0' ||
          text[pos + 2] != '0') {
        return {};
      }
      pos = text.size();
    }
  }
  return hours * 60 + minutes;
}

std::string ColumnLetters(std::uint32_t column) {
  std::string out;
  while (column > 0) {
    const std::uint32_t rem = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return out;
}

std::string Quote(std::string_view text) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string at -O2.
  std::string out;
  out.reserve(text.size() + 5);
  out.push_back('\'');
  if (text.size() > 60) {
    out.append(text.substr(0, 57));
    out.append("...");
  } else {
    out.append(text);
  }
  out.push_back('\'');
  return out;
}

}  // namespace reparto::ingest
