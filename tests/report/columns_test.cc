// The column lists of report/columns.h: the CSV headers made from them are the documented ones
// (docs/outputs.md), letter for letter.
#include "report/columns.h"

#include <gtest/gtest.h>

#include "report/diagram_csv.h"
#include "report/monthly_csv.h"

namespace reparto {
namespace {

TEST(Columns, CsvHeadersAreTheDocumentedOnes) {
  EXPECT_EQ(DiagramCsvWriter::kHeader,
            "participant,start,cr_kwh,ir_kwh,cm_kwh,im_kwh,imputed_kwh,self_consumed_kwh,"
            "supplier_kwh,surplus_kwh,shared_kwh,sc_internal_kwh,sc_lv_kwh,sc_mv_kwh,sc_hv_kwh,"
            "sc_ehv_kwh,quality\n");
  EXPECT_EQ(kMonthlyCsvHeader,
            "participant,month,cr_kwh,ir_kwh,cm_kwh,im_kwh,imputed_kwh,self_consumed_kwh,"
            "supplier_kwh,surplus_kwh,shared_kwh,sc_internal_kwh,sc_lv_kwh,sc_mv_kwh,sc_hv_kwh,"
            "sc_ehv_kwh,max_demand_kw,self_consumption_ratio,self_sufficiency_ratio,intervals,"
            "estimated_intervals,missing_intervals,pool_kwh,unallocated_kwh\n");
  EXPECT_EQ(kCsvHeader<kIncentiveColumns>,
            "participant,month,shared_kwh,incentive_eur,valorisation_eur,retained_eur,total_eur\n");
}

TEST(Columns, KindsFollowTheUnits) {
  static_assert(kDiagramColumns.size() == 17);
  static_assert(kMonthlyColumns.size() == 24);
  for (const Column& column : kDiagramColumns) {
    const bool kwh = column.name.ends_with("_kwh");
    EXPECT_EQ(column.kind == ColumnKind::kKwh, kwh) << column.name;
  }
  for (const Column& column : kMonthlyColumns) {
    ColumnKind expected = column.kind;
    if (column.name.ends_with("_kwh")) expected = ColumnKind::kKwh;
    if (column.name.ends_with("_ratio")) expected = ColumnKind::kRatio;
    if (column.name.ends_with("intervals")) expected = ColumnKind::kCount;
    EXPECT_EQ(column.kind, expected) << column.name;
  }
  EXPECT_EQ(kDiagramColumns[kDiagramFirstEnergyColumn].name, "cr_kwh");
}

}  // namespace
}  // namespace reparto
