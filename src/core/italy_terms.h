// What an Italian renewable energy community (CER) or group of self-consumers pays out besides the
// GSE incentive, and how it splits the money among its members: the `[italy]` table of the
// billing file (docs/billing-file.md), dated like every billing file.
//
// - Valorisation (ARERA TIAD, "contributo di valorizzazione"): per kWh of hourly shared energy,
//   the unit contribution CUAf (transmission tariff plus the highest distribution component, set
//   by ARERA every year), plus, for groups of self-consumers in one building, the avoided network
//   losses: a loss factor (1.2 % medium voltage, 2.6 % low voltage) × the zonal price Pz of the
//   hour (negative prices count as zero).
// - Split: the community may keep a share of every hour's incentive and valorisation (its fund,
//   its costs); the rest goes to the members pro rata to their hourly withdrawal (the usual rule)
//   or in equal parts to every member of that hour.
//
// Units: MicroPrice µ€/kWh; rates RateE10 (fraction × 1e10: 2.6 % = 260 000 000).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"

namespace reparto {

enum class ItalianSplit : std::uint8_t { kWithdrawal, kEqual };
std::string_view ItalianSplitName(ItalianSplit split);  // "withdrawal", "equal"

struct ItalianTerms {
  MicroPrice valorisation = 0;  // µ€ per kWh shared (ARERA CUAf)
  RateE10 avoided_losses = 0;   // × max(0, Pz) per kWh shared
  RateE10 retained = 0;         // part of each hour's money the community keeps
  ItalianSplit split = ItalianSplit::kWithdrawal;
  std::string zonal_prices;  // name of the stored price series of Pz (`reparto incentives`)
  friend bool operator==(const ItalianTerms&, const ItalianTerms&) = default;
};

}  // namespace reparto
