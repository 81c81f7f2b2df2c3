// CsvBuffer: buffered CSV text with exact fixed-point number formatting (mWh -> kWh with 6
// decimals). See csv_buffer.h.
#include "report/csv_buffer.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace reparto {
namespace {

// Writes the decimal digits of `value` ending just before `end`; returns the first digit.
char* FormatUnsigned(std::uint64_t value, char* end) {
  char* p = end;
  do {
    *--p = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return p;
}

std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

}  // namespace

std::int64_t RatioMicros(std::int64_t num, std::int64_t den) {
  const bool negative = (num < 0) != (den < 0) && num != 0;
  const unsigned __int128 n = Magnitude(num);
  const unsigned __int128 d = Magnitude(den);
  // round(n * 1e6 / d), half away from zero.
  unsigned __int128 micros = (n * 2'000'000 + d) / (2 * d);
  constexpr unsigned __int128 kLargest = static_cast<std::uint64_t>(INT64_MAX);
  if (micros > kLargest) micros = kLargest;  // never for real ratios; avoids overflow
  const std::int64_t value = static_cast<std::int64_t>(micros);
  return negative ? -value : value;
}

CsvBuffer::CsvBuffer(std::FILE* out, std::string name) : out_(out), name_(std::move(name)) {
  if (out_ != nullptr) buffer_.reserve(kBlockSize + 4096);
}

std::string CsvBuffer::EscapeField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string escaped = "\"";
  for (char c : text) {
    if (c == '"') escaped.push_back('"');
    escaped.push_back(c);
  }
  escaped.push_back('"');
  return escaped;
}

void CsvBuffer::AppendField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    Append(text);
  } else {
    Append(EscapeField(text));
  }
}

void CsvBuffer::AppendInt(std::int64_t value) {
  char digits[24];
  char* end = digits + sizeof digits;
  char* p = FormatUnsigned(Magnitude(value), end);
  if (value < 0) *--p = '-';
  buffer_.append(p, static_cast<std::size_t>(end - p));
  MaybeWrite();
}

void CsvBuffer::AppendFixed(std::int64_t value, int decimals) {
  const std::uint64_t magnitude = Magnitude(value);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::uint64_t fraction = magnitude % unit;
  char digits[48];
  char* end = digits + sizeof digits;
  char* p = end;
  for (int i = 0; i < decimals; ++i) {
    *--p = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  *--p = '.';
  p = FormatUnsigned(magnitude / unit, p);
  if (value < 0) *--p = '-';
  buffer_.append(p, static_cast<std::size_t>(end - p));
  MaybeWrite();
}

void CsvBuffer::AppendRatio(std::int64_t num, std::int64_t den) {
  if (den != 0) AppendMicros(RatioMicros(num, den));
}

void CsvBuffer::WriteBuffer() {
  if (out_ == nullptr) return;  // in-memory mode keeps everything
  if (status_.ok() && !buffer_.empty()) {
    errno = 0;
    const std::size_t written = std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    if (written != buffer_.size()) {
      const int error = errno;
      status_ = Status::Error(
          name_ + ": write failed: " + (error != 0 ? std::strerror(error) : "short write"));
    }
  }
  buffer_.clear();  // after an error, later output is dropped
}

Status CsvBuffer::Flush() {
  WriteBuffer();
  if (out_ != nullptr && status_.ok()) {
    errno = 0;
    if (std::fflush(out_) != 0) {
      const int error = errno;
      status_ = Status::Error(
          name_ + ": write failed: " + (error != 0 ? std::strerror(error) : "flush error"));
    } else if (std::ferror(out_)) {
      status_ = Status::Error(name_ + ": write failed");
    }
  }
  return status_;
}

}  // namespace reparto
