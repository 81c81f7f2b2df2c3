// `reparto tariff periods`: the energy or power period of every interval of a date range, as CSV
// (see docs/tariffs.md "Tariff periods").
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddTariffCommand(CLI::App& app);

}  // namespace reparto::cli
