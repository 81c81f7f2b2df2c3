// Loader of the billing TOML file (billing_file.h, docs/billing-file.md). toml++ types stay here.
#include "config/billing_file.h"

#include <algorithm>

#include "config/toml_reader.h"

namespace reparto {
namespace {

constexpr std::string_view kTopKeys[] = {
    "currency", "taxes", "fee", "invoicing", "contracts", "members", "expected_savings", "italy"};
constexpr std::string_view kItalyKeys[] = {"valorisation_eur_per_kwh", "avoided_losses_percent",
                                           "retained_percent", "split", "zonal_prices"};
constexpr std::string_view kTaxKeys[] = {"electricity_tax", "vat", "emission_factor"};
constexpr std::string_view kRateKeys[] = {"from", "percent"};
constexpr std::string_view kEmissionKeys[] = {"from", "g_per_kwh"};
constexpr std::string_view kFeeKeys[] = {"kind", "price_eur", "vat", "installed_kwp"};
constexpr std::string_view kInvoicingKeys[] = {"series",        "credit_series", "payment_days",
                                               "reminder_days", "issuer_name",   "issuer_tax_id",
                                               "issuer_address"};
constexpr std::string_view kContractKeys[] = {"participant",
                                              "participants",
                                              "from",
                                              "to",
                                              "tariff",
                                              "zone",
                                              "power_kw",
                                              "power_eur_per_kw_day",
                                              "energy_eur_per_kwh",
                                              "energy_series",
                                              "energy_adder_eur_per_kwh",
                                              "surplus",
                                              "surplus_eur_per_kwh",
                                              "surplus_series",
                                              "charges"};
constexpr std::string_view kChargeKeys[] = {"name", "eur_per_day", "electricity_tax"};
constexpr std::string_view kMemberKeys[] = {"participant", "name", "tax_id", "address", "email"};
constexpr std::string_view kExpectedKeys[] = {"participant", "monthly_eur"};

struct NamedFee {
  std::string_view name;
  FeeKind kind;
};
constexpr NamedFee kFeeKinds[] = {{"none", FeeKind::kNone},
                                  {"per_kwh_self_consumed", FeeKind::kPerKWhSelfConsumed},
                                  {"per_kwp_share", FeeKind::kPerKWpShare},
                                  {"per_coefficient", FeeKind::kPerCoefficient},
                                  {"fixed_monthly", FeeKind::kFixedMonthly}};
struct NamedSurplus {
  std::string_view name;
  SurplusKind kind;
};
constexpr NamedSurplus kSurplusKinds[] = {{"none", SurplusKind::kNone},
                                          {"fixed", SurplusKind::kFixed},
                                          {"indexed", SurplusKind::kIndexed},
                                          {"sold", SurplusKind::kSold}};

template <typename Named>
std::string NameList(const Named& names) {
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + std::string(n.name);
  return list;
}

class BillingLoader : TomlReader {
 public:
  explicit BillingLoader(std::string source) : TomlReader(std::move(source)) {}

  Result<BillingConfig> Run(std::string_view text) {
    auto parsed = Parse(text);
    if (!parsed.ok()) return parsed.status();
    const toml::table& root = *parsed;
    CheckKeys(root, "", kTopKeys);
    if (auto currency = GetString(root, "currency", "currency", false)) {
      if (*currency != "EUR") Error(root.get("currency"), "currency", "only EUR is supported");
    }
    ReadTaxes(root);
    ReadFee(root);
    ReadInvoicing(root);
    ReadContracts(root);
    ReadMembers(root);
    ReadExpectedSavings(root);
    ReadItaly(root);
    if (errors().empty()) AddFileErrors(Validate(config_));
    if (!errors().empty()) return Failure();
    return std::move(config_);
  }

 private:
  const toml::table* Table(const toml::table& parent, std::string_view key,
                           const std::string& label) {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return nullptr;
    if (const auto* t = node->as_table()) return t;
    Error(node, label, "expected a table");
    return nullptr;
  }

