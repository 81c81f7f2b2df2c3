// `reparto serve`: the web app (JSON API, pages, live events) on the store; docs/server.md.
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddServeCommand(CLI::App& app);

}  // namespace reparto::cli
