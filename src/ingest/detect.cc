// Format names and detection of a reading file's format from its first bytes (see reader.h).
#include <array>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest/text.h"

namespace reparto {
namespace {

constexpr std::array<std::pair<ReadingFormat, std::string_view>, 8> kNames = {{
    {ReadingFormat::kCanonicalCsv, "canonical-csv"},
    {ReadingFormat::kEredesXlsx, "eredes-xlsx"},
    {ReadingFormat::kEredesCsv, "eredes-csv"},
    {ReadingFormat::kDatadis, "datadis"},
    {ReadingFormat::kDatadisSelfConsumption, "datadis-autoconsumo"},
    {ReadingFormat::kEDistribucion, "e-distribucion"},
    {ReadingFormat::kUfd, "ufd"},
    {ReadingFormat::kIDe, "i-de"},
}};

std::vector<std::string> SplitHeader(std::string_view line, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    fields.push_back(ingest::NormalizeHeader(
        line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return fields;
}

bool Has(const std::vector<std::string>& fields, std::string_view name) {
  for (const std::string& f : fields) {
    if (f == name) return true;
  }
  return false;
}

}  // namespace

std::string_view FormatName(ReadingFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "unknown";
}

Result<ReadingFormat> ParseFormatName(std::string_view name) {
  std::string known;
  for (const auto& [f, n] : kNames) {
    if (n == name) return f;
    known += (known.empty() ? "" : ", ") + std::string(n);
  }
  return Status::Error("unknown readings format '" + std::string(name) + "' (expected one of " +
                       known + ")");
}

Result<ReadingFormat> DetectFormat(std::string_view path, std::string_view head) {
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return ReadingFormat::kEredesXlsx;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);

  std::string_view first_line;
  std::size_t pos = 0;
  for (int line = 0; line < 64 && pos < head.size(); ++line) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view l = ingest::Trim(head.substr(pos, end - pos));
    pos = end + 1;
    if (l.empty()) continue;
    if (first_line.empty()) first_line = l;
    const char separator = l.find(';') != std::string_view::npos ? ';' : ',';
    const std::vector<std::string> fields = SplitHeader(l, separator);
    if (line == 0 || first_line == l) {
      if (separator == ',' && Has(fields, "participant") && Has(fields, "start")) {
        return ReadingFormat::kCanonicalCsv;
      }
      if (Has(fields, "cups")) {
        if (Has(fields, "fecha_hora")) return ReadingFormat::kIDe;
        if (Has(fields, "energiavertida_kwh") || Has(fields, "metodoobtencion")) {
          return ReadingFormat::kDatadisSelfConsumption;
        }
        if (Has(fields, "ae_kwh")) return ReadingFormat::kEDistribucion;
        if (Has(fields, "ehcr_kwh")) return ReadingFormat::kUfd;
        if (Has(fields, "consumo_kwh")) return ReadingFormat::kDatadis;
      }
      if (!fields.empty() && fields[0] == "dados_globais") return ReadingFormat::kEredesCsv;
    }
    if (fields.size() >= 2 && ((fields[0] == "data" && fields[1] == "hora") ||
                               (fields[0] == "date" && fields[1] == "time"))) {
      return ReadingFormat::kEredesCsv;
    }
  }
  return Status::Error(
      std::string(path) + ": unrecognised readings format: first line " +
      ingest::Quote(first_line) +
      " (expected the canonical header participant,start,consumption_kwh,injection_kwh,quality, "
      "an E-REDES export, or a Datadis / e-distribución / UFD / i-DE header)");
}

}  // namespace reparto
