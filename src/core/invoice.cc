// Invoice totals, overdue invoices and invoice number text (invoice.h).
#include "core/invoice.h"

#include <map>

namespace reparto {

void ComputeInvoiceTotals(Invoice& invoice) {
  std::map<RateE10, Cents> base_by_rate;
  Cents net = 0;
  for (const auto& line : invoice.lines) {
    net += line.amount;
    base_by_rate[line.vat_rate] += line.amount;
  }
  Cents vat = 0;
  for (const auto& [rate, base] : base_by_rate) vat += ApplyRate(base, rate);
  invoice.net = net;
  invoice.vat = vat;
  invoice.total = net + vat;
}

std::vector<OverdueInvoice> OverdueOn(const std::vector<InvoiceBalance>& balances, CivilDate today,
                                      const std::vector<int>& reminder_days) {
  std::vector<OverdueInvoice> overdue;
  for (const auto& balance : balances) {
    if (balance.outstanding <= 0 || !(balance.due_date < today)) continue;
    OverdueInvoice item{
        .balance = balance,
        .days_overdue = static_cast<int>(DaysFromCivil(today) - DaysFromCivil(balance.due_date))};
    for (int days : reminder_days) {
      const CivilDate reminder = AddDays(balance.due_date, days);
      item.reminders.push_back(reminder);
      if (!item.next_reminder && !(reminder < today)) item.next_reminder = reminder;
    }
    overdue.push_back(std::move(item));
  }
  return overdue;
}

std::string InvoiceNumberText(const std::string& series, int year, std::int64_t number) {
  std::string digits = std::to_string(number);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return series + "-" + std::to_string(year) + "-" + digits;
}

}  // namespace reparto
