// XlsxWorkbook: libxlsxwriter (constant-memory mode) writing into an AtomicFile's temporary
// name, renamed over the target on success. See xlsx_workbook.h.
#include "export/xlsx_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <utility>

#include "fileio/atomic_file.h"

namespace reparto {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
// Days from Excel's day 0 (1899-12-30, the 1900 system with its leap-year quirk) to 1970-01-01.
constexpr std::int64_t kExcelEpochDays = 25'569;
constexpr double kMinimumWidth = 10;

std::string Reason(lxw_error error) { return lxw_strerror(error); }

}  // namespace

double ExcelSerial(std::int64_t local_seconds) {
  std::int64_t days = local_seconds / kSecondsPerDay;
  std::int64_t seconds = local_seconds % kSecondsPerDay;
  if (seconds < 0) {
    seconds += kSecondsPerDay;
    --days;
  }
  return static_cast<double>(days + kExcelEpochDays) +
         static_cast<double>(seconds) / static_cast<double>(kSecondsPerDay);
}

// ---------------------------------------------------------------------------------------------
// Sheet

struct XlsxSheet::Impl {
  lxw_worksheet* sheet = nullptr;
  std::string name;
  lxw_col_t columns = 0;
  lxw_row_t row = 0;  // current row (0: the header)
  lxw_col_t column = 0;
  // Owned by the workbook's Impl (stable while the workbook lives).
  const std::string* path = nullptr;
  const std::vector<lxw_format*>* formats = nullptr;
  Status* status = nullptr;

  lxw_format* Format(XlsxFormat format) const {
    return format.index < 0 ? nullptr : (*formats)[static_cast<std::size_t>(format.index)];
  }
  // Records the first error with the cell it happened in, then moves to the next column.
  void Check(lxw_error error) {
    if (error != LXW_NO_ERROR && status->ok()) {
      *status = Status::Error(*path + ": sheet '" + name + "', row " + std::to_string(row + 1) +
                              ", column " + std::to_string(column + 1) + ": " + Reason(error));
    }
    ++column;
  }
};

XlsxSheet::XlsxSheet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxSheet::~XlsxSheet() = default;

void XlsxSheet::NextRow() {
  ++impl_->row;
  impl_->column = 0;
}

void XlsxSheet::Text(std::string_view text) {
  const std::string value(text);  // libxlsxwriter wants a NUL-terminated string
  impl_->Check(
      worksheet_write_string(impl_->sheet, impl_->row, impl_->column, value.c_str(), nullptr));
}

void XlsxSheet::Integer(std::int64_t value) {
  impl_->Check(worksheet_write_number(impl_->sheet, impl_->row, impl_->column,
                                      static_cast<double>(value), nullptr));
}

void XlsxSheet::Number(double value, XlsxFormat format) {
  impl_->Check(worksheet_write_number(impl_->sheet, impl_->row, impl_->column, value,
                                      impl_->Format(format)));
}

void XlsxSheet::LocalTime(std::int64_t local_seconds, XlsxFormat format) {
  Number(ExcelSerial(local_seconds), format);
}

void XlsxSheet::Date(CivilDate date, XlsxFormat format) {
  Number(ExcelSerial(DaysFromCivil(date) * kSecondsPerDay), format);
}

void XlsxSheet::Skip() { ++impl_->column; }

const std::string& XlsxSheet::name() const { return impl_->name; }
std::uint32_t XlsxSheet::rows() const { return impl_->row + 1; }

// ---------------------------------------------------------------------------------------------
// Workbook

struct XlsxWorkbook::Impl {
  Impl(std::string target, AtomicFile temp) : path(std::move(target)), file(std::move(temp)) {}
  // Discards: libxlsxwriter frees a workbook (and its temporary files) only by writing it, so the
  // workbook goes to the temporary name that `file` then removes.
  ~Impl() {
    if (book != nullptr) (void)workbook_close(book);
  }

  std::string path;
  AtomicFile file;
  lxw_workbook* book = nullptr;
  lxw_format* header = nullptr;
  std::vector<std::string> format_codes;
  std::vector<lxw_format*> formats;
  std::vector<std::unique_ptr<XlsxSheet>> sheets;
  Status status;
};

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&& other) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&& other) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

Result<XlsxWorkbook> XlsxWorkbook::Create(std::string path) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>(std::move(path), std::move(*file));
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows stream to temporary files: memory stays flat
  impl->book = workbook_new_opt(impl->file.temp_path().c_str(), &options);
  if (impl->book == nullptr) {
    return Status::Error(impl->path + ": cannot start the workbook (out of memory)");
  }
  impl->header = workbook_add_format(impl->book);
  if (impl->header == nullptr) return Status::Error(impl->path + ": out of memory");
  format_set_bold(impl->header);
  format_set_bottom(impl->header, LXW_BORDER_THIN);
  return XlsxWorkbook(std::move(impl));
}

