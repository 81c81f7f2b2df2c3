// Invoice PDFs: page layout and pagination (see invoice_pdf.h). Every block is drawn by one
// function that can also just measure itself (`draw` = false), so the pages are planned with the
// same code that draws them and "page i of n" is known before the first page is drawn.
#include "export/invoice_pdf.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "export/pdf_document.h"

namespace reparto {
namespace {

constexpr double kMargin = 45;                              // points, every side
constexpr double kContentWidth = kA4WidthPt - 2 * kMargin;  // 505 pt
constexpr double kRight = kMargin + kContentWidth;
constexpr double kBottom = kA4HeightPt - kMargin - 12;  // content ends here; the footer below
constexpr double kPad = 3;                              // cell padding
constexpr double kLeftColumn = 240;                     // issuer and member blocks
constexpr double kRightColumnX = kMargin + 255;         // invoice details
constexpr double kRightColumn = kRight - kRightColumnX;

constexpr PdfFont kBody{9, false, 0};
constexpr PdfFont kBodyBold{9, true, 0};
constexpr PdfFont kName{11, true, 0};
constexpr PdfFont kLabelFont{9, false, 0.35};
constexpr PdfFont kHeading{8, true, 0.35};
constexpr PdfFont kTitle{16, true, 0};
constexpr PdfFont kTableHeader{8, true, 0};
constexpr PdfFont kTotalFont{11, true, 0};
constexpr PdfFont kFooter{7.5, false, 0.35};

struct TableColumn {
  Label label;
  double width;
  PdfAlign align;
};

// Description, quantity, unit price, VAT, amount: 505 pt in all.
constexpr std::array<TableColumn, 5> kTable = {{
    {Label::kDescription, 215, PdfAlign::kLeft},
    {Label::kQuantity, 80, PdfAlign::kRight},
    {Label::kUnitPrice, 80, PdfAlign::kRight},
    {Label::kVat, 45, PdfAlign::kRight},
    {Label::kAmount, 85, PdfAlign::kRight},
}};

// The VAT summary: rate, base, VAT (right-aligned under the table).
constexpr std::array<double, 3> kSummaryColumns = {70, 95, 95};
constexpr double kSummaryX =
    kRight - (kSummaryColumns[0] + kSummaryColumns[1] + kSummaryColumns[2]);

// The lines of one page, and whether the summary ends it.
struct PageRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool summary = false;
};

class InvoicePrinter {
 public:
  InvoicePrinter(PdfDocument& pdf, const Invoice& invoice, const InvoicingSettings& issuer,
                 Language language)
      : pdf_(pdf), invoice_(invoice), issuer_(issuer), language_(language) {}

  // Draws the invoice on the current page and as many new ones as it needs.
  void Print() {
    const std::vector<PageRange> pages = Paginate();
    for (std::size_t p = 0; p < pages.size(); ++p) {
      if (p != 0) pdf_.NewPage();
      const PageRange& range = pages[p];
      double y = p == 0 ? Header(kMargin, true) : ContinuedHeader(kMargin, true);
      if (p == 0 || range.end > range.begin) y = TableHeader(y, true);
      for (std::size_t i = range.begin; i < range.end; ++i) y = Row(y, invoice_.lines[i], true);
      if (range.summary) Summary(y, true);
      Footer(static_cast<int>(p + 1), static_cast<int>(pages.size()));
    }
  }

 private:
  std::string L(Label label) const { return std::string(LabelText(label, language_)); }

  std::string Number() const {
    return invoice_.number_text.empty() ? L(Label::kDraft) : invoice_.number_text;
  }
  std::string Title() const {
    return L(invoice_.kind == InvoiceKind::kCreditNote ? Label::kCreditNote : Label::kInvoice);
  }

