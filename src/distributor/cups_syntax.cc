// CUPS and CAU syntax checks (see cups_syntax.h).
#include "distributor/cups_syntax.h"

#include <cstdint>

namespace reparto::distributor {
namespace {

constexpr std::string_view kControlTable = "TRWAGMYFPDXBNJZSQVHLCKE";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::string CupsControlLetters(std::string_view sixteen_digits) {
  std::int64_t number = 0;
  for (const char c : sixteen_digits) number = number * 10 + (c - '0');
  const auto remainder = static_cast<std::size_t>(number % 529);
  return {kControlTable[remainder / 23], kControlTable[remainder % 23]};
}

std::string CupsProblem(std::string_view cups) {
  auto quoted = [&] { return "CUPS '" + std::string(cups) + "'"; };
  constexpr const char* kShape =
      " (expected ES + 16 digits + 2 control letters + optional 2-character suffix)";
  if (cups.size() != 20 && cups.size() != 22) {
    return quoted() + " has " + std::to_string(cups.size()) + " characters, expected 20 or 22" +
           kShape;
  }
  if (cups.substr(0, 2) != "ES") return quoted() + " does not start with 'ES'" + kShape;
  for (std::size_t i = 2; i < 18; ++i) {
    if (!IsDigit(cups[i])) {
      return quoted() + ": character " + std::to_string(i + 1) + " is not a digit" + kShape;
    }
  }
  if (!IsUpper(cups[18]) || !IsUpper(cups[19])) {
    return quoted() + ": characters 19-20 must be two uppercase control letters" + kShape;
  }
  const std::string expected = CupsControlLetters(cups.substr(2, 16));
  if (cups.substr(18, 2) != expected) {
    return quoted() + ": control letters '" + std::string(cups.substr(18, 2)) + "' should be '" +
           expected + "' for the digits " + std::string(cups.substr(2, 16));
  }
  if (cups.size() == 22) {
    for (std::size_t i = 20; i < 22; ++i) {
      if (!IsDigit(cups[i]) && !IsUpper(cups[i])) {
        return quoted() + ": suffix '" + std::string(cups.substr(20)) +
               "' must be digits or uppercase letters (like 0F)";
      }
    }
  }
  return "";
}

std::string CauProblem(std::string_view cau) {
  auto quoted = [&] { return "CAU '" + std::string(cau) + "'"; };
  constexpr const char* kShape = " (expected a 22-character CUPS + 'A' + 3 digits, 26 characters)";
  if (cau.size() != 26) {
    return quoted() + " has " + std::to_string(cau.size()) + " characters" + kShape;
  }
  if (cau[22] != 'A' || !IsDigit(cau[23]) || !IsDigit(cau[24]) || !IsDigit(cau[25])) {
    return quoted() + " does not end in 'A' + 3 digits" + kShape;
  }
  std::string cups_problem = CupsProblem(cau.substr(0, 22));
  if (!cups_problem.empty()) return quoted() + ": its CUPS part is wrong: " + cups_problem;
  return "";
}

}  // namespace reparto::distributor
