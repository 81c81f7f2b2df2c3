// CsvBuffer: fast text output for the report writers. Characters go to an in-memory buffer with
// hand-written number formatting (no iostream, no printf per field) and are written to a
// std::FILE* in large blocks. The first write error is kept as a Status naming the output.
//
// Units: AppendKwh takes an integer mWh and prints kWh with exactly 6 decimals, exactly
// (120000 -> "0.120000"); AppendRatio prints num/den with 6 decimals, rounded half up.
//
//   CsvBuffer out(file, "diagram.csv");
//   out.Append("a,"); out.AppendKwh(120000); out.Append('\n');
//   Status s = out.Flush();   // "diagram.csv: write failed: No space left on device"
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/energy.h"
#include "core/status.h"

namespace reparto {

// num / den in millionths, rounded half away from zero (den != 0): the value AppendRatio prints,
// so that other formats show the same number (36/51 -> 705882).
std::int64_t RatioMicros(std::int64_t num, std::int64_t den);

class CsvBuffer {
 public:
  // `out` is not owned; null keeps everything in memory (see contents()). `name` names the
  // output in error messages.
  CsvBuffer(std::FILE* out, std::string name);
  CsvBuffer(const CsvBuffer&) = delete;
  CsvBuffer& operator=(const CsvBuffer&) = delete;

  void Append(std::string_view text) {
    buffer_.append(text);
    MaybeWrite();
  }
  void Append(char c) {
    buffer_.push_back(c);
    MaybeWrite();
  }
  // A CSV field: quoted ("a,b" -> "\"a,b\"", quotes doubled) only when it needs to be.
  void AppendField(std::string_view text);
  void AppendInt(std::int64_t value);
  // mWh as kWh with exactly 6 decimals: 120000 -> "0.120000", -1 -> "-0.000001".
  void AppendKwh(MilliWh mwh) { AppendMicros(mwh); }
  // An integer count of millionths with exactly 6 decimals (mW as kW, mWh as kWh).
  void AppendMicros(std::int64_t micros) { AppendFixed(micros, 6); }
  // Whole cents as euros with 2 decimals: 413 -> "4.13".
  void AppendCents(std::int64_t cents) { AppendFixed(cents, 2); }
  // An integer count of 10^-decimals units, printed exactly with `decimals` (1..18) decimals.
  void AppendFixed(std::int64_t value, int decimals);
  // num / den with 6 decimals, rounded half away from zero; nothing at all when den == 0.
  void AppendRatio(std::int64_t num, std::int64_t den);

  // Writes the buffer to the file and flushes the FILE (does not close it). Returns the first
  // error seen since construction.
  Status Flush();
  const Status& status() const { return status_; }
  // What is buffered (everything, when constructed with a null FILE).
  std::string_view contents() const { return buffer_; }

  // Escaped form of a field (for text written many times: escape once, Append many times).
  static std::string EscapeField(std::string_view text);

 private:
  void MaybeWrite() {
    if (buffer_.size() >= kBlockSize) WriteBuffer();
  }
  void WriteBuffer();

  static constexpr std::size_t kBlockSize = 1 << 20;
  std::FILE* out_;
  std::string name_;
  std::string buffer_;
  Status status_;
};

}  // namespace reparto
