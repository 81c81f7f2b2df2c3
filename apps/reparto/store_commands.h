// The subcommands that work on the store: `demo`, `import`, `export` and `community`.
// (`allocate` works on files or on the store: allocate_command.h.)
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddDemoCommand(CLI::App& app);
void AddImportCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddCommunityCommand(CLI::App& app);

}  // namespace reparto::cli
