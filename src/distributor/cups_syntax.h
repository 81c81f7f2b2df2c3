// Syntax checks for the Spanish identifiers that appear in the distributor's coefficient file:
// the CUPS (supply point code) and the CAU (self-consumption code, used in the file name).
//
// A private copy for this folder: src/core/supply_point.h (ValidateCups) did not exist when this
// was written. Switch to it once it lands, keeping these tests.
//
// CUPS: "ES" + 16 digits + 2 control letters + an optional 2-character suffix (digits or
// uppercase letters, usually a border-point number and a type such as "0F"). The control letters
// are the 16 digits modulo 529: quotient and remainder by 23 index "TRWAGMYFPDXBNJZSQVHLCKE".
// CAU: a 22-character CUPS (with suffix) + "A" + 3 digits (26 characters).
//
//   CupsProblem("ES0021000000000001RK0F");  // "" (valid)
//   CupsProblem("ES0021000000000001RE");    // "control letters 'RE' should be 'RK' ..."
#pragma once

#include <string>
#include <string_view>

namespace reparto::distributor {

// The two control letters of 16 digits (which must all be '0'..'9').
std::string CupsControlLetters(std::string_view sixteen_digits);

// Empty when `cups` is a well-formed CUPS, otherwise what is wrong (for a person, without the
// file/line context).
std::string CupsProblem(std::string_view cups);

// Empty when `cau` is a well-formed CAU, otherwise what is wrong.
std::string CauProblem(std::string_view cau);

}  // namespace reparto::distributor
