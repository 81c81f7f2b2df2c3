// A month of real PVPC prices (../shared/data/prices, series "pvpc-pcb") against a real
// consumption profile (REE final profiles 2.0TD, ../shared/data/consumption) priced by
// core/bill.h: October 2024 (with the 25-hour day of 27 October) complete, December 2024 (the PVPC
// file misses 2024-12-12) incomplete.
//
// Units: energy mWh, prices µ€/kWh (MicroPrice), money Cents; mWh × µ€/kWh = pico-euros.
// The household consumes 3 500 kWh a year; hour h gets round(3 500 kWh × coef_2.0TD(h)) mWh, the
// coefficient parsed from its decimal text exactly (digit by digit, never through a double):
// coef = N / 10^d, so mWh = round(3 500 × 10^6 × N / 10^d), half away from zero.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/bill.h"
#include "core/price_lookup.h"
#include "core/time.h"
#include "ingest/price_files.h"
#include "tz/iana_zone.h"

namespace reparto {
namespace {

using ::testing::HasSubstr;

const std::string kData = std::string(REPARTO_SHARED_DATA);
const std::string kPvpcFile =
    kData + "/prices/PVPC_2.0TD_hourly_EUR_per_kWh_2021-06-01_2026-08-07.csv";
const std::string kProfileFile =
    kData + "/consumption/REE_perfiles_finales_2.0TD_3.0TD_hourly_2021-06_2026-04.csv";

constexpr std::int64_t kAnnualKWh = 3'500;

const TimeZone& Madrid() {
  static const std::unique_ptr<IanaZone> zone = IanaZone::Load("Europe/Madrid").value();
  return *zone;
}

const PriceSeries& PvpcPcb() {
  static const PriceSeries series = [] {
    auto read = ReadPriceFile(kPvpcFile, PriceFormat::kPvpc, Madrid());
    EXPECT_TRUE(read.ok()) << read.status().message();
    if (!read.ok()) return PriceSeries{};
    const PriceSeries* pcb = FindSeries(*read, "pvpc-pcb");
    EXPECT_NE(pcb, nullptr);
    return pcb ? *pcb : PriceSeries{};
  }();
  return series;
}

// Integer division rounded half away from zero (numerator and denominator > 0 here, but written
// for any sign of the numerator).
__int128 DivRound(__int128 num, __int128 den) {
  const __int128 q = num / den;
  const __int128 r = num % den;
  const __int128 twice = (r < 0 ? -r : r) * 2;
  if (twice >= den) return num < 0 ? q - 1 : q + 1;
  return q;
}

// mWh of one hour from the coefficient text "0.000084428284": exact decimal.
MilliWh HourMilliWh(const std::string& coef) {
  __int128 n = 0;
  __int128 scale = 1;
  bool after_point = false;
  for (char c : coef) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    EXPECT_TRUE(c >= '0' && c <= '9') << coef;
    n = n * 10 + (c - '0');
    if (after_point) scale *= 10;
  }
  return static_cast<MilliWh>(DivRound(n * kAnnualKWh * kMilliWhPerKWh, scale));
}

struct ProfileRow {
  int day = 0;
  int hour = 0;
  MilliWh mwh = 0;
};

// The profile rows of one month, in file order (chronological; the fall-back day has hour 2
// twice, dst_flag 1 then 0).
std::vector<ProfileRow> ReadMonth(int year, int month) {
  std::ifstream in(kProfileFile);
  EXPECT_TRUE(in.good()) << kProfileFile;
  std::vector<ProfileRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, ';')) f.push_back(field);
    if (f.size() < 6) continue;
    if (std::stoi(f[0]) != year || std::stoi(f[1]) != month) continue;
    rows.push_back({.day = std::stoi(f[2]), .hour = std::stoi(f[3]), .mwh = HourMilliWh(f[5])});
  }
  return rows;
}

struct Month {
  MemberPeriod period;
  PriceCoverage cover;
  std::int64_t intervals = 0;
  std::size_t rows = 0;
};

