// Entry points of the readers: file loading and dispatch by format (see reader.h).
#include "ingest/reader.h"

#include "fileio/read_file.h"
#include "ingest/canonical_csv.h"
#include "ingest/eredes.h"
#include "ingest/spanish_csv.h"

namespace reparto {

Result<ReadingBatch> ReadReadingsText(std::string_view text, std::string_view source_name,
                                      const ReadOptions& options) {
  ReadingFormat format;
  if (options.format) {
    format = *options.format;
  } else {
    auto detected = DetectFormat(source_name, text.substr(0, 1 << 16));
    if (!detected.ok()) return detected.status();
    format = *detected;
  }
  if (format == ReadingFormat::kCanonicalCsv) {
    return ingest::ReadCanonicalCsv(text, source_name, options.canonical_step_seconds);
  }
  if (options.zone == nullptr) {
    return Status::Error(std::string(source_name) + ": reading a " +
                         std::string(FormatName(format)) +
                         " file needs the time zone of its local dates and hours");
  }
  switch (format) {
    case ReadingFormat::kEredesXlsx:
      return ingest::ReadEredesXlsx(text, source_name, *options.zone);
    case ReadingFormat::kEredesCsv:
      return ingest::ReadEredesCsv(text, source_name, *options.zone);
    default:
      return ingest::ReadSpanishCsv(text, source_name, format, *options.zone);
  }
}

Result<ReadingBatch> ReadReadingsText(std::string_view text, std::string_view source_name,
                                      const TimeZone& zone) {
  ReadOptions options;
  options.zone = &zone;
  return ReadReadingsText(text, source_name, options);
}

Result<ReadingBatch> ReadReadingsFile(const std::string& path, const ReadOptions& options) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadReadingsText(*content, path, options);
}

Result<ReadingBatch> ReadReadingsFile(const std::string& path, const TimeZone& zone) {
  ReadOptions options;
  options.zone = &zone;
  return ReadReadingsFile(path, options);
}

}  // namespace reparto
