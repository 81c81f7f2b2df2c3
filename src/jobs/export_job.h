// `reparto export`: stored results as files people open: load diagrams (every interval) or monthly
// summaries, for the whole community or one participant, as CSV or XLSX, with the same columns as
// `reparto allocate` writes (docs/outputs.md). The file is written whole or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/store.h"

namespace reparto::jobs {

enum class ExportKind { kDiagrams, kMonthly };
enum class ExportFormat { kCsv, kXlsx };

struct ExportOptions {
  ExportKind kind = ExportKind::kMonthly;
  ExportFormat format = ExportFormat::kCsv;
  std::string participant;        // empty: every participant
  std::optional<CivilDate> from;  // default: first day with results
  std::optional<CivilDate> to;    // last day, included; default: last day with results
  std::string path;
};

struct ExportSummary {
  std::int64_t days = 0;
  std::int64_t days_without_results = 0;
  std::int64_t days_stale = 0;  // results older than their readings or the community
};

Result<ExportSummary> ExportResults(Store& store, std::string_view community,
                                    const ExportOptions& options);

}  // namespace reparto::jobs