// The month's grid in Europe/Madrid, the profile mapped onto it (rows must match the grid day by
// day), supplier = consumption, no surplus, and the PVPC prices of every hour.
Month BuildMonth(int year, int month) {
  Month m;
  const CivilDate first{year, month, 1};
  const CivilDate next = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
  auto grid = MakeDayGrid(Madrid(), first, next, 3600);
  EXPECT_TRUE(grid.ok()) << grid.status().message();
  if (!grid.ok()) return m;
  const std::vector<ProfileRow> rows = ReadMonth(year, month);
  m.rows = rows.size();
  m.intervals = grid->interval_count();
  EXPECT_EQ(static_cast<std::int64_t>(rows.size()), m.intervals);
  if (static_cast<std::int64_t>(rows.size()) != m.intervals) return m;
  // Day by day: the rows of local day k are exactly its n_intervals hours.
  for (const LocalDay& day : grid->days) {
    for (int i = 0; i < day.n_intervals; ++i) {
      const ProfileRow& row = rows[static_cast<std::size_t>(day.first_interval + i)];
      EXPECT_EQ(row.day, day.date.day) << FormatDate(day.date) << " interval " << i;
    }
  }
  const auto n = rows.size();
  MemberPeriod& p = m.period;
  p.grid = *grid;
  for (const ProfileRow& row : rows) p.consumption.push_back(row.mwh);
  p.supplier = p.consumption;
  p.surplus.assign(n, 0);
  p.self_consumed.assign(n, 0);
  p.imputed.assign(n, 0);
  p.quality.assign(n, Quality::kReal);
  m.cover = PricesForIntervals(PvpcPcb(), Madrid(), grid->utc_start(), 3600,
                               static_cast<int>(m.intervals));
  p.energy_price = m.cover.prices;
  p.energy_price_missing = m.cover.missing;
  return m;
}

