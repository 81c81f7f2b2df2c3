// `reparto import`: see import_job.h.
#include "jobs/import_job.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "core/series_codec.h"
#include "fileio/read_file.h"
#include "jobs/community_context.h"

namespace reparto::jobs {
namespace {

// Source id of values merged by the import being prepared (replaced by its id once recorded).
constexpr std::int64_t kPendingSource = -1;

std::string Where(const ReadingBatch& batch, const ReadingRecord& record) {
  return batch.source + ":" + std::to_string(record.line);
}

std::string LocalInstant(const TimeZone& zone, UtcSeconds t) {
  auto offset = zone.OffsetAt(t);
  return FormatIsoInstant(t, offset.ok() ? *offset : 0);
}

std::string MembershipText(const TimeZone& zone, const Participant& p) {
  std::string text = "member";
  text += p.member_from == kBeginningOfTime ? " from the start"
                                            : " from " + LocalInstant(zone, p.member_from);
  if (p.member_to != kEndOfTime) text += " until " + LocalInstant(zone, p.member_to);
  return text;
}

// Every record belongs to a member at its time.
Status CheckMembership(const CommunityContext& context, const ReadingBatch& batch,
                       const std::vector<int>& participant_of_name) {
  for (const ReadingRecord& record : batch.records) {
    const int p =
        participant_of_name[std::min<std::size_t>(record.name, participant_of_name.size() - 1)];
    const Participant& participant = context.community.participants[p];
    if (!participant.IsMemberAt(record.start)) {
      return Status::Error(Where(batch, record) + ": participant '" + participant.id +
                           "' is not a member of community '" + context.community.id + "' at " +
                           LocalInstant(*context.zone, record.start) + " (" +
                           MembershipText(*context.zone, participant) + ")");
    }
  }
  return Status::Ok();
}

int ParticipantOf(const ReadingBatch& batch, const std::vector<int>& participant_of_name,
                  const ReadingRecord& record) {
  return batch.assigned_participant.empty() ? participant_of_name[record.name]
                                            : participant_of_name[0];
}

// Two files of the same import must not give the same participant and time.
Status CheckOverlapsBetweenFiles(const std::vector<PreparedBatch>& batches,
                                 const std::vector<std::vector<int>>& resolved) {
  if (batches.size() < 2) return Status::Ok();
  struct Span {
    int participant;
    UtcSeconds start, end;
    std::uint32_t batch, line;
  };
  std::vector<Span> spans;
  for (std::size_t b = 0; b < batches.size(); ++b) {
    const ReadingBatch& batch = batches[b].batch;
    for (const ReadingRecord& r : batch.records) {
      spans.push_back(Span{ParticipantOf(batch, resolved[b], r), r.start,
                           r.start + r.duration_seconds, static_cast<std::uint32_t>(b), r.line});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.participant != b.participant ? a.participant < b.participant : a.start < b.start;
  });
  for (std::size_t i = 1; i < spans.size(); ++i) {
    const Span& a = spans[i - 1];
    const Span& b = spans[i];
    if (a.participant == b.participant && b.start < a.end && a.batch != b.batch) {
      return Status::Error(batches[b.batch].batch.source + ":" + std::to_string(b.line) + " and " +
                           batches[a.batch].batch.source + ":" + std::to_string(a.line) +
                           " both give the same participant at " +
                           FormatIsoInstant(b.start, 0, true) +
                           "; import them separately (the later one corrects the earlier)");
    }
  }
  return Status::Ok();
}

struct DayKey {
  int participant;
  std::int64_t day;
  auto operator<=>(const DayKey&) const = default;
};

// Merges one placed file into the stored days of the transaction and writes what changed.
class FileMerger {
 public:
  FileMerger(const CommunityContext& context, StoreTransaction& tx, const ImportOptions& options)
      : context_(context), tx_(tx), options_(options) {}

