// Canonical readings CSV reader (see canonical_csv.h). Hot path: one pass over the text in
// memory, fields as string views, names interned, no allocation per row.
#include "ingest/canonical_csv.h"

#include <array>
#include <string>

#include "core/time.h"
#include "fileio/csv.h"
#include "ingest/batch_util.h"
#include "ingest/decimal.h"
#include "ingest/text.h"

namespace reparto::ingest {
namespace {

enum Column : int { kParticipant, kStart, kConsumption, kInjection, kQuality, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "participant", "start", "consumption_kwh", "injection_kwh", "quality"};

}  // namespace

Result<ReadingBatch> ReadCanonicalCsv(std::string_view text, std::string_view source,
                                      int step_seconds) {
  ReadingBatch batch;
  batch.source = std::string(source);
  const std::string src(source);
  if (step_seconds <= 0) return Status::Error(src + ": the step must be positive");

  CsvCursor csv(text, ',');
  if (!csv.Next()) {
    if (!csv.error().empty()) return Status::Error(src + ":" + csv.error());
    return Status::Error(src + ": empty file (expected the header " +
                         "participant,start,consumption_kwh,injection_kwh,quality)");
  }
  std::array<int, kColumnCount> column_of{-1, -1, -1, -1, -1};
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const std::string_view name = Trim(csv.field(i));
    int found = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (EqualsIgnoreCase(name, kColumnNames[c])) found = c;
    }
    const std::string where =
        src + ":" + std::to_string(csv.line()) + ":" + std::to_string(csv.column(i)) + ": ";
    if (found < 0) {
      return Status::Error(where + "unknown column " + Quote(name) +
                           " (expected participant,start,consumption_kwh,injection_kwh,quality)");
    }
    if (column_of[found] >= 0) return Status::Error(where + "repeated column " + Quote(name));
    column_of[found] = static_cast<int>(i);
  }
  for (int c = 0; c < kQuality; ++c) {
    if (column_of[c] < 0) {
      return Status::Error(src + ":" + std::to_string(csv.line()) + ": missing column '" +
                           std::string(kColumnNames[c]) +
                           "' (expected participant,start,consumption_kwh,injection_kwh,quality)");
    }
  }
  const std::size_t n_columns = csv.size();
  const auto participant_col = static_cast<std::size_t>(column_of[kParticipant]);
  const auto start_col = static_cast<std::size_t>(column_of[kStart]);
  const auto consumption_col = static_cast<std::size_t>(column_of[kConsumption]);
  const auto injection_col = static_cast<std::size_t>(column_of[kInjection]);
  const int quality_col = column_of[kQuality];

  constexpr DecimalFormat kFormat = DecimalFormat::KWh('.');
  NameInterner names;
  batch.records.reserve(text.size() / 40 + 1);
  const auto where = [&](std::uint32_t column) {
    return src + ":" + std::to_string(csv.line()) + ":" + std::to_string(column) + ": ";
  };

  while (csv.Next()) {
    if (csv.size() != n_columns) {
      return Status::Error(src + ":" + std::to_string(csv.line()) + ": expected " +
                           std::to_string(n_columns) + " fields, found " +
                           std::to_string(csv.size()));
    }
    ReadingRecord record;
    record.duration_seconds = step_seconds;
    record.line = csv.line();

    const std::string_view participant = Trim(csv.field(participant_col));
    if (participant.empty())
      return Status::Error(where(csv.column(participant_col)) + "empty participant");
    record.name = names.Intern(participant, batch);

    const std::string_view start_text = Trim(csv.field(start_col));
    auto start = ParseIsoInstant(start_text);
    if (!start.ok()) return Status::Error(where(csv.column(start_col)) + start.status().message());
    record.start = *start;

    Quality quality = Quality::kReal;
    if (quality_col >= 0) {
      const auto q_col = static_cast<std::size_t>(quality_col);
      const std::string_view q = Trim(csv.field(q_col));
      if (q.empty() || EqualsIgnoreCase(q, "real")) {
        quality = Quality::kReal;
      } else if (EqualsIgnoreCase(q, "estimated")) {
        quality = Quality::kEstimated;
      } else {
        return Status::Error(where(csv.column(q_col)) + "unknown quality " + Quote(q) +
                             " (expected real, estimated or empty)");
      }
    }

    const std::size_t value_cols[2] = {consumption_col, injection_col};
    static constexpr const char* kWhat[2] = {"consumption", "injection"};
    for (int k = 0; k < 2; ++k) {
      const std::size_t col = value_cols[k];
      const std::string_view cell = csv.field(col);
      const DecimalParse parsed = ParseMilliWh(cell, kFormat);
      MilliWh& value = k == 0 ? record.consumption : record.injection;
      Quality& value_quality = k == 0 ? record.consumption_quality : record.injection_quality;
      if (parsed.ok()) {
        value = parsed.value;
        value_quality = quality;
      } else if (parsed.error == DecimalError::kEmpty) {
        value = 0;
        value_quality = Quality::kMissing;
      } else {
        const std::uint32_t column = parsed.error == DecimalError::kMalformed
                                         ? csv.column_of(col, parsed.position)
                                         : csv.column(col);
        return Status::Error(where(column) +
                             DescribeDecimalError(parsed, Trim(cell), kWhat[k], kFormat));
      }
    }
    batch.records.push_back(record);
  }
  if (!csv.error().empty()) return Status::Error(src + ":" + csv.error());
  Status s = CheckNoDuplicates(batch, "line");
  if (!s.ok()) return s;
  return batch;
}

}  // namespace reparto::ingest
