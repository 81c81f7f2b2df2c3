// The Spanish coefficient file for the distributor (Orden TED/1247/2021; spec/formats.md §2,
// docs/coefficient-file.md): one include for the whole folder.
//
//   hour_of_year.h       hour numbers 1..8760/8784 (elapsed real hours since local 1 January)
//   millionths.h         largest-remainder rounding to millionths, "0,350000"
//   cups_syntax.h        CUPS and CAU syntax and control letters
//   coefficient_table.h  the file's content; TableForYear builds it from a Community
//   coefficient_writer.h FormatFixedFile / FormatHourlyFile / WriteCoefficientFile
//   coefficient_check.h  CheckCoefficientFile: every violation with its line
//
// Units: coefficients in parts per billion in, millionths printed; instants in UTC seconds.
//
//   auto table = distributor::TableForYear(community, madrid, 2025);
//   auto text = distributor::FormatCoefficientFile(*table);
//   Status s = distributor::WriteCoefficientFile(out_dir, cau, 2025, *text);
#pragma once

#include "distributor/coefficient_check.h"
#include "distributor/coefficient_table.h"
#include "distributor/coefficient_writer.h"
#include "distributor/cups_syntax.h"
#include "distributor/hour_of_year.h"
#include "distributor/millionths.h"
