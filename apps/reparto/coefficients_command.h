// `reparto coefficients export|check`: the Spanish coefficient file for the distributor.
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddCoefficientsCommand(CLI::App& app);

}  // namespace reparto::cli