// PVPC 2.0TD peninsula, 4.6 kW in P1 and P2 at the 2024 tolls + charges + PVPC margin
// (0.084034 and 0.003585 €/kW/day), meter rental 0.026667 €/day, no surplus compensation.
SupplyContract PvpcContract() {
  SupplyContract c;
  c.participant = "ES0021000000000001AA";
  c.from = {2021, 6, 1};
  c.access = AccessTariff::k20TD;
  c.zone = TariffZone::kPeninsula;
  c.power_w = {4'600, 4'600};
  c.power_price = {84'034, 3'585};
  c.energy.indexed_series = "pvpc-pcb";
  c.surplus.kind = SurplusKind::kNone;
  c.charges.push_back({.name = "Meter rental", .per_day = 26'667});
  return c;
}

BillingConfig Taxes() {
  BillingConfig config;
  config.electricity_tax = {{.from = {2020, 1, 1}, .rate = 511'269'632}};  // 5.11269632 %
  config.vat = {{.from = {2020, 1, 1}, .rate = 2'100'000'000}};            // 21 %
  return config;
}

TEST(PvpcRealBill, October2024CompleteWithExactEnergyTerm) {
  const Month m = BuildMonth(2024, 10);
  ASSERT_EQ(m.intervals, 745);  // 31 days, 27 October has 25 hours
  ASSERT_EQ(m.rows, 745u);
  ASSERT_TRUE(m.cover.complete());
  ASSERT_TRUE(RequireComplete(m.cover, "pvpc-pcb").ok());
  const MemberPeriod& p = m.period;

  // Independent computation: Σ mWh × µ€/kWh (pico-euros) in __int128, rounded once to cents.
  __int128 pico = 0;
  MilliWh total_mwh = 0;
  MicroPrice min_price = p.energy_price.front();
  MicroPrice max_price = p.energy_price.front();
  for (std::size_t i = 0; i < p.consumption.size(); ++i) {
    pico += static_cast<__int128>(p.consumption[i]) * p.energy_price[i];
    total_mwh += p.consumption[i];
    min_price = std::min(min_price, p.energy_price[i]);
    max_price = std::max(max_price, p.energy_price[i]);
  }
  const auto expected_energy = static_cast<Cents>(DivRound(pico, 10'000'000'000));

  auto without = ComputeRetailBill(p, PvpcContract(), Taxes(), BillScenario::kWithoutCommunity);
  ASSERT_TRUE(without.ok()) << without.status().message();
  auto with = ComputeRetailBill(p, PvpcContract(), Taxes(), BillScenario::kWithCommunity);
  ASSERT_TRUE(with.ok()) << with.status().message();

  const RetailBill& b = *without;
  EXPECT_FALSE(b.incomplete) << b.message;
  EXPECT_TRUE(b.message.empty());
  EXPECT_EQ(b.unpriced_intervals, 0);
  EXPECT_EQ(b.days, 31);
  EXPECT_EQ(b.grid_energy, total_mwh);
  EXPECT_EQ(b.energy, expected_energy);
  // Average price in [min, max] hourly price: min × kWh ≤ Σ ≤ max × kWh, in pico-euros.
  EXPECT_GE(pico, static_cast<__int128>(min_price) * total_mwh);
  EXPECT_LE(pico, static_cast<__int128>(max_price) * total_mwh);
  EXPECT_LT(min_price, max_price);
  EXPECT_EQ(b.compensation, 0);
  EXPECT_EQ(b.surplus_value, 0);
  EXPECT_EQ(b.energy_after_compensation, b.energy);
  EXPECT_EQ(b.vat_base,
            b.energy_after_compensation + b.power + b.charges_total + b.electricity_tax);
  EXPECT_EQ(b.total, b.vat_base + b.vat);
  EXPECT_EQ(b.quality_counts[0], 745);
  // By hand: power 4.6 kW × (0.084034 + 0.003585) €/kW/day × 31 days = 12.494 € → 1 249 c;
  // rental 0.026667 × 31 = 0.8267 € → 83 c; IEE (energy + power) × 5.11269632 %, rounded once.
  EXPECT_EQ(b.power, 1'249);
  EXPECT_EQ(b.charges_total, 83);
  EXPECT_EQ(b.electricity_tax_base, b.energy + b.power);
  EXPECT_EQ(b.electricity_tax,
            static_cast<Cents>(DivRound(static_cast<__int128>(b.electricity_tax_base) * 511'269'632,
                                        10'000'000'000)));
  EXPECT_EQ(b.vat, static_cast<Cents>(DivRound(static_cast<__int128>(b.vat_base) * 21, 100)));

  // supplier == consumption: the two bills are identical but for the scenario.
  const RetailBill& w = *with;
  EXPECT_EQ(w.grid_energy, b.grid_energy);
  EXPECT_EQ(w.energy, b.energy);
  EXPECT_EQ(w.power, b.power);
  EXPECT_EQ(w.charges_total, b.charges_total);
  EXPECT_EQ(w.electricity_tax, b.electricity_tax);
  EXPECT_EQ(w.vat, b.vat);
  EXPECT_EQ(w.total, b.total);
  EXPECT_FALSE(w.incomplete);

  std::printf(
      "October 2024: %lld mWh, energy %lld c, power %lld c, IEE %lld c, VAT %lld c, "
      "total %lld c, min %lld max %lld uEUR/kWh\n",
      static_cast<long long>(total_mwh), static_cast<long long>(b.energy),
      static_cast<long long>(b.power), static_cast<long long>(b.electricity_tax),
      static_cast<long long>(b.vat), static_cast<long long>(b.total),
      static_cast<long long>(min_price), static_cast<long long>(max_price));
}

TEST(PvpcRealBill, December2024IncompleteNamesMissingDay) {
  const Month m = BuildMonth(2024, 12);
  ASSERT_EQ(m.intervals, 744);
  ASSERT_FALSE(m.cover.complete());
  ASSERT_EQ(m.cover.missing_days.size(), 1u);
  EXPECT_EQ(m.cover.missing_days[0], (CivilDate{2024, 12, 12}));
  EXPECT_EQ(m.cover.missing_count(), 24);
  const Status status = RequireComplete(m.cover, "pvpc-pcb");
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("pvpc-pcb"));
  EXPECT_THAT(status.message(), HasSubstr("2024-12-12"));

  auto bill = ComputeRetailBill(m.period, PvpcContract(), Taxes(), BillScenario::kWithoutCommunity);
  ASSERT_TRUE(bill.ok()) << bill.status().message();
  EXPECT_TRUE(bill->incomplete);
  EXPECT_EQ(bill->unpriced_intervals, 24);
  EXPECT_THAT(bill->message, HasSubstr("24 of 744 intervals"));
  EXPECT_THAT(bill->message, HasSubstr("incomplete"));
  EXPECT_EQ(bill->total, bill->vat_base + bill->vat);
  std::printf("December 2024: %s\n", bill->message.c_str());
}

}  // namespace
}  // namespace reparto
