// JSON, CSV and XLSX answers of a table: see table.h.
#include "api/table.h"

#include <cstdlib>
#include <filesystem>

#include "api/temp_dir.h"
#include "export/xlsx_workbook.h"
#include "fileio/read_file.h"
#include "report/csv_buffer.h"

namespace reparto::api {

Json TableRowsJson(const Table& table) {
  Json rows = Json::array();
  for (const auto& row : table.rows) {
    Json object = Json::object();
    for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
      const TableCell& cell = row[c];
      Json& value = object[table.columns[c]];
      switch (cell.kind) {
        case TableCell::Kind::kText:
        case TableCell::Kind::kMoney:
          value = cell.text;
          break;
        case TableCell::Kind::kInteger:
          value = cell.integer;
          break;
        case TableCell::Kind::kNumber:
          value = Json::parse(cell.text, nullptr, false);
          if (value.is_discarded()) value = nullptr;
          break;
        case TableCell::Kind::kNull:
          value = nullptr;
          break;
      }
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

namespace {

Result<std::string> Xlsx(const Table& table) {
  TempDir dir;
  if (!dir.ok()) return Status::Error("cannot create a temporary folder");
  const std::string path = dir.path() + "/table.xlsx";
  {
    auto workbook = XlsxWorkbook::Create(path);
    if (!workbook.ok()) return workbook.status();
    std::vector<XlsxHeaderCell> header;
    for (const std::string& c : table.columns) header.push_back({c, 0});
    std::string sheet_name = table.name.substr(0, 31);
    const XlsxFormat euro = workbook->NumberFormat("#,##0.00");
    auto sheet = workbook->AddSheet(sheet_name, header);
    if (!sheet.ok()) return sheet.status();
    for (const auto& row : table.rows) {
      (*sheet)->NextRow();
      for (const TableCell& cell : row) {
        switch (cell.kind) {
          case TableCell::Kind::kText:
            (*sheet)->Text(cell.text);
            break;
          case TableCell::Kind::kInteger:
            (*sheet)->Integer(cell.integer);
            break;
          case TableCell::Kind::kNumber:
            (*sheet)->Number(std::strtod(cell.text.c_str(), nullptr), XlsxFormat{});
            break;
          case TableCell::Kind::kMoney:
            (*sheet)->Number(std::strtod(cell.text.c_str(), nullptr), euro);
            break;
          case TableCell::Kind::kNull:
            (*sheet)->Skip();
            break;
        }
      }
    }
    REPARTO_RETURN_IF_ERROR(workbook->Close());
  }
  return ReadWholeFile(path);
}

}  // namespace

http::Response TableResponse(const Table& table, TableFormat format, std::string_view key) {
  if (format == TableFormat::kJson) {
    Json body = Json::object();
    body[std::string(key)] = TableRowsJson(table);
    return JsonOk(body);
  }
  if (format == TableFormat::kCsv) {
    CsvBuffer csv(nullptr, table.name);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) csv.Append(',');
      csv.AppendField(table.columns[c]);
    }
    csv.Append('\n');
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c > 0) csv.Append(',');
        const TableCell& cell = row[c];
        if (cell.kind == TableCell::Kind::kInteger) {
          csv.AppendInt(cell.integer);
        } else if (cell.kind != TableCell::Kind::kNull) {
          csv.AppendField(cell.text);
        }
      }
      csv.Append('\n');
    }
    return http::FileResponse("text/csv; charset=utf-8", std::string(csv.contents()),
                              table.name + ".csv");
  }
  auto bytes = Xlsx(table);
  if (!bytes.ok()) return Internal(bytes.status());
  return http::FileResponse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            std::move(*bytes), table.name + ".xlsx");
}

}  // namespace reparto::api
