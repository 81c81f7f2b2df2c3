// The billing TOML file: a complete file read back exactly, and errors named by line and key.
#include "config/billing_file.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

constexpr std::string_view kComplete = R"(
currency = "EUR"

[italy]
valorisation_eur_per_kwh = "0.009"
avoided_losses_percent = 2.6
retained_percent = "20"
split = "equal"
zonal_prices = "PZ-NORD"

[taxes]
electricity_tax = [{ from = 2025-01-01, percent = "5.11269632" }]
vat = [{ from = 2024-01-01, percent = "10" }, { from = 2025-01-01, percent = 21 }]
emission_factor = [{ from = 2025-01-01, g_per_kwh = 108 }]

[fee]
kind = "per_kwh_self_consumed"
price_eur = "0.03"
vat = [{ from = 2025-01-01, percent = "21" }]

[invoicing]
series = "CV"
credit_series = "CVR"
payment_days = 20
reminder_days = [5, 15]
issuer_name = "Comunidad Energética Benimaclet"
issuer_tax_id = "G12345678"

[[contracts]]
participants = ["ES0021000000000001AA", "ES0021000000000002AA"]
from = 2025-01-01
tariff = "2.0TD"
zone = "peninsula"
power_kw = ["4.6", 3.45]
power_eur_per_kw_day = ["0.084034", "0.003585"]
energy_eur_per_kwh = ["0.18", "0.12", "0.09"]
surplus = "fixed"
surplus_eur_per_kwh = "0.07"
charges = [{ name = "Alquiler de contador", eur_per_day = "0.026630", electricity_tax = true }]

[[contracts]]
participant = "*"
from = 2025-01-01
tariff = "2.0TD"
zone = "peninsula"
power_kw = ["3.3", "3.3"]
power_eur_per_kw_day = ["0.084034", "0.003585"]
energy_series = "pvpc-pcb"
surplus = "indexed"
surplus_series = "esios-1739"

[[members]]
participant = "ES0021000000000001AA"
name = "Núria Peña"
email = "nuria@example.org"

[[expected_savings]]
participant = "ES0021000000000001AA"
monthly_eur = ["10", "11", "14", "16", "18", "19", "20", "19", "16", "13", "10", "9.5"]
)";

