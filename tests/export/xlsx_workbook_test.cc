// Tests of XlsxWorkbook: cells read back with their types and number formats, the header row
// (frozen, autofilter), Excel date serials, and the all-or-nothing file: errors name the path and
// the cell, and a failed or abandoned workbook leaves nothing (or the previous file) behind.
#include "export/xlsx_workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fileio/read_file.h"
#include "ingest/xlsx_sheet.h"
#include "temp_dir.h"
#include "xlsx_test_reader.h"

namespace reparto::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ExcelSerial, DaysSince1899_12_30) {
  EXPECT_EQ(ExcelSerial(0), 25569.0);
  EXPECT_EQ(ExcelSerial(43200), 25569.5);
  EXPECT_EQ(ExcelSerial(-86400), 25568.0);
  EXPECT_EQ(ExcelSerial(-43200), 25568.5);
  // 2024-03-31T02:00 local is serial 45382 + 2/24.
  EXPECT_DOUBLE_EQ(ExcelSerial(DaysFromCivil({2024, 3, 31}) * 86400 + 7200), 45382 + 2.0 / 24);
}

TEST(XlsxWorkbook, CellsComeBackWithTypesAndFormats) {
  TempDir dir;
  const std::string path = dir.File("book.xlsx");
  auto book = XlsxWorkbook::Create(path);
  ASSERT_TRUE(book.ok()) << book.status().message();
  const XlsxFormat kwh = book->NumberFormat("#,##0.000");
  EXPECT_EQ(book->NumberFormat("#,##0.000").index, kwh.index);  // registered once
  const XlsxFormat euro = book->NumberFormat("#,##0.00 \"€\"");
  const XlsxFormat when = book->NumberFormat("yyyy-mm-dd hh:mm");
  const XlsxFormat month = book->NumberFormat("yyyy-mm");
  auto sheet = book->AddSheet(
      "table", {{"participant"}, {"count"}, {"energy_kwh"}, {"eur"}, {"start"}, {"month"}}, 1);
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  (*sheet)->NextRow();
  (*sheet)->Text("Ana, the bakery");
  (*sheet)->Integer(24);
  (*sheet)->Number(0.051, kwh);
  (*sheet)->Number(3.3, euro);
  (*sheet)->LocalTime(DaysFromCivil({2024, 10, 27}) * 86400 + 3600, when);
  (*sheet)->Date({2024, 5, 1}, month);
  (*sheet)->NextRow();
  (*sheet)->Text("ñç€");
  (*sheet)->Skip();
  (*sheet)->Number(-1234.5, kwh);
  EXPECT_EQ((*sheet)->rows(), 3u);
  ASSERT_TRUE(book->Close().ok());
  EXPECT_THAT(dir.Names(), ElementsAre("book.xlsx"));  // no temporary file left

  auto sheets = ReadXlsxForTest(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().message();
  ASSERT_EQ(sheets->size(), 1u);
  const XlsxReadSheet& s = (*sheets)[0];
  EXPECT_EQ(s.name, "table");
  EXPECT_EQ(s.frozen, "B2");  // header row and first column
  EXPECT_EQ(s.autofilter, "A1:F3");
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(s.at(0, 0)->text, "participant");
  EXPECT_FALSE(s.at(0, 0)->numeric);
  EXPECT_EQ(s.at(1, 0)->text, "Ana, the bakery");
  EXPECT_FALSE(s.at(1, 0)->numeric);
  EXPECT_TRUE(s.at(1, 1)->numeric);
  EXPECT_EQ(s.at(1, 1)->number(), 24);
  EXPECT_TRUE(s.at(1, 2)->numeric);
  EXPECT_EQ(s.at(1, 2)->number(), 0.051);
  EXPECT_EQ(s.at(1, 2)->format, "#,##0.000");
  EXPECT_EQ(s.at(1, 3)->number(), 3.3);
  EXPECT_EQ(s.at(1, 3)->format, "#,##0.00 \"€\"");
  EXPECT_DOUBLE_EQ(s.at(1, 4)->number(), 45592 + 1.0 / 24);  // 2024-10-27 01:00
  EXPECT_EQ(s.at(1, 4)->format, "yyyy-mm-dd hh:mm");
  EXPECT_EQ(s.at(1, 5)->number(), 45413);  // 2024-05-01
  EXPECT_EQ(s.at(1, 5)->format, "yyyy-mm");
  EXPECT_EQ(s.at(2, 0)->text, "ñç€");
  EXPECT_EQ(s.at(2, 1), nullptr);  // skipped: no cell at all
  EXPECT_EQ(s.at(2, 2)->number(), -1234.5);

  // ingest's reader (used for meter exports) reads the same first sheet.
  auto bytes = ReadWholeFile(path);
  ASSERT_TRUE(bytes.ok());
  auto first = ingest::ReadFirstWorksheet(*bytes, path);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_EQ(first->rows.size(), 3u);
  EXPECT_EQ(first->rows[1].cells[0].text, "Ana, the bakery");
  EXPECT_TRUE(first->rows[1].cells[2].numeric);
  EXPECT_EQ(std::stod(first->rows[1].cells[2].text), 0.051);
}

TEST(XlsxWorkbook, BadSheetNamesAreErrors) {
  TempDir dir;
  auto book = XlsxWorkbook::Create(dir.File("book.xlsx"));
  ASSERT_TRUE(book.ok());
  ASSERT_TRUE(book->AddSheet("monthly", {{"a"}}).ok());
  auto duplicate = book->AddSheet("monthly", {{"a"}});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(duplicate.status().message(), HasSubstr("book.xlsx: sheet 'monthly'"));
  EXPECT_FALSE(book->AddSheet("a/b", {{"a"}}).ok());
  EXPECT_FALSE(book->AddSheet(std::string(32, 'x'), {{"a"}}).ok());
  EXPECT_FALSE(book->AddSheet("no columns", {}).ok());
  EXPECT_TRUE(book->Close().ok());
}

TEST(XlsxWorkbook, CellErrorNamesTheCellAndLeavesThePreviousFile) {
  TempDir dir;
  const std::string path = dir.File("book.xlsx");
  { std::ofstream(path) << "previous"; }
  auto book = XlsxWorkbook::Create(path);
  ASSERT_TRUE(book.ok());
  auto sheet = book->AddSheet("s", {{"a"}, {"b"}});
  ASSERT_TRUE(sheet.ok());
  (*sheet)->NextRow();
  (*sheet)->Integer(1);
  (*sheet)->Text(std::string(40000, 'x'));  // Excel allows 32 767 characters in a cell
  EXPECT_FALSE(book->status().ok());
  const Status closed = book->Close();
  ASSERT_FALSE(closed.ok());
  EXPECT_THAT(closed.message(), HasSubstr(path + ": sheet 's', row 2, column 2: "));
  EXPECT_EQ(ReadText(path), "previous");
  EXPECT_THAT(dir.Names(), ElementsAre("book.xlsx"));
}

TEST(XlsxWorkbook, WithoutCloseNothingIsWritten) {
  TempDir dir;
  {
    auto book = XlsxWorkbook::Create(dir.File("book.xlsx"));
    ASSERT_TRUE(book.ok());
    ASSERT_TRUE(book->AddSheet("s", {{"a"}}).ok());
    EXPECT_THAT(dir.Names(), ::testing::SizeIs(1));  // the temporary file
  }
  EXPECT_THAT(dir.Names(), IsEmpty());

  auto book = XlsxWorkbook::Create(dir.File("other.xlsx"));
  ASSERT_TRUE(book.ok());
  book->Abandon();
  EXPECT_THAT(dir.Names(), IsEmpty());
  EXPECT_FALSE(book->Close().ok());
}

TEST(XlsxWorkbook, MissingDirectoryIsAnError) {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/book.xlsx");
  auto book = XlsxWorkbook::Create(path);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.status().message(), HasSubstr(path + ": cannot create temporary file"));
  EXPECT_THAT(book.status().message(), HasSubstr("No such file or directory"));
}

