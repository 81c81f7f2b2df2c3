// Readers of meter exports: the project's canonical readings CSV, the Portuguese E-REDES
// "Balcão Digital" export (XLSX, or a CSV rendering of it) and five Spanish hourly CSV variants
// (Datadis, Datadis with self-consumption, e-distribución, UFD, i-DE). Every reader returns a core
// ReadingBatch: one ReadingRecord per interval with its UTC start, its duration, the supply point
// as written in the file, the 1-based line (or spreadsheet row) and the registered consumption
// (CR) and injection (IR) in exact mWh, each with its own Quality (kMissing when the cell is
// empty or the series does not apply: never zero). See docs/formats.md for every conversion.
//
//   auto zone = IanaZone::Load("Europe/Lisbon");
//   ReadOptions options;
//   options.zone = zone->get();
//   Result<ReadingBatch> batch = ReadReadingsFile("consumo_2022-01.xlsx", options);
//   if (!batch.ok()) return batch.status();   // "consumo_2022-01.xlsx: row 40, column G: ..."
//
// Errors name the file, the line (or row) and the column where they apply. Nothing is thrown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/readings.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

enum class ReadingFormat {
  kCanonicalCsv,            // participant,start,consumption_kwh,injection_kwh,quality
  kEredesXlsx,              // E-REDES Balcão Digital workbook
  kEredesCsv,               // the same export rendered as CSV (or its snake_case re-export)
  kDatadis,                 // CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion
  kDatadisSelfConsumption,  // CUPS;Fecha;Hora;consumo_kWh;metodoObtencion;energiaVertida_kWh;...
  kEDistribucion,           // CUPS;Fecha;Hora;AE_kWh;AS_KWh;AE_AUTOCONS_kWh;REAL/ESTIMADO
  kUfd,                     // CUPS;FECHA;HORA;EHCR (kWh);EHEX (kWh)
  kIDe,                     // CUPS;FECHA-HORA;INV / VER;CONSUMO Wh;GENERACION Wh (Wh)
};

// "canonical-csv", "eredes-xlsx", "eredes-csv", "datadis", "datadis-autoconsumo",
// "e-distribucion", "ufd", "i-de".
std::string_view FormatName(ReadingFormat format);
// The inverse of FormatName (for a command-line --format option).
Result<ReadingFormat> ParseFormatName(std::string_view name);

struct ReadOptions {
  // Zone of the local dates and hours in E-REDES (Europe/Lisbon) and Spanish exports
  // (Europe/Madrid, Atlantic/Canary). Not needed for the canonical CSV, whose instants carry
  // their offset. Not owned.
  const TimeZone* zone = nullptr;
  // Duration given to every canonical-CSV record: the file does not say it; it is the community
  // step (900 or 3600).
  int canonical_step_seconds = 900;
  // Skip detection and read the file as this format.
  std::optional<ReadingFormat> format;
};

// Recognises a format from the first bytes of a file: the ZIP magic for XLSX, otherwise the
// header line(s) of the CSV. `path` is only used in messages. `head_bytes` should hold at least the
// first 4 KiB (an E-REDES CSV has its header on line 15).
Result<ReadingFormat> DetectFormat(std::string_view path, std::string_view head_bytes);

// Reads a whole file (any supported format, detected unless options.format is set).
Result<ReadingBatch> ReadReadingsFile(const std::string& path, const ReadOptions& options);
Result<ReadingBatch> ReadReadingsFile(const std::string& path, const TimeZone& zone);

// Reads the content of a file already in memory (any format, XLSX included); `source_name`
// names it in messages and in ReadingBatch::source.
Result<ReadingBatch> ReadReadingsText(std::string_view text, std::string_view source_name,
                                      const ReadOptions& options);
Result<ReadingBatch> ReadReadingsText(std::string_view text, std::string_view source_name,
                                      const TimeZone& zone);

}  // namespace reparto
