// Stored results to CSV or XLSX: see export_job.h.
#include "jobs/export_job.h"

#include "core/monthly_totals.h"
#include "export/diagram_xlsx.h"
#include "export/monthly_xlsx.h"
#include "export/xlsx_table.h"
#include "fileio/atomic_file.h"
#include "jobs/community_context.h"
#include "jobs/results_replay.h"
#include "report/diagram_csv.h"
#include "report/monthly_csv.h"

namespace reparto::jobs {
namespace {

Status ExportDiagrams(Store& store, const CommunityContext& context, const DayGrid& grid,
                      const ExportOptions& options, ReplaySummary& replay) {
  if (options.format == ExportFormat::kXlsx) {
    auto writer = DiagramXlsxWriter::Create(options.path, context.community, grid, *context.zone);
    if (!writer.ok()) return writer.status();
    auto replayed = ReplayResults(store, context, grid, options.participant, **writer);
    if (!replayed.ok()) return replayed.status();
    replay = *replayed;
    return (*writer)->Finish();
  }
  auto file = AtomicFile::Open(options.path);
  if (!file.ok()) return file.status();
  DiagramCsvWriter writer(file->file(), options.path, grid, *context.zone,
                          ParticipantIds(context.community));
  auto replayed = ReplayResults(store, context, grid, options.participant, writer);
  if (!replayed.ok()) return replayed.status();
  replay = *replayed;
  REPARTO_RETURN_IF_ERROR(writer.Finish());
  return file->Commit();
}

Status ExportMonthly(Store& store, const CommunityContext& context, const DayGrid& grid,
                     const ExportOptions& options, ReplaySummary& replay) {
  MonthlyTotals totals(static_cast<int>(context.community.participants.size()), grid);
  auto replayed = ReplayResults(store, context, grid, options.participant, totals);
  if (!replayed.ok()) return replayed.status();
  replay = *replayed;
  if (options.format == ExportFormat::kXlsx) {
    return WriteMonthlyXlsx(context.community, totals, options.path);
  }
  auto file = AtomicFile::Open(options.path);
  if (!file.ok()) return file.status();
  REPARTO_RETURN_IF_ERROR(
      WriteMonthlyCsv(totals, ParticipantIds(context.community), file->file(), options.path));
  return file->Commit();
}

}  // namespace

Result<ExportSummary> ExportResults(Store& store, std::string_view community,
                                    const ExportOptions& options) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  if (!options.participant.empty() && context->community.IndexOf(options.participant) < 0) {
    return Status::Error("no participant '" + options.participant + "' in community '" +
                         std::string(community) + "'");
  }
  const CivilDate from = options.from.value_or(kFirstPossibleDay);
  const CivilDate to_exclusive = options.to ? AddDays(*options.to, 1) : kLastPossibleDay;
  auto states = store.LoadDayStates(community, from, to_exclusive);
  if (!states.ok()) return states.status();
  ExportSummary summary;
  std::optional<CivilDate> first, last;
  for (const DayState& s : *states) {
    if (s.results_revision < 0) continue;
    if (!first) first = s.day;
    last = s.day;
    summary.days_stale += ResultsStale(s, context->stored.revision);
  }
  if (!first) {
    return Status::Error("community '" + std::string(community) +
                         "' has no allocation results in this period; run `reparto allocate` "
                         "first");
  }
  auto grid = CommunityGrid(*context, options.from.value_or(*first),
                            options.to ? to_exclusive : AddDays(*last, 1));
  if (!grid.ok()) return grid.status();
  ReplaySummary replay;
  REPARTO_RETURN_IF_ERROR(options.kind == ExportKind::kDiagrams
                              ? ExportDiagrams(store, *context, *grid, options, replay)
                              : ExportMonthly(store, *context, *grid, options, replay));
  summary.days = replay.days;
  summary.days_without_results = replay.days_without_results;
  return summary;
}

}  // namespace reparto::jobs
