// The demo's billing file (demo_billing.h).
#include "jobs/demo_billing.h"

#include "config/billing_file.h"
#include "core/billing_store.h"

namespace reparto::jobs {

std::string DemoBillingToml(int year) {
  const std::string from = std::to_string(year) + "-01-01";
  return R"(# Billing file of the demo community (docs/billing-file.md).
currency = "EUR"

[taxes]
# Impuesto especial sobre la electricidad and IVA, with the date each rate applies from.
electricity_tax = [{ from = )" +
         from + R"(, percent = "5.11269632" }]
vat = [{ from = )" +
         from +
         R"(, percent = "21" }]
# Grid emission factor used for avoided CO2, grams per kWh.
emission_factor = [{ from = )" +
         from + R"(, g_per_kwh = 108 }]

[fee]
# The community charges 2 cents per kWh each member self-consumes, plus VAT.
kind = "per_kwh_self_consumed"
price_eur = "0.02"
vat = [{ from = )" +
         from +
         R"(, percent = "21" }]

[invoicing]
series = "CEB"
credit_series = "CEBR"
payment_days = 30
reminder_days = [7, 21, 45]
issuer_name = "Comunitat Energètica Benimaclet"
issuer_tax_id = "G98765432"
issuer_address = "Carrer de Benimaclet 1, 46020 València"

# Every member: a fixed-price 2.0TD contract, contracted power from the community, surplus
# compensated at a fixed price, meter rental per day.
[[contracts]]
participant = "*"
from = )" +
         from +
         R"(
tariff = "2.0TD"
zone = "peninsula"
power_eur_per_kw_day = ["0.075903", "0.001988"]
energy_eur_per_kwh = ["0.199", "0.132", "0.098"]
surplus = "fixed"
surplus_eur_per_kwh = "0.06"
charges = [{ name = "Alquiler de contador", eur_per_day = "0.026630" }]
)";
}

Status SaveDemoBilling(Store& store, const std::string& community, int year,
                       const std::string& saved_at) {
  const std::string text = DemoBillingToml(year);
  auto parsed = ParseBillingToml(text, "demo billing file");
  if (!parsed.ok()) return parsed.status();
  const CivilDate from{year, 1, 1};
  auto versions = store.Billing().LoadBillingConfigs(community);
  if (!versions.ok()) return versions.status();
  for (const auto& v : *versions) {
    if (v.valid_from == from && v.text == text) return Status::Ok();
  }
  return store.Billing().SaveBillingConfig(
      {.community = community, .valid_from = from, .text = text, .saved_at = saved_at});
}

}  // namespace reparto::jobs
