// How a subcommand ends: a Status becomes an exit code and, on error, one clear message on
// standard error ("reparto: error: readings.csv:12:3: negative consumption"), never a stack trace.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>

#include "core/status.h"

namespace reparto::cli {

// Exit codes: 0 ok, 1 the input is wrong or the work failed, 2 bad command line (CLI11).
inline constexpr int kExitFailure = 1;

// Ends the subcommand: throws CLI::RuntimeError (caught in main) with the exit code.
inline void ExitWith(const Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "reparto: error: %s\n", status.message().c_str());
  throw CLI::RuntimeError(kExitFailure);
}

}  // namespace reparto::cli
