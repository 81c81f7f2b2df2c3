// A member's supply contract and a community's billing settings (spec/tariffs.md §3-4): what a
// bill is computed from. Pure data; loaded from a billing file by src/config/billing_file.h and
// priced by core/bill.h.
//
// Units: prices are MicroPrice (µ€ per kWh, per kW and day, per day); powers are watts; rates
// RateE10; dates local civil dates of the community's zone, ranges [from, to) with `to` empty
// (= open) meaning "until further notice".
//
//   SupplyContract c;
//   c.participant = "ES0021000000000001AA";
//   c.access = AccessTariff::k20TD;
//   c.zone = TariffZone::kPeninsula;
//   c.power_w = {4'600, 4'600};
//   c.power_price = {84'034, 3'585};                          // €/kW/day, P1 and P2
//   c.energy = EnergyPricing{.period_prices = {180'000, 120'000, 90'000}};
//   c.surplus = SurplusPricing{.kind = SurplusKind::kFixed, .fixed_price = 70'000};
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/italy_terms.h"
#include "core/money.h"
#include "core/time.h"

namespace reparto {

// Access tariffs (Spain, CNMC Circular 3/2020) and Portuguese BTN cycles (ERSE).
enum class AccessTariff : std::uint8_t {
  k20TD,            // ≤ 15 kW: 3 energy periods, 2 power periods
  k30TD,            // > 15 kW LV: 6 and 6
  k61TD,            // 1-30 kV: 6 and 6
  kPortugalSimple,  // one period all day (1 energy period; power is a single value)
  kPortugalDaily,   // bi- or tri-hourly daily cycle: 1 peak, 2 mid ("cheias"), 3 valley
  kPortugalWeekly,  // weekly cycle: same three periods
};

// Spanish tariff zones; Portugal has one (kPortugal).
enum class TariffZone : std::uint8_t {
  kPeninsula,
  kBalearics,
  kCanaryIslands,
  kCeuta,
  kMelilla,
  kPortugal,
};

// Energy price: per period (fixed-price contracts; index 0 = P1) or per hour from a named price
// series stored with `reparto prices import` (indexed contracts such as PVPC).
struct EnergyPricing {
  std::vector<MicroPrice> period_prices;  // µ€/kWh, one per energy period of the tariff
  std::string indexed_series;             // non-empty: hourly series name instead
  MicroPrice indexed_adder = 0;           // µ€/kWh added to each indexed price (retailer margin)
  friend bool operator==(const EnergyPricing&, const EnergyPricing&) = default;
};

enum class SurplusKind : std::uint8_t {
  kNone,     // surplus earns nothing on this bill
  kFixed,    // simplified compensation at a fixed price agreed with the retailer
  kIndexed,  // simplified compensation at an hourly series (e.g. ESIOS indicator 1739)
  kSold,     // surplus sold by the producer on the market: not on the consumer's bill
};

struct SurplusPricing {
  SurplusKind kind = SurplusKind::kNone;
  MicroPrice fixed_price = 0;  // µ€/kWh for kFixed
  std::string indexed_series;  // series name for kIndexed
  friend bool operator==(const SurplusPricing&, const SurplusPricing&) = default;
};

// A fixed charge on the retailer bill (meter rental is one): µ€ per day of the billing period.
struct DailyCharge {
  std::string name;  // "Meter rental", "Social bonus financing", ...
  MicroPrice per_day = 0;
  bool subject_to_electricity_tax = false;
  friend bool operator==(const DailyCharge&, const DailyCharge&) = default;
};

struct SupplyContract {
  std::string participant;      // participant id (CUPS / CPE)
  CivilDate from;               // valid from this local day
  std::optional<CivilDate> to;  // until (exclusive); empty = open
  AccessTariff access = AccessTariff::k20TD;
  TariffZone zone = TariffZone::kPeninsula;
  // Contracted power per power period, watts; empty = the participant's contracted power (the
  // community's) in every power period.
  std::vector<std::int64_t> power_w;
  std::vector<MicroPrice> power_price;  // µ€ per kW and day, per power period
  EnergyPricing energy;
  SurplusPricing surplus;
  std::vector<DailyCharge> charges;  // meter rental and other fixed charges
  friend bool operator==(const SupplyContract&, const SupplyContract&) = default;
};

// A rate with dated validity: applies to days on or after `from` until the next entry.
struct DatedRate {
  CivilDate from;
  RateE10 rate = 0;
  friend bool operator==(const DatedRate&, const DatedRate&) = default;
};

// A grid emission factor with dated validity: grams of CO₂ per kWh.
struct DatedEmissionFactor {
  CivilDate from;
  std::int64_t grams_per_kwh = 0;
  friend bool operator==(const DatedEmissionFactor&, const DatedEmissionFactor&) = default;
};

// What the community charges its members (spec/tariffs.md §4).
enum class FeeKind : std::uint8_t {
  kNone,
  kPerKWhSelfConsumed,  // `price` µ€ per kWh self-consumed
  kPerKWpShare,         // `price` µ€ per kWp and month × the member's kWp share
  kPerCoefficient,      // `price` µ€ per month for the whole pool × the member's coefficient
  kFixedMonthly,        // `price` µ€ per member and month
};

struct CommunityFee {
  FeeKind kind = FeeKind::kNone;
  MicroPrice price = 0;
  std::vector<DatedRate> vat;  // VAT on the community's invoice (empty = none)
  friend bool operator==(const CommunityFee&, const CommunityFee&) = default;
};

// Invoice numbering and payment terms of the community's own invoices.
struct InvoicingSettings {
  std::string series = "F";         // invoice series prefix: numbers F-2025-000001, ...
  std::string credit_series = "R";  // credit notes
  int payment_days = 30;            // due date = issue date + this
  std::vector<int> reminder_days = {7, 21, 45};  // reminders this many days after the due date
  std::string issuer_name;                       // the managing entity, printed on invoices
  std::string issuer_tax_id;
  std::string issuer_address;
  friend bool operator==(const InvoicingSettings&, const InvoicingSettings&) = default;
};

// A member's contact data for invoices (optional; the participant id is always printed).
struct MemberContact {
  std::string participant;
  std::string name;
  std::string tax_id;
  std::string address;
  std::string email;
  friend bool operator==(const MemberContact&, const MemberContact&) = default;
};

// Expected monthly savings from the feasibility study, for comparison with the real ones.
struct ExpectedSaving {
  std::string participant;
  int month = 1;  // 1..12, every year
  Cents amount = 0;
  friend bool operator==(const ExpectedSaving&, const ExpectedSaving&) = default;
};

// Everything a community's billing needs besides readings, results and price series.
struct BillingConfig {
  std::string currency = "EUR";
  std::vector<SupplyContract> contracts;   // sorted by participant, then from
  std::vector<DatedRate> electricity_tax;  // Spain's IEE on energy + power (+ charges so marked)
  std::vector<DatedRate> vat;              // VAT on the retailer bill
  std::vector<DatedEmissionFactor> emission_factor;
  CommunityFee fee;
  // Peak power of the community's installations, watts (for kPerKWpShare: a member's kWp share is
  // its coefficient × this).
  std::int64_t installed_w = 0;
  InvoicingSettings invoicing;
  std::vector<MemberContact> members;
  std::vector<ExpectedSaving> expected_savings;
  // Italian communities: valorisation, the community's retained share and the split rule.
  ItalianTerms italy;
  friend bool operator==(const BillingConfig&, const BillingConfig&) = default;
};

// Number of energy and power periods of a tariff (2.0TD: 3 and 2; 3.0TD, 6.1TD: 6 and 6;
// Portuguese daily/weekly: 3 and 1; simple: 1 and 1).
int EnergyPeriodCount(AccessTariff tariff);
int PowerPeriodCount(AccessTariff tariff);

// The rate in force on `day` (the last entry with from <= day), or 0 when none.
RateE10 RateOn(const std::vector<DatedRate>& rates, CivilDate day);

// Names used in files and on the command line ("2.0TD", "peninsula", "pt-daily", ...), and back.
std::string_view AccessTariffName(AccessTariff tariff);
std::string_view TariffZoneName(TariffZone zone);
Result<AccessTariff> ParseAccessTariff(std::string_view text);
Result<TariffZone> ParseTariffZone(std::string_view text);

// Checks a billing config: each contract's vectors have the tariff's period counts, prices not
// negative, no overlapping contracts per participant, rates sorted by date and within 0..100 %.
// Lists every problem, one per line, naming the participant.
Status Validate(const BillingConfig& config);

}  // namespace reparto
