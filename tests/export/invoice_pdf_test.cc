// Tests of the invoice PDFs: real files checked with poppler's tools (pdftoppm renders page 1 to a
// PNG decoded here with cairo; pdftotext gives the words; pdfinfo the page count): the page is
// A4 and has ink in its table and none in its right margin, the number, the member with ñ, the
// lines with ç and ã, the Spanish and English totals and the credit-note reference are there, 40
// lines take two pages with the table header repeated, and an unwritable path gives an error
// naming it and leaves no file.
#include "export/invoice_pdf.h"

#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "temp_dir.h"

// fontconfig (under pango) keeps allocations it never frees, which LeakSanitizer reports at exit
// of every test process that laid out text; they are not ours.
extern "C" __attribute__((used)) const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

namespace reparto::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Runs a shell command; returns its standard output, or "exit N" on failure.
std::string RunCommand(const std::string& command) {
  std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string output;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return status == 0 ? output : "exit " + std::to_string(status) + ": " + output;
}

// pdftotext -layout with every run of white space made one space.
std::string PdfText(const std::string& pdf) {
  const std::string raw = RunCommand("pdftotext -layout '" + pdf + "' -");
  std::string text;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  return text;
}

int PdfPages(const std::string& pdf) {
  const std::string info = RunCommand("pdfinfo '" + pdf + "'");
  const std::size_t at = info.find("Pages:");
  if (at == std::string::npos) return -1;
  return std::stoi(info.substr(at + 6));
}

InvoicingSettings Issuer() {
  InvoicingSettings issuer;
  issuer.issuer_name = "Comunidad Energética La Ñora, S. Coop.";
  issuer.issuer_tax_id = "F30123456";
  issuer.issuer_address = "Calle Mayor 1\n30830 La Ñora (Murcia)";
  return issuer;
}

