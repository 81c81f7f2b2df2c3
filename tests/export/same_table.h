// Test helper: checks that XLSX sheets (read back with ReadXlsxForTest) hold the same table as a
// CSV text written by src/report for the same column list: the same header, the same rows in the
// same order (continuation sheets read one after the other), text as text, numbers as numeric
// cells equal to the CSV's numbers, empty CSV fields as absent cells, months and instants as date
// serials of the same local time (instants followed by their utc_offset text).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "report/columns.h"
#include "xlsx_test_reader.h"

namespace reparto::testing {

// Adds a test failure for every difference; returns the number of data rows compared.
std::size_t ExpectSameTable(std::string_view csv, const std::vector<XlsxReadSheet>& sheets,
                            std::span<const Column> columns);

}  // namespace reparto::testing
