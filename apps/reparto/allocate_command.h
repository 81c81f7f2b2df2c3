// `reparto allocate`: meter exports in, load diagrams (and monthly totals) out.
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddAllocateCommand(CLI::App& app);

}  // namespace reparto::cli
