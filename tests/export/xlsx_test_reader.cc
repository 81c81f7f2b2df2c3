// Test helper reading every sheet of an XLSX file (see xlsx_test_reader.h).
#include "xlsx_test_reader.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>

namespace reparto::testing {
namespace {

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

// The XML of one archive entry, parsed.
Status LoadEntry(zip_t* archive, const std::string& name, pugi::xml_document& doc) {
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0) return Status::Error("no " + name);
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) return Status::Error("cannot open " + name);
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t n = zip_fread(file, bytes.data(), stat.size);
  zip_fclose(file);
  if (n != static_cast<zip_int64_t>(stat.size)) return Status::Error("cannot read " + name);
  if (!doc.load_buffer(bytes.data(), bytes.size())) return Status::Error("bad XML in " + name);
  return Status::Ok();
}

// 0-based column of a reference such as "AB12".
int ColumnOf(std::string_view reference) {
  int column = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  return column - 1;
}

int RowOf(std::string_view reference) {
  const std::size_t digits = reference.find_first_of("0123456789");
  return std::stoi(std::string(reference.substr(digits))) - 1;
}

}  // namespace

Result<std::vector<XlsxReadSheet>> ReadXlsxForTest(const std::string& path) {
  int error = 0;
  std::unique_ptr<zip_t, ZipClose> archive(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!archive) return Status::Error(path + ": not a ZIP file");
  pugi::xml_document workbook, rels, styles, strings;
  for (auto [name, doc] : {std::pair{"xl/workbook.xml", &workbook},
                           {"xl/_rels/workbook.xml.rels", &rels},
                           {"xl/styles.xml", &styles}}) {
    if (Status s = LoadEntry(archive.get(), name, *doc); !s.ok()) return s;
  }
  std::vector<std::string> shared;
  if (LoadEntry(archive.get(), "xl/sharedStrings.xml", strings).ok()) {
    for (pugi::xml_node si : strings.child("sst").children("si")) {
      shared.push_back(si.child("t").text().get());
    }
  }
  // Style index -> number format code.
  std::map<int, std::string> codes;
  for (pugi::xml_node f : styles.child("styleSheet").child("numFmts").children("numFmt")) {
    codes[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  }
  std::vector<std::string> xf_formats;
  for (pugi::xml_node xf : styles.child("styleSheet").child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    xf_formats.push_back(id == 0 ? "" : codes.count(id) ? codes[id] : std::to_string(id));
  }

  std::vector<XlsxReadSheet> sheets;
  for (pugi::xml_node entry : workbook.child("workbook").child("sheets").children("sheet")) {
    XlsxReadSheet sheet;
    sheet.name = entry.attribute("name").value();
    const std::string id = entry.attribute("r:id").value();
    const pugi::xml_node rel =
        rels.child("Relationships").find_child_by_attribute("Relationship", "Id", id.c_str());
    pugi::xml_document doc;
    if (Status s =
            LoadEntry(archive.get(), "xl/" + std::string(rel.attribute("Target").value()), doc);
        !s.ok()) {
      return s;
    }
    const pugi::xml_node root = doc.child("worksheet");
    const pugi::xml_node pane = root.child("sheetViews").child("sheetView").child("pane");
    if (std::string_view(pane.attribute("state").value()) == "frozen") {
      sheet.frozen = pane.attribute("topLeftCell").value();
    }
    sheet.autofilter = root.child("autoFilter").attribute("ref").value();
    for (pugi::xml_node row : root.child("sheetData").children("row")) {
      for (pugi::xml_node c : row.children("c")) {
        const std::string_view ref = c.attribute("r").value();
        const std::size_t r = static_cast<std::size_t>(RowOf(ref));
        if (sheet.rows.size() <= r) sheet.rows.resize(r + 1);
        XlsxCell cell;
        const std::string_view type = c.attribute("t").value();
        if (type == "s") {
          cell.text = shared.at(c.child("v").text().as_uint());
        } else if (type == "inlineStr") {
          cell.text = c.child("is").child("t").text().get();
        } else {
          cell.text = c.child("v").text().get();
          cell.numeric = type.empty() || type == "n";
        }
        const int style = c.attribute("s").as_int(0);
        if (style > 0 && static_cast<std::size_t>(style) < xf_formats.size()) {
          cell.format = xf_formats[static_cast<std::size_t>(style)];
        }
        sheet.rows[r][ColumnOf(ref)] = cell;
      }
    }
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace reparto::testing