  std::vector<PageRange> Paginate() {
    std::vector<PageRange> pages;
    PageRange current;
    double y = TableHeader(Header(kMargin, false), false);
    for (std::size_t i = 0; i < invoice_.lines.size(); ++i) {
      const double height = Row(0, invoice_.lines[i], false);
      if (y + height > kBottom && current.end > current.begin) {
        pages.push_back(current);
        current = {i, i, false};
        y = TableHeader(ContinuedHeader(kMargin, false), false);
      }
      y += height;
      current.end = i + 1;
    }
    if (y + Summary(0, false) > kBottom) {
      pages.push_back(current);
      current = {invoice_.lines.size(), invoice_.lines.size(), false};
    }
    current.summary = true;
    pages.push_back(current);
    return pages;
  }

  // A block line "label: value" (nothing when the value is empty).
  double Field(double x, double y, double width, Label label, const std::string& value, bool draw) {
    if (value.empty()) return y;
    return y + pdf_.Text(x, y, width, L(label) + ": " + value, kBody, PdfAlign::kLeft, draw);
  }

  // A details line: the label on the left, the value on the right of the right column (below
  // the label when both do not fit on one line).
  double Detail(double y, Label label, const std::string& value, const PdfFont& font, bool draw) {
    const std::string name = L(label);
    const double label_width = pdf_.TextWidth(name, kLabelFont);
    const double value_width = pdf_.TextWidth(value, font);
    const double label_height =
        pdf_.Text(kRightColumnX, y, 0, name, kLabelFont, PdfAlign::kLeft, draw);
    if (label_width + value_width + 8 > kRightColumn) y += label_height;
    const double value_height = pdf_.Text(kRight, y, 0, value, font, PdfAlign::kRight, draw);
    return y + std::max(label_height, value_height) + 1;
  }

  // Issuer and member on the left, title, number, dates and period on the right; the credit
  // note's reference below. Returns the y below it all.
  double Header(double top, bool draw) {
    double left = top;
    left +=
        pdf_.Text(kMargin, left, kLeftColumn, L(Label::kIssuer), kHeading, PdfAlign::kLeft, draw);
    left +=
        pdf_.Text(kMargin, left, kLeftColumn, issuer_.issuer_name, kName, PdfAlign::kLeft, draw);
    left = Field(kMargin, left, kLeftColumn, Label::kTaxId, issuer_.issuer_tax_id, draw);
    left +=
        pdf_.Text(kMargin, left, kLeftColumn, issuer_.issuer_address, kBody, PdfAlign::kLeft, draw);
    left += 14;
    left +=
        pdf_.Text(kMargin, left, kLeftColumn, L(Label::kBilledTo), kHeading, PdfAlign::kLeft, draw);
    left +=
        pdf_.Text(kMargin, left, kLeftColumn, invoice_.member_name, kName, PdfAlign::kLeft, draw);
    left = Field(kMargin, left, kLeftColumn, Label::kTaxId, invoice_.member_tax_id, draw);
    left += pdf_.Text(kMargin, left, kLeftColumn, invoice_.member_address, kBody, PdfAlign::kLeft,
                      draw);
    left = Field(kMargin, left, kLeftColumn, Label::kSupplyPoint, invoice_.participant, draw);

    double right = top;
    right += pdf_.Text(kRight, right, 0, Title(), kTitle, PdfAlign::kRight, draw) + 8;
    right = Detail(right, Label::kNumber, Number(), kBodyBold, draw);
    right = Detail(right, Label::kIssueDate, FormatDateFor(invoice_.issue_date, language_), kBody,
                   draw);
    right =
        Detail(right, Label::kDueDate, FormatDateFor(invoice_.due_date, language_), kBody, draw);
    right = Detail(right, Label::kPeriod,
                   FillLabel(Label::kPeriodRange, language_,
                             {FormatDateFor(invoice_.period_from, language_),
                              FormatDateFor(AddDays(invoice_.period_to, -1), language_)}),
                   kBody, draw);

    double y = std::max(left, right) + 14;
    if (invoice_.kind == InvoiceKind::kCreditNote || !invoice_.corrects.empty()) {
      const std::string text =
          FillLabel(Label::kCorrecting, language_, {invoice_.corrects, invoice_.reason});
      const double height = pdf_.Text(kMargin + 6, y + 5, kContentWidth - 12, text, kBodyBold,
                                      PdfAlign::kLeft, false);
      if (draw) {
        pdf_.Fill(kMargin, y, kContentWidth, height + 10, 0.92);
        pdf_.Text(kMargin + 6, y + 5, kContentWidth - 12, text, kBodyBold, PdfAlign::kLeft, true);
      }
      y += height + 10 + 12;
    }
    return y;
  }