  // An array of tables; each element checked for being a table.
  std::vector<const toml::table*> Tables(const toml::table& parent, std::string_view key,
                                         const std::string& label) {
    std::vector<const toml::table*> tables;
    const toml::node* node = parent.get(key);
    if (node == nullptr) return tables;
    const auto* array = node->as_array();
    if (array == nullptr) {
      Error(node, label, "expected an array of tables ([[" + label + "]] or [ {...}, ... ])");
      return tables;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      if (const auto* t = (*array)[i].as_table()) {
        tables.push_back(t);
      } else {
        Error(&(*array)[i], label + "[" + std::to_string(i) + "]", "expected a table");
      }
    }
    return tables;
  }

  // An array of scaled decimals ("0.18", 0.12, ...).
  std::optional<std::vector<std::int64_t>> ScaledArray(const toml::table& t, std::string_view key,
                                                       const std::string& label, int decimals) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* array = node->as_array();
    if (array == nullptr) {
      Error(node, label, "expected an array of numbers, one per period");
      return std::nullopt;
    }
    std::vector<std::int64_t> values;
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto v = GetScaled(&(*array)[i], label + "[" + std::to_string(i) + "]", decimals);
      if (!v) return std::nullopt;
      values.push_back(*v);
    }
    return values;
  }