// Root may write anywhere: the test drops to user "nobody" while it writes, as a real user would.
class ScopedEffectiveUser {
 public:
  ScopedEffectiveUser() {
    if (::geteuid() == 0 && ::setegid(65534) == 0 && ::seteuid(65534) == 0) switched_ = true;
  }
  ~ScopedEffectiveUser() {
    if (switched_) {
      (void)::seteuid(0);
      (void)::setegid(0);
    }
  }

 private:
  bool switched_ = false;
};

TEST(XlsxWorkbook, ReadOnlyDirectoryIsAClearErrorAndLeavesNoFile) {
  TempDir dir;
  namespace fs = std::filesystem;
  const fs::path read_only = dir.path() / "read-only";
  fs::create_directory(read_only);
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_exec);
  fs::permissions(read_only, fs::perms::owner_read | fs::perms::owner_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
  const std::string path = (read_only / "monthly.xlsx").string();
  Status status;
  {
    ScopedEffectiveUser nobody;
    auto book = XlsxWorkbook::Create(path);
    status = book.ok() ? book->Close() : book.status();
  }
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr(path + ": cannot create temporary file"));
  EXPECT_THAT(status.message(), HasSubstr("Permission denied"));
  EXPECT_TRUE(fs::is_empty(read_only));
}

}  // namespace
}  // namespace reparto::testing
