// `reparto import`: meter exports into the store, all or nothing, idempotent.
//
// Every file is read with the engine's readers (format detected), checked (unknown participant,
// negative value, a reading outside the participant's membership, two files of the same import
// giving the same interval, duplicate lines) and merged into the stored days: a value the file
// gives replaces the stored one, and the stored day goes to the history with the import that
// wrote it. A file whose values are all stored already changes nothing and records nothing. All
// files of one call are one transaction: on any error nothing is written.
//
// Units: energy mWh; days are the community's local days.
//
//   auto summary = jobs::ImportFiles(*store, "ES0021...A001", {{.path = "datadis.csv"}}, {});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/readings.h"
#include "core/store.h"
#include "ingest/reader.h"
#include "jobs/job_progress.h"

namespace reparto::jobs {

struct ImportInput {
  std::string path;
  std::string participant;  // when set: every record of the file belongs to this participant
};

struct ImportOptions {
  std::optional<ReadingFormat> format;  // skip detection
  int readings_step_seconds = 0;        // canonical CSV interval length; 0 = the community step
  UtcSeconds now = 0;                   // import time recorded in the history
  ProgressFn progress;
};

// A file already read (or generated): the batch, its format name and a hash of its content.
struct PreparedBatch {
  ReadingBatch batch;
  std::string format;
  std::string content_hash;
};

struct FileImportSummary {
  std::string source;
  std::string format;
  std::int64_t rows = 0;             // records in the file
  std::int64_t participants = 0;     // distinct participants in the file
  std::int64_t days = 0;             // participant-days the file touches
  std::int64_t days_changed = 0;     // participant-days written
  std::int64_t values_new = 0;       // intervals that had no value before
  std::int64_t values_replaced = 0;  // intervals whose stored value changed
  std::int64_t gaps = 0;             // missing intervals left in the days the file touches
  std::optional<CivilDate> first_day, last_day;
  std::int64_t import_id = 0;  // 0 when nothing changed
};

struct ImportSummary {
  std::vector<FileImportSummary> files;
};

Result<ImportSummary> ImportFiles(Store& store, std::string_view community,
                                  const std::vector<ImportInput>& inputs,
                                  const ImportOptions& options);

Result<ImportSummary> ImportBatches(Store& store, std::string_view community,
                                    std::vector<PreparedBatch> batches,
                                    const ImportOptions& options);

// FNV-1a 64 of `bytes` as 16 hex digits (recognises a file seen before; not a security hash).
std::string ContentHash(std::string_view bytes);

}  // namespace reparto::jobs
