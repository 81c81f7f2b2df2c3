// PdfDocument over cairo's PDF stream surface and pango (see pdf_document.h). The surface writes
// through a callback into an AtomicFile, so the PDF reaches its path only when it is complete.
#include "export/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "fileio/atomic_file.h"

namespace reparto {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";

}  // namespace

struct PdfDocument::Impl {
  explicit Impl(AtomicFile atomic) : file(std::move(atomic)) {}
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() { Release(); }

  // Drops the cairo objects; their last writes are discarded.
  void Release() {
    discard = true;
    if (layout != nullptr) g_object_unref(layout);
    if (cr != nullptr) cairo_destroy(cr);
    if (surface != nullptr) cairo_surface_destroy(surface);
    layout = nullptr;
    cr = nullptr;
    surface = nullptr;
  }

  static cairo_status_t Write(void* closure, const unsigned char* data, unsigned int length) {
    auto* self = static_cast<Impl*>(closure);
    if (self->discard) return CAIRO_STATUS_SUCCESS;
    if (self->file.file() == nullptr || std::fwrite(data, 1, length, self->file.file()) != length) {
      if (self->write_error == 0) self->write_error = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
  }

  void Prepare(std::string_view text, double box_width, const PdfFont& font, PdfAlign align) {
    PangoFontDescription* description = pango_font_description_from_string(kFontFamily);
    pango_font_description_set_absolute_size(description, font.size * PANGO_SCALE);
    pango_font_description_set_weight(description,
                                      font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    pango_layout_set_width(layout, box_width > 0 ? pango_units_from_double(box_width) : -1);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == PdfAlign::kRight    ? PANGO_ALIGN_RIGHT
                                       : align == PdfAlign::kCenter ? PANGO_ALIGN_CENTER
                                                                    : PANGO_ALIGN_LEFT);
  }

  PangoRectangle Extents() {
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    return logical;
  }

  AtomicFile file;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  double page_width = 0;
  double page_height = 0;
  int pages = 1;
  int write_error = 0;
  bool discard = false;
};

Result<PdfDocument> PdfDocument::Create(const std::string& path, const std::string& title,
                                        double width_pt, double height_pt) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>(std::move(*file));
  impl->page_width = width_pt;
  impl->page_height = height_pt;
  impl->surface =
      cairo_pdf_surface_create_for_stream(&Impl::Write, impl.get(), width_pt, height_pt);
  if (cairo_surface_status(impl->surface) != CAIRO_STATUS_SUCCESS) {
    return Status::Error(path + ": cannot start the PDF: " +
                         cairo_status_to_string(cairo_surface_status(impl->surface)));
  }
  cairo_pdf_surface_set_metadata(impl->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(impl->surface, CAIRO_PDF_METADATA_CREATOR, "reparto");
  impl->cr = cairo_create(impl->surface);
  impl->layout = pango_cairo_create_layout(impl->cr);
  if (cairo_status(impl->cr) != CAIRO_STATUS_SUCCESS || impl->layout == nullptr) {
    return Status::Error(
        path + ": cannot start the PDF: " + cairo_status_to_string(cairo_status(impl->cr)));
  }
  return PdfDocument(std::move(impl));
}

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&& other) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&& other) noexcept = default;
PdfDocument::~PdfDocument() = default;

double PdfDocument::width() const { return impl_->page_width; }
double PdfDocument::height() const { return impl_->page_height; }
int PdfDocument::pages() const { return impl_->pages; }
const std::string& PdfDocument::path() const { return impl_->file.path(); }

double PdfDocument::Text(double x, double y, double width, std::string_view text,
                         const PdfFont& font, PdfAlign align, bool draw) {
  if (text.empty()) return 0;
  impl_->Prepare(text, width, font, align);
  const PangoRectangle logical = impl_->Extents();
  const double text_height = static_cast<double>(logical.height) / PANGO_SCALE;
  if (draw) {
    double left = x;
    if (width <= 0) {
      const double text_width = static_cast<double>(logical.width) / PANGO_SCALE;
      if (align == PdfAlign::kRight) left -= text_width;
      if (align == PdfAlign::kCenter) left -= text_width / 2;
    }
    cairo_set_source_rgb(impl_->cr, font.gray, font.gray, font.gray);
    cairo_move_to(impl_->cr, left, y);
    pango_cairo_show_layout(impl_->cr, impl_->layout);
  }
  return text_height;
}

double PdfDocument::TextWidth(std::string_view text, const PdfFont& font) {
  if (text.empty()) return 0;
  impl_->Prepare(text, 0, font, PdfAlign::kLeft);
  return static_cast<double>(impl_->Extents().width) / PANGO_SCALE;
}

void PdfDocument::Rule(double x1, double y1, double x2, double y2, double line_width, double gray) {
  cairo_set_source_rgb(impl_->cr, gray, gray, gray);
  cairo_set_line_width(impl_->cr, line_width);
  cairo_move_to(impl_->cr, x1, y1);
  cairo_line_to(impl_->cr, x2, y2);
  cairo_stroke(impl_->cr);
}

void PdfDocument::Fill(double x, double y, double width, double height, double gray) {
  cairo_set_source_rgb(impl_->cr, gray, gray, gray);
  cairo_rectangle(impl_->cr, x, y, width, height);
  cairo_fill(impl_->cr);
}

void PdfDocument::NewPage() {
  cairo_show_page(impl_->cr);
  ++impl_->pages;
}

Status PdfDocument::Finish() {
  const std::string path = impl_->file.path();
  cairo_status_t status = cairo_status(impl_->cr);
  if (impl_->layout != nullptr) g_object_unref(impl_->layout);
  impl_->layout = nullptr;
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (impl_->write_error != 0) {
    impl_->file.Abandon();
    return Status::Error(path + ": cannot write the PDF: " + std::strerror(impl_->write_error));
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    impl_->file.Abandon();
    return Status::Error(path + ": cannot write the PDF: " + cairo_status_to_string(status));
  }
  return impl_->file.Commit();
}

}  // namespace reparto
