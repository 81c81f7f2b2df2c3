// `reparto invoice list | pdf | export | credit`: the community's final invoices and credit notes
// as a list, as PDF documents (Spanish, Portuguese or English), as CSV/XLSX tables, and the
// credit note that corrects a final invoice (core/billing_store.h).
//
// Units: euros with 2 decimals; dates YYYY-MM-DD.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "billing_commands.h"
#include "billing_options.h"
#include "core/billing_store.h"
#include "export/invoice_pdf.h"
#include "export/invoice_xlsx.h"
#include "fileio/atomic_file.h"
#include "jobs/billing_job.h"
#include "report/invoice_csv.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct InvoiceArgs {
  std::string db;
  std::string community;
  std::string month;
  std::string invoice;
  std::string participant;
  std::string language = "es";
  std::string format = "csv";
  std::string table = "invoices";
  std::string output;
  std::string reason;
  std::string date;
};

// The final invoices and credit notes selected by --month, --invoice and --participant.
Result<std::vector<Invoice>> Select(Store& store, const InvoiceArgs& args) {
  auto all = store.Billing().ListInvoices(args.community);
  if (!all.ok()) return all.status();
  std::optional<CivilDate> month;
  if (!args.month.empty()) {
    auto parsed = ParseMonthOption(args.month, "--month");
    if (!parsed.ok()) return parsed.status();
    month = *parsed;
  }
  std::vector<Invoice> selected;
  for (Invoice& i : *all) {
    if (!args.invoice.empty() && i.number_text != args.invoice) continue;
    if (!args.participant.empty() && i.participant != args.participant) continue;
    if (month && !(i.period_from.year == month->year && i.period_from.month == month->month)) {
      continue;
    }
    selected.push_back(std::move(i));
  }
  if (selected.empty()) {
    return Status::Error("no final invoice of community '" + args.community +
                         "' matches (finalise a billing run first: `reparto billing finalise`)");
  }
  return selected;
}

Status RunList(const InvoiceArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto all = (*store)->Billing().ListInvoices(args.community);
  if (!all.ok()) return all.status();
  return WriteInvoicesCsv(*all, stdout, "standard output");
}

Status RunPdf(const InvoiceArgs& args) {
  auto language = ParseLanguage(args.language);
  if (!language.ok()) return language.status().WithContext("--language");
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto invoices = Select(**store, args);
  if (!invoices.ok()) return invoices.status();
  auto config = jobs::LoadBillingConfigOn(**store, args.community, invoices->front().period_from);
  if (!config.ok()) return config.status();
  REPARTO_RETURN_IF_ERROR(WriteInvoicesPdf(*invoices, config->invoicing, *language, args.output));
  std::printf("%zu invoice(s) written to %s\n", invoices->size(), args.output.c_str());
  return Status::Ok();
}

Status RunExport(const InvoiceArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto invoices = Select(**store, args);
  if (!invoices.ok()) return invoices.status();
  if (args.format == "xlsx") return WriteInvoicesXlsx(*invoices, args.output);
  auto file = AtomicFile::Open(args.output);
  if (!file.ok()) return file.status();
  REPARTO_RETURN_IF_ERROR(args.table == "lines"
                              ? WriteInvoiceLinesCsv(*invoices, file->file(), file->path())
                              : WriteInvoicesCsv(*invoices, file->file(), file->path()));
  return file->Commit();
}

Status RunCredit(const InvoiceArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto original = (*store)->Billing().LoadInvoice(args.invoice);
  if (!original.ok()) return original.status();
  if (!*original) return Status::Error("no invoice " + args.invoice);
  auto config =
      jobs::LoadBillingConfigOn(**store, (*original)->community, (*original)->period_from);
  if (!config.ok()) return config.status();
  auto date = args.date.empty() ? TodayIn(**store, (*original)->community) : ParseDate(args.date);
  if (!date.ok()) return date.status().WithContext("--date");
  auto note = (*store)->Billing().IssueCreditNote(args.invoice, config->invoicing.credit_series,
                                                  *date, args.reason);
  if (!note.ok()) return note.status();
  std::printf("credit note %s cancels %s (%s €)\n", note->number_text.c_str(), args.invoice.c_str(),
              FormatCents(note->total).c_str());
  std::printf(
      "Next: reparto billing preview --community %s --month %s  (to invoice the member "
      "again)\n",
      note->community.c_str(), FormatDate(note->period_from).substr(0, 7).c_str());
  return Status::Ok();
}

CLI::App* Sub(CLI::App* parent, const char* name, const char* help, InvoiceArgs& args) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  AddDbOption(cmd, args.db);
  return cmd;
}

void AddFilters(CLI::App* cmd, InvoiceArgs& args) {
  cmd->add_option("--community", args.community, "Community id (CAU or code)")->required();
  cmd->add_option("--month", args.month, "Only invoices of this month, YYYY-MM");
  cmd->add_option("--invoice", args.invoice, "Only this invoice (F-2025-000001)");
  cmd->add_option("--participant", args.participant, "Only this member's invoices");
}

}  // namespace

void AddInvoiceCommand(CLI::App& app) {
  auto args = std::make_shared<InvoiceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "invoice", "The community's final invoices: list, PDF, CSV/XLSX, credit notes");
  cmd->require_subcommand(1);

  CLI::App* list = Sub(cmd, "list", "Every final invoice and credit note as CSV", *args);
  list->add_option("--community", args->community, "Community id (CAU or code)")->required();
  list->callback([args]() { ExitWith(RunList(*args)); });

  CLI::App* pdf = Sub(cmd, "pdf", "Invoices as one PDF file (one invoice after another)", *args);
  AddFilters(pdf, *args);
  pdf->add_option("--language", args->language, "es (default), pt or en");
  pdf->add_option("--output", args->output, "PDF file")->required();
  pdf->callback([args]() { ExitWith(RunPdf(*args)); });

  CLI::App* exp = Sub(cmd, "export", "Invoices (or their lines) as CSV or XLSX", *args);
  AddFilters(exp, *args);
  exp->add_option("--format", args->format, "csv (default) or xlsx (both tables)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  exp->add_option("--table", args->table, "csv: invoices (default) or lines")
      ->check(CLI::IsMember({"invoices", "lines"}));
  exp->add_option("--output", args->output, "Output file")->required();
  exp->callback([args]() { ExitWith(RunExport(*args)); });

  CLI::App* credit = Sub(cmd, "credit",
                         "Issue a credit note cancelling a final invoice (the only way to "
                         "correct one)",
                         *args);
  credit->add_option("--invoice", args->invoice, "Invoice to cancel (F-2025-000001)")->required();
  credit->add_option("--reason", args->reason, "Why, printed on the credit note")->required();
  credit->add_option("--date", args->date, "Issue date, YYYY-MM-DD (default: today)");
  credit->callback([args]() { ExitWith(RunCredit(*args)); });
}

}  // namespace reparto::cli
