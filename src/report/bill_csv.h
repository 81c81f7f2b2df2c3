// Members' bills and savings of a month as a table (`reparto bill --format csv|xlsx`): one row per
// member, the columns of kBillColumns (docs/billing.md, "The bill table").
//
// Units: kWh with 6 decimals (exact from mWh), euros with 2 decimals (whole cents), ratios as
// fractions with 6 decimals, avoided CO₂ in kg with 3 decimals (from grams).
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "core/bill.h"
#include "report/columns.h"

namespace reparto {

struct BillRow {
  std::string participant;
  std::string name;
  CivilDate month;
  const MemberEconomics* economics = nullptr;
  const CumulativeEconomics* cumulative = nullptr;
};

inline constexpr std::array<Column, 27> kBillColumns = {{
    {"participant", ColumnKind::kText},
    {"name", ColumnKind::kText},
    {"month", ColumnKind::kMonth},
    {"days", ColumnKind::kCount},
    {"consumption_kwh", ColumnKind::kKwh},
    {"grid_kwh", ColumnKind::kKwh},
    {"surplus_kwh", ColumnKind::kKwh},
    {"self_consumed_kwh", ColumnKind::kKwh},
    {"imputed_kwh", ColumnKind::kKwh},
    {"without_community_eur", ColumnKind::kEuro},
    {"with_community_eur", ColumnKind::kEuro},
    {"energy_eur", ColumnKind::kEuro},
    {"compensation_eur", ColumnKind::kEuro},
    {"compensation_lost_eur", ColumnKind::kEuro},
    {"power_eur", ColumnKind::kEuro},
    {"charges_eur", ColumnKind::kEuro},
    {"electricity_tax_eur", ColumnKind::kEuro},
    {"vat_eur", ColumnKind::kEuro},
    {"fee_eur", ColumnKind::kEuro},
    {"savings_eur", ColumnKind::kEuro},
    {"expected_savings_eur", ColumnKind::kEuro},
    {"cumulative_savings_eur", ColumnKind::kEuro},
    {"self_consumption_ratio", ColumnKind::kRatio},
    {"self_sufficiency_ratio", ColumnKind::kRatio},
    {"avoided_co2_kg", ColumnKind::kKwh},
    {"estimated_or_missing_intervals", ColumnKind::kCount},
    {"incomplete", ColumnKind::kText},
}};

std::string FormatBillCsv(const std::vector<BillRow>& rows);
Status WriteBillCsv(const std::vector<BillRow>& rows, std::FILE* out, const std::string& name);

}  // namespace reparto
