// ASCII text helpers shared by the readers, the HTTP layer and the core's own parsers: trimming
// blanks and comparing without case. Bytes >= 0x80 (UTF-8) are compared as they are.
//
//   Trim("  gzip\t") == "gzip";   EqualsIgnoreCase("Real", "REAL") == true
#pragma once

#include <string_view>

namespace reparto {

// `text` without leading and trailing spaces, tabs, carriage returns and line feeds.
std::string_view Trim(std::string_view text);

// Equal when ASCII letters are folded to lower case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace reparto
