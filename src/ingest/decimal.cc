// Exact decimal text to integer mWh (see decimal.h).
#include "ingest/decimal.h"

#include <limits>

#include "ingest/text.h"

namespace reparto::ingest {
namespace {

using U128 = unsigned __int128;

constexpr int kMaxDigits = 30;  // significant digits kept exactly (10^30 x 10^6 fits in 128 bits)

constexpr std::uint64_t kPow10[] = {1ULL,
                                    10ULL,
                                    100ULL,
                                    1000ULL,
                                    10000ULL,
                                    100000ULL,
                                    1000000ULL,
                                    10000000ULL,
                                    100000000ULL,
                                    1000000000ULL,
                                    10000000000ULL,
                                    100000000000ULL,
                                    1000000000000ULL,
                                    10000000000000ULL,
                                    100000000000000ULL,
                                    1000000000000000ULL,
                                    10000000000000000ULL,
                                    100000000000000000ULL,
                                    1000000000000000000ULL};

U128 Pow10Wide(int n) {
  U128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

DecimalParse Fail(DecimalError error, std::size_t position) {
  DecimalParse out;
  out.error = error;
  out.position = position;
  return out;
}

}  // namespace

DecimalParse ParseMilliWh(std::string_view text, const DecimalFormat& format) {
  std::size_t i = 0;
  std::size_t n = text.size();
  while (i < n && IsSpace(text[i])) ++i;
  while (n > i && IsSpace(text[n - 1])) --n;
  if (i == n) return Fail(DecimalError::kEmpty, i);

  const std::size_t sign_position = i;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') {
    negative = text[i] == '-';
    ++i;
  }
  U128 mantissa = 0;
  int digits = 0;  // significant digits in mantissa
  int frac = 0;    // digits after the decimal point that went into mantissa (or were zeros)
  bool any_digit = false;
  bool seen_point = false;
  for (; i < n; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (mantissa == 0 && c == '0') {
        if (seen_point) ++frac;
        continue;
      }
      if (digits >= kMaxDigits) return Fail(DecimalError::kTooLarge, i);
      mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
      ++digits;
      if (seen_point) ++frac;
    } else if (!seen_point && (c == format.decimal_point || (format.alt_decimal_point != '\0' &&
                                                             c == format.alt_decimal_point))) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return Fail(DecimalError::kMalformed, i < n ? i : sign_position);

  int exponent = 0;
  if (i < n && format.allow_exponent && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '-' || text[i] == '+')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    const std::size_t exponent_start = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (exponent > 1000) return Fail(DecimalError::kTooLarge, i);
      exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == exponent_start) return Fail(DecimalError::kMalformed, i < n ? i : exponent_start - 1);
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return Fail(DecimalError::kMalformed, i);

  DecimalParse out;
  if (mantissa == 0) return out;
  if (negative) return Fail(DecimalError::kNegative, sign_position);

  const int power = exponent - frac;  // value = mantissa x 10^power units
  const auto num = static_cast<std::uint64_t>(format.mwh_num);
  const auto den = static_cast<std::uint64_t>(format.mwh_den);
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<MilliWh>::max());

  // Fast path: the scale is a whole number (kWh with up to 6 decimals, kW with up to 3).
  if (power <= 0 && power >= -18 && digits <= 18) {
    const std::uint64_t d = den * kPow10[-power];
    if (num % d == 0) {
      const std::uint64_t factor = num / d;
      const auto m = static_cast<std::uint64_t>(mantissa);
      if (factor != 0 && m > kMax / factor) return Fail(DecimalError::kTooLarge, sign_position);
      out.value = static_cast<MilliWh>(m * factor);
      return out;
    }
  }

  // General path in 128 bits: mantissa < 10^30, num <= 10^6.
  U128 numerator = mantissa * num;
  U128 denominator = den;
  if (power > 0) {
    for (int p = 0; p < power; ++p) {
      if (numerator > static_cast<U128>(kMax) * den)
        return Fail(DecimalError::kTooLarge, sign_position);
      numerator *= 10;
    }
  } else if (power < 0) {
    if (-power > 36) return out;  // below half a mWh: numerator < 10^36, denominator >= 10^37
    denominator *= Pow10Wide(-power);
  }
  U128 quotient = numerator / denominator;
  const U128 remainder = numerator % denominator;
  if (remainder * 2 >= denominator) ++quotient;  // half up
  if (quotient > kMax) return Fail(DecimalError::kTooLarge, sign_position);
  out.value = static_cast<MilliWh>(quotient);
  return out;
}

std::string DescribeDecimalError(const DecimalParse& parse, std::string_view text,
                                 std::string_view what, const DecimalFormat& format) {
  const std::string quoted = Quote(text);
  switch (parse.error) {
    case DecimalError::kOk:
      return "ok";
    case DecimalError::kEmpty:
      return "empty " + std::string(what);
    case DecimalError::kNegative:
      return "negative " + std::string(what) + " " + quoted;
    case DecimalError::kTooLarge:
      return std::string(what) + " " + quoted + " is out of range";
    case DecimalError::kMalformed:
      break;
  }
  std::string expected = "a decimal number of ";
  expected += format.unit;
  expected += " with '";
  expected += format.decimal_point;
  expected += "'";
  if (format.alt_decimal_point != '\0') {
    expected += " or '";
    expected += format.alt_decimal_point;
    expected += "'";
  }
  expected += " as decimal separator";
  return "malformed " + std::string(what) + " " + quoted + " (expected " + expected + ")";
}

}  // namespace reparto::ingest
