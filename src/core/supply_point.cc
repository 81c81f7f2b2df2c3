// Supply-point identifier checks: CUPS control letters, CPE and PRM syntax (see supply_point.h).
#include "core/supply_point.h"

namespace reparto {
namespace {

constexpr std::size_t kCupsLength = 20;
constexpr std::size_t kCupsWithSuffixLength = 22;
constexpr std::size_t kCpeLength = 20;
constexpr std::size_t kPrmLength = 14;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Appends rather than `"'" + std::string(...)`, which trips GCC 12's -Wrestrict false positive.
std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text);
  quoted.push_back('\'');
  return quoted;
}

// Checks `count` digits starting at `pos` (0-based); the message gives the 1-based position.
Status CheckDigits(std::string_view kind, std::string_view id, std::size_t pos, std::size_t count) {
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(id[i])) {
      return Status::Error(std::string(kind) + " " + Quoted(id) + ": character " +
                           std::to_string(i + 1) + " should be a digit, got " +
                           Quoted(id.substr(i, 1)));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> CupsControlLetters(std::string_view digits) {
  if (digits.size() != 16) {
    return Status::Error("the number of a CUPS has 16 digits, got " + Quoted(digits));
  }
  int remainder = 0;  // the 16 digits as a number, modulo 529, one digit at a time
  for (char c : digits) {
    if (!IsDigit(c)) {
      return Status::Error("the number of a CUPS has 16 digits, got " + Quoted(digits));
    }
    remainder = (remainder * 10 + (c - '0')) % 529;
  }
  const auto quotient = static_cast<std::size_t>(remainder / 23);
  const auto rest = static_cast<std::size_t>(remainder % 23);
  return std::string{kCupsLetters[quotient], kCupsLetters[rest]};
}

bool LooksLikeCups(std::string_view id) {
  return id.starts_with("ES") && (id.size() == kCupsLength || id.size() == kCupsWithSuffixLength);
}

Status ValidateCups(std::string_view id) {
  const std::string what = "CUPS " + Quoted(id);
  if (!id.starts_with("ES")) {
    return Status::Error(what + ": should start with 'ES', got " + Quoted(id.substr(0, 2)));
  }
  if (id.size() != kCupsLength && id.size() != kCupsWithSuffixLength) {
    return Status::Error(what +
                         ": expected 20 characters ('ES', 16 digits, 2 control letters) or " +
                         "22 (with a suffix such as '0F'), got " + std::to_string(id.size()));
  }
  if (Status s = CheckDigits("CUPS", id, 2, 16); !s.ok()) return s;
  auto expected = CupsControlLetters(id.substr(2, 16));
  if (!expected.ok()) return expected.status();
  const std::string_view got = id.substr(18, 2);
  if (got != *expected) {
    return Status::Error(what + ": control letters should be " + Quoted(*expected) + ", got " +
                         Quoted(got));
  }
  if (id.size() == kCupsWithSuffixLength) {
    const std::string_view suffix = id.substr(20, 2);
    if (!IsDigit(suffix[0]) || !IsUpper(suffix[1])) {
      return Status::Error(what + ": the suffix should be a digit and a letter such as '0F' or " +
                           "'1P', got " + Quoted(suffix));
    }
  }
  return Status::Ok();
}

bool LooksLikeCpe(std::string_view id) { return id.starts_with("PT") && id.size() == kCpeLength; }

Status ValidateCpe(std::string_view id) {
  const std::string what = "CPE " + Quoted(id);
  if (!id.starts_with("PT")) {
    return Status::Error(what + ": should start with 'PT', got " + Quoted(id.substr(0, 2)));
  }
  if (id.size() != kCpeLength) {
    return Status::Error(what + ": expected 20 characters ('PT', 16 digits, 2 letters), got " +
                         std::to_string(id.size()));
  }
  if (Status s = CheckDigits("CPE", id, 2, 16); !s.ok()) return s;
  for (std::size_t i = 18; i < kCpeLength; ++i) {
    if (!IsUpper(id[i])) {
      return Status::Error(what + ": character " + std::to_string(i + 1) +
                           " should be an upper-case letter, got " + Quoted(id.substr(i, 1)));
    }
  }
  return Status::Ok();
}

bool LooksLikePrm(std::string_view id) {
  if (id.size() != kPrmLength) return false;
  for (char c : id) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

Status ValidatePrm(std::string_view id) {
  if (id.size() != kPrmLength) {
    return Status::Error("PRM " + Quoted(id) + ": expected 14 digits, got " +
                         std::to_string(id.size()) + " characters");
  }
  return CheckDigits("PRM", id, 0, kPrmLength);
}

Status ValidateIfSupplyPoint(std::string_view id) {
  // "ES"/"PT" followed by a digit is meant as a CUPS/CPE even with a wrong length (a typo).
  const bool meant = id.size() > 2 && IsDigit(id[2]);
  if (LooksLikeCups(id) || (meant && id.starts_with("ES"))) return ValidateCups(id);
  if (LooksLikeCpe(id) || (meant && id.starts_with("PT"))) return ValidateCpe(id);
  return Status::Ok();
}

}  // namespace reparto
