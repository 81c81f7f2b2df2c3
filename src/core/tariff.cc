// Names, period counts, dated rates and validation of billing configs (tariff.h).
#include "core/tariff.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace reparto {
namespace {

constexpr std::array<std::pair<AccessTariff, std::string_view>, 6> kTariffNames = {{
    {AccessTariff::k20TD, "2.0TD"},
    {AccessTariff::k30TD, "3.0TD"},
    {AccessTariff::k61TD, "6.1TD"},
    {AccessTariff::kPortugalSimple, "pt-simple"},
    {AccessTariff::kPortugalDaily, "pt-daily"},
    {AccessTariff::kPortugalWeekly, "pt-weekly"},
}};

constexpr std::array<std::pair<TariffZone, std::string_view>, 6> kZoneNames = {{
    {TariffZone::kPeninsula, "peninsula"},
    {TariffZone::kBalearics, "balearics"},
    {TariffZone::kCanaryIslands, "canary"},
    {TariffZone::kCeuta, "ceuta"},
    {TariffZone::kMelilla, "melilla"},
    {TariffZone::kPortugal, "portugal"},
}};

template <typename Names>
std::string Choices(const Names& names) {
  std::string text;
  for (const auto& [value, name] : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

bool IsPortuguese(AccessTariff tariff) {
  return tariff == AccessTariff::kPortugalSimple || tariff == AccessTariff::kPortugalDaily ||
         tariff == AccessTariff::kPortugalWeekly;
}

std::string DateText(CivilDate d) { return FormatDate(d); }

void CheckRates(const std::vector<DatedRate>& rates, std::string_view what, std::string& problems) {
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if (rates[i].rate < 0 || rates[i].rate > kRateScale) {
      problems += std::string(what) + " from " + DateText(rates[i].from) +
                  ": rate is not between 0 and 100 %\n";
    }
    if (i > 0 && !(rates[i - 1].from < rates[i].from)) {
      problems += std::string(what) + ": dates are not in increasing order at " +
                  DateText(rates[i].from) + "\n";
    }
  }
}

void CheckContract(const SupplyContract& c, std::string& problems) {
  const std::string who = "contract of " + c.participant + " from " + DateText(c.from) + ": ";
  const bool portuguese = IsPortuguese(c.access);
  if (portuguese != (c.zone == TariffZone::kPortugal)) {
    problems += who + "tariff " + std::string(AccessTariffName(c.access)) +
                " does not apply in zone " + std::string(TariffZoneName(c.zone)) + "\n";
  }
  if (c.to && !(c.from < *c.to)) problems += who + "`to` is not after `from`\n";
  const auto power_periods = static_cast<std::size_t>(PowerPeriodCount(c.access));
  if (!c.power_w.empty() && c.power_w.size() != power_periods) {
    problems += who + "power_kw needs " + std::to_string(power_periods) +
                " values, one per power period, got " + std::to_string(c.power_w.size()) + "\n";
  }
  if (c.power_price.size() != power_periods) {
    problems += who + "power prices need " + std::to_string(power_periods) + " values, got " +
                std::to_string(c.power_price.size()) + "\n";
  }
  for (auto w : c.power_w) {
    if (w < 0) problems += who + "contracted power is negative\n";
  }
  for (auto p : c.power_price) {
    if (p < 0) problems += who + "power price is negative\n";
  }
  const bool indexed = !c.energy.indexed_series.empty();
  const auto energy_periods = static_cast<std::size_t>(EnergyPeriodCount(c.access));
  if (indexed && !c.energy.period_prices.empty()) {
    problems += who + "energy is either indexed to a series or priced per period, not both\n";
  }
  if (!indexed && c.energy.period_prices.size() != energy_periods) {
    problems += who + "energy prices need " + std::to_string(energy_periods) +
                " values, one per energy period, got " +
                std::to_string(c.energy.period_prices.size()) + "\n";
  }
  for (auto p : c.energy.period_prices) {
    if (p < 0) problems += who + "energy price is negative\n";
  }
  if (c.surplus.kind == SurplusKind::kFixed && c.surplus.fixed_price < 0) {
    problems += who + "surplus price is negative\n";
  }
  if (c.surplus.kind == SurplusKind::kIndexed && c.surplus.indexed_series.empty()) {
    problems += who + "indexed surplus compensation needs a price series\n";
  }
  for (const auto& charge : c.charges) {
    if (charge.per_day < 0) problems += who + "charge \"" + charge.name + "\" is negative\n";
  }
}

}  // namespace

int EnergyPeriodCount(AccessTariff tariff) {
  switch (tariff) {
    case AccessTariff::k20TD:
      return 3;
    case AccessTariff::k30TD:
    case AccessTariff::k61TD:
      return 6;
    case AccessTariff::kPortugalSimple:
      return 1;
    case AccessTariff::kPortugalDaily:
    case AccessTariff::kPortugalWeekly:
      return 3;
  }
  return 1;
}

int PowerPeriodCount(AccessTariff tariff) {
  switch (tariff) {
    case AccessTariff::k20TD:
      return 2;
    case AccessTariff::k30TD:
    case AccessTariff::k61TD:
      return 6;
    default:
      return 1;
  }
}

RateE10 RateOn(const std::vector<DatedRate>& rates, CivilDate day) {
  RateE10 rate = 0;
  for (const auto& r : rates) {
    if (day < r.from) break;
    rate = r.rate;
  }
  return rate;
}

std::string_view AccessTariffName(AccessTariff tariff) {
  for (const auto& [value, name] : kTariffNames) {
    if (value == tariff) return name;
  }
  return "?";
}

std::string_view TariffZoneName(TariffZone zone) {
  for (const auto& [value, name] : kZoneNames) {
    if (value == zone) return name;
  }
  return "?";
}

Result<AccessTariff> ParseAccessTariff(std::string_view text) {
  for (const auto& [value, name] : kTariffNames) {
    if (name == text) return value;
  }
  return Status::Error("unknown tariff \"" + std::string(text) + "\" (one of " +
                       Choices(kTariffNames) + ")");
}

Result<TariffZone> ParseTariffZone(std::string_view text) {
  for (const auto& [value, name] : kZoneNames) {
    if (name == text) return value;
  }
  return Status::Error("unknown tariff zone \"" + std::string(text) + "\" (one of " +
                       Choices(kZoneNames) + ")");
}

Status Validate(const BillingConfig& config) {
  std::string problems;
  std::map<std::string, std::vector<const SupplyContract*>> by_participant;
  for (const auto& c : config.contracts) {
    CheckContract(c, problems);
    by_participant[c.participant].push_back(&c);
  }
  for (auto& [participant, contracts] : by_participant) {
    std::sort(contracts.begin(), contracts.end(),
              [](const SupplyContract* a, const SupplyContract* b) { return a->from < b->from; });
    for (std::size_t i = 1; i < contracts.size(); ++i) {
      const auto* before = contracts[i - 1];
      if (!before->to || contracts[i]->from < *before->to) {
        problems += "contracts of " + participant + " overlap: one from " + DateText(before->from) +
                    " and one from " + DateText(contracts[i]->from) + " (give the first a `to`)\n";
      }
    }
  }
  CheckRates(config.electricity_tax, "electricity tax", problems);
  CheckRates(config.vat, "VAT", problems);
  CheckRates(config.fee.vat, "community fee VAT", problems);
  for (std::size_t i = 1; i < config.emission_factor.size(); ++i) {
    if (!(config.emission_factor[i - 1].from < config.emission_factor[i].from)) {
      problems += "emission factors: dates are not in increasing order\n";
    }
  }
  for (const auto& f : config.emission_factor) {
    if (f.grams_per_kwh < 0) problems += "emission factor is negative\n";
  }
  if (config.fee.kind != FeeKind::kNone && config.fee.price < 0) {
    problems += "community fee price is negative\n";
  }
  if (config.invoicing.series.empty() || config.invoicing.credit_series.empty() ||
      config.invoicing.series == config.invoicing.credit_series) {
    problems += "invoicing: the invoice and credit-note series must be two different names\n";
  }
  if (config.invoicing.payment_days < 0) problems += "invoicing: payment_days is negative\n";
  if (config.italy.valorisation < 0) problems += "italy: the valorisation is negative\n";
  if (!problems.empty()) {
    problems.pop_back();
    return Status::Error(problems);
  }
  return Status::Ok();
}

}  // namespace reparto
