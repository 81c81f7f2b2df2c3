// Supply-point identifiers: syntax and control-letter checks (spec/formats.md §1.1,
// spec/allocation.md §1). Pure functions, no I/O; nothing here has units.
//
//   CUPS (Spain):    "ES" + 16 digits + 2 control letters [+ 2-character suffix: a digit and a
//                    letter, "0F", "1P"]; 20 or 22 characters. The control letters come from the
//                    16 digits as a number N: N mod 529 = 23 q + r, letters kCupsLetters[q] and
//                    kCupsLetters[r]. "ES0021000000000001RK" and "ES0021000000000001RK0F" are
//                    valid.
//   CPE (Portugal):  "PT" + 16 digits + 2 letters; 20 characters; syntax only.
//   PRM (France):    14 digits; syntax only.
//
// Identifiers are case-sensitive (upper case, as utilities print them) and are not trimmed.
//
//   if (LooksLikeCups(id)) {
//     Status s = ValidateCups(id);  // "CUPS 'ES0021000000000001XX': control letters should be
//     if (!s.ok()) return s;        //  'RK', got 'XX'"
//   }
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace reparto {

// The alphabet indexed by the quotient and the remainder of (N mod 529) / 23.
inline constexpr std::string_view kCupsLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

// The two control letters for the 16 digits of a CUPS ("0021000000000001" -> "RK"); an error if
// `digits` is not exactly 16 decimal digits.
[[nodiscard]] Result<std::string> CupsControlLetters(std::string_view digits);

// Full check of a CUPS: prefix, length, digits, control letters and the optional suffix. The
// message names the identifier and says what is wrong.
[[nodiscard]] Status ValidateCups(std::string_view id);
// True when `id` starts with "ES" and has 20 or 22 characters: an id meant as a CUPS.
[[nodiscard]] bool LooksLikeCups(std::string_view id);

// Syntax of a Portuguese CPE: "PT", 16 digits, 2 upper-case letters.
[[nodiscard]] Status ValidateCpe(std::string_view id);
// True when `id` starts with "PT" and has 20 characters.
[[nodiscard]] bool LooksLikeCpe(std::string_view id);

// Syntax of a French PRM: exactly 14 digits.
[[nodiscard]] Status ValidatePrm(std::string_view id);
// True when `id` is 14 characters, all digits.
[[nodiscard]] bool LooksLikePrm(std::string_view id);

// The check of spec/formats.md §1.1 for participant ids: an id that looks like a CUPS or a CPE
// (LooksLike*, or "ES"/"PT" followed by a digit, so that a CUPS with a digit missing is caught)
// must be a valid one; any other id ("PV1", "ES-roof", a PRM) is accepted as it is.
[[nodiscard]] Status ValidateIfSupplyPoint(std::string_view id);

}  // namespace reparto
