// Exact decimal text to integer milliwatt-hours (mWh), for every reader of meter exports.
//
// A number such as "0,228" or "4.8000000000000001E-2" is read digit by digit (never through a
// binary float) and multiplied by the number of mWh one unit is worth, given as the exact fraction
// mwh_num / mwh_den: kWh -> 1 000 000 / 1, Wh -> 1 000 / 1, average kW over a quarter-hour ->
// 1 000 000 / 4. A result that is not a whole number of mWh is rounded half up (only the 17-digit
// renderings of binary doubles in XLSX cells, or more than 6 decimals of kWh, ever need it).
//
//   DecimalFormat kwh = DecimalFormat::KWh(',', '.');
//   DecimalParse p = ParseMilliWh("0,120", kwh);   // p.value == 120000
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/energy.h"

namespace reparto::ingest {

struct DecimalFormat {
  char decimal_point = '.';               // accepted decimal separator
  char alt_decimal_point = '\0';          // a second accepted separator, '\0' for none
  bool allow_exponent = false;            // accept "4.8E-2" (XLSX numeric cells)
  std::int64_t mwh_num = kMilliWhPerKWh;  // one unit of the text is mwh_num / mwh_den mWh
  std::int64_t mwh_den = 1;
  const char* unit = "kWh";  // for messages

  static constexpr DecimalFormat KWh(char point, char alt = '\0') {
    return {point, alt, false, kMilliWhPerKWh, 1, "kWh"};
  }
  static constexpr DecimalFormat Wh(char point, char alt = '\0') {
    return {point, alt, false, 1000, 1, "Wh"};
  }
  // Average kW over a quarter-hour: kWh = kW / 4.
  static constexpr DecimalFormat QuarterHourKW(char point, char alt, bool exponent) {
    return {point, alt, exponent, kMilliWhPerKWh, 4, "kW"};
  }
};

enum class DecimalError : std::uint8_t { kOk, kEmpty, kNegative, kMalformed, kTooLarge };

struct DecimalParse {
  DecimalError error = DecimalError::kOk;
  std::size_t position = 0;  // 0-based offset in the text of the offending character
  MilliWh value = 0;
  bool ok() const { return error == DecimalError::kOk; }
};

// Parses `text` (surrounding spaces allowed). Empty text -> kEmpty (callers treat it as missing).
// A minus sign in front of a non-zero number -> kNegative; anything else that is not a number
// -> kMalformed with the position of the first bad character.
DecimalParse ParseMilliWh(std::string_view text, const DecimalFormat& format);

// "negative consumption '-0.5'" / "malformed number 'abc' (expected a decimal with ',')".
// `what` names the quantity ("consumption").
std::string DescribeDecimalError(const DecimalParse& parse, std::string_view text,
                                 std::string_view what, const DecimalFormat& format);

}  // namespace reparto::ingest
