// `reparto payment record | list | balances | overdue`: the payments ledger of the community's
// invoices: what was paid, what is outstanding, and which invoices are overdue with their
// reminder dates (core/invoice.h OverdueOn).
//
// Units: euros with 2 decimals in and out; dates YYYY-MM-DD.
#include <cstdio>
#include <memory>
#include <string>

#include "billing_commands.h"
#include "billing_options.h"
#include "core/billing_store.h"
#include "jobs/billing_job.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct PaymentArgs {
  std::string db;
  std::string community;
  std::string invoice;
  std::string amount;
  std::string date;
  std::string method = "transfer";
  std::string note;
};

Status RunRecord(const PaymentArgs& args) {
  auto micro = ParseMicroPrice(args.amount);
  if (!micro.ok() || *micro % 10'000 != 0) {
    return Status::Error("--amount: \"" + args.amount + "\" is not an amount in euros (12.34)");
  }
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto invoice = (*store)->Billing().LoadInvoice(args.invoice);
  if (!invoice.ok()) return invoice.status();
  if (!*invoice) return Status::Error("no invoice " + args.invoice);
  auto date = args.date.empty() ? TodayIn(**store, (*invoice)->community) : ParseDate(args.date);
  if (!date.ok()) return date.status().WithContext("--date");
  Payment payment{.invoice = args.invoice,
                  .date = *date,
                  .amount = *micro / 10'000,
                  .method = args.method,
                  .note = args.note};
  auto id = (*store)->Billing().RecordPayment(payment);
  if (!id.ok()) return id.status().WithContext("nothing was recorded");
  auto balances = (*store)->Billing().Balances((*invoice)->community);
  if (!balances.ok()) return balances.status();
  for (const InvoiceBalance& b : *balances) {
    if (b.invoice == args.invoice) {
      std::printf("payment %lld recorded: %s € on %s; %s outstanding %s €\n",
                  static_cast<long long>(*id), FormatCents(payment.amount).c_str(),
                  FormatDate(*date).c_str(), args.invoice.c_str(),
                  FormatCents(b.outstanding).c_str());
    }
  }
  return Status::Ok();
}

Status RunList(const PaymentArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto payments = (*store)->Billing().ListPayments(args.community);
  if (!payments.ok()) return payments.status();
  std::printf("id,invoice,date,amount_eur,method,note\n");
  for (const Payment& p : *payments) {
    std::printf("%lld,%s,%s,%s,%s,\"%s\"\n", static_cast<long long>(p.id), p.invoice.c_str(),
                FormatDate(p.date).c_str(), FormatCents(p.amount).c_str(), p.method.c_str(),
                p.note.c_str());
  }
  return Status::Ok();
}

Status RunBalances(const PaymentArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto balances = (*store)->Billing().Balances(args.community);
  if (!balances.ok()) return balances.status();
  std::printf(
      "invoice,participant,issue_date,due_date,total_eur,credited_eur,paid_eur,"
      "outstanding_eur\n");
  Cents outstanding = 0;
  for (const InvoiceBalance& b : *balances) {
    std::printf("%s,%s,%s,%s,%s,%s,%s,%s\n", b.invoice.c_str(), b.participant.c_str(),
                FormatDate(b.issue_date).c_str(), FormatDate(b.due_date).c_str(),
                FormatCents(b.total).c_str(), FormatCents(b.credited).c_str(),
                FormatCents(b.paid).c_str(), FormatCents(b.outstanding).c_str());
    outstanding += b.outstanding;
  }
  std::fprintf(stderr, "outstanding in total: %s €\n", FormatCents(outstanding).c_str());
  return Status::Ok();
}

Status RunOverdue(const PaymentArgs& args) {
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto today = args.date.empty() ? TodayIn(**store, args.community) : ParseDate(args.date);
  if (!today.ok()) return today.status().WithContext("--today");
  auto config = jobs::LoadBillingConfigOn(**store, args.community, *today);
  if (!config.ok()) return config.status();
  auto balances = (*store)->Billing().Balances(args.community);
  if (!balances.ok()) return balances.status();
  std::printf(
      "invoice,participant,due_date,days_overdue,outstanding_eur,next_reminder,"
      "reminders\n");
  for (const OverdueInvoice& o : OverdueOn(*balances, *today, config->invoicing.reminder_days)) {
    std::string reminders;
    for (const CivilDate& r : o.reminders)
      reminders += (reminders.empty() ? "" : " ") + FormatDate(r);
    std::printf("%s,%s,%s,%d,%s,%s,%s\n", o.balance.invoice.c_str(), o.balance.participant.c_str(),
                FormatDate(o.balance.due_date).c_str(), o.days_overdue,
                FormatCents(o.balance.outstanding).c_str(),
                o.next_reminder ? FormatDate(*o.next_reminder).c_str() : "", reminders.c_str());
  }
  return Status::Ok();
}

CLI::App* Sub(CLI::App* parent, const char* name, const char* help, PaymentArgs& args,
              bool community) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  AddDbOption(cmd, args.db);
  if (community) {
    cmd->add_option("--community", args.community, "Community id (CAU or code)")->required();
  }
  return cmd;
}

}  // namespace

void AddPaymentCommand(CLI::App& app) {
  auto args = std::make_shared<PaymentArgs>();
  CLI::App* cmd = app.add_subcommand(
      "payment", "Payments of the community's invoices: record, list, balances, overdue");
  cmd->require_subcommand(1);

  CLI::App* record = Sub(cmd, "record", "Record a payment of a final invoice", *args, false);
  record->add_option("--invoice", args->invoice, "Invoice paid (F-2025-000001)")->required();
  record->add_option("--amount", args->amount, "Euros, e.g. 12.34 (negative for a refund)")
      ->required();
  record->add_option("--date", args->date, "Payment date, YYYY-MM-DD (default: today)");
  record->add_option("--method", args->method, "transfer (default), direct debit, cash, ...");
  record->add_option("--note", args->note, "Free text");
  record->callback([args]() { ExitWith(RunRecord(*args)); });

  CLI::App* list = Sub(cmd, "list", "Every payment as CSV", *args, true);
  list->callback([args]() { ExitWith(RunList(*args)); });

  CLI::App* balances = Sub(
      cmd, "balances", "Each invoice's total, credited, paid and outstanding as CSV", *args, true);
  balances->callback([args]() { ExitWith(RunBalances(*args)); });

  CLI::App* overdue = Sub(cmd, "overdue",
                          "Invoices past their due date with money outstanding, with reminder "
                          "dates (from the billing file's invoicing.reminder_days)",
                          *args, true);
  overdue->add_option("--today", args->date, "Reference date, YYYY-MM-DD (default: today)");
  overdue->callback([args]() { ExitWith(RunOverdue(*args)); });
}

}  // namespace reparto::cli
