// Spanish hourly exports reader (see spanish_csv.h).
#include "ingest/spanish_csv.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fileio/csv.h"
#include "ingest/batch_util.h"
#include "ingest/decimal.h"
#include "ingest/text.h"

namespace reparto::ingest {
namespace {

constexpr int kHour = 3600;

// Normalised header names (NormalizeHeader) of each variant's columns; "" when absent.
struct Layout {
  std::string_view date;
  std::string_view hour;
  std::string_view datetime;  // i-DE: date and hour-ending clock time in one cell
  std::string_view flag;      // i-DE: INV / VER
  std::string_view consumption;
  std::string_view injection;
  std::string_view quality;
  bool watt_hours = false;
};

Layout LayoutOf(ReadingFormat format) {
  switch (format) {
    case ReadingFormat::kDatadis:
      return {"fecha", "hora", "", "", "consumo_kwh", "", "metodo_obtencion", false};
    case ReadingFormat::kDatadisSelfConsumption:
      return {"fecha",           "hora", "", "", "consumo_kwh", "energiavertida_kwh",
              "metodoobtencion", false};
    case ReadingFormat::kEDistribucion:
      return {"fecha", "hora", "", "", "ae_kwh", "as_kwh", "real_estimado", false};
    case ReadingFormat::kUfd:
      return {"fecha", "hora", "", "", "ehcr_kwh", "ehex_kwh", "", false};
    case ReadingFormat::kIDe:
      return {"", "", "fecha_hora", "inv_ver", "consumo_wh", "generacion_wh", "", true};
    default:
      return {};
  }
}

struct Row {
  std::uint32_t line = 0;
  std::uint32_t name = 0;
  std::int64_t day = 0;  // days since 1970-01-01 of the date cell
  int hour = 0;          // file hour number (not i-DE)
  int end_minutes = 0;   // i-DE: clock time at the end of the hour, minutes after 00:00
  int flag = -1;         // i-DE: 1 summer (VER), 0 winter (INV), -1 not given
  std::uint32_t hour_column = 0;
  MilliWh value[2] = {0, 0};
  Quality quality[2] = {Quality::kMissing, Quality::kMissing};
};

struct DayInfo {
  UtcSeconds start = 0;
  int hours = 24;
};

}  // namespace

Result<ReadingBatch> ReadSpanishCsv(std::string_view text, std::string_view source,
                                    ReadingFormat format, const TimeZone& zone) {
  const std::string src(source);
  const Layout layout = LayoutOf(format);
  if (layout.consumption.empty()) {
    return Status::Error(src + ": " + std::string(FormatName(format)) + " is not a Spanish format");
  }
  ReadingBatch batch;
  batch.source = src;

  CsvCursor csv(text, ';');
  if (!csv.Next()) {
    if (!csv.error().empty()) return Status::Error(src + ":" + csv.error());
    return Status::Error(src + ": empty file");
  }
  std::vector<std::string> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.push_back(NormalizeHeader(csv.field(i)));
  std::string missing;
  const auto column = [&](std::string_view name, bool required) {
    if (name.empty()) return -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    if (required) missing += (missing.empty() ? "'" : ", '") + std::string(name) + "'";
    return -1;
  };
  const int cups_col = column("cups", true);
  const int date_col = column(layout.date, true);
  const int hour_col = column(layout.hour, true);
  const int datetime_col = column(layout.datetime, true);
  const int flag_col = column(layout.flag, false);
  const int value_col[2] = {column(layout.consumption, true), column(layout.injection, false)};
  const int quality_col = column(layout.quality, false);
  if (!missing.empty()) {
    return Status::Error(src + ":" + std::to_string(csv.line()) + ": the " +
                         std::string(FormatName(format)) + " header lacks the column(s) " +
                         missing +
                         " (after normalising: lower case, accents removed, '_' separators)");
  }
  int needed = 0;
  for (int c : {cups_col, date_col, hour_col, datetime_col, flag_col, value_col[0], value_col[1],
                quality_col}) {
    needed = std::max(needed, c + 1);
  }

  const DecimalFormat number_format =
      layout.watt_hours ? DecimalFormat::Wh(',') : DecimalFormat::KWh(',', '.');
  static constexpr const char* kWhat[2] = {"consumption", "injection"};
  NameInterner names;
  std::vector<Row> rows;
  rows.reserve(text.size() / 40 + 1);
  const auto where = [&](std::uint32_t col) {
    return src + ":" + std::to_string(csv.line()) + ":" + std::to_string(col) + ": ";
  };
  const auto cell = [&](int c) { return Trim(csv.field(static_cast<std::size_t>(c))); };
  const auto col_of = [&](int c) { return csv.column(static_cast<std::size_t>(c)); };

  while (csv.Next()) {
    if (static_cast<int>(csv.size()) < needed) {
      return Status::Error(src + ":" + std::to_string(csv.line()) + ": expected at least " +
                           std::to_string(needed) + " fields, found " + std::to_string(csv.size()));
    }
    Row row;
    row.line = csv.line();
    const std::string_view cups = cell(cups_col);
    if (cups.empty()) return Status::Error(where(col_of(cups_col)) + "empty CUPS");
    row.name = names.Intern(cups, batch);

    if (datetime_col >= 0) {
      const std::string_view datetime = cell(datetime_col);
      const std::size_t space = datetime.find(' ');
      std::optional<CivilDate> date;
      std::optional<int> minutes;
      if (space != std::string_view::npos) {
        date = ParseFlexibleDate(datetime.substr(0, space));
        minutes = ParseClockMinutes(datetime.substr(space + 1));
      }
      if (!date || !minutes || *minutes % 60 != 0 || *minutes > 1440) {
        return Status::Error(where(col_of(datetime_col)) + "bad date and hour " + Quote(datetime) +
                             " (expected YYYY/MM/DD HH:00, the end of the hour)");
      }
      row.day = DaysFromCivil(*date);
      row.end_minutes = *minutes;
      row.hour_column = col_of(datetime_col);
      if (flag_col >= 0) {
        const std::string_view flag = cell(flag_col);
        if (flag == "1" || EqualsIgnoreCase(flag, "ver") || EqualsIgnoreCase(flag, "v")) {
          row.flag = 1;
        } else if (flag == "0" || EqualsIgnoreCase(flag, "inv") || EqualsIgnoreCase(flag, "i")) {
          row.flag = 0;
        } else if (!flag.empty()) {
          return Status::Error(where(col_of(flag_col)) + "bad INV / VER flag " + Quote(flag) +
                               " (expected 0 or INV for winter time, 1 or VER for summer time)");
        }
      }
    } else {
      const std::optional<CivilDate> date = ParseFlexibleDate(cell(date_col));
      if (!date) {
        return Status::Error(where(col_of(date_col)) + "bad date " + Quote(cell(date_col)) +
                             " (expected dd/mm/yyyy or yyyy/mm/dd)");
      }
      const std::optional<int> minutes = ParseClockMinutes(cell(hour_col));
      if (!minutes || *minutes % 60 != 0) {
        return Status::Error(where(col_of(hour_col)) + "bad hour " + Quote(cell(hour_col)) +
                             " (expected an hour number 1 to 25, or HH:00)");
      }
      row.day = DaysFromCivil(*date);
      row.hour = *minutes / 60;
      row.hour_column = col_of(hour_col);
    }

    Quality quality = Quality::kReal;
    if (quality_col >= 0) {
      const std::string_view q = cell(quality_col);
      if (q.empty() || EqualsIgnoreCase(q, "r") || EqualsIgnoreCase(q, "real")) {
        quality = Quality::kReal;
      } else if (EqualsIgnoreCase(q, "e") || EqualsIgnoreCase(q, "estimada") ||
                 EqualsIgnoreCase(q, "estimado")) {
        quality = Quality::kEstimated;
      } else {
        return Status::Error(where(col_of(quality_col)) + "unknown quality " + Quote(q) +
                             " (expected R, E, Real or Estimada)");
      }
    }
    for (int k = 0; k < 2; ++k) {
      if (value_col[k] < 0) continue;
      const auto c = static_cast<std::size_t>(value_col[k]);
      const std::string_view text_value = csv.field(c);
      const DecimalParse parsed = ParseMilliWh(text_value, number_format);
      if (parsed.error == DecimalError::kEmpty) continue;
      if (!parsed.ok()) {
        const std::uint32_t col = parsed.error == DecimalError::kMalformed
                                      ? csv.column_of(c, parsed.position)
                                      : csv.column(c);
        return Status::Error(
            where(col) + DescribeDecimalError(parsed, Trim(text_value), kWhat[k], number_format));
      }
      row.value[k] = parsed.value;
      row.quality[k] = quality;
    }
    rows.push_back(row);
  }
  if (!csv.error().empty()) return Status::Error(src + ":" + csv.error());

  // Hour numbering of the whole file: 1–24 (hour-ending, the norm) or 0–23.
  bool zero_based = false;
  if (datetime_col < 0) {
    const Row* with_zero = nullptr;
    const Row* with_24 = nullptr;
    for (const Row& r : rows) {
      if (r.hour == 0 && with_zero == nullptr) with_zero = &r;
      if (r.hour >= 24 && with_24 == nullptr) with_24 = &r;
    }
    if (with_zero != nullptr && with_24 != nullptr) {
      return Status::Error(src + ": line " + std::to_string(with_zero->line) +
                           " has hour 0 and line " + std::to_string(with_24->line) + " has hour " +
                           std::to_string(with_24->hour) +
                           ": hours must be numbered 1–24 (hour-ending) or 0–23 throughout a file");
    }
    zero_based = with_zero != nullptr;
  }

  std::unordered_map<std::int64_t, DayInfo> days;
  const auto day_info = [&](std::int64_t day) -> Result<DayInfo> {
    auto it = days.find(day);
    if (it != days.end()) return it->second;
    const CivilDate date = CivilFromDays(day);
    auto start = zone.StartOfDay(date);
    if (!start.ok()) return start.status();
    auto next = zone.StartOfDay(AddDays(date, 1));
    if (!next.ok()) return next.status();
    DayInfo info{*start, static_cast<int>((*next - *start) / kHour)};
    days.emplace(day, info);
    return info;
  };
  const auto offset_at = [&](UtcSeconds t) { return zone.OffsetAt(t); };

  batch.records.reserve(rows.size());
  for (const Row& r : rows) {
    const auto at_place = [&]() {
      return src + ":" + std::to_string(r.line) + ":" + std::to_string(r.hour_column);
    };
    ReadingRecord record;
    record.duration_seconds = kHour;
    record.name = r.name;
    record.line = r.line;
    record.consumption = r.value[0];
    record.consumption_quality = r.quality[0];
    record.injection = r.value[1];
    record.injection_quality = r.quality[1];
    if (datetime_col < 0) {
      auto info = day_info(r.day);
      if (!info.ok()) return info.status().WithContext(at_place());
      const int k = zero_based ? r.hour + 1 : r.hour;
      if (k < 1 || k > info->hours) {
        return Status::Error(at_place() + ": " + "hour " + std::to_string(r.hour) + " on " +
                             FormatDate(CivilFromDays(r.day)) + ", a day of " +
                             std::to_string(info->hours) + " hours in " + std::string(zone.name()) +
                             (zero_based ? " (hours numbered 0–23 in this file)"
                                         : " (hours numbered 1–24, hour-ending)"));
      }
      record.start = info->start + static_cast<std::int64_t>(k - 1) * kHour;
    } else {
      // i-DE: the local clock time at the end of the hour, disambiguated by INV / VER.
      const UtcSeconds local_end = r.day * 86400 + static_cast<std::int64_t>(r.end_minutes) * 60;
      auto before = offset_at(local_end - 86400);
      auto after = offset_at(local_end + 86400);
      if (!before.ok()) return before.status().WithContext(at_place());
      if (!after.ok()) return after.status().WithContext(at_place());
      int offsets[2] = {*before, *after};
      const int n_offsets = offsets[0] == offsets[1] ? 1 : 2;
      UtcSeconds candidates[2];
      int candidate_offsets[2];
      int n = 0;
      for (int pass = 0; pass < 2 && n == 0; ++pass) {
        for (int i = 0; i < n_offsets; ++i) {
          const UtcSeconds end = local_end - offsets[i];
          // First pass: the offset inside the hour; second: at its end (a label written in the
          // new offset at the spring-forward instant).
          auto actual = offset_at(pass == 0 ? end - 1 : end);
          if (!actual.ok()) return actual.status().WithContext(at_place());
          if (*actual == offsets[i]) {
            candidates[n] = end;
            candidate_offsets[n] = offsets[i];
            ++n;
          }
        }
      }
      if (n == 0) {
        return Status::Error(at_place() + ": " + "the hour ending at " +
                             FormatDate(CivilFromDays(r.day)) + " " +
                             std::to_string(r.end_minutes / 60) + ":00 does not exist in " +
                             std::string(zone.name()));
      }
      int pick = 0;
      if (n == 2) {
        if (r.flag < 0) {
          return Status::Error(at_place() + ": " + "the hour ending at " +
                               std::to_string(r.end_minutes / 60) + ":00 on " +
                               FormatDate(CivilFromDays(r.day)) +
                               " happens twice; the INV / VER column must say which");
        }
        // Summer time has the larger offset.
        const bool first_is_summer = candidate_offsets[0] > candidate_offsets[1];
        pick = (r.flag == 1) == first_is_summer ? 0 : 1;
      }
      record.start = candidates[pick] - kHour;
    }
    batch.records.push_back(record);
  }
  Status s = CheckNoDuplicates(batch, "line");
  if (!s.ok()) return s;
  return batch;
}

}  // namespace reparto::ingest
