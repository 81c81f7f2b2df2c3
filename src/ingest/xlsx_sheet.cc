// First worksheet of an XLSX workbook (see xlsx_sheet.h). libzip opens the archive from memory;
// pugixml parses workbook.xml, its relationships, sharedStrings.xml and the worksheet.
#include "ingest/xlsx_sheet.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace reparto::ingest {
namespace {

// Refuse entries that inflate beyond this (a guard against ZIP bombs).
constexpr zip_uint64_t kMaxEntryBytes = 512ULL << 20;

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Reads one entry; nullopt-like empty Result when absent is signalled by `found`.
Result<std::string> ReadEntry(zip_t* archive, const std::string& name, bool& found,
                              const std::string& source) {
  found = false;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0) return std::string();
  found = true;
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxEntryBytes) {
    return Status::Error(source + ": " + name + " is too large or has no size");
  }
  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen(archive, name.c_str(), 0));
  if (!file) {
    return Status::Error(source + ": cannot open " + name +
                         " in the archive: " + zip_strerror(archive));
  }
  std::string content(static_cast<std::size_t>(stat.size), '\0');
  zip_uint64_t done = 0;
  while (done < stat.size) {
    const zip_int64_t n = zip_fread(file.get(), content.data() + done, stat.size - done);
    if (n <= 0) {
      return Status::Error(source + ": cannot read " + name +
                           " in the archive: " + zip_file_strerror(file.get()));
    }
    done += static_cast<zip_uint64_t>(n);
  }
  return content;
}

Result<pugi::xml_document*> Parse(pugi::xml_document& doc, const std::string& content,
                                  const std::string& where) {
  const pugi::xml_parse_result parsed = doc.load_buffer(content.data(), content.size());
  if (!parsed) {
    return Status::Error(where + ": malformed XML at byte " + std::to_string(parsed.offset) + ": " +
                         parsed.description());
  }
  return &doc;
}

// Text of a shared-string item or inline string: its <t>, or the <t> of every rich-text run
// (phonetic runs excluded).
std::string StringItemText(const pugi::xml_node& item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    const std::string_view name = child.name();
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      text += child.child("t").text().get();
    }
  }
  return text;
}

// "G16" -> 7; 0 when there are no letters.
std::uint32_t ColumnOfReference(std::string_view reference) {
  std::uint32_t column = 0;
  for (char c : reference) {
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    } else {
      break;
    }
  }
  return column;
}

// Path of the first worksheet from workbook.xml and its relationships; the conventional path
// when they do not say.
std::string FirstSheetPath(zip_t* archive, const std::string& source) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  bool found = false;
  auto workbook = ReadEntry(archive, "xl/workbook.xml", found, source);
  if (!workbook.ok() || !found) return fallback;
  auto rels = ReadEntry(archive, "xl/_rels/workbook.xml.rels", found, source);
  if (!rels.ok() || !found) return fallback;
  pugi::xml_document workbook_doc;
  pugi::xml_document rels_doc;
  if (!workbook_doc.load_buffer(workbook->data(), workbook->size()) ||
      !rels_doc.load_buffer(rels->data(), rels->size())) {
    return fallback;
  }
  const pugi::xml_node sheet = workbook_doc.child("workbook").child("sheets").child("sheet");
  const std::string id = sheet.attribute("r:id").value();
  if (id.empty()) return fallback;
  for (pugi::xml_node rel : rels_doc.child("Relationships").children("Relationship")) {
    if (id != rel.attribute("Id").value()) continue;
    std::string target = rel.attribute("Target").value();
    if (target.empty()) return fallback;
    if (target[0] == '/') return target.substr(1);
    return "xl/" + target;
  }
  return fallback;
}

}  // namespace

Result<Sheet> ReadFirstWorksheet(std::string_view bytes, std::string_view source_name) {
  const std::string source(source_name);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* zip_source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (zip_source == nullptr) {
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error(source + ": cannot read the XLSX archive: " + message);
  }
  ZipPtr archive(zip_open_from_source(zip_source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(zip_source);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error(source + ": not a valid XLSX (ZIP) file: " + message);
  }
  zip_error_fini(&error);

  // Shared strings (optional: a workbook of inline strings has none).
  std::vector<std::string> shared;
  bool found = false;
  auto shared_xml = ReadEntry(archive.get(), "xl/sharedStrings.xml", found, source);
  if (!shared_xml.ok()) return shared_xml.status();
  if (found) {
    pugi::xml_document doc;
    auto parsed = Parse(doc, *shared_xml, source + ": xl/sharedStrings.xml");
    if (!parsed.ok()) return parsed.status();
    for (pugi::xml_node si : doc.child("sst").children("si")) shared.push_back(StringItemText(si));
  }

  const std::string sheet_path = FirstSheetPath(archive.get(), source);
  auto sheet_xml = ReadEntry(archive.get(), sheet_path, found, source);
  if (!sheet_xml.ok()) return sheet_xml.status();
  if (!found) return Status::Error(source + ": the workbook has no worksheet " + sheet_path);
  pugi::xml_document doc;
  auto parsed = Parse(doc, *sheet_xml, source + ": " + sheet_path);
  if (!parsed.ok()) return parsed.status();
  sheet_xml->clear();
  sheet_xml->shrink_to_fit();

  Sheet sheet;
  sheet.spreadsheet = true;
  std::uint32_t previous_row = 0;
  for (pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row")) {
    SheetRow out;
    const unsigned row_number = row.attribute("r").as_uint(0);
    out.line = row_number > 0 ? row_number : previous_row + 1;
    previous_row = out.line;
    std::uint32_t previous_column = 0;
    for (pugi::xml_node cell : row.children("c")) {
      std::uint32_t column = ColumnOfReference(cell.attribute("r").value());
      if (column == 0) column = previous_column + 1;
      if (column <= previous_column || column > 16384) {
        return Status::Error(source + ": " + sheet_path + ": row " + std::to_string(out.line) +
                             ": cells out of order");
      }
      previous_column = column;
      while (out.cells.size() + 1 < column) {
        SheetCell gap;
        gap.column = static_cast<std::uint32_t>(out.cells.size() + 1);
        out.cells.push_back(std::move(gap));
      }
      SheetCell value;
      value.column = column;
      const std::string_view type = cell.attribute("t").value();
      if (type == "s") {
        const pugi::xml_text index_text = cell.child("v").text();
        const unsigned index = index_text.as_uint(UINT32_MAX);
        if (index_text.empty() || index >= shared.size()) {
          return Status::Error(source + ": row " + std::to_string(out.line) + ", column " +
                               std::to_string(column) + ": shared string index out of range");
        }
        value.text = shared[index];
      } else if (type == "inlineStr") {
        value.text = StringItemText(cell.child("is"));
      } else if (type == "str" || type == "e") {
        value.text = cell.child("v").text().get();
      } else if (type == "b") {
        value.text = cell.child("v").text().get();
      } else {  // "n" or absent: a number as written by the producer
        value.text = cell.child("v").text().get();
        value.numeric = !value.text.empty();
      }
      out.cells.push_back(std::move(value));
    }
    sheet.rows.push_back(std::move(out));
  }
  return sheet;
}

}  // namespace reparto::ingest
