// The invoice words in three languages and the per-language number formats (invoice_labels.h).
#include "report/invoice_labels.h"

#include <array>
#include <cctype>
#include <cstddef>

namespace reparto {
namespace {

struct Words {
  std::string_view en, es, pt;
};

// One row per Label, in Label order.
constexpr std::array<Words, static_cast<std::size_t>(Label::kCount)> kWords = {{
    {"Invoice", "Factura", "Fatura"},
    {"Credit note", "Factura rectificativa", "Nota de crédito"},
    {"DRAFT", "BORRADOR", "RASCUNHO"},
    {"Number", "Número", "Número"},
    {"Issue date", "Fecha de emisión", "Data de emissão"},
    {"Due date", "Fecha de vencimiento", "Data de vencimento"},
    {"Billed period", "Periodo facturado", "Período faturado"},
    {"{} to {}", "del {} al {}", "de {} a {}"},
    {"Issuer", "Emisor", "Emitente"},
    {"Billed to", "Cliente", "Cliente"},
    {"Tax ID", "NIF", "NIF"},
    {"Address", "Dirección", "Morada"},
    {"Supply point", "Punto de suministro (CUPS)", "Ponto de entrega (CPE)"},
    {"Credit note correcting {}: {}", "Factura rectificativa de la factura {}: {}",
     "Nota de crédito que retifica a fatura {}: {}"},
    {"Description", "Concepto", "Descrição"},
    {"Quantity", "Cantidad", "Quantidade"},
    {"Unit price", "Precio unitario", "Preço unitário"},
    {"Amount", "Importe", "Montante"},
    {"VAT", "IVA", "IVA"},
    {"VAT summary", "Resumen de IVA", "Resumo do IVA"},
    {"VAT rate", "Tipo de IVA", "Taxa de IVA"},
    {"Tax base", "Base imponible", "Base tributável"},
    {"VAT amount", "Cuota de IVA", "Valor do IVA"},
    {"Net amount", "Base imponible total", "Total sem IVA"},
    {"Total VAT", "Total IVA", "Total IVA"},
    {"Total", "Total", "Total"},
    {"Payment terms", "Forma de pago", "Condições de pagamento"},
    {"Payment within {} days of the issue date, by {}, by bank transfer.",
     "Pago a {} días de la fecha de emisión, antes del {}, por transferencia bancaria.",
     "Pagamento a {} dias da data de emissão, até {}, por transferência bancária."},
    {"The amount will be credited to the member.", "El importe se abonará al socio.",
     "O montante será creditado ao membro."},
    {"Page {} of {}", "Página {} de {}", "Página {} de {}"},
    {"{} (continued)", "{} (continuación)", "{} (continuação)"},
    {"kWh", "kWh", "kWh"},
    {"kWp", "kWp", "kWp"},
    {"month", "mes", "mês"},
    {"day", "día", "dia"},
    {"Participant", "Participante", "Participante"},
    {"Member", "Socio", "Membro"},
    {"Kind", "Tipo", "Tipo"},
    {"Period from", "Periodo desde", "Período desde"},
    {"Period to", "Periodo hasta", "Período até"},
    {"Corrects", "Rectifica", "Retifica"},
    {"Reason", "Motivo", "Motivo"},
    {"Line", "Línea", "Linha"},
    {"Code", "Código", "Código"},
    {"Unit", "Unidad", "Unidade"},
}};

constexpr std::array<std::string_view, 12> kEnglishMonths = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view ThousandsSeparator(Language language) {
  switch (language) {
    case Language::kSpanish:
      return ".";
    case Language::kPortuguese:
      return " ";
    case Language::kEnglish:
      break;
  }
  return ",";
}

char DecimalSeparator(Language language) { return language == Language::kEnglish ? '.' : ','; }

// The magnitude's digits grouped by thousands.
std::string Grouped(std::uint64_t whole, Language language) {
  const std::string digits = std::to_string(whole);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) text += ThousandsSeparator(language);
    text += digits[i];
  }
  return text;
}