// 4 010.6 kWh × 0.20 €/kWh = 802.12 € at 21 % (VAT 168.4452 -> 168.45) and one month × 239.99 €
// at 10 % (VAT 23.999 -> 24.00): net 1 042.11 €, VAT 192.45 €, total 1 234.56 €.
Invoice BigInvoice() {
  Invoice invoice;
  invoice.number = 12;
  invoice.number_text = "F-2025-000012";
  invoice.participant = "ES0021000000000001AA";
  invoice.member_name = "Íñigo Muñoz Peña";
  invoice.member_tax_id = "12345678Z";
  invoice.member_address = "Avenida de la Constitución 5, 3.º B\n30001 Murcia";
  invoice.period_from = {2025, 1, 1};
  invoice.period_to = {2025, 2, 1};
  invoice.issue_date = {2025, 2, 3};
  invoice.due_date = {2025, 3, 5};
  invoice.lines = {
      {"fee.self_consumed", "Energía autoconsumida (açúcar, São João)", 4'010'600, "kWh", 200'000,
       80'212, 2'100'000'000},
      {"fee.fixed", "Cuota de participação", 1'000, "month", 239'990'000, 23'999, 1'000'000'000},
  };
  invoice.net = 104'211;
  invoice.vat = 19'245;
  invoice.total = 123'456;
  return invoice;
}

// Corrects F-2025-000012: 100 kWh × 0.20 € = -20.00 € at 21 % (VAT -4.20), total -24.20 €.
Invoice CreditNote() {
  Invoice note = BigInvoice();
  note.kind = InvoiceKind::kCreditNote;
  note.number = 3;
  note.number_text = "R-2025-000003";
  note.issue_date = {2025, 2, 20};
  note.due_date = {2025, 3, 22};
  note.lines = {{"fee.self_consumed", "Energía autoconsumida", -100'000, "kWh", 200'000, -2'000,
                 2'100'000'000}};
  note.net = -2'000;
  note.vat = -420;
  note.total = -2'420;
  note.corrects = "F-2025-000012";
  note.reason = "lectura del contador corregida";
  return note;
}

struct Ink {
  int width = 0;
  int height = 0;
  long table = 0;         // dark pixels in the upper-middle band, inside the margins
  long right_margin = 0;  // dark pixels in the right margin (should be none)
};

Ink CountInk(const std::string& png) {
  Ink ink;
  cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
  if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(image);
    ADD_FAILURE() << "cannot decode " << png;
    return ink;
  }
  cairo_surface_flush(image);
  ink.width = cairo_image_surface_get_width(image);
  ink.height = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int margin = ink.width * 45 / 596;  // 45 pt of 595 pt
  for (int y = 0; y < ink.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
    for (int x = 0; x < ink.width; ++x) {
      const std::uint32_t p = row[x];
      const unsigned luma = (((p >> 16) & 0xff) * 3 + ((p >> 8) & 0xff) * 6 + (p & 0xff)) / 10;
      if (luma >= 128) continue;
      if (x > ink.width - margin + 4) ++ink.right_margin;
      if (x > margin && y > ink.height / 4 && y < ink.height / 2) ++ink.table;
    }
  }
  cairo_surface_destroy(image);
  return ink;
}

TEST(InvoicePdf, SpanishInvoiceRendersAsAnA4PageWithItsWords) {
  TempDir dir;
  const std::string pdf = dir.File("F-2025-000012.pdf");
  const Status status = WriteInvoicePdf(BigInvoice(), Issuer(), Language::kSpanish, pdf);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"F-2025-000012.pdf"});  // no temporary left
  EXPECT_EQ(PdfPages(pdf), 1);

  const std::string out = dir.File("page");
  ASSERT_EQ(RunCommand("pdftoppm -png -r 60 -f 1 -l 1 '" + pdf + "' '" + out + "'"), "");
  const std::string png = out + "-1.png";
  ASSERT_TRUE(std::filesystem::exists(png));
  const Ink ink = CountInk(png);
  EXPECT_EQ(ink.width, 497);   // 595.276 pt at 60 dpi = 496.06 px, rounded up
  EXPECT_EQ(ink.height, 702);  // 841.89 pt = 701.58 px
  EXPECT_NEAR(static_cast<double>(ink.height) / ink.width, 1.41421, 0.005);
  EXPECT_GT(ink.table, 1000);
  EXPECT_EQ(ink.right_margin, 0);

  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("Factura"));
  EXPECT_THAT(text, HasSubstr("F-2025-000012"));
  EXPECT_THAT(text, HasSubstr("Íñigo Muñoz Peña"));
  EXPECT_THAT(text, HasSubstr("Comunidad Energética La Ñora, S. Coop."));
  EXPECT_THAT(text, HasSubstr("Punto de suministro (CUPS): ES0021000000000001AA"));
  EXPECT_THAT(text, HasSubstr("açúcar, São João"));
  EXPECT_THAT(text, HasSubstr("Cuota de participação"));
  EXPECT_THAT(text, HasSubstr("4.010,6 kWh"));
  EXPECT_THAT(text, HasSubstr("0,20 €"));
  EXPECT_THAT(text, HasSubstr("239,99 €"));
  EXPECT_THAT(text, HasSubstr("802,12 €"));
  EXPECT_THAT(text, HasSubstr("21 %"));
  EXPECT_THAT(text, HasSubstr("10 %"));
  EXPECT_THAT(text, HasSubstr("168,45 €"));  // VAT at 21 %
  EXPECT_THAT(text, HasSubstr("24,00 €"));   // VAT at 10 %
  EXPECT_THAT(text, HasSubstr("192,45 €"));
  EXPECT_THAT(text, HasSubstr("1.234,56 €"));
  EXPECT_THAT(text, HasSubstr("del 01/01/2025 al 31/01/2025"));
  EXPECT_THAT(text, HasSubstr("05/03/2025"));
  EXPECT_THAT(text, HasSubstr("Página 1 de 1"));
  EXPECT_THAT(text, HasSubstr("Pago a 30 días"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("rectificativa")));
}

TEST(InvoicePdf, EnglishNumbers) {
  TempDir dir;
  const std::string pdf = dir.File("en.pdf");
  ASSERT_TRUE(WriteInvoicePdf(BigInvoice(), Issuer(), Language::kEnglish, pdf).ok());
  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("Invoice"));
  EXPECT_THAT(text, HasSubstr("€1,234.56"));
  EXPECT_THAT(text, HasSubstr("4,010.6 kWh"));
  EXPECT_THAT(text, HasSubstr("1 Jan 2025 to 31 Jan 2025"));
  EXPECT_THAT(text, HasSubstr("Page 1 of 1"));
}

TEST(InvoicePdf, PortugueseNumbers) {
  TempDir dir;
  const std::string pdf = dir.File("pt.pdf");
  ASSERT_TRUE(WriteInvoicePdf(BigInvoice(), Issuer(), Language::kPortuguese, pdf).ok());
  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("Fatura"));
  EXPECT_THAT(text, HasSubstr("1 234,56 €"));
  EXPECT_THAT(text, HasSubstr("1 mês"));
  EXPECT_THAT(text, HasSubstr("Página 1 de 1"));
}

