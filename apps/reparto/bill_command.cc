// `reparto bill --community X --month YYYY-MM`: each member's month priced with and without the
// community (retailer bill with simplified compensation, power term, charges, taxes), the
// community fee, savings monthly and cumulative, self-consumption and self-sufficiency, avoided
// CO₂ (docs/billing.md). Text on the terminal, or the full table as CSV or XLSX.
//
// Units: euros with 2 decimals, kWh, percentages, kg CO₂.
#include <cstdio>
#include <memory>
#include <string>

#include "billing_commands.h"
#include "billing_options.h"
#include "export/bill_xlsx.h"
#include "fileio/atomic_file.h"
#include "jobs/billing_job.h"
#include "report/bill_csv.h"
#include "run_status.h"
#include "store_cli.h"

namespace reparto::cli {
namespace {

struct BillArgs {
  std::string db;
  std::string community;
  std::string month;
  std::string participant;
  std::string cumulative_from;
  std::string format = "text";
  std::string output;
  bool allow_incomplete = false;
};

std::string Percent(const EnergyRatio& r) {
  if (!r.ppm) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", static_cast<double>(*r.ppm) / 1e4);
  return text;
}

std::string Kwh(MilliWh v) {
  char text[24];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(v) / 1e6);
  return text;
}

void PrintText(const jobs::MonthBills& bills) {
  std::printf("%-22s %-22s %4s %8s %8s %9s %9s %7s %8s %9s %6s %6s\n", "participant", "member",
              "days", "CM kWh", "EA kWh", "without €", "with €", "fee €", "saved €", "year €",
              "self%", "suff%");
  Cents without = 0, with = 0, fee = 0, savings = 0, cumulative = 0;
  MilliWh cm = 0, ea = 0;
  std::int64_t co2 = 0;
  int incomplete = 0;
  for (const jobs::MemberBill& m : bills.members) {
    const MemberEconomics& e = m.month;
    std::printf("%-22.22s %-22.22s %4d %8s %8s %9s %9s %7s %8s %9s %6s %6s%s\n",
                m.participant.c_str(), m.name.c_str(), e.days, Kwh(e.energy.consumption).c_str(),
                Kwh(e.energy.self_consumed).c_str(), FormatCents(e.without_community.total).c_str(),
                FormatCents(e.with_community.total).c_str(), FormatCents(e.fee.total).c_str(),
                FormatCents(e.savings).c_str(), FormatCents(m.cumulative.savings).c_str(),
                Percent(e.self_consumption).c_str(), Percent(e.self_sufficiency).c_str(),
                e.incomplete ? "  INCOMPLETE" : "");
    without += e.without_community.total;
    with += e.with_community.total;
    fee += e.fee.total;
    savings += e.savings;
    cumulative += m.cumulative.savings;
    cm += e.energy.consumption;
    ea += e.energy.self_consumed;
    co2 += e.avoided_co2_g;
    incomplete += e.incomplete ? 1 : 0;
  }
  std::printf("%-22s %-22s %4s %8s %8s %9s %9s %7s %8s %9s\n", "total", "", "", Kwh(cm).c_str(),
              Kwh(ea).c_str(), FormatCents(without).c_str(), FormatCents(with).c_str(),
              FormatCents(fee).c_str(), FormatCents(savings).c_str(),
              FormatCents(cumulative).c_str());
  std::printf("%zu member(s); savings %s € this month, %s € since %s; avoided CO2 %.1f kg\n",
              bills.members.size(), FormatCents(savings).c_str(), FormatCents(cumulative).c_str(),
              FormatDate(bills.cumulative_from).substr(0, 7).c_str(),
              static_cast<double>(co2) / 1000);
  if (incomplete > 0) {
    std::printf("%d bill(s) INCOMPLETE: prices missing (see the warnings)\n", incomplete);
  }
  for (const jobs::MemberBill& m : bills.members) {
    if (!m.month.message.empty()) {
      std::printf("warning: %s: %s\n", m.participant.c_str(), m.month.message.c_str());
    }
  }
}

Status RunBill(const BillArgs& args) {
  auto month = ParseMonthOption(args.month, "--month");
  if (!month.ok()) return month.status();
  jobs::BillOptions options{.allow_incomplete = args.allow_incomplete,
                            .participant = args.participant};
  if (!args.cumulative_from.empty()) {
    auto from = ParseMonthOption(args.cumulative_from, "--cumulative-from");
    if (!from.ok()) return from.status();
    options.cumulative_from = *from;
  }
  if (args.format != "text" && args.output.empty()) {
    return Status::Error("--format " + args.format + " needs --output FILE");
  }
  auto store = OpenDb(args.db);
  if (!store.ok()) return store.status();
  auto bills = jobs::ComputeMonthBills(**store, args.community, *month, options);
  if (!bills.ok()) return bills.status();
  for (const std::string& w : bills->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (args.format == "text") {
    PrintText(*bills);
    return Status::Ok();
  }
  std::vector<BillRow> rows;
  for (const jobs::MemberBill& m : bills->members) {
    rows.push_back({m.participant, m.name, bills->month, &m.month, &m.cumulative});
  }
  if (args.format == "xlsx") return WriteBillXlsx(rows, args.output);
  auto file = AtomicFile::Open(args.output);
  if (!file.ok()) return file.status();
  REPARTO_RETURN_IF_ERROR(WriteBillCsv(rows, file->file(), file->path()));
  return file->Commit();
}

}  // namespace

void AddBillCommand(CLI::App& app) {
  auto args = std::make_shared<BillArgs>();
  CLI::App* cmd = app.add_subcommand(
      "bill",
      "Each member's month: retailer bill with and without the community, community fee, "
      "savings (monthly and cumulative), self-consumption, self-sufficiency, avoided CO2");
  AddDbOption(cmd, args->db);
  cmd->add_option("--community", args->community, "Community id (CAU or code)")->required();
  cmd->add_option("--month", args->month, "Month, YYYY-MM")->required();
  cmd->add_option("--participant", args->participant, "Only this member");
  cmd->add_option("--cumulative-from", args->cumulative_from,
                  "First month of the cumulative savings, YYYY-MM (default: January)");
  cmd->add_option("--format", args->format, "text (default), csv or xlsx")
      ->check(CLI::IsMember({"text", "csv", "xlsx"}));
  cmd->add_option("--output", args->output, "File for csv or xlsx");
  cmd->add_flag("--allow-incomplete", args->allow_incomplete,
                "Bill even when indexed prices have gaps: those hours are priced at 0 and every "
                "bill concerned is marked INCOMPLETE");
  cmd->callback([args]() { ExitWith(RunBill(*args)); });
}

}  // namespace reparto::cli
