// XlsxWorkbook: writes a real .xlsx workbook (libxlsxwriter behind this interface) all or
// nothing. The workbook is written to a temporary file beside the target (`<path>.tmp-XXXXXX`,
// see fileio/atomic_file.h) and renamed over it only when everything succeeded, so a failed
// export never leaves a half-written file and keeps the previous one.
//
// Sheets are tables: a bold header row, frozen (with the first `frozen_columns` columns), an
// autofilter over the header and every row written, and column widths from the header. Rows are
// written top to bottom, cells left to right (the workbook streams rows to temporary storage, so
// memory does not grow with the number of rows). A sheet holds at most kXlsxMaxRows rows,
// header included.
//
// Units: numbers are written as given (a double) and shown with a number format registered once
// per workbook ("#,##0.000" for kWh, "#,##0.00 \"€\"" for euros, "yyyy-mm-dd hh:mm" for a local
// date-time). Date-times are local wall-clock times, as seconds since 1970-01-01T00:00 LOCAL
// (UTC seconds + the offset in force), stored as Excel date serials (days since 1899-12-30).
//
//   auto book = XlsxWorkbook::Create("out/monthly.xlsx");
//   if (!book.ok()) return book.status();
//   XlsxFormat kwh = book->NumberFormat("#,##0.000");
//   auto sheet = book->AddSheet("monthly", {{"participant"}, {"cm_kwh"}}, /*frozen_columns=*/1);
//   if (!sheet.ok()) return sheet.status();
//   (*sheet)->NextRow();
//   (*sheet)->Text("A");
//   (*sheet)->Number(0.051, kwh);
//   return book->Close();   // "out/monthly.xlsx: cannot create temporary file ...: Permission
//   denied"
//
// Errors are returned, never thrown: a failed cell write (too long a text, too many rows) is kept
// and returned by Close(), which then writes nothing; the messages name the path, the sheet and
// the cell. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace reparto {

// Excel's limit of rows per sheet, header included.
inline constexpr std::uint32_t kXlsxMaxRows = 1'048'576;

// A number format registered in a workbook (an index into the workbook's formats).
struct XlsxFormat {
  int index = -1;  // -1: General
};

struct XlsxHeaderCell {
  std::string_view name;
  double width = 0;  // characters; 0: from the name (at least 10)
};

class XlsxSheet {
 public:
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;
  ~XlsxSheet();

  // Starts the next row (the first call starts the row below the header); cells then go left to
  // right from the first column.
  void NextRow();
  void Text(std::string_view text);
  void Integer(std::int64_t value);
  void Number(double value, XlsxFormat format);
  // A local wall-clock time: seconds since 1970-01-01T00:00 local time.
  void LocalTime(std::int64_t local_seconds, XlsxFormat format);
  void Date(CivilDate date, XlsxFormat format);
  // Leaves the cell empty.
  void Skip();

  const std::string& name() const;
  // Rows written so far, header included.
  std::uint32_t rows() const;

 private:
  friend class XlsxWorkbook;
  struct Impl;
  explicit XlsxSheet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class XlsxWorkbook {
 public:
  // Creates the temporary file beside `path`. Errors: "<path>: cannot create temporary file
  // <tmp>: <reason>" (missing or read-only directory, ...).
  static Result<XlsxWorkbook> Create(std::string path);

  XlsxWorkbook(XlsxWorkbook&& other) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&& other) noexcept;
  // Without a successful Close(), removes the temporary file and leaves `path` untouched.
  ~XlsxWorkbook();

  // Registers (once) and returns a number format such as "#,##0.000" or "yyyy-mm-dd hh:mm".
  XlsxFormat NumberFormat(std::string_view format);
  // Adds a sheet and writes its header row. The sheet lives as long as the workbook. Errors: an
  // invalid or duplicate name (at most 31 characters, none of []:*?/\), no column.
  Result<XlsxSheet*> AddSheet(std::string_view name, const std::vector<XlsxHeaderCell>& header,
                              int frozen_columns = 0);

  // Writes the workbook, syncs it and renames it over `path`. Returns the first error of any
  // cell or of writing ("<path>: sheet 'x', row 5, column 3: <reason>", "<path>: cannot write the
  // workbook: <reason>"); on error nothing is left at `path` but what was there before.
  Status Close();

  // Drops the workbook now: removes the temporary file, leaves `path` untouched.
  void Abandon();

  const std::string& path() const;
  // The first error so far (cells), ok otherwise.
  const Status& status() const;

 private:
  struct Impl;
  explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Creates a workbook at `path`, lets `fill` add its sheets and closes it: the whole file or
// nothing. Returns the first error of either.
Status WriteXlsx(std::string path, const std::function<Status(XlsxWorkbook&)>& fill);

// The Excel date serial of a local wall-clock time (days since 1899-12-30, the fraction of the
// day after the point): 1970-01-01T00:00 -> 25569.0, noon -> +0.5.
double ExcelSerial(std::int64_t local_seconds);

}  // namespace reparto