  // Later pages: "Factura F-2025-000001 (continuación)" and the member.
  double ContinuedHeader(double top, bool draw) {
    const std::string title = FillLabel(Label::kContinued, language_, {Title() + " " + Number()});
    double y = top + pdf_.Text(kMargin, top, kContentWidth, title, kName, PdfAlign::kLeft, draw);
    y += pdf_.Text(kMargin, y, kContentWidth,
                   invoice_.member_name.empty()
                       ? invoice_.participant
                       : invoice_.member_name + " · " + invoice_.participant,
                   kBody, PdfAlign::kLeft, draw);
    return y + 14;
  }

  // One table row of `cells` in the table's columns; returns the y below it.
  double Cells(double y, const std::array<std::string, 5>& cells, const PdfFont& font, double fill,
               bool draw) {
    double height = 0;
    for (std::size_t c = 0; c < kTable.size(); ++c) {
      height = std::max(height, pdf_.Text(0, 0, kTable[c].width - 2 * kPad, cells[c], font,
                                          kTable[c].align, false));
    }
    height += 2 * kPad;
    if (draw) {
      if (fill < 1) pdf_.Fill(kMargin, y, kContentWidth, height, fill);
      double x = kMargin;
      for (std::size_t c = 0; c < kTable.size(); ++c) {
        pdf_.Text(x + kPad, y + kPad, kTable[c].width - 2 * kPad, cells[c], font, kTable[c].align,
                  true);
        x += kTable[c].width;
      }
      pdf_.Rule(kMargin, y + height, kRight, y + height, 0.4, 0.75);
    }
    return y + height;
  }

  double TableHeader(double y, bool draw) {
    std::array<std::string, 5> names;
    for (std::size_t c = 0; c < kTable.size(); ++c) names[c] = L(kTable[c].label);
    return Cells(y, names, kTableHeader, 0.88, draw);
  }

  double Row(double y, const InvoiceLine& line, bool draw) {
    const std::array<std::string, 5> cells = {
        line.description,
        FormatDecimal(line.quantity_milli, 3, 0, language_) + " " + UnitText(line.unit, language_),
        FormatUnitPrice(line.unit_price, language_),
        FormatPercent(line.vat_rate, language_),
        FormatMoney(line.amount, language_),
    };
    return Cells(y, cells, kBody, 1, draw);
  }

  // A row of the VAT summary.
  double SummaryRow(double y, const std::array<std::string, 3>& cells, const PdfFont& font,
                    double fill, bool draw) {
    double height = 0;
    for (const std::string& cell : cells) {
      height = std::max(height, pdf_.Text(0, 0, 0, cell, font, PdfAlign::kRight, false));
    }
    height += 2 * kPad;
    if (draw) {
      if (fill < 1) pdf_.Fill(kSummaryX, y, kRight - kSummaryX, height, fill);
      double x = kSummaryX;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        x += kSummaryColumns[c];
        pdf_.Text(x - kPad, y + kPad, 0, cells[c], font, PdfAlign::kRight, true);
      }
      pdf_.Rule(kSummaryX, y + height, kRight, y + height, 0.4, 0.75);
    }
    return y + height;
  }