TEST(InvoicePdf, CreditNoteNamesTheInvoiceItCorrects) {
  TempDir dir;
  const std::string pdf = dir.File("R-2025-000003.pdf");
  ASSERT_TRUE(WriteInvoicePdf(CreditNote(), Issuer(), Language::kSpanish, pdf).ok());
  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("Factura rectificativa"));
  EXPECT_THAT(text, HasSubstr("R-2025-000003"));
  EXPECT_THAT(text, HasSubstr("Factura rectificativa de la factura F-2025-000012: lectura del "
                              "contador corregida"));
  EXPECT_THAT(text, HasSubstr("-100 kWh"));
  EXPECT_THAT(text, HasSubstr("-24,20 €"));
  EXPECT_THAT(text, HasSubstr("El importe se abonará al socio."));

  const std::string english = dir.File("en.pdf");
  ASSERT_TRUE(WriteInvoicePdf(CreditNote(), Issuer(), Language::kEnglish, english).ok());
  EXPECT_THAT(PdfText(english),
              HasSubstr("Credit note correcting F-2025-000012: lectura del contador corregida"));
}

TEST(InvoicePdf, FortyLinesTakeTwoPagesWithTheHeaderRepeated) {
  Invoice invoice = BigInvoice();
  invoice.lines.clear();
  invoice.net = 0;
  for (int i = 1; i <= 40; ++i) {
    invoice.lines.push_back({"fee.self_consumed", "Línea número " + std::to_string(i), 1'000, "kWh",
                             100'000, 10, 2'100'000'000});
    invoice.net += 10;
  }
  invoice.vat = 84;  // 21 % of 4.00 €
  invoice.total = 484;
  TempDir dir;
  const std::string pdf = dir.File("long.pdf");
  ASSERT_TRUE(WriteInvoicePdf(invoice, Issuer(), Language::kSpanish, pdf).ok());
  EXPECT_EQ(PdfPages(pdf), 2);
  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("Página 1 de 2"));
  EXPECT_THAT(text, HasSubstr("Página 2 de 2"));
  EXPECT_THAT(text, HasSubstr("Factura F-2025-000012 (continuación)"));
  EXPECT_THAT(text, HasSubstr("Línea número 1 "));
  EXPECT_THAT(text, HasSubstr("Línea número 40 "));
  EXPECT_THAT(text, HasSubstr("4,84 €"));
  // The table header once per page.
  std::size_t headers = 0;
  for (std::size_t at = text.find("Precio unitario"); at != std::string::npos;
       at = text.find("Precio unitario", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, 2u);
}

TEST(InvoicePdf, SeveralInvoicesInOneFile) {
  TempDir dir;
  const std::string pdf = dir.File("all.pdf");
  ASSERT_TRUE(
      WriteInvoicesPdf({BigInvoice(), CreditNote()}, Issuer(), Language::kSpanish, pdf).ok());
  EXPECT_EQ(PdfPages(pdf), 2);
  const std::string text = PdfText(pdf);
  EXPECT_THAT(text, HasSubstr("1.234,56 €"));
  EXPECT_THAT(text, HasSubstr("-24,20 €"));
  EXPECT_FALSE(WriteInvoicesPdf({}, Issuer(), Language::kSpanish, dir.File("none.pdf")).ok());
}

TEST(InvoicePdf, UnwritablePathIsAnErrorNamingItAndLeavesNoFile) {
  TempDir dir;
  const std::string pdf = dir.File("missing/F-2025-000012.pdf");
  const Status status = WriteInvoicePdf(BigInvoice(), Issuer(), Language::kSpanish, pdf);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr(pdf));
  EXPECT_THAT(dir.Names(), IsEmpty());
}

TEST(InvoicePdf, DraftHasNoNumberYet) {
  Invoice draft = BigInvoice();
  draft.number = 0;
  draft.number_text.clear();
  TempDir dir;
  const std::string pdf = dir.File("draft.pdf");
  ASSERT_TRUE(WriteInvoicePdf(draft, Issuer(), Language::kPortuguese, pdf).ok());
  EXPECT_THAT(PdfText(pdf), HasSubstr("RASCUNHO"));
}

}  // namespace
}  // namespace reparto::testing
