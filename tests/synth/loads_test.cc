// Tests of the load profiles (src/synth/loads.h): annual totals, daily and weekly shapes, seasons,
// shops closed on Sundays, the school in August, determinism.
// Units: kW (mean power per quarter-hour), kWh, local clock hours.
#include "synth/loads.h"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>

#include "test_support.h"

namespace reparto::synth {
namespace {

struct Year {
  DayGrid grid;
  LocalCalendar calendar;
};

const Year& Year2025() {
  static const Year year = [] {
    Year y;
    y.grid = MadridYear(2025);
    auto calendar = MakeLocalCalendar(Madrid(), y.grid);
    EXPECT_TRUE(calendar.ok());
    if (calendar.ok()) y.calendar = std::move(*calendar);
    return y;
  }();
  return year;
}

double TotalKwh(const std::vector<double>& kw) {
  return std::accumulate(kw.begin(), kw.end(), 0.0) / 4;
}

// Mean power over the intervals for which `keep(day, hour)` holds.
double MeanWhere(const std::vector<double>& kw,
                 const std::function<bool(const LocalDay&, const CalendarDay&, double)>& keep) {
  const Year& y = Year2025();
  double sum = 0;
  int n = 0;
  for (std::size_t d = 0; d < y.grid.days.size(); ++d) {
    const LocalDay& day = y.grid.days[d];
    for (int i = 0; i < day.n_intervals; ++i) {
      const auto t = static_cast<std::size_t>(day.first_interval + i);
      if (keep(day, y.calendar.days[d], y.calendar.hour[t])) {
        sum += kw[t];
        ++n;
      }
    }
  }
  return n > 0 ? sum / n : 0;
}

std::vector<double> Generate(const LoadSpec& spec, std::uint64_t seed = 1) {
  const Year& y = Year2025();
  return LoadSeriesKw(spec, y.grid, y.calendar, seed);
}

TEST(Household, AnnualTotalOnTargetAndNeverNegative) {
  Rng traits(4);
  for (int k = 0; k < 12; ++k) {
    LoadSpec home{.kind = LoadKind::kHousehold,
                  .annual_kwh = 2000.0 + 300.0 * k,
                  .stream = static_cast<std::uint64_t>(k)};
    home.household = DrawHouseholdTraits(traits);
    const std::vector<double> kw = Generate(home);
    EXPECT_NEAR(TotalKwh(kw), home.annual_kwh, 0.05 * home.annual_kwh);
    EXPECT_GE(*std::min_element(kw.begin(), kw.end()), 0.0);
    // Realistic quarter-hour peaks: several times the mean power, below 10 kW.
    const double mean = home.annual_kwh / 8760;
    const double peak = *std::max_element(kw.begin(), kw.end());
    EXPECT_GT(peak, 3 * mean);
    EXPECT_LT(peak, 10.0);
  }
}

TEST(Household, EveningPeakWeekendLaterMorning) {
  LoadSpec home{.kind = LoadKind::kHousehold, .annual_kwh = 3500, .stream = 3};
  home.household = {.electric_heating = false, .air_conditioning = false};
  const std::vector<double> kw = Generate(home);
  auto between = [](double from, double to, bool rest) {
    return [=](const LocalDay&, const CalendarDay& day, double h) {
      return day.IsRestDay() == rest && h >= from && h < to;
    };
  };
  const double night = MeanWhere(kw, between(3, 5, false));
  const double evening = MeanWhere(kw, between(20, 23, false));
  EXPECT_GT(evening, 2.5 * night);
  // 7-8 h is busy on working days, quiet at weekends; 10-11 h the other way round.
  EXPECT_GT(MeanWhere(kw, between(7, 8, false)), 1.3 * MeanWhere(kw, between(7, 8, true)));
  EXPECT_GT(MeanWhere(kw, between(10, 11, true)), 1.3 * MeanWhere(kw, between(10, 11, false)));
}

TEST(Household, HeatingInWinterCoolingInSummer) {
  auto in_month = [](int month) {
    return [=](const LocalDay& day, const CalendarDay&, double) { return day.date.month == month; };
  };
  LoadSpec heated{.kind = LoadKind::kHousehold, .annual_kwh = 4000, .stream = 5};
  heated.household = {.electric_heating = true, .air_conditioning = false};
  const std::vector<double> h = Generate(heated);
  EXPECT_GT(MeanWhere(h, in_month(1)), 1.5 * MeanWhere(h, in_month(5)));
  LoadSpec cooled{.kind = LoadKind::kHousehold, .annual_kwh = 4000, .stream = 6};
  cooled.household = {.electric_heating = false, .air_conditioning = true};
  const std::vector<double> c = Generate(cooled);
  EXPECT_GT(MeanWhere(c, in_month(7)), 1.3 * MeanWhere(c, in_month(5)));
}

TEST(Household, AwayInAugust) {
  LoadSpec home{.kind = LoadKind::kHousehold, .annual_kwh = 3000, .stream = 8};
  home.household = {.air_conditioning = false, .august_holiday_start = 5};
  const std::vector<double> kw = Generate(home);
  auto august = [](int from, int to) {
    return [=](const LocalDay& day, const CalendarDay&, double) {
      return day.date.month == 8 && day.date.day >= from && day.date.day < to;
    };
  };
  EXPECT_LT(MeanWhere(kw, august(6, 18)), 0.6 * MeanWhere(kw, august(20, 32)));
}

TEST(Shop, ClosedOnSundays) {
  const ShopHours hours[] = {{.standby = 0.03},
                             {.standby = 0.2, .bakery_ovens = true},
                             {.lunch_from_h = 0, .lunch_to_h = 0, .standby = 0.35}};
  std::uint64_t stream = 20;
  for (const ShopHours& h : hours) {
    const std::vector<double> kw =
        Generate({.kind = LoadKind::kShop, .annual_kwh = 9000, .stream = stream++, .shop = h});
    const double sunday =
        MeanWhere(kw, [](const LocalDay&, const CalendarDay& d, double) { return d.weekday == 6; });
    const double open = MeanWhere(kw, [](const LocalDay&, const CalendarDay& d, double hour) {
      return !d.IsRestDay() && hour >= 10 && hour < 13;
    });
    EXPECT_LT(sunday, (h.standby + 0.05) * open);
    EXPECT_NEAR(TotalKwh(kw), 9000, 1);
  }
}

TEST(School, EmptyInAugustBusyInTerm) {
  const std::vector<double> kw =
      Generate({.kind = LoadKind::kSchool, .annual_kwh = 60000, .stream = 30});
  const double august = MeanWhere(
      kw, [](const LocalDay& day, const CalendarDay&, double) { return day.date.month == 8; });
  const double term = MeanWhere(kw, [](const LocalDay&, const CalendarDay& d, double h) {
    return !d.IsRestDay() && !d.school_holiday && h >= 9 && h < 16;
  });
  const double christmas = MeanWhere(kw, [](const LocalDay& day, const CalendarDay&, double) {
    return day.date.month == 12 && day.date.day >= 24;
  });
  EXPECT_LT(august, 0.1 * term);
  EXPECT_LT(christmas, 0.1 * term);
  EXPECT_NEAR(TotalKwh(kw), 60000, 1);
}

TEST(Office, WorkingHoursOnWorkingDays) {
  const std::vector<double> kw =
      Generate({.kind = LoadKind::kOffice, .annual_kwh = 9000, .stream = 31});
  const double weekend =
      MeanWhere(kw, [](const LocalDay&, const CalendarDay& d, double) { return d.weekday >= 5; });
  const double work = MeanWhere(kw, [](const LocalDay&, const CalendarDay& d, double h) {
    return !d.IsRestDay() && h >= 10 && h < 13;
  });
  EXPECT_LT(weekend, 0.3 * work);
}

TEST(Loads, DeterministicPerSeedAndStream) {
  const LoadSpec spec{.kind = LoadKind::kHousehold, .annual_kwh = 3000, .stream = 1};
  LoadSpec other_stream = spec;
  other_stream.stream = 2;
  EXPECT_EQ(Generate(spec, 7), Generate(spec, 7));
  EXPECT_NE(Generate(spec, 7), Generate(spec, 8));
  EXPECT_NE(Generate(spec, 7), Generate(other_stream, 7));
}

}  // namespace
}  // namespace reparto::synth
