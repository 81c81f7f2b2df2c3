// Exact decimal prices, unit plausibility and series ordering for the price readers
// (see price_values.h). µ€/kWh out.
#include "ingest/price_values.h"

#include <algorithm>

#include "ingest/text.h"

namespace reparto::ingest {
namespace {

constexpr MicroPrice kMaxRetailPerKWh = 5 * kMicroPerEuro;  // 5 €/kWh
constexpr MicroPrice kOneEurPerMWh = 1000;                  // µ€/kWh
constexpr int kMaxIntegerDigits = 12;  // up to 999 999 999 999 € per kWh or MWh
constexpr int kMaxDecimals = 18;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

MicroPrice Magnitude(MicroPrice value) { return value < 0 ? -value : value; }

}  // namespace

std::string_view UnitName(PriceUnit unit) {
  return unit == PriceUnit::kEurPerKWh ? "€/kWh" : "€/MWh";
}

PriceText ParsePriceText(std::string_view text, char point, PriceUnit unit) {
  PriceText out;
  const std::string expected =
      std::string(" (expected a decimal number with '") + point + "' as decimal point)";
  std::size_t pos = 0;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  std::size_t end = text.size();
  while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (pos == end) {
    out.error = "empty price (leave the row out for a missing hour)";
    out.position = pos;
    return out;
  }
  auto fail = [&](std::size_t at) {
    out.error = "malformed price " + Quote(text) + expected;
    out.position = at;
    return out;
  };
  bool negative = false;
  if (text[pos] == '-' || text[pos] == '+') {
    negative = text[pos] == '-';
    ++pos;
  }
  __int128 digits = 0;
  int int_digits = 0;
  int frac_digits = 0;
  while (pos < end && IsDigit(text[pos])) {
    if (int_digits == 0 && text[pos] == '0' && pos + 1 < end && IsDigit(text[pos + 1])) {
      ++pos;  // leading zero
      continue;
    }
    if (int_digits == kMaxIntegerDigits) {
      out.error = "price " + Quote(text) + " is too large";
      out.position = pos;
      return out;
    }
    digits = digits * 10 + (text[pos] - '0');
    ++int_digits;
    ++pos;
  }
  if (int_digits == 0) return fail(pos);
  if (pos < end && text[pos] == point) {
    ++pos;
    while (pos < end && IsDigit(text[pos])) {
      if (frac_digits < kMaxDecimals) {
        digits = digits * 10 + (text[pos] - '0');
        ++frac_digits;
      } else if (text[pos] != '0') {
        return fail(pos);  // a non-zero digit beyond any sensible precision
      }
      ++pos;
    }
    if (frac_digits == 0) return fail(pos);
  }
  if (pos != end) return fail(pos);
  // µ€/kWh = value × 10^scale (10^6 for €/kWh, 10^3 for €/MWh).
  const int scale = unit == PriceUnit::kEurPerKWh ? 6 : 3;
  __int128 value = digits;
  if (frac_digits <= scale) {
    for (int i = frac_digits; i < scale; ++i) value *= 10;
  } else {
    __int128 divisor = 1;
    for (int i = scale; i < frac_digits; ++i) divisor *= 10;
    value = (value + divisor / 2) / divisor;  // half away from zero (sign applied after)
  }
  out.ok = true;
  out.value = static_cast<MicroPrice>(negative ? -value : value);
  return out;
}

Status UnitCheck::Add(MicroPrice value, std::string_view text, const std::string& where) {
  if (unit_ == PriceUnit::kEurPerKWh && Magnitude(value) > kMaxRetailPerKWh) {
    return Status::Error(where + ": " + std::string(Trim(text)) +
                         " €/kWh is not a plausible retail price; is the file in €/MWh?");
  }
  if (count_ == 0 || Magnitude(value) > largest_) {
    largest_ = Magnitude(value);
    largest_text_ = std::string(Trim(text));
    largest_where_ = where;
  }
  ++count_;
  return Status::Ok();
}

Status UnitCheck::Finish(const std::string& source, std::string_view what) const {
  if (unit_ == PriceUnit::kEurPerMWh && count_ > 0 && largest_ < kOneEurPerMWh) {
    return Status::Error(source + ": every price of " + std::string(what) +
                         " is below 1 €/MWh (the largest is " + largest_text_ + " at " +
                         largest_where_ + "); is the file in €/kWh?");
  }
  return Status::Ok();
}

Status SeriesBuilder::Add(UtcSeconds start, MicroPrice price, const std::string& where) {
  if (!points_.empty()) {
    const UtcSeconds previous = points_.back().start;
    if (start == previous) {
      return Status::Error(where + ": duplicate time " + UtcText(start) + " (already at " +
                           last_where_ + ")");
    }
    if (start < previous) {
      return Status::Error(where + ": " + UtcText(start) + " is before " + UtcText(previous) +
                           " at " + last_where_ + "; times must increase");
    }
    if (step_seconds_ > 0 && (start - previous) % step_seconds_ != 0) {
      return Status::Error(where + ": " + UtcText(start) + " is " +
                           std::to_string(start - previous) + " s after " + UtcText(previous) +
                           " at " + last_where_ + ", not a whole number of " +
                           std::to_string(step_seconds_) + " s steps");
    }
  }
  points_.push_back({start, price});
  last_where_ = where;
  if (step_seconds_ == 0) where_.push_back(where);
  return Status::Ok();
}

Result<PriceSeries> SeriesBuilder::Finish(const std::string& source) {
  if (points_.empty()) return Status::Error(source + ": no prices");
  int step = step_seconds_;
  if (step == 0) {
    if (points_.size() < 2) {
      return Status::Error(source +
                           ": a single price cannot tell the step; give the step explicitly");
    }
    UtcSeconds smallest = points_[1].start - points_[0].start;
    for (std::size_t i = 2; i < points_.size(); ++i) {
      smallest = std::min(smallest, points_[i].start - points_[i - 1].start);
    }
    if (smallest > 86400 || 86400 % smallest != 0) {
      return Status::Error(source + ": the smallest distance between two prices is " +
                           std::to_string(smallest) +
                           " s, which does not divide a day; give the step explicitly");
    }
    step = static_cast<int>(smallest);
    for (std::size_t i = 1; i < points_.size(); ++i) {
      const UtcSeconds gap = points_[i].start - points_[i - 1].start;
      if (gap % step != 0) {
        return Status::Error(where_[i] + ": " + UtcText(points_[i].start) + " is " +
                             std::to_string(gap) + " s after " + UtcText(points_[i - 1].start) +
                             " at " + where_[i - 1] + ", not a whole number of " +
                             std::to_string(step) + " s steps");
      }
    }
  }
  PriceSeries series;
  series.name = name_;
  series.step_seconds = step;
  series.points = std::move(points_);
  points_.clear();
  where_.clear();
  return series;
}

Result<int> WrittenOffset(std::string_view iso_instant) {
  if (!iso_instant.empty() && iso_instant.back() == 'Z') return 0;
  const std::size_t sign = iso_instant.find_last_of("+-");
  if (sign == std::string_view::npos || sign < 16) {
    return Status::Error("instant '" + std::string(iso_instant) + "' has no UTC offset");
  }
  std::string_view rest = iso_instant.substr(sign + 1);
  int digits[4] = {0, 0, 0, 0};
  int n = 0;
  for (char c : rest) {
    if (c == ':') continue;
    if (!IsDigit(c) || n == 4) {
      return Status::Error("instant '" + std::string(iso_instant) + "' has a malformed offset");
    }
    digits[n++] = c - '0';
  }
  if (n != 2 && n != 4) {
    return Status::Error("instant '" + std::string(iso_instant) + "' has a malformed offset");
  }
  const int seconds = (digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60;
  return iso_instant[sign] == '-' ? -seconds : seconds;
}

std::string UtcText(UtcSeconds instant) { return FormatIsoInstant(instant, 0, true); }

}  // namespace reparto::ingest
