// E-REDES Balcão Digital export reader (see eredes.h).
#include "ingest/eredes.h"

#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "fileio/csv.h"
#include "ingest/batch_util.h"
#include "ingest/decimal.h"
#include "ingest/text.h"
#include "ingest/xlsx_sheet.h"

namespace reparto::ingest {
namespace {

constexpr int kStepSeconds = 900;
constexpr std::int64_t kExcelEpochDays = 25569;  // serial of 1970-01-01 in Excel's 1900 system

std::string Where(const Sheet& sheet, const std::string& src, std::uint32_t line,
                  std::uint32_t column) {
  if (sheet.spreadsheet) {
    std::string out = src + ": row " + std::to_string(line);
    if (column > 0) out += ", column " + ColumnLetters(column);
    return out + ": ";
  }
  std::string out = src + ":" + std::to_string(line);
  if (column > 0) {
    out += ':';  // appended apart: GCC 12 warns falsely (-Wrestrict) on ":" + std::string
    out += std::to_string(column);
  }
  return out + ": ";
}

const SheetCell* CellAt(const SheetRow& row, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= row.cells.size()) return nullptr;
  return &row.cells[static_cast<std::size_t>(index)];
}

std::string_view CellText(const SheetRow& row, int index) {
  const SheetCell* cell = CellAt(row, index);
  return cell == nullptr ? std::string_view() : Trim(cell->text);
}

bool ParseDouble(std::string_view text, double& value) {
  text = Trim(text);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// One data row, placed on its local day.
struct Entry {
  std::int64_t day = 0;  // days since 1970-01-01 of the local day the quarter-hour belongs to
  int end_minutes = 0;   // label: end of the quarter-hour in minutes after that day's 00:00
  std::uint32_t line = 0;
  std::uint32_t hora_column = 0;
  MilliWh value[2] = {0, 0};
  Quality quality[2] = {Quality::kMissing, Quality::kMissing};
};

struct Series {
  int value_col = -1;
  int estado_col = -1;
  const char* what = "";
};

}  // namespace

Result<ReadingBatch> ReadEredesSheet(const Sheet& sheet, std::string_view source,
                                     const TimeZone& zone) {
  const std::string src(source);
  ReadingBatch batch;
  batch.source = src;

  // Metadata rows, then the header row `Data`, `Hora` (or `date`, `time` in the re-export).
  std::string cpe;
  std::size_t header_index = sheet.rows.size();
  for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
    const SheetRow& row = sheet.rows[i];
    if (row.cells.size() >= 2) {
      const std::string a = NormalizeHeader(row.cells[0].text);
      const std::string b = NormalizeHeader(row.cells[1].text);
      if ((a == "data" && b == "hora") || (a == "date" && b == "time")) {
        header_index = i;
        break;
      }
    }
    std::size_t first = 0;
    while (first < row.cells.size() && Trim(row.cells[first].text).empty()) ++first;
    if (first >= row.cells.size()) continue;
    const std::string key = NormalizeHeader(row.cells[first].text);
    std::size_t next = first + 1;
    while (next < row.cells.size() && Trim(row.cells[next].text).empty()) ++next;
    const std::string_view value =
        next < row.cells.size() ? Trim(row.cells[next].text) : std::string_view();
    if (key == "cpe") {
      cpe = std::string(value);
    } else if (key == "intervalo" && !value.empty()) {
      int minutes = 0;
      std::from_chars(value.data(), value.data() + value.size(), minutes);
      if (minutes != 15) {
        return Status::Error(Where(sheet, src, row.line, row.cells[next].column) + "interval " +
                             Quote(value) + ": only 15-minute exports are supported");
      }
    }
  }
  if (header_index == sheet.rows.size()) {
    return Status::Error(src +
                         ": no header row starting with 'Data', 'Hora' (expected an E-REDES "
                         "Balcão Digital export)");
  }
  const SheetRow& header = sheet.rows[header_index];