  std::vector<DatedRate> Rates(const toml::table& parent, std::string_view key,
                               const std::string& label) {
    std::vector<DatedRate> rates;
    const auto tables = Tables(parent, key, label);
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const toml::table& t = *tables[i];
      const std::string at = label + "[" + std::to_string(i) + "]";
      CheckKeys(t, at + ".", kRateKeys);
      auto from = GetDate(t.get("from"), at + ".from");
      if (t.get("from") == nullptr) Error(&t, at + ".from", "missing (expected a date)");
      std::optional<RateE10> rate;
      if (const toml::node* node = t.get("percent")) {
        rate = GetPercent(node, at + ".percent");
      } else {
        Error(&t, at + ".percent", "missing (expected a percentage such as \"21\")");
      }
      if (from && rate) rates.push_back({*from, *rate});
    }
    return rates;
  }

  void ReadTaxes(const toml::table& root) {
    const toml::table* taxes = Table(root, "taxes", "taxes");
    if (taxes == nullptr) return;
    CheckKeys(*taxes, "taxes.", kTaxKeys);
    config_.electricity_tax = Rates(*taxes, "electricity_tax", "taxes.electricity_tax");
    config_.vat = Rates(*taxes, "vat", "taxes.vat");
    const auto factors = Tables(*taxes, "emission_factor", "taxes.emission_factor");
    for (std::size_t i = 0; i < factors.size(); ++i) {
      const std::string at = "taxes.emission_factor[" + std::to_string(i) + "]";
      CheckKeys(*factors[i], at + ".", kEmissionKeys);
      auto from = GetDate(factors[i]->get("from"), at + ".from");
      auto grams = GetInteger(factors[i]->get("g_per_kwh"), at + ".g_per_kwh");
      if (!from || !grams) {
        if (factors[i]->get("from") == nullptr || factors[i]->get("g_per_kwh") == nullptr) {
          Error(factors[i], at, "needs `from` and `g_per_kwh`");
        }
        continue;
      }
      config_.emission_factor.push_back({*from, *grams});
    }
  }

  // A percentage given as a string, an integer or a float ("21", 21, 2.6), 8 decimals at most.
  std::optional<RateE10> GetPercent(const toml::node* node, const std::string& label) {
    std::string text;
    if (const auto* s = node->as_string()) {
      text = s->get();
    } else if (const auto* n = node->as_integer()) {
      text = std::to_string(n->get());
    } else if (const auto* f = node->as_floating_point()) {
      text = std::to_string(f->get());
      while (text.size() > 1 && text.back() == '0') text.pop_back();
      if (!text.empty() && text.back() == '.') text.pop_back();
    }
    auto parsed = ParsePercentRate(text);
    if (parsed.ok()) return *parsed;
    Error(node, label, parsed.status().message());
    return std::nullopt;
  }

  void ReadItaly(const toml::table& root) {
    const toml::table* t = Table(root, "italy", "italy");
    if (t == nullptr) return;
    CheckKeys(*t, "italy.", kItalyKeys);
    ItalianTerms& terms = config_.italy;
    if (auto v =
            GetScaled(t->get("valorisation_eur_per_kwh"), "italy.valorisation_eur_per_kwh", 6)) {
      terms.valorisation = *v;
    }
    if (const toml::node* node = t->get("avoided_losses_percent")) {
      terms.avoided_losses = GetPercent(node, "italy.avoided_losses_percent").value_or(0);
    }
    if (const toml::node* node = t->get("retained_percent")) {
      terms.retained = GetPercent(node, "italy.retained_percent").value_or(0);
    }
    if (auto split = GetString(*t, "split", "italy.split", false)) {
      if (*split == ItalianSplitName(ItalianSplit::kEqual)) {
        terms.split = ItalianSplit::kEqual;
      } else if (*split != ItalianSplitName(ItalianSplit::kWithdrawal)) {
        Error(t->get("split"), "italy.split",
              "unknown split \"" + *split + "\" (one of withdrawal, equal)");
      }
    }
    if (auto series = GetString(*t, "zonal_prices", "italy.zonal_prices", false)) {
      terms.zonal_prices = *series;
    }
  }

  void ReadFee(const toml::table& root) {
    const toml::table* fee = Table(root, "fee", "fee");
    if (fee == nullptr) return;
    CheckKeys(*fee, "fee.", kFeeKeys);
    if (auto kind = GetString(*fee, "kind", "fee.kind", true)) {
      const auto* found = std::find_if(std::begin(kFeeKinds), std::end(kFeeKinds),
                                       [&](const NamedFee& f) { return f.name == *kind; });
      if (found == std::end(kFeeKinds)) {
        Error(fee->get("kind"), "fee.kind",
              "unknown fee \"" + *kind + "\" (one of " + NameList(kFeeKinds) + ")");
      } else {
        config_.fee.kind = found->kind;
      }
    }
    if (auto price = GetScaled(fee->get("price_eur"), "fee.price_eur", 6)) {
      config_.fee.price = *price;
    } else if (config_.fee.kind != FeeKind::kNone && fee->get("price_eur") == nullptr) {
      Error(fee, "fee.price_eur", "missing (the fee's price in €)");
    }
    config_.fee.vat = Rates(*fee, "vat", "fee.vat");
    if (auto kwp = GetScaled(fee->get("installed_kwp"), "fee.installed_kwp", 3)) {
      config_.installed_w = *kwp;
    } else if (config_.fee.kind == FeeKind::kPerKWpShare && fee->get("installed_kwp") == nullptr) {
      Error(fee, "fee.installed_kwp", "missing (the installations' peak power, kWp)");
    }
  }

  void ReadInvoicing(const toml::table& root) {
    const toml::table* t = Table(root, "invoicing", "invoicing");
    if (t == nullptr) return;
    CheckKeys(*t, "invoicing.", kInvoicingKeys);
    InvoicingSettings& s = config_.invoicing;
    if (auto v = GetString(*t, "series", "invoicing.series", false)) s.series = *v;
    if (auto v = GetString(*t, "credit_series", "invoicing.credit_series", false)) {
      s.credit_series = *v;
    }
    for (const std::string* series : {&s.series, &s.credit_series}) {
      const bool plain = !series->empty() && series->size() <= 10 &&
                         std::all_of(series->begin(), series->end(), [](char c) {
                           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                         });
      if (!plain) {
        Error(t, "invoicing", "series \"" + *series + "\" must be 1-10 capital letters or digits");
      }
    }
    if (auto v = GetInteger(t->get("payment_days"), "invoicing.payment_days")) {
      s.payment_days = static_cast<int>(*v);
    }
    if (const toml::node* node = t->get("reminder_days")) {
      s.reminder_days.clear();
      const auto* array = node->as_array();
      if (array == nullptr) Error(node, "invoicing.reminder_days", "expected an array of days");
      for (std::size_t i = 0; array != nullptr && i < array->size(); ++i) {
        auto d = GetInteger(&(*array)[i], "invoicing.reminder_days");
        if (d && *d > 0) {
          s.reminder_days.push_back(static_cast<int>(*d));
        } else if (d) {
          Error(&(*array)[i], "invoicing.reminder_days", "days after the due date must be > 0");
        }
      }
    }
    if (auto v = GetString(*t, "issuer_name", "invoicing.issuer_name", false)) s.issuer_name = *v;
    if (auto v = GetString(*t, "issuer_tax_id", "invoicing.issuer_tax_id", false)) {
      s.issuer_tax_id = *v;
    }
    if (auto v = GetString(*t, "issuer_address", "invoicing.issuer_address", false)) {
      s.issuer_address = *v;
    }
  }

  void ReadContracts(const toml::table& root) {
    const auto tables = Tables(root, "contracts", "contracts");
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const toml::table& t = *tables[i];
      const std::string at = "contracts[" + std::to_string(i) + "]";
      CheckKeys(t, at + ".", kContractKeys);
      std::vector<std::string> participants;
      if (auto p = GetString(t, "participant", at + ".participant", false)) {
        participants.push_back(*p);
      }
      if (const toml::node* node = t.get("participants")) {
        const auto* array = node->as_array();
        for (std::size_t k = 0; array != nullptr && k < array->size(); ++k) {
          if (const auto* s = (*array)[k].as_string())
            participants.push_back(s->get());
          else
            Error(&(*array)[k], at + ".participants", "expected participant ids (strings)");
        }
        if (array == nullptr) Error(node, at + ".participants", "expected an array of ids");
      }
      if (participants.empty()) {
        Error(&t, at,
              "names no participant (`participant = \"ES…\"`, `participants = [...]` "
              "or `participant = \"*\"` for every member)");
        continue;
      }
      SupplyContract c;
      if (!ReadContract(t, at, c)) continue;
      for (const auto& p : participants) {
        c.participant = p;
        config_.contracts.push_back(c);
      }
    }
    std::stable_sort(config_.contracts.begin(), config_.contracts.end(),
                     [](const SupplyContract& a, const SupplyContract& b) {
                       return a.participant != b.participant ? a.participant < b.participant
                                                             : a.from < b.from;
                     });
  }

  bool ReadContract(const toml::table& t, const std::string& at, SupplyContract& c) {
    const std::size_t errors_before = errors().size();
    if (auto from = GetDate(t.get("from"), at + ".from")) c.from = *from;
    if (t.get("from") == nullptr)
      Error(&t, at + ".from", "missing (the first day of the contract)");
    if (auto to = GetDate(t.get("to"), at + ".to")) c.to = *to;
    if (auto name = GetString(t, "tariff", at + ".tariff", true)) {
      auto tariff = ParseAccessTariff(*name);
      if (tariff.ok())
        c.access = *tariff;
      else
        Error(t.get("tariff"), at + ".tariff", tariff.status().message());
    }
    if (auto name = GetString(t, "zone", at + ".zone", true)) {
      auto zone = ParseTariffZone(*name);
      if (zone.ok())
        c.zone = *zone;
      else
        Error(t.get("zone"), at + ".zone", zone.status().message());
    }
    if (auto power = ScaledArray(t, "power_kw", at + ".power_kw", 3)) c.power_w = *power;
    if (auto prices = ScaledArray(t, "power_eur_per_kw_day", at + ".power_eur_per_kw_day", 6)) {
      c.power_price = *prices;
    } else if (t.get("power_eur_per_kw_day") == nullptr) {
      Error(&t, at + ".power_eur_per_kw_day", "missing (€ per kW and day, per power period)");
    }
    if (auto prices = ScaledArray(t, "energy_eur_per_kwh", at + ".energy_eur_per_kwh", 6)) {
      c.energy.period_prices = *prices;
    }
    if (auto series = GetString(t, "energy_series", at + ".energy_series", false)) {
      c.energy.indexed_series = *series;
    }
    if (t.get("energy_eur_per_kwh") == nullptr && t.get("energy_series") == nullptr) {
      Error(&t, at,
            "needs `energy_eur_per_kwh` (one price per period) or `energy_series` (an "
            "hourly price series imported with `reparto prices import`)");
    }
    if (auto adder =
            GetScaled(t.get("energy_adder_eur_per_kwh"), at + ".energy_adder_eur_per_kwh", 6)) {
      c.energy.indexed_adder = *adder;
    }
    if (auto kind = GetString(t, "surplus", at + ".surplus", false)) {
      const auto* found = std::find_if(std::begin(kSurplusKinds), std::end(kSurplusKinds),
                                       [&](const NamedSurplus& s) { return s.name == *kind; });
      if (found == std::end(kSurplusKinds)) {
        Error(t.get("surplus"), at + ".surplus",
              "unknown surplus \"" + *kind + "\" (one of " + NameList(kSurplusKinds) + ")");
      } else {
        c.surplus.kind = found->kind;
      }
    }
    if (auto price = GetScaled(t.get("surplus_eur_per_kwh"), at + ".surplus_eur_per_kwh", 6)) {
      c.surplus.fixed_price = *price;
    }
    if (auto series = GetString(t, "surplus_series", at + ".surplus_series", false)) {
      c.surplus.indexed_series = *series;
    }
    if (c.surplus.kind == SurplusKind::kFixed && t.get("surplus_eur_per_kwh") == nullptr) {
      Error(&t, at + ".surplus_eur_per_kwh", "missing (fixed compensation price, € per kWh)");
    }
    const auto charges = Tables(t, "charges", at + ".charges");
    for (std::size_t k = 0; k < charges.size(); ++k) {
      const std::string cat = at + ".charges[" + std::to_string(k) + "]";
      CheckKeys(*charges[k], cat + ".", kChargeKeys);
      DailyCharge charge;
      if (auto name = GetString(*charges[k], "name", cat + ".name", true)) charge.name = *name;
      if (auto price = GetScaled(charges[k]->get("eur_per_day"), cat + ".eur_per_day", 6)) {
        charge.per_day = *price;
      } else if (charges[k]->get("eur_per_day") == nullptr) {
        Error(charges[k], cat + ".eur_per_day", "missing (€ per day)");
      }
      if (const toml::node* node = charges[k]->get("electricity_tax")) {
        if (const auto* b = node->as_boolean())
          charge.subject_to_electricity_tax = b->get();
        else
          Error(node, cat + ".electricity_tax", "expected true or false");
      }
      c.charges.push_back(std::move(charge));
    }
    return errors().size() == errors_before;
  }

  void ReadMembers(const toml::table& root) {
    const auto tables = Tables(root, "members", "members");
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const std::string at = "members[" + std::to_string(i) + "]";
      CheckKeys(*tables[i], at + ".", kMemberKeys);
      MemberContact m;
      if (auto v = GetString(*tables[i], "participant", at + ".participant", true))
        m.participant = *v;
      if (auto v = GetString(*tables[i], "name", at + ".name", false)) m.name = *v;
      if (auto v = GetString(*tables[i], "tax_id", at + ".tax_id", false)) m.tax_id = *v;
      if (auto v = GetString(*tables[i], "address", at + ".address", false)) m.address = *v;
      if (auto v = GetString(*tables[i], "email", at + ".email", false)) m.email = *v;
      config_.members.push_back(std::move(m));
    }
  }

  void ReadExpectedSavings(const toml::table& root) {
    const auto tables = Tables(root, "expected_savings", "expected_savings");
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const std::string at = "expected_savings[" + std::to_string(i) + "]";
      CheckKeys(*tables[i], at + ".", kExpectedKeys);
      auto participant = GetString(*tables[i], "participant", at + ".participant", true);
      auto monthly = ScaledArray(*tables[i], "monthly_eur", at + ".monthly_eur", 2);
      if (monthly && monthly->size() != 12) {
        Error(tables[i]->get("monthly_eur"), at + ".monthly_eur",
              "expected 12 amounts, January to December; got " + std::to_string(monthly->size()));
        continue;
      }
      if (!participant || !monthly) continue;
      for (int m = 0; m < 12; ++m) {
        config_.expected_savings.push_back({*participant, m + 1, (*monthly)[m]});
      }
    }
  }

  BillingConfig config_;
};

}  // namespace

Result<BillingConfig> ParseBillingToml(std::string_view text, const std::string& source_name) {
  return BillingLoader(source_name).Run(text);
}

}  // namespace reparto
