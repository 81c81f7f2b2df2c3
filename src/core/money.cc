// Parsing and printing of money, unit prices and rates (money.h): exact decimal text, no doubles.
#include "core/money.h"

#include <cstdlib>

namespace reparto {
namespace {

// Parses "[-]digits[.digits]" with at most `max_decimals` decimals into an integer scaled by
// 10^max_decimals. `what` names the quantity in messages.
Result<std::int64_t> ParseScaledDecimal(std::string_view text, int max_decimals,
                                        std::int64_t max_whole, std::string_view what) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  std::int64_t whole = 0;
  int whole_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    whole = whole * 10 + (text[i] - '0');
    if (whole > max_whole) {
      return Status::Error(std::string(what) + " " + quoted + " is too large");
    }
    ++i;
    ++whole_digits;
  }
  std::int64_t fraction = 0;
  int decimals = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (decimals == max_decimals) {
        return Status::Error(std::string(what) + " " + quoted + " has more than " +
                             std::to_string(max_decimals) + " decimals");
      }
      fraction = fraction * 10 + (text[i] - '0');
      ++decimals;
      ++i;
    }
  }
  if (i != text.size() || (whole_digits == 0 && decimals == 0)) {
    return Status::Error(std::string(what) + " " + quoted +
                         " is not a decimal number (digits with an optional point)");
  }
  for (int d = decimals; d < max_decimals; ++d) fraction *= 10;
  std::int64_t scale = 1;
  for (int d = 0; d < max_decimals; ++d) scale *= 10;
  const std::int64_t value = whole * scale + fraction;
  return negative ? -value : value;
}

std::string FormatScaled(std::int64_t value, int decimals, bool trim) {
  std::int64_t scale = 1;
  for (int d = 0; d < decimals; ++d) scale *= 10;
  const bool negative = value < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
  std::string fraction = std::to_string(magnitude % static_cast<std::uint64_t>(scale));
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  if (trim) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  std::string text = (negative ? "-" : "") + std::to_string(magnitude / scale);
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

}  // namespace

Result<MicroPrice> ParseMicroPrice(std::string_view text) {
  return ParseScaledDecimal(text, 6, 9'000'000'000'000, "price");
}

Result<RateE10> ParsePercentRate(std::string_view text) {
  auto scaled = ParseScaledDecimal(text, 8, 1'000'000, "rate");  // percent × 1e8 = fraction × 1e10
  if (!scaled.ok()) return scaled.status();
  if (*scaled < 0 || *scaled > kRateScale) {
    return Status::Error("rate \"" + std::string(text) + "\" % is not between 0 and 100");
  }
  return *scaled;
}

std::string FormatCents(Cents amount) { return FormatScaled(amount, 2, false); }

std::string FormatMicroPrice(MicroPrice price) { return FormatScaled(price, 6, false); }

std::string FormatPercentRate(RateE10 rate) { return FormatScaled(rate, 8, true); }

}  // namespace reparto