TEST(BillingFile, ReadsEverySettingExactly) {
  auto config = ParseBillingToml(kComplete, "billing.toml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->contracts.size(), 3u);
  // Sorted by participant: "*" sorts first.
  EXPECT_EQ(config->contracts[0].participant, "*");
  EXPECT_EQ(config->contracts[0].energy.indexed_series, "pvpc-pcb");
  EXPECT_EQ(config->contracts[0].surplus.kind, SurplusKind::kIndexed);
  const SupplyContract& c = config->contracts[1];
  EXPECT_EQ(c.participant, "ES0021000000000001AA");
  EXPECT_EQ(c.from, (CivilDate{2025, 1, 1}));
  EXPECT_FALSE(c.to.has_value());
  EXPECT_EQ(c.access, AccessTariff::k20TD);
  EXPECT_EQ(c.power_w, (std::vector<std::int64_t>{4600, 3450}));
  EXPECT_EQ(c.power_price, (std::vector<MicroPrice>{84'034, 3'585}));
  EXPECT_EQ(c.energy.period_prices, (std::vector<MicroPrice>{180'000, 120'000, 90'000}));
  EXPECT_EQ(c.surplus.fixed_price, 70'000);
  ASSERT_EQ(c.charges.size(), 1u);
  EXPECT_EQ(c.charges[0].per_day, 26'630);
  EXPECT_TRUE(c.charges[0].subject_to_electricity_tax);
  EXPECT_EQ(config->contracts[2].participant, "ES0021000000000002AA");
  EXPECT_EQ(config->electricity_tax[0].rate, 511'269'632);
  ASSERT_EQ(config->vat.size(), 2u);
  EXPECT_EQ(config->vat[1].rate, 2'100'000'000);
  EXPECT_EQ(config->emission_factor[0].grams_per_kwh, 108);
  EXPECT_EQ(config->fee.kind, FeeKind::kPerKWhSelfConsumed);
  EXPECT_EQ(config->fee.price, 30'000);
  EXPECT_EQ(config->invoicing.series, "CV");
  EXPECT_EQ(config->invoicing.payment_days, 20);
  EXPECT_EQ(config->invoicing.reminder_days, (std::vector<int>{5, 15}));
  EXPECT_EQ(config->invoicing.issuer_name, "Comunidad Energética Benimaclet");
  EXPECT_EQ(config->members[0].name, "Núria Peña");
  ASSERT_EQ(config->expected_savings.size(), 12u);
  EXPECT_EQ(config->expected_savings[11].amount, 950);
  EXPECT_EQ(config->italy.valorisation, 9'000);
  EXPECT_EQ(config->italy.avoided_losses, 260'000'000);  // 2.6 % × 1e10
  EXPECT_EQ(config->italy.retained, 2'000'000'000);
  EXPECT_EQ(config->italy.split, ItalianSplit::kEqual);
  EXPECT_EQ(config->italy.zonal_prices, "PZ-NORD");
}

TEST(BillingFile, ItalianTermsAreCheckedAndDefaultToWithdrawal) {
  auto plain = ParseBillingToml("[italy]\nvalorisation_eur_per_kwh = \"0.0107\"\n", "b.toml");
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_EQ(plain->italy.valorisation, 10'700);
  EXPECT_EQ(plain->italy.split, ItalianSplit::kWithdrawal);
  EXPECT_EQ(plain->italy.retained, 0);

  auto bad = ParseBillingToml("[italy]\nsplit = \"by_hugs\"\nretained_percent = 120\n", "b.toml");
  ASSERT_FALSE(bad.ok());
  const std::string message = bad.status().message();
  EXPECT_NE(message.find("b.toml:2:9: italy.split: unknown split \"by_hugs\""), std::string::npos)
      << message;
  EXPECT_NE(message.find("italy.retained_percent"), std::string::npos) << message;
  auto negative = ParseBillingToml("[italy]\nvalorisation_eur_per_kwh = \"-0.01\"\n", "b.toml");
  ASSERT_FALSE(negative.ok());
  EXPECT_NE(negative.status().message().find("valorisation is negative"), std::string::npos)
      << negative.status().message();

  auto old_key = ParseBillingToml("italy_valorisation_eur_per_kwh = \"0.009\"\n", "b.toml");
  ASSERT_FALSE(old_key.ok());
  EXPECT_NE(old_key.status().message().find("italy_valorisation_eur_per_kwh"), std::string::npos);
}

TEST(BillingFile, NamesLineAndKeyOfEveryError) {
  const std::string text = R"([fee]
kind = "per_hug"
price_eur = "0.1234567"

[[contracts]]
participant = "A"
from = 2025-01-01
tariff = "2.0TDX"
zone = "peninsula"
power_kw = ["4.6"]
power_eur_per_kw_day = ["0.084034", "0.003585"]
energy_eur_per_kwh = ["0.18", "0.12", "0.09"]
colour = "blue"
)";
  auto config = ParseBillingToml(text, "billing.toml");
  ASSERT_FALSE(config.ok());
  const std::string m = config.status().message();
  EXPECT_NE(m.find("billing.toml:2:8: fee.kind: unknown fee \"per_hug\""), std::string::npos) << m;
  EXPECT_NE(m.find("billing.toml:3:13: fee.price_eur:"), std::string::npos) << m;
  EXPECT_NE(m.find("more than 6 decimals"), std::string::npos) << m;
  EXPECT_NE(m.find("billing.toml:8:10: contracts[0].tariff: unknown tariff \"2.0TDX\""),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("billing.toml:13:10: contracts[0].colour: unknown key"), std::string::npos) << m;
}

TEST(BillingFile, ReportsConfigsThatDoNotAddUp) {
  const std::string text = R"([taxes]
vat = [{ from = 2025-01-01, percent = "121" }]

[[contracts]]
participant = "A"
from = 2025-01-01
tariff = "3.0TD"
zone = "peninsula"
power_kw = ["15", "15", "15", "15", "15", "20"]
power_eur_per_kw_day = ["0.05", "0.03", "0.01", "0.01", "0.005", "0.003"]
energy_eur_per_kwh = ["0.2", "0.18", "0.16"]
surplus = "fixed"
)";
  auto config = ParseBillingToml(text, "billing.toml");
  ASSERT_FALSE(config.ok());
  const std::string m = config.status().message();
  EXPECT_NE(m.find("rate \"121\" % is not between 0 and 100"), std::string::npos) << m;
  EXPECT_NE(m.find("surplus_eur_per_kwh: missing"), std::string::npos) << m;
}

TEST(BillingFile, ChecksPeriodCountsAfterParsing) {
  const std::string text = R"([[contracts]]
participant = "A"
from = 2025-01-01
tariff = "3.0TD"
zone = "peninsula"
power_kw = ["15", "15", "15", "15", "15", "20"]
power_eur_per_kw_day = ["0.05", "0.03", "0.01", "0.01", "0.005", "0.003"]
energy_eur_per_kwh = ["0.2", "0.18", "0.16"]
)";
  auto config = ParseBillingToml(text, "billing.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find(
                "billing.toml: contract of A from 2025-01-01: energy prices need 6 values"),
            std::string::npos)
      << config.status().message();
}

TEST(BillingFile, SyntaxErrorsNameLineAndColumn) {
  auto config = ParseBillingToml("[fee\nkind = 1", "billing.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message().rfind("billing.toml:1:", 0), 0u) << config.status().message();
}

}  // namespace
}  // namespace reparto
