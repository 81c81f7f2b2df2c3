// How long jobs (import, allocate, export, demo) report progress: a callback told what stage is
// running and how far it is, so the command line can draw a bar and the server can stream it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace reparto::jobs {

// `done` of `total` units of `stage` ("reading", "checking", "writing"...) are finished.
using ProgressFn =
    std::function<void(std::string_view stage, std::int64_t done, std::int64_t total)>;

inline void Report(const ProgressFn& progress, std::string_view stage, std::int64_t done,
                   std::int64_t total) {
  if (progress) progress(stage, done, total);
}

}  // namespace reparto::jobs