  Result<FileImportSummary> Merge(const PreparedBatch& prepared,
                                  const std::vector<int>& participant_of_name) {
    const ReadingBatch& batch = prepared.batch;
    FileImportSummary summary;
    summary.source = batch.source;
    summary.format = prepared.format;
    summary.rows = static_cast<std::int64_t>(batch.records.size());
    if (batch.records.empty()) return summary;

    auto grid = GridOf(batch);
    if (!grid.ok()) return grid.status();
    const std::size_t n = context_.community.participants.size();
    ReadingTable table(n, *grid);
    REPARTO_RETURN_IF_ERROR(PlaceReadings(context_.community, batch, table));
    table.Finish();

    auto stored = tx_.LoadReadings(context_.community.id, grid->days.front().date,
                                   AddDays(grid->days.back().date, 1));
    if (!stored.ok()) return stored.status();
    std::map<std::string, int, std::less<>> index;
    for (std::size_t p = 0; p < n; ++p)
      index[context_.community.participants[p].id] = static_cast<int>(p);
    std::map<DayKey, DayReadings> existing;
    for (const StoredDay& day : *stored) {
      auto decoded = DecodeDayReadings(day.packed);
      if (!decoded.ok()) return decoded.status();
      existing.emplace(DayKey{index.at(day.participant), DaysFromCivil(day.day)},
                       std::move(*decoded));
    }

    std::set<int> in_file;
    for (const ReadingRecord& r : batch.records)
      in_file.insert(ParticipantOf(batch, participant_of_name, r));
    summary.participants = static_cast<std::int64_t>(in_file.size());
    summary.first_day = grid->days.front().date;
    summary.last_day = grid->days.back().date;

    std::vector<std::pair<int, CivilDate>> changed_keys;
    std::vector<DayReadings> changed;
    for (int p : in_file) {
      for (const LocalDay& day : grid->days) {
        const std::int32_t* covered = table.covered(p) + day.first_interval;
        if (std::none_of(covered, covered + day.n_intervals,
                         [](std::int32_t c) { return c > 0; })) {
          continue;
        }
        ++summary.days;
        auto found = existing.find(DayKey{p, DaysFromCivil(day.date)});
        DayReadings merged =
            found != existing.end() ? found->second : DayReadings::Empty(day.n_intervals);
        if (merged.n_intervals != day.n_intervals) {
          return Status::Error("stored readings of " + context_.community.participants[p].id +
                               " on " + FormatDate(day.date) +
                               " do not match the community's intervals");
        }
        bool day_changed = false;
        for (int i = 0; i < day.n_intervals; ++i) {
          if (covered[i] == 0) continue;
          const std::int64_t cell = day.first_interval + i;
          const MilliWh cr = table.cr(p)[cell], ir = table.ir(p)[cell];
          const Quality cq = table.cr_quality(p)[cell], iq = table.ir_quality(p)[cell];
          if (merged.source[i] != 0 && merged.cr[i] == cr && merged.ir[i] == ir &&
              merged.cr_quality[i] == cq && merged.ir_quality[i] == iq) {
            continue;  // already stored as the file gives it
          }
          (merged.source[i] == 0 ? summary.values_new : summary.values_replaced) += 1;
          merged.cr[i] = cr;
          merged.ir[i] = ir;
          merged.cr_quality[i] = cq;
          merged.ir_quality[i] = iq;
          merged.source[i] = kPendingSource;
          day_changed = true;
        }
        for (int i = 0; i < day.n_intervals; ++i) {
          summary.gaps += merged.cr_quality[i] == Quality::kMissing ||
                          merged.ir_quality[i] == Quality::kMissing;
        }
        if (day_changed) {
          changed_keys.emplace_back(p, day.date);
          changed.push_back(std::move(merged));
        }
      }
    }
    summary.days_changed = static_cast<std::int64_t>(changed.size());
    if (changed.empty()) return summary;  // nothing new: nothing recorded

    ImportRecord record;
    record.community = context_.community.id;
    record.source = batch.source;
    record.format = prepared.format;
    record.content_hash = prepared.content_hash;
    record.imported_at = options_.now;
    record.rows = summary.rows;
    record.days_changed = summary.days_changed;
    record.values_replaced = summary.values_replaced;
    auto id = tx_.AddImport(record);
    if (!id.ok()) return id.status();
    summary.import_id = *id;
    std::vector<StoredDay> rows;
    rows.reserve(changed.size());
    for (std::size_t k = 0; k < changed.size(); ++k) {
      for (auto& source : changed[k].source) {
        if (source == kPendingSource) source = *id;
      }
      rows.push_back(StoredDay{context_.community.participants[changed_keys[k].first].id,
                               changed_keys[k].second, EncodeDayReadings(changed[k])});
    }
    REPARTO_RETURN_IF_ERROR(tx_.PutReadings(context_.community.id, rows, *id));
    return summary;
  }

