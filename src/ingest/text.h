// Small text helpers shared by the readers: header normalisation, dates and clock times as meter
// exports write them, and spreadsheet column letters.
//
//   NormalizeHeader("Injeção registada (kW)") == "injecao_registada_kw"
//   ParseDayMonthYear("27/10/2024") / ParseYearMonthDay("2024/10/27") -> CivilDate{2024, 10, 27}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/time.h"

namespace reparto::ingest {

using reparto::EqualsIgnoreCase;  // core/text.h
using reparto::Trim;

// Lower-case ASCII, Portuguese/Spanish accented letters folded to their base letter (UTF-8),
// every run of other characters turned into one '_', no leading or trailing '_'.
std::string NormalizeHeader(std::string_view text);

// A civil date written "YYYY/MM/DD", "YYYY-MM-DD", "DD/MM/YYYY" or "DD-MM-YYYY" (one or two
// digits for day and month). nullopt when it is none of those or not a real date.
std::optional<CivilDate> ParseFlexibleDate(std::string_view text);

// A clock time "H", "HH", "H:MM" or "HH:MM" (optionally ":SS" = 00): minutes since 00:00, hours
// up to 25 allowed (file hour numbers). nullopt when malformed.
std::optional<int> ParseClockMinutes(std::string_view text);

// Spreadsheet column name of a 1-based column index: 1 -> "A", 27 -> "AA".
std::string ColumnLetters(std::uint32_t column);

// "'text'" shortened to 60 characters for messages.
std::string Quote(std::string_view text);

}  // namespace reparto::ingest
