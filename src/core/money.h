// Money for bills and invoices: exact integers, one documented rounding point (spec/tariffs.md §4).
//
// Units
//   Cents       money as it appears on an invoice line: euro cents (minor units).
//   PicoEuros   exact intermediate amounts: 1e-12 €, 128-bit. Energy × unit price lands here
//               exactly: mWh (1e-6 kWh) × MicroPrice (1e-6 €/kWh) = 1e-12 €; power × price × days
//               too: W (1e-3 kW) × MicroPrice (1e-6 € per kW and day) × days = 1e-9 € = 1000 p€.
//   MicroPrice  unit prices: micro-euros per unit (per kWh, per kW and day, per day). Six decimals
//               of a euro hold every published Spanish price (PVPC has 5 decimals of €/kWh, ESIOS
//               1739 has 2 decimals of €/MWh = 5 decimals of €/kWh, power terms 6 decimals).
//   RateE10     tax and VAT rates as a fraction × 1e10: 21 % = 2 100 000 000, Spain's electricity
//               tax 5.11269632 % = 511 269 632.
//
// Rounding: each invoice line is summed exactly in PicoEuros and rounded ONCE, half away from zero
// (commercial rounding: 0.005 € → 0.01 €, −0.005 € → −0.01 €), to Cents. Taxes are computed on the
// rounded cents of the lines they apply to and rounded once more as their own line. kWh are never
// rounded before pricing.
//
//   PicoEuros energy = EnergyAmount(150 * kMilliWhPerKWh, 150'000);   // 150 kWh × 0.15 €/kWh
//   Cents line = RoundToCents(energy);                                  // 2250
//   Cents vat = ApplyRate(line, 2'100'000'000);                         // 473 (4.725 → 4.73)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/energy.h"
#include "core/status.h"

namespace reparto {

using Cents = std::int64_t;
using PicoEuros = __int128;
using MicroPrice = std::int64_t;
using RateE10 = std::int64_t;

inline constexpr std::int64_t kCentsPerEuro = 100;
inline constexpr std::int64_t kMicroPerEuro = 1'000'000;
inline constexpr std::int64_t kPicoPerCent = 10'000'000'000;
inline constexpr RateE10 kRateScale = 10'000'000'000;  // 100 %

// mWh × µ€/kWh = p€, exactly (128 bits: no overflow for any realistic sum).
inline constexpr PicoEuros EnergyAmount(MilliWh energy, MicroPrice price_per_kwh) {
  return static_cast<PicoEuros>(energy) * price_per_kwh;
}

// W × µ€ per kW and day × days = n€ = 1000 p€, exactly.
inline constexpr PicoEuros PowerAmount(std::int64_t watts, MicroPrice price_per_kw_day, int days) {
  return static_cast<PicoEuros>(watts) * price_per_kw_day * days * 1000;
}

// µ€ per day × days (fixed daily charges) = µ€ = 1 000 000 p€.
inline constexpr PicoEuros DailyAmount(MicroPrice per_day, int days) {
  return static_cast<PicoEuros>(per_day) * days * 1'000'000;
}

// Rounds half away from zero to whole cents.
inline constexpr Cents RoundToCents(PicoEuros amount) {
  const PicoEuros half = kPicoPerCent / 2;
  return static_cast<Cents>(amount >= 0 ? (amount + half) / kPicoPerCent
                                        : -((-amount + half) / kPicoPerCent));
}

// `base` × `rate`, rounded half away from zero to cents (for taxes on rounded lines).
inline constexpr Cents ApplyRate(Cents base, RateE10 rate) {
  const __int128 product = static_cast<__int128>(base) * rate;
  const __int128 half = kRateScale / 2;
  const __int128 rounded =
      product >= 0 ? (product + half) / kRateScale : -((-product + half) / kRateScale);
  return static_cast<Cents>(rounded);
}

// Parses a decimal euro amount with at most 6 decimals ("0.11633", "-0.5", "12") into µ€.
// Fails on more decimals, exponents, thousands separators or values beyond ±9e12 €.
Result<MicroPrice> ParseMicroPrice(std::string_view text);
// Parses a percentage with at most 8 decimals ("21", "5.11269632") into a RateE10.
Result<RateE10> ParsePercentRate(std::string_view text);

// "22.50", "-5.00", "1234567.89": a point, always two decimals, no thousands separator.
std::string FormatCents(Cents amount);
// "0.116330": six decimals.
std::string FormatMicroPrice(MicroPrice price);
// "21", "5.11269632": a percentage with trailing zeros dropped.
std::string FormatPercentRate(RateE10 rate);

}  // namespace reparto