 private:
  // The local days the batch's records fall in.
  Result<DayGrid> GridOf(const ReadingBatch& batch) {
    UtcSeconds first = batch.records.front().start, last = first;
    for (const ReadingRecord& r : batch.records) {
      first = std::min(first, r.start);
      last = std::max(last, r.start + r.duration_seconds - 1);
    }
    auto first_day = LocalDateAt(*context_.zone, first);
    auto last_day = LocalDateAt(*context_.zone, last);
    if (!first_day.ok()) return first_day.status().WithContext(batch.source);
    if (!last_day.ok()) return last_day.status().WithContext(batch.source);
    return CommunityGrid(context_, *first_day, AddDays(*last_day, 1));
  }

  const CommunityContext& context_;
  StoreTransaction& tx_;
  const ImportOptions& options_;
};

Result<ImportSummary> ImportPrepared(Store& store, const CommunityContext& context,
                                     const std::vector<PreparedBatch>& batches,
                                     const ImportOptions& options);

}  // namespace

std::string ContentHash(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Result<ImportSummary> ImportFiles(Store& store, std::string_view community,
                                  const std::vector<ImportInput>& inputs,
                                  const ImportOptions& options) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  ReadOptions read;
  read.zone = context->zone.get();
  read.format = options.format;
  read.canonical_step_seconds = options.readings_step_seconds > 0
                                    ? options.readings_step_seconds
                                    : context->community.rules.step_seconds;
  std::vector<PreparedBatch> batches;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Report(options.progress, "reading", static_cast<std::int64_t>(i),
           static_cast<std::int64_t>(inputs.size()));
    auto text = ReadWholeFile(inputs[i].path);
    if (!text.ok()) return text.status();
    auto format =
        read.format ? Result<ReadingFormat>(*read.format) : DetectFormat(inputs[i].path, *text);
    if (!format.ok()) return format.status();
    ReadOptions this_file = read;
    this_file.format = *format;
    auto batch = ReadReadingsText(*text, inputs[i].path, this_file);
    if (!batch.ok()) return batch.status();
    batch->assigned_participant = inputs[i].participant;
    batches.push_back(
        PreparedBatch{std::move(*batch), std::string(FormatName(*format)), ContentHash(*text)});
  }
  return ImportPrepared(store, *context, batches, options);
}

Result<ImportSummary> ImportBatches(Store& store, std::string_view community,
                                    std::vector<PreparedBatch> batches,
                                    const ImportOptions& options) {
  auto context = LoadCommunityContext(store, community);
  if (!context.ok()) return context.status();
  return ImportPrepared(store, *context, batches, options);
}

namespace {

Result<ImportSummary> ImportPrepared(Store& store, const CommunityContext& context,
                                     const std::vector<PreparedBatch>& batches,
                                     const ImportOptions& options) {
  std::vector<std::vector<int>> resolved;
  for (const PreparedBatch& prepared : batches) {
    auto participants = ResolveParticipants(context.community, prepared.batch);
    if (!participants.ok()) return participants.status();
    REPARTO_RETURN_IF_ERROR(CheckMembership(context, prepared.batch, *participants));
    resolved.push_back(std::move(*participants));
  }
  Report(options.progress, "checking", 0, 1);
  REPARTO_RETURN_IF_ERROR(CheckOverlapsBetweenFiles(batches, resolved));

  auto tx = store.Begin();
  if (!tx.ok()) return tx.status();
  ImportSummary summary;
  FileMerger merger(context, **tx, options);
  for (std::size_t b = 0; b < batches.size(); ++b) {
    Report(options.progress, "writing", static_cast<std::int64_t>(b),
           static_cast<std::int64_t>(batches.size()));
    auto file = merger.Merge(batches[b], resolved[b]);
    if (!file.ok()) return file.status();
    summary.files.push_back(std::move(*file));
  }
  REPARTO_RETURN_IF_ERROR((*tx)->Commit());
  Report(options.progress, "writing", static_cast<std::int64_t>(batches.size()),
         static_cast<std::int64_t>(batches.size()));
  return summary;
}

}  // namespace
}  // namespace reparto::jobs
