// PdfDocument: a small PDF writer for printed documents (invoices), cairo's PDF surface with pango
// for the text (full Unicode: €, ñ, ç, ã; font "DejaVu Sans"), written all or nothing like every
// output (fileio/atomic_file.h: a temporary file beside the target, renamed over it by Finish()).
// No cairo or pango type appears here.
//
// Units: points (1/72 inch), origin at the top left of the page, y downwards; A4 by default
// (595.276 × 841.890 pt). Text boxes are placed by their top-left corner and report their height,
// so a caller can measure a block (`draw` = false) before deciding where it goes.
//
//   auto pdf = PdfDocument::Create("out/F-2025-000001.pdf", "Factura F-2025-000001");
//   if (!pdf.ok()) return pdf.status();
//   double h = pdf->Text(45, 45, 250, "Energía autoconsumida", {.size = 9});
//   pdf->Rule(45, 45 + h, 550, 45 + h, 0.5);
//   pdf->NewPage();
//   return pdf->Finish();   // "out/F-2025-000001.pdf: cannot create temporary file ...: ..."
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace reparto {

inline constexpr double kA4WidthPt = 595.276;
inline constexpr double kA4HeightPt = 841.890;

enum class PdfAlign : std::uint8_t { kLeft, kRight, kCenter };

struct PdfFont {
  double size = 9;  // points
  bool bold = false;
  double gray = 0;  // 0 black .. 1 white
};

class PdfDocument {
 public:
  // Opens the temporary file and the first page. `title` goes into the PDF's metadata.
  static Result<PdfDocument> Create(const std::string& path, const std::string& title,
                                    double width_pt = kA4WidthPt, double height_pt = kA4HeightPt);

  PdfDocument(PdfDocument&& other) noexcept;
  PdfDocument& operator=(PdfDocument&& other) noexcept;
  // Without a successful Finish(), removes the temporary file and leaves `path` untouched.
  ~PdfDocument();

  double width() const;
  double height() const;

  // Text in a box `width` wide at (x, y) (top left), wrapped at words (or anywhere in a word too
  // long for the box) when `width` > 0, on one line otherwise (then `align` is about x: the text
  // ends at x for kRight). Line breaks in `text` are kept. Returns the height taken; draws only
  // when `draw`.
  double Text(double x, double y, double width, std::string_view text, const PdfFont& font,
              PdfAlign align = PdfAlign::kLeft, bool draw = true);
  // The width of `text` on one line.
  double TextWidth(std::string_view text, const PdfFont& font);
  // A straight line `line_width` thick, in `gray`.
  void Rule(double x1, double y1, double x2, double y2, double line_width, double gray = 0);
  // A filled rectangle.
  void Fill(double x, double y, double width, double height, double gray);
  // Ends the page and starts a new one.
  void NewPage();
  // Pages so far (the current one included).
  int pages() const;

  // Ends the last page, writes and syncs the file and renames it over `path`. Errors name the
  // path; on error nothing is left at `path` but what was there before.
  Status Finish();

  const std::string& path() const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reparto