  // Columns by header text.
  std::vector<std::string> names;
  for (const SheetCell& cell : header.cells) names.push_back(NormalizeHeader(cell.text));
  const auto find = [&](std::initializer_list<std::string_view> wanted) {
    for (std::string_view w : wanted) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == w) return static_cast<int>(i);
      }
    }
    return -1;
  };
  Series series[2];
  series[0].what = "consumption";
  series[0].value_col = find({"consumo_registado_kw", "consumo_registado_ativa_kw"});
  series[1].what = "injection";
  series[1].value_col = find({"injecao_registada_kw", "injecao_registada_ativa_kw"});
  if (series[0].value_col < 0) {
    std::string found;
    for (const SheetCell& cell : header.cells)
      found += (found.empty() ? "" : ", ") + Quote(cell.text);
    return Status::Error(Where(sheet, src, header.line, 0) +
                         "no column 'Consumo registado (kW)' or 'Consumo registado, Ativa (kW)' "
                         "(found " +
                         found + ")");
  }
  for (Series& s : series) {
    if (s.value_col < 0) continue;
    for (std::size_t i = static_cast<std::size_t>(s.value_col) + 1; i < names.size(); ++i) {
      if (names[i].rfind("estado", 0) == 0) {
        s.estado_col = static_cast<int>(i);
        break;
      }
    }
  }

  // Data rows.
  const DecimalFormat text_format = DecimalFormat::QuarterHourKW('.', ',', false);
  const DecimalFormat numeric_format = DecimalFormat::QuarterHourKW('.', '\0', true);
  std::vector<Entry> entries;
  entries.reserve(sheet.rows.size() - header_index);
  for (std::size_t i = header_index + 1; i < sheet.rows.size(); ++i) {
    const SheetRow& row = sheet.rows[i];
    bool blank = true;
    for (const SheetCell& cell : row.cells) blank = blank && Trim(cell.text).empty();
    if (blank) continue;

    Entry entry;
    entry.line = row.line;
    const SheetCell* date_cell = CellAt(row, 0);
    const SheetCell* hora_cell = CellAt(row, 1);
    entry.hora_column = hora_cell != nullptr ? hora_cell->column : 2;
    std::optional<CivilDate> date;
    if (date_cell != nullptr && date_cell->numeric) {
      double serial = 0;
      if (ParseDouble(date_cell->text, serial) && serial >= 1 && serial < 2958466) {
        date = CivilFromDays(static_cast<std::int64_t>(std::floor(serial)) - kExcelEpochDays);
      }
    } else if (date_cell != nullptr) {
      date = ParseFlexibleDate(date_cell->text);
    }
    if (!date) {
      return Status::Error(Where(sheet, src, row.line, date_cell ? date_cell->column : 1) +
                           "bad date " + Quote(CellText(row, 0)) + " (expected YYYY/MM/DD)");
    }
    std::optional<int> minutes;
    if (hora_cell != nullptr && hora_cell->numeric) {
      double fraction = 0;
      if (ParseDouble(hora_cell->text, fraction) && fraction >= 0 && fraction <= 1.0 + 1e-9) {
        minutes = static_cast<int>(std::lround(fraction * 1440));
      }
    } else if (hora_cell != nullptr) {
      minutes = ParseClockMinutes(hora_cell->text);
    }
    if (!minutes || *minutes > 1440 || *minutes % 15 != 0) {
      return Status::Error(Where(sheet, src, row.line, entry.hora_column) + "bad time " +
                           Quote(CellText(row, 1)) +
                           " (expected HH:MM, the end of a quarter-hour, 00:15 to 24:00)");
    }
    entry.day = DaysFromCivil(*date);
    entry.end_minutes = *minutes;
    if (entry.end_minutes == 0) {  // 00:00 closes the previous day
      entry.day -= 1;
      entry.end_minutes = 1440;
    }

    for (int k = 0; k < 2; ++k) {
      const Series& s = series[k];
      if (s.value_col < 0) continue;
      const std::string_view estado = CellText(row, s.estado_col);
      if (estado == "-") continue;  // series not applicable: missing
      Quality quality = Quality::kReal;
      if (estado.empty() || EqualsIgnoreCase(estado, "real")) {
        quality = Quality::kReal;
      } else if (EqualsIgnoreCase(estado, "estimado")) {
        quality = Quality::kEstimated;
      } else {
        const SheetCell* cell = CellAt(row, s.estado_col);
        return Status::Error(Where(sheet, src, row.line, cell->column) + "unknown Estado " +
                             Quote(estado) + " (expected Real, Estimado or -)");
      }
      const SheetCell* cell = CellAt(row, s.value_col);
      if (cell == nullptr) continue;
      const DecimalFormat& format = cell->numeric ? numeric_format : text_format;
      const DecimalParse parsed = ParseMilliWh(cell->text, format);
      if (parsed.error == DecimalError::kEmpty) continue;
      if (!parsed.ok()) {
        return Status::Error(Where(sheet, src, row.line, cell->column) +
                             DescribeDecimalError(parsed, Trim(cell->text), s.what, format));
      }
      entry.value[k] = parsed.value;
      entry.quality[k] = quality;
    }
    entries.push_back(entry);
  }
  if (entries.empty()) {
    return Status::Error(Where(sheet, src, header.line, 0) + "no data rows after the header");
  }

  // Place each local day's rows.
  batch.names.push_back(cpe);
  batch.records.reserve(entries.size());
  std::set<std::int64_t> seen_days;
  for (std::size_t begin = 0; begin < entries.size();) {
    std::size_t end = begin;
    while (end < entries.size() && entries[end].day == entries[begin].day) ++end;
    const CivilDate date = CivilFromDays(entries[begin].day);
    if (!seen_days.insert(entries[begin].day).second) {
      return Status::Error(Where(sheet, src, entries[begin].line, 0) + "rows of day " +
                           FormatDate(date) + " are not together (the day appeared before)");
    }
    auto day_start = zone.StartOfDay(date);
    if (!day_start.ok()) return day_start.status().WithContext(src);
    auto next_start = zone.StartOfDay(AddDays(date, 1));
    if (!next_start.ok()) return next_start.status().WithContext(src);
    const std::int64_t length = *next_start - *day_start;
    const std::size_t count = end - begin;
    const bool regular_day = length == 86400;
    if (!regular_day && static_cast<std::int64_t>(count) * kStepSeconds != length) {
      return Status::Error(Where(sheet, src, entries[begin].line, 0) + "day " + FormatDate(date) +
                           " has " + std::to_string(length / kStepSeconds) + " quarter-hours in " +
                           std::string(zone.name()) + " but the file has " + std::to_string(count) +
                           " rows for it (" + (sheet.spreadsheet ? "rows " : "lines ") +
                           std::to_string(entries[begin].line) + " to " +
                           std::to_string(entries[end - 1].line) +
                           "); on a daylight-saving day rows are placed by counting, so the day "
                           "must be complete");
    }
    for (std::size_t k = begin; k < end; ++k) {
      const Entry& e = entries[k];
      ReadingRecord record;
      record.start = regular_day ? *day_start + static_cast<std::int64_t>(e.end_minutes - 15) * 60
                                 : *day_start + static_cast<std::int64_t>(k - begin) * kStepSeconds;
      record.duration_seconds = kStepSeconds;
      record.name = 0;
      record.line = e.line;
      record.consumption = e.value[0];
      record.consumption_quality = e.quality[0];
      record.injection = e.value[1];
      record.injection_quality = e.quality[1];
      batch.records.push_back(record);
    }
    begin = end;
  }
  Status s = CheckNoDuplicates(batch, sheet.spreadsheet ? "row" : "line");
  if (!s.ok()) return s;
  return batch;
}

