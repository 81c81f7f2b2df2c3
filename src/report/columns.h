// The columns of the report files, in one place for every format: the CSV writers print their
// header from these lists and the XLSX writers (src/export) take names, order, number formats and
// widths from them, so both formats always have the same columns in the same order.
//
// Units by kind: kKwh energies in kWh (from integer mWh), kKw average power in kW, kRatio a
// fraction (0.75), kEuro euros (from whole cents), kCount whole numbers, kInstant an interval's
// UTC start shown in local time, kMonth a local calendar month, kText anything else.
// docs/outputs.md describes every column.
//
//   for (const Column& column : kMonthlyColumns) std::puts(column.name.data());
//   std::string_view header = kCsvHeader<kDiagramColumns>;   // "participant,start,...\n"
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/monthly_totals.h"

namespace reparto {

enum class ColumnKind : std::uint8_t {
  kText,
  kInstant,  // CSV: ISO 8601 with offset; XLSX: local date-time cell, then a utc_offset column
  kMonth,    // CSV: YYYY-MM; XLSX: a date cell (first of the month) shown as yyyy-mm
  kKwh,
  kKw,
  kRatio,
  kCount,
  kEuro,
};

struct Column {
  std::string_view name;
  ColumnKind kind;
};

// The 14 summed quantities of spec/allocation.md §2, in Quantity order.
inline constexpr std::array<Column, kQuantityCount> kQuantityColumns = {{
    {"cr_kwh", ColumnKind::kKwh},
    {"ir_kwh", ColumnKind::kKwh},
    {"cm_kwh", ColumnKind::kKwh},
    {"im_kwh", ColumnKind::kKwh},
    {"imputed_kwh", ColumnKind::kKwh},
    {"self_consumed_kwh", ColumnKind::kKwh},
    {"supplier_kwh", ColumnKind::kKwh},
    {"surplus_kwh", ColumnKind::kKwh},
    {"shared_kwh", ColumnKind::kKwh},
    {"sc_internal_kwh", ColumnKind::kKwh},
    {"sc_lv_kwh", ColumnKind::kKwh},
    {"sc_mv_kwh", ColumnKind::kKwh},
    {"sc_hv_kwh", ColumnKind::kKwh},
    {"sc_ehv_kwh", ColumnKind::kKwh},
}};

namespace internal {

template <std::size_t... N>
constexpr auto JoinColumns(const std::array<Column, N>&... parts) {
  std::array<Column, (N + ...)> joined{};
  std::size_t at = 0;
  ((std::copy(parts.begin(), parts.end(), joined.begin() + at), at += N), ...);
  return joined;
}

template <const auto& kColumns>
constexpr std::size_t CsvHeaderLength() {
  std::size_t length = 0;
  for (const Column& column : kColumns) length += column.name.size() + 1;  // ',' or '\n'
  return length;
}

template <const auto& kColumns>
constexpr auto CsvHeaderChars() {
  std::array<char, CsvHeaderLength<kColumns>()> chars{};
  std::size_t at = 0;
  for (const Column& column : kColumns) {
    if (at != 0) chars[at++] = ',';
    for (char c : column.name) chars[at++] = c;
  }
  chars[at] = '\n';
  return chars;
}

template <const auto& kColumns>
inline constexpr auto kCsvHeaderChars = CsvHeaderChars<kColumns>();

}  // namespace internal

// Load diagrams: one row per participant and interval.
inline constexpr auto kDiagramColumns = internal::JoinColumns(
    std::array<Column, 2>{{{"participant", ColumnKind::kText}, {"start", ColumnKind::kInstant}}},
    kQuantityColumns, std::array<Column, 1>{{{"quality", ColumnKind::kText}}});
inline constexpr int kDiagramFirstEnergyColumn = 2;

// Monthly summary: one row per participant and local month, plus a community row per month.
inline constexpr auto kMonthlyColumns = internal::JoinColumns(
    std::array<Column, 2>{{{"participant", ColumnKind::kText}, {"month", ColumnKind::kMonth}}},
    kQuantityColumns,
    std::array<Column, 8>{{
        {"max_demand_kw", ColumnKind::kKw},
        {"self_consumption_ratio", ColumnKind::kRatio},
        {"self_sufficiency_ratio", ColumnKind::kRatio},
        {"intervals", ColumnKind::kCount},
        {"estimated_intervals", ColumnKind::kCount},
        {"missing_intervals", ColumnKind::kCount},
        {"pool_kwh", ColumnKind::kKwh},
        {"unallocated_kwh", ColumnKind::kKwh},
    }});

// Italian incentive and valorisation: one row per member with shared energy or money and month,
// plus the community row (its totals and the part it retains; members' retained_eur is 0).
inline constexpr std::array<Column, 7> kIncentiveColumns = {{
    {"participant", ColumnKind::kText},
    {"month", ColumnKind::kMonth},
    {"shared_kwh", ColumnKind::kKwh},
    {"incentive_eur", ColumnKind::kEuro},
    {"valorisation_eur", ColumnKind::kEuro},
    {"retained_eur", ColumnKind::kEuro},
    {"total_eur", ColumnKind::kEuro},
}};

// The CSV header line of a column list: the names joined by ',' and ended by '\n'.
template <const auto& kColumns>
inline constexpr std::string_view kCsvHeader{internal::kCsvHeaderChars<kColumns>.data(),
                                             internal::kCsvHeaderChars<kColumns>.size()};

// The participant column of community rows.
inline constexpr std::string_view kCommunityRowId = "*community*";

}  // namespace reparto
