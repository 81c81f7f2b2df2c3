// Syntax checks for the Spanish identifiers that appear in the distributor's coefficient file:
// the CUPS (supply point code, checked by core/supply_point.h's ValidateCups) and the CAU
// (self-consumption code, used in the file name). Nothing here has units.
//
// CUPS: "ES" + 16 digits + 2 control letters + an optional suffix of a digit and a letter ("0F").
// CAU: a 22-character CUPS (with suffix) + "A" + 3 digits, 26 characters
// (e.g. "ES0021000000000001RK0FA001").
//
//   CupsProblem("ES0021000000000001RK0F");  // "" (valid)
//   CupsProblem("ES0021000000000001RE");    // "CUPS '...': control letters should be 'RK', ..."
#pragma once

#include <string>
#include <string_view>

namespace reparto::distributor {

// Empty when `cups` is a well-formed CUPS, otherwise what is wrong (for a person, without the
// file/line context).
std::string CupsProblem(std::string_view cups);

// Empty when `cau` is a well-formed CAU, otherwise what is wrong.
std::string CauProblem(std::string_view cau);

}  // namespace reparto::distributor
