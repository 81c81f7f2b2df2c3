// Little building blocks of the store's packed formats: LEB128 varints, zigzag signed integers,
// and a reader that fails cleanly on truncated or corrupt input instead of reading past the end.
//
// Units: none; these are bytes. Used by core/series_codec.cc and core/period_codec.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reparto::internal {

inline void PutVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

inline std::uint64_t ZigZag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}
inline std::int64_t UnZigZag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

inline void PutSigned(std::string& out, std::int64_t value) { PutVarint(out, ZigZag(value)); }

inline void PutString(std::string& out, std::string_view text) {
  PutVarint(out, text.size());
  out.append(text);
}

// Reads what the Put functions wrote. After the first failure every read returns 0 / empty and
// ok() is false, so a decoder can read everything and check once.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  std::uint8_t Byte() {
    if (pos_ >= bytes_.size()) return Fail();
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }
  std::uint64_t Varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return Fail();
      const auto byte = static_cast<std::uint8_t>(bytes_[pos_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return Fail();
  }
  std::int64_t Signed() { return UnZigZag(Varint()); }
  std::string_view String() {
    const std::uint64_t size = Varint();
    if (!ok_ || size > bytes_.size() - pos_) return Fail(), std::string_view();
    std::string_view text = bytes_.substr(pos_, size);
    pos_ += size;
    return text;
  }
  // A count that must not exceed `limit` (guards allocations against corrupt input).
  std::uint64_t Count(std::uint64_t limit) {
    const std::uint64_t count = Varint();
    return count <= limit ? count : Fail();
  }

 private:
  std::uint8_t Fail() {
    ok_ = false;
    pos_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace reparto::internal
