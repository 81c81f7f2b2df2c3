// CUPS and CAU syntax checks (see cups_syntax.h).
#include "distributor/cups_syntax.h"

#include "core/supply_point.h"

namespace reparto::distributor {

std::string CupsProblem(std::string_view cups) {
  const Status status = ValidateCups(cups);
  return status.ok() ? std::string() : status.message();
}

std::string CauProblem(std::string_view cau) {
  auto quoted = [&] { return "CAU '" + std::string(cau) + "'"; };
  constexpr const char* kShape = " (expected a 22-character CUPS + 'A' + 3 digits, 26 characters)";
  if (cau.size() != 26) {
    return quoted() + " has " + std::to_string(cau.size()) + " characters" + kShape;
  }
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (cau[22] != 'A' || !is_digit(cau[23]) || !is_digit(cau[24]) || !is_digit(cau[25])) {
    return quoted() + " does not end in 'A' + 3 digits" + kShape;
  }
  const std::string cups_problem = CupsProblem(cau.substr(0, 22));
  if (!cups_problem.empty()) return quoted() + ": its CUPS part is wrong: " + cups_problem;
  return "";
}

}  // namespace reparto::distributor
