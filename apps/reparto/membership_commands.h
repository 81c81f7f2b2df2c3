// The subcommands that change a stored community's master data: `member join | leave | list` and
// `coefficients add-version | history` (src/jobs/membership_job.h,
// src/jobs/coefficient_version_job.h).
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddMemberCommand(CLI::App& app);
// Adds `add-version` and `history` to the `coefficients` subcommand.
void AddCoefficientVersionCommands(CLI::App& coefficients);

}  // namespace reparto::cli
