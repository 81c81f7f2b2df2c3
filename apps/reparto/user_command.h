// `reparto user`: the accounts of the web app (add, list, grant, remove, password).
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddUserCommand(CLI::App& app);

}  // namespace reparto::cli
