// Loading a community from its TOML file (docs/community-file.md, spec/formats.md §1.1), with its
// coefficient tables (CSV, paths relative to the TOML file).
//
// Units: decimal coefficients in the files (fractions of 1) become exact parts per billion
// (kCoefficientScale); dates and instants become UTC seconds (a bare date YYYY-MM-DD is local
// midnight in the community's time zone); powers stay in kW.
//
//   auto community = LoadCommunityFile("examples/pt-apartment-building/community.toml");
//   if (!community.ok()) { std::cerr << community.status().message() << "\n"; return 1; }
//   Allocate(*community, ...);
//
// Every error names the file and the line (and column) of the offending key or CSV row; all the
// errors found are reported, one per line. The loaded community has passed core Validate.
#pragma once

#include <string>
#include <string_view>

#include "core/community.h"
#include "core/status.h"

namespace reparto {

// Reads and validates the community file at `path`.
Result<Community> LoadCommunityFile(const std::string& path);

// Same, from TOML text already in memory. `source_name` is used in messages; coefficient tables
// named in the text are looked up relative to `base_dir` (empty = current directory).
Result<Community> ParseCommunityToml(std::string_view toml_text, const std::string& source_name,
                                     const std::string& base_dir);

}  // namespace reparto
