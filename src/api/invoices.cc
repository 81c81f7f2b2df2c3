// Invoices and payments:
//   GET  .../participants/{participant}/invoices   a supply point's final invoices (its member or
//        a manager)
//   GET  .../invoices/{invoice}/pdf?lang=es|pt|en   the PDF (export/invoice_pdf): the member of its
//        supply point or a manager; an invoice of another supply point or community is 403 for
//        members (they never learn whether it exists), 404 for managers
//   GET  .../invoices  (managers; ?format=csv|xlsx)   every final invoice and credit note
//   POST .../payments {"invoice","date","amount":"12.34","method","note"}  (managers)
//   GET  .../payments/balances  (managers; ?format=csv|xlsx)
//
// Units: money "12.34"; local dates.
#include "api/handler.h"
#include "api/table.h"
#include "api/temp_dir.h"
#include "export/invoice_pdf.h"
#include "fileio/read_file.h"
#include "jobs/billing_job.h"
#include "report/invoice_labels.h"

namespace reparto::api {

Json InvoiceJson(const Invoice& invoice) {
  Json lines = Json::array();
  for (const InvoiceLine& line : invoice.lines) {
    lines.push_back(Json{{"description", line.description}, {"amount", EurosText(line.amount)}});
  }
  return Json{{"number", invoice.number_text},
              {"kind", invoice.kind == InvoiceKind::kInvoice ? "invoice" : "credit_note"},
              {"participant", invoice.participant},
              {"member_name", invoice.member_name},
              {"period_from", FormatDate(invoice.period_from)},
              {"period_to", FormatDate(invoice.period_to)},
              {"issue_date",
               invoice.number_text.empty() ? Json(nullptr) : Json(FormatDate(invoice.issue_date))},
              {"due_date",
               invoice.number_text.empty() ? Json(nullptr) : Json(FormatDate(invoice.due_date))},
              {"net", EurosText(invoice.net)},
              {"vat", EurosText(invoice.vat)},
              {"total", EurosText(invoice.total)},
              {"corrects", invoice.corrects},
              {"lines", std::move(lines)}};
}

namespace {

Table InvoiceTable(const std::string& name, const std::vector<Invoice>& invoices) {
  Table table{name,
              {"number", "kind", "participant", "member_name", "period_from", "period_to",
               "issue_date", "due_date", "net", "vat", "total", "corrects"},
              {}};
  for (const Invoice& i : invoices) {
    table.rows.push_back(
        {TableCell::Text(i.number_text),
         TableCell::Text(i.kind == InvoiceKind::kInvoice ? "invoice" : "credit_note"),
         TableCell::Text(i.participant), TableCell::Text(i.member_name),
         TableCell::Text(FormatDate(i.period_from)), TableCell::Text(FormatDate(i.period_to)),
         TableCell::Text(FormatDate(i.issue_date)), TableCell::Text(FormatDate(i.due_date)),
         TableCell::Money(EurosText(i.net)), TableCell::Money(EurosText(i.vat)),
         TableCell::Money(EurosText(i.total)), TableCell::Text(i.corrects)});
  }
  return table;
}

http::Response CommunityInvoices(Call& call) {
  http::Response error;
  auto format = FormatQuery(call.request, error);
  if (!format) return error;
  auto invoices = call.store().Billing().ListInvoices(call.community());
  if (!invoices.ok()) return Internal(invoices.status());
  if (*format != TableFormat::kJson) {
    return TableResponse(InvoiceTable("invoices_" + call.community(), *invoices), *format, "");
  }
  Json list = Json::array();
  for (const Invoice& i : *invoices) list.push_back(InvoiceJson(i));
  return JsonOk(Json{{"invoices", std::move(list)}});
}

http::Response ParticipantInvoices(Call& call) {
  auto invoices = call.store().Billing().ListInvoices(call.community());
  if (!invoices.ok()) return Internal(invoices.status());
  Json list = Json::array();
  for (const Invoice& i : *invoices) {
    if (i.participant == call.participant()) list.push_back(InvoiceJson(i));
  }
  return JsonOk(Json{{"invoices", std::move(list)}});
}

http::Response InvoicePdf(Call& call) {
  const std::string& number = call.request.Param("invoice");
  const bool manager = CanManageCommunity(call.who, call.community());
  Language language = Language::kSpanish;
  if (const std::string& lang = call.request.Query("lang"); !lang.empty()) {
    auto parsed = ParseLanguage(lang);
    if (!parsed.ok()) return BadRequest("parameter 'lang': expected es, pt or en");
    language = *parsed;
  }
  auto invoice = call.store().Billing().LoadInvoice(number);
  if (!invoice.ok()) return Internal(invoice.status());
  const bool found = invoice->has_value() && (*invoice)->community == call.community();
  if (!manager &&
      (!found || !CanReadParticipant(call.who, call.community(), (*invoice)->participant))) {
    return Forbidden();
  }
  if (!found) return NotFound("no invoice " + number + " in " + call.community());
  auto config = jobs::LoadBillingConfigOn(call.store(), call.community(), (*invoice)->issue_date);
  if (!config.ok()) return Unprocessable(config.status().message());
  TempDir dir;
  if (!dir.ok()) return Internal(Status::Error("cannot create a temporary folder"));
  const std::string path = dir.path() + "/invoice.pdf";
  Status written = WriteInvoicePdf(**invoice, config->invoicing, language, path);
  if (!written.ok()) return Internal(written);
  auto bytes = ReadWholeFile(path);
  if (!bytes.ok()) return Internal(bytes.status());
  return http::FileResponse("application/pdf", std::move(*bytes), number + ".pdf");
}

http::Response RecordPayment(Call& call) {
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto invoice = StringField(*body, "invoice", true, error);
  if (!invoice) return error;
  auto date = DateField(*body, "date", true, error);
  if (!date) return error;
  auto amount = StringField(*body, "amount", true, error);
  if (!amount) return error;
  auto method = StringField(*body, "method", false, error);
  auto note = StringField(*body, "note", false, error);
  if (error.status >= 400) return error;
  auto micro = ParseMicroPrice(*amount);
  if (!micro.ok() || *micro % 10'000 != 0) {
    return Unprocessable("amount: \"" + *amount + "\" is not an amount in euros (12.34)");
  }
  auto stored = call.store().Billing().LoadInvoice(*invoice);
  if (!stored.ok()) return Internal(stored.status());
  if (!stored->has_value() || (*stored)->community != call.community()) {
    return Unprocessable("invoice: no invoice " + *invoice + " in " + call.community());
  }
  Payment payment{.invoice = *invoice,
                  .date = *date,
                  .amount = *micro / 10'000,
                  .method = method.value_or(""),
                  .note = note.value_or("")};
  auto id = call.store().Billing().RecordPayment(payment);
  if (!id.ok()) return Unprocessable(id.status().message());
  return JsonOk(Json{{"id", *id},
                     {"invoice", payment.invoice},
                     {"date", FormatDate(payment.date)},
                     {"amount", EurosText(payment.amount)}},
                201);
}

http::Response Balances(Call& call) {
  http::Response error;
  auto format = FormatQuery(call.request, error);
  if (!format) return error;
  auto balances = call.store().Billing().Balances(call.community());
  if (!balances.ok()) return Internal(balances.status());
  Table table{"balances_" + call.community(),
              {"invoice", "participant", "issue_date", "due_date", "total", "credited", "paid",
               "outstanding"},
              {}};
  for (const InvoiceBalance& b : *balances) {
    table.rows.push_back(
        {TableCell::Text(b.invoice), TableCell::Text(b.participant),
         TableCell::Text(FormatDate(b.issue_date)), TableCell::Text(FormatDate(b.due_date)),
         TableCell::Money(EurosText(b.total)), TableCell::Money(EurosText(b.credited)),
         TableCell::Money(EurosText(b.paid)), TableCell::Money(EurosText(b.outstanding))});
  }
  return TableResponse(table, *format, "balances");
}

}  // namespace

void AddInvoiceRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET",
              "/api/communities/{community}/participants/{participant}/invoices",
              Access::kReadParticipant, ParticipantInvoices);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/invoices/{invoice}/pdf",
              Access::kReadCommunity, InvoicePdf);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/invoices", Access::kManage,
              CommunityInvoices);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/payments", Access::kManage,
              RecordPayment);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/payments/balances", Access::kManage,
              Balances);
}

}  // namespace reparto::api