// |value| as grouped text with the fraction trimmed down to `min_decimals`.
std::string Magnitude(std::int64_t value, int decimals, int min_decimals, Language language) {
  std::uint64_t scale = 1;
  for (int d = 0; d < decimals; ++d) scale *= 10;
  const std::uint64_t magnitude =
      value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
  std::string fraction = std::to_string(magnitude % scale);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  while (fraction.size() > static_cast<std::size_t>(min_decimals) && fraction.back() == '0') {
    fraction.pop_back();
  }
  std::string text = Grouped(magnitude / scale, language);
  if (!fraction.empty()) (text += DecimalSeparator(language)) += fraction;
  return text;
}

// "€" placed as the language does around an unsigned number.
std::string WithEuro(std::string number, bool negative, Language language) {
  if (language == Language::kEnglish) return (negative ? "-€" : "€") + number;
  return (negative ? "-" : "") + number + " €";
}

}  // namespace

Result<Language> ParseLanguage(std::string_view text) {
  std::string code;
  for (char c : text.substr(0, 2))
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool tail_ok = text.size() == 2 || (text.size() > 2 && (text[2] == '-' || text[2] == '_'));
  if (tail_ok) {
    if (code == "en") return Language::kEnglish;
    if (code == "es") return Language::kSpanish;
    if (code == "pt") return Language::kPortuguese;
  }
  return Status::Error("unknown language \"" + std::string(text) + "\" (expected en, es or pt)");
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kSpanish:
      return "es";
    case Language::kPortuguese:
      return "pt";
    case Language::kEnglish:
      break;
  }
  return "en";
}

std::string_view LabelText(Label label, Language language) {
  const Words& words = kWords[static_cast<std::size_t>(label)];
  switch (language) {
    case Language::kSpanish:
      return words.es;
    case Language::kPortuguese:
      return words.pt;
    case Language::kEnglish:
      break;
  }
  return words.en;
}

std::string FillLabel(Label label, Language language,
                      std::initializer_list<std::string_view> args) {
  const std::string_view format = LabelText(label, language);
  std::string text;
  auto arg = args.begin();
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format.compare(i, 2, "{}") == 0) {
      if (arg != args.end()) text += *arg++;
      ++i;
    } else {
      text += format[i];
    }
  }
  return text;
}

std::string UnitText(std::string_view unit, Language language) {
  if (unit == "kWh") return std::string(LabelText(Label::kUnitKwh, language));
  if (unit == "kWp") return std::string(LabelText(Label::kUnitKwp, language));
  if (unit == "month") return std::string(LabelText(Label::kUnitMonth, language));
  if (unit == "day") return std::string(LabelText(Label::kUnitDay, language));
  return std::string(unit);
}

std::string FormatMoney(Cents amount, Language language) {
  return WithEuro(Magnitude(amount, 2, 2, language), amount < 0, language);
}

std::string FormatDecimal(std::int64_t value, int decimals, int min_decimals, Language language) {
  return (value < 0 ? "-" : "") + Magnitude(value, decimals, min_decimals, language);
}

std::string FormatUnitPrice(MicroPrice price, Language language) {
  return WithEuro(Magnitude(price, 6, 2, language), price < 0, language);
}

std::string FormatPercent(RateE10 rate, Language language) {
  // RateE10 = percent × 1e8.
  const std::string number = FormatDecimal(rate, 8, 0, language);
  return language == Language::kEnglish ? number + "%" : number + " %";
}

std::string FormatDateFor(CivilDate date, Language language) {
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (language == Language::kEnglish) {
    const auto month = static_cast<std::size_t>(date.month - 1);
    return std::to_string(date.day) + " " +
           std::string(month < kEnglishMonths.size() ? kEnglishMonths[month] : "?") + " " +
           std::to_string(date.year);
  }
  return two(date.day) + "/" + two(date.month) + "/" + std::to_string(date.year);
}

}  // namespace reparto
