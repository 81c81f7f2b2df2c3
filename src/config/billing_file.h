// Loading a community's billing settings from TOML (docs/billing-file.md): members' supply
// contracts, taxes with dated validity, emission factors, the community fee, invoicing settings,
// members' contact data and expected savings.
//
// Units in the file: prices in € written as decimal strings or numbers ("0.084034" €/kW/day,
// "0.11633" €/kWh, "0.026630" €/day) with at most 6 decimals; powers in kW with at most 3 decimals;
// rates in percent ("21", "5.11269632"); dates local civil dates (2025-01-01). In memory: see
// core/tariff.h (µ€, W, RateE10).
//
//   auto config = ParseBillingToml(text, "billing.toml");
//   if (!config.ok()) { std::cerr << config.status().message(); }   // file:line:col: key: what
//
// A contract may name `participant = "ES…"`, `participants = ["ES…", …]` (one contract each), or
// `participant = "*"`: the default contract of every member without one of its own.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/tariff.h"

namespace reparto {

// The participant id of a default contract.
inline constexpr std::string_view kEveryMember = "*";

// Parses and validates (core Validate) a billing file. All errors found are reported, one per line.
Result<BillingConfig> ParseBillingToml(std::string_view text, const std::string& source_name);

}  // namespace reparto