void XlsxWorkbook::Abandon() {
  if (impl_ == nullptr) return;
  if (impl_->book != nullptr) (void)workbook_close(impl_->book);
  impl_->book = nullptr;
  impl_->file.Abandon();
}

const std::string& XlsxWorkbook::path() const { return impl_->path; }
const Status& XlsxWorkbook::status() const { return impl_->status; }

XlsxFormat XlsxWorkbook::NumberFormat(std::string_view format) {
  const auto found = std::find(impl_->format_codes.begin(), impl_->format_codes.end(), format);
  if (found != impl_->format_codes.end()) {
    return XlsxFormat{static_cast<int>(found - impl_->format_codes.begin())};
  }
  lxw_format* added = impl_->book != nullptr ? workbook_add_format(impl_->book) : nullptr;
  if (added == nullptr) {
    if (impl_->status.ok()) impl_->status = Status::Error(impl_->path + ": cannot add a format");
    return XlsxFormat{};
  }
  impl_->format_codes.emplace_back(format);
  format_set_num_format(added, impl_->format_codes.back().c_str());
  impl_->formats.push_back(added);
  return XlsxFormat{static_cast<int>(impl_->formats.size()) - 1};
}

Result<XlsxSheet*> XlsxWorkbook::AddSheet(std::string_view name,
                                          const std::vector<XlsxHeaderCell>& header,
                                          int frozen_columns) {
  const std::string sheet_name(name);
  const std::string where = impl_->path + ": sheet '" + sheet_name + "'";
  if (impl_->book == nullptr) return Status::Error(where + ": the workbook is closed");
  if (header.empty() || header.size() > LXW_COL_MAX) {
    return Status::Error(where + ": " + std::to_string(header.size()) + " columns");
  }
  if (lxw_error e = workbook_validate_sheet_name(impl_->book, sheet_name.c_str());
      e != LXW_NO_ERROR) {
    return Status::Error(where + ": " + Reason(e));
  }
  lxw_worksheet* sheet = workbook_add_worksheet(impl_->book, sheet_name.c_str());
  if (sheet == nullptr) {
    return Status::Error(where + ": cannot add the sheet (temporary file or memory)");
  }
  auto impl = std::make_unique<XlsxSheet::Impl>();
  impl->sheet = sheet;
  impl->name = sheet_name;
  impl->columns = static_cast<lxw_col_t>(header.size());
  impl->path = &impl_->path;
  impl->formats = &impl_->formats;
  impl->status = &impl_->status;
  for (const XlsxHeaderCell& cell : header) {
    const lxw_col_t column = impl->column;
    const double width = cell.width > 0
                             ? cell.width
                             : std::max(kMinimumWidth, static_cast<double>(cell.name.size()) + 2);
    impl->Check(worksheet_set_column(sheet, column, column, width, nullptr));
    impl->column = column;
    const std::string text(cell.name);
    impl->Check(worksheet_write_string(sheet, 0, column, text.c_str(), impl_->header));
  }
  impl->column = 0;
  worksheet_freeze_panes(sheet, 1, static_cast<lxw_col_t>(std::max(0, frozen_columns)));
  impl_->sheets.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(std::move(impl))));
  return impl_->sheets.back().get();
}

Status XlsxWorkbook::Close() {
  if (impl_ == nullptr || impl_->book == nullptr) {
    return Status::Error((impl_ ? impl_->path : std::string("workbook")) + ": already closed");
  }
  for (const auto& sheet : impl_->sheets) {
    const XlsxSheet::Impl& s = *sheet->impl_;
    (void)worksheet_autofilter(s.sheet, 0, 0, s.row, static_cast<lxw_col_t>(s.columns - 1));
  }
  const lxw_error closed = workbook_close(impl_->book);
  impl_->book = nullptr;
  if (!impl_->status.ok()) {
    impl_->file.Abandon();
    return impl_->status;
  }
  if (closed != LXW_NO_ERROR) {
    impl_->file.Abandon();
    return Status::Error(impl_->path + ": cannot write the workbook to " + impl_->file.temp_path() +
                         ": " + Reason(closed));
  }
  return impl_->file.Commit();
}

Status WriteXlsx(std::string path, const std::function<Status(XlsxWorkbook&)>& fill) {
  auto workbook = XlsxWorkbook::Create(std::move(path));
  if (!workbook.ok()) return workbook.status();
  if (Status s = fill(*workbook); !s.ok()) return s;
  return workbook->Close();
}

}  // namespace reparto