  // A totals line: label at the summary's left, amount at the right margin.
  double TotalLine(double y, Label label, Cents amount, const PdfFont& font, bool draw) {
    const double height = pdf_.Text(kSummaryX + kPad, y, 0, L(label), font, PdfAlign::kLeft, draw);
    pdf_.Text(kRight - kPad, y, 0, FormatMoney(amount, language_), font, PdfAlign::kRight, draw);
    return y + height + 2;
  }

  // VAT summary per rate, totals and payment terms; returns the y below (or, when `y` is 0, the
  // block's height).
  double Summary(double y, bool draw) {
    std::map<RateE10, Cents> bases;
    for (const InvoiceLine& line : invoice_.lines) bases[line.vat_rate] += line.amount;
    y += 12;
    y += pdf_.Text(kSummaryX, y, 0, L(Label::kVatSummary), kHeading, PdfAlign::kLeft, draw) + 2;
    y = SummaryRow(y, {L(Label::kVatRate), L(Label::kTaxBase), L(Label::kVatAmount)}, kTableHeader,
                   0.88, draw);
    for (const auto& [rate, base] : bases) {
      y = SummaryRow(y,
                     {FormatPercent(rate, language_), FormatMoney(base, language_),
                      FormatMoney(ApplyRate(base, rate), language_)},
                     kBody, 1, draw);
    }
    y += 10;
    y = TotalLine(y, Label::kNetTotal, invoice_.net, kBody, draw);
    y = TotalLine(y, Label::kVatTotal, invoice_.vat, kBody, draw);
    if (draw) pdf_.Rule(kSummaryX, y + 1, kRight, y + 1, 0.8);
    y = TotalLine(y + 4, Label::kTotal, invoice_.total, kTotalFont, draw);
    y += 16;
    y += pdf_.Text(kMargin, y, kContentWidth, L(Label::kPaymentTerms), kHeading, PdfAlign::kLeft,
                   draw) +
         2;
    const std::int64_t days = DaysFromCivil(invoice_.due_date) - DaysFromCivil(invoice_.issue_date);
    const std::string terms =
        invoice_.kind == InvoiceKind::kCreditNote
            ? L(Label::kRefund)
            : FillLabel(Label::kPaymentDue, language_,
                        {std::to_string(days), FormatDateFor(invoice_.due_date, language_)});
    y += pdf_.Text(kMargin, y, kContentWidth, terms, kBody, PdfAlign::kLeft, draw);
    return y;
  }

  void Footer(int page, int pages) {
    const double y = kA4HeightPt - kMargin + 8;
    pdf_.Rule(kMargin, y - 4, kRight, y - 4, 0.4, 0.75);
    pdf_.Text(kMargin, y, 0, issuer_.issuer_name + " · " + Title() + " " + Number(), kFooter);
    pdf_.Text(kRight, y, 0,
              FillLabel(Label::kPageOf, language_, {std::to_string(page), std::to_string(pages)}),
              kFooter, PdfAlign::kRight);
  }

  PdfDocument& pdf_;
  const Invoice& invoice_;
  const InvoicingSettings& issuer_;
  Language language_;
};

}  // namespace

Status WriteInvoicesPdf(const std::vector<Invoice>& invoices, const InvoicingSettings& issuer,
                        Language language, const std::string& path) {
  if (invoices.empty()) return Status::Error(path + ": no invoices to print");
  const std::string title =
      invoices.size() == 1
          ? std::string(LabelText(
                invoices[0].kind == InvoiceKind::kCreditNote ? Label::kCreditNote : Label::kInvoice,
                language)) +
                " " + invoices[0].number_text
          : issuer.issuer_name;
  auto pdf = PdfDocument::Create(path, title);
  if (!pdf.ok()) return pdf.status();
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    if (i != 0) pdf->NewPage();
    InvoicePrinter(*pdf, invoices[i], issuer, language).Print();
  }
  return pdf->Finish();
}

Status WriteInvoicePdf(const Invoice& invoice, const InvoicingSettings& issuer, Language language,
                       const std::string& path) {
  return WriteInvoicesPdf({invoice}, issuer, language, path);
}

}  // namespace reparto
