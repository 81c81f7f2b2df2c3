// Reading a whole file into memory, with an error that names the path and the system's reason.
//
//   auto text = ReadWholeFile("readings.csv");
//   if (!text.ok()) return text.status();   // "readings.csv: cannot open: No such file..."
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace reparto {

Result<std::string> ReadWholeFile(const std::string& path);

// Writes `content` to `path` all or nothing (an AtomicFile: temporary file, then rename).
Status WriteWholeFile(const std::string& path, std::string_view content);

}  // namespace reparto