Result<ReadingBatch> ReadEredesXlsx(std::string_view bytes, std::string_view source,
                                    const TimeZone& zone) {
  auto sheet = ReadFirstWorksheet(bytes, source);
  if (!sheet.ok()) return sheet.status();
  return ReadEredesSheet(*sheet, source, zone);
}

Result<ReadingBatch> ReadEredesCsv(std::string_view text, std::string_view source,
                                   const TimeZone& zone) {
  // The separator is the character after `Data` / `date` on the header line.
  char separator = ',';
  {
    std::size_t pos = 0;
    for (int line = 0; line < 64 && pos < text.size(); ++line) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view l = text.substr(pos, end - pos);
      if (l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
      if (!l.empty() && l.front() == '"') l.remove_prefix(1);
      if (l.size() > 4 &&
          (EqualsIgnoreCase(l.substr(0, 4), "data") || EqualsIgnoreCase(l.substr(0, 4), "date"))) {
        std::size_t i = 4;
        if (l[i] == '"') ++i;
        if (i < l.size() && (l[i] == ';' || l[i] == ',' || l[i] == '\t')) {
          separator = l[i];
          break;
        }
      }
      pos = end + 1;
    }
  }
  Sheet sheet;
  CsvCursor csv(text, separator);
  while (csv.Next()) {
    SheetRow row;
    row.line = csv.line();
    row.cells.resize(csv.size());
    for (std::size_t i = 0; i < csv.size(); ++i) {
      row.cells[i].text = std::string(csv.field(i));
      row.cells[i].column = csv.column(i);
    }
    sheet.rows.push_back(std::move(row));
  }
  if (!csv.error().empty()) return Status::Error(std::string(source) + ":" + csv.error());
  return ReadEredesSheet(sheet, source, zone);
}

}  // namespace reparto::ingest
