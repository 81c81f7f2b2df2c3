// The printed words of the community's invoices in English, Spanish and Portuguese, in one table
// (invoice_labels.cc), and the number, money and date formats customary in each language. Used by
// the PDF invoices (src/export/invoice_pdf.h) and, for human headers, by the XLSX export; the CSV
// files keep fixed English machine names (docs/outputs.md, "Invoices").
//
// Units: money in Cents, printed with 2 decimals and "€"; quantities in thousandths of their unit;
// unit prices in MicroPrice (µ€); rates RateE10. Formats:
//   Spanish     1.234,56 €   -1.234,56 €   31/01/2025   21 %
//   Portuguese  1 234,56 €   -1 234,56 €   31/01/2025   21 %
//   English     €1,234.56    -€1,234.56    31 Jan 2025  21%
// Thousands are grouped from 1 000 on in every language (a 4-digit amount too: "1.234,56 €").
//
//   auto language = ParseLanguage("es");                // Language::kSpanish
//   LabelText(Label::kTotal, *language);                // "Total"
//   FillLabel(Label::kPageOf, *language, {"1", "2"});   // "Página 1 de 2"
//   FormatMoney(123456, *language);                     // "1.234,56 €"
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

enum class Language : std::uint8_t { kEnglish, kSpanish, kPortuguese };

// "en", "es", "pt" (case-insensitive; "en-GB", "es_ES", "pt-PT" are accepted too).
Result<Language> ParseLanguage(std::string_view text);
// "en", "es", "pt".
std::string_view LanguageCode(Language language);

// Every word printed on an invoice. Texts with "{}" take arguments in order (FillLabel).
enum class Label : std::uint8_t {
  kInvoice,     // document title of an invoice
  kCreditNote,  // document title of a credit note
  kDraft,       // number of a draft (no number yet)
  kNumber,      // "Invoice no."
  kIssueDate,
  kDueDate,
  kPeriod,       // billed period
  kPeriodRange,  // "{} to {}"
  kIssuer,       // heading of the issuer block
  kBilledTo,     // heading of the member block
  kTaxId,
  kAddress,
  kSupplyPoint,  // the participant id (CUPS / CPE)
  kCorrecting,   // "Credit note correcting {}: {}"
  kDescription,  // table columns
  kQuantity,
  kUnitPrice,
  kAmount,
  kVat,
  kVatSummary,  // heading of the VAT summary
  kVatRate,
  kTaxBase,
  kVatAmount,
  kNetTotal,
  kVatTotal,
  kTotal,
  kPaymentTerms,  // heading
  kPaymentDue,    // "Payment within {} days of the issue date, by {}."
  kRefund,        // payment terms of a credit note
  kPageOf,        // "Page {} of {}"
  kContinued,     // "{} (continued)"
  kUnitKwh,       // units of InvoiceLine::unit
  kUnitKwp,
  kUnitMonth,
  kUnitDay,
  // Human headers of the invoice tables (XLSX with a language).
  kParticipant,
  kMemberName,
  kKind,
  kPeriodFirst,
  kPeriodLast,
  kCorrects,
  kReason,
  kLine,
  kCode,
  kUnit,
  kCount,  // number of labels (not a label)
};

// The text of `label` in `language`.
std::string_view LabelText(Label label, Language language);
// The text with each "{}" replaced by the next argument (missing arguments leave "").
std::string FillLabel(Label label, Language language, std::initializer_list<std::string_view> args);
// The word for an InvoiceLine unit ("kWh", "kWp", "month", "day"); other units are returned as is.
std::string UnitText(std::string_view unit, Language language);

// Money: "1.234,56 €", "1 234,56 €", "€1,234.56"; negative with a leading "-".
std::string FormatMoney(Cents amount, Language language);
// A fixed-point number (`value` × 10^-decimals) with the language's separators, trailing fraction
// zeros dropped down to `min_decimals`: FormatDecimal(150500, 3, 0, kSpanish) == "150,5".
std::string FormatDecimal(std::int64_t value, int decimals, int min_decimals, Language language);
// A unit price with 2 to 6 decimals: 116330 µ€ -> "0,11633 €" (Spanish), "€0.11633" (English).
std::string FormatUnitPrice(MicroPrice price, Language language);
// A rate as a percentage: "21 %" (Spanish, Portuguese), "21%" (English), "5,11269632 %".
std::string FormatPercent(RateE10 rate, Language language);
// A date: "31/01/2025" (Spanish, Portuguese), "31 Jan 2025" (English).
std::string FormatDateFor(CivilDate date, Language language);

}  // namespace reparto
