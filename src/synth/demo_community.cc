// The demonstration community and its year of readings (see demo_community.h).
#include "synth/demo_community.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/supply_point.h"
#include "synth/calendar.h"
#include "synth/climate.h"
#include "synth/clouds.h"
#include "synth/loads.h"
#include "synth/pv.h"
#include "synth/random.h"
#include "synth/series.h"

namespace reparto::synth {
namespace {

// Random streams: one per purpose, so that members do not share numbers.
constexpr std::uint64_t kIdentityStream = 1;
constexpr std::uint64_t kTraitStream = 2;
constexpr std::uint64_t kGapStream = 3;
constexpr std::uint64_t kFirstSeriesStream = 100;

constexpr std::string_view kDistributor = "0021";  // i-DE (Iberdrola), Valencia
constexpr std::string_view kBuilding = "edificio-mar";
constexpr std::string_view kSchoolBuilding = "ceip";
// Apartment building in Benimaclet, Valencia (demonstration only).
constexpr double kLatitude = 39.4855;
constexpr double kLongitude = -0.3590;
constexpr double kAltitudeM = 15;
// A PV plant's own consumption at night (inverter standby, monitoring), kW.
constexpr double kPlantStandbyKw = 0.015;
// Community order: 32 flats (1A, 1B, ... 8D), the five shops, the school, the office, the roof
// plant, the school plant.
constexpr int kFlats = 32;
constexpr int kPharmacy = kFlats + 1;
constexpr int kFlorist = kFlats + 4;
constexpr int kRoofPlant = kFlats + 7;
constexpr int kJoiningFlat = 5 * 4 + 1;  // 6B

// A random valid CUPS of the distributor with the usual "0F" suffix, not already in `used`.
std::string MakeCups(Rng& rng, std::set<std::string>& used) {
  while (true) {
    std::string digits(kDistributor);
    for (int i = 0; i < 12; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
    auto letters = CupsControlLetters(digits);
    std::string cups = "ES" + digits + (letters.ok() ? *letters : std::string("??")) + "0F";
    if (used.insert(cups.substr(0, 20)).second) return cups;
  }
}

// Places a member `dlat`, `dlon` degrees from the apartment building.
void Place(DemoMember& member, double dlat, double dlon) {
  member.latitude_deg = kLatitude + dlat;
  member.longitude_deg = kLongitude + dlon;
}

double RoundTo(double value, double step) { return std::round(value / step) * step; }

// Spanish 2.0TD contracted powers for a home of `annual_kwh`.
double HomeContractedPower(double annual_kwh, bool electric_heating) {
  if (electric_heating || annual_kwh > 4500) return 5.75;
  return annual_kwh > 2600 ? 4.6 : 3.45;
}

struct ShopDef {
  const char* name;
  double annual_kwh;
  double contracted_kw;
  bool in_building;
  ShopHours hours;
};

ShopHours Hours(double open, double close, double lunch_from, double lunch_to,
                double saturday_close, double standby, bool ovens = false) {
  return {.open_h = open,
          .close_h = close,
          .lunch_from_h = lunch_from,
          .lunch_to_h = lunch_to,
          .saturday_close_h = saturday_close,
          .standby = standby,
          .bakery_ovens = ovens};
}

// A participant being assembled: Community part, display part, load description.
struct Draft {
  Participant participant;
  DemoMember member;
  LoadSpec load;
  PvPlant plant;
};

// A consumer `dlat`, `dlon` degrees from the apartment building.
Draft Consumer(std::string id, std::string name, MemberKind kind, const LoadSpec& load,
               double contracted_kw, std::string_view building, double dlat, double dlon) {
  Draft d;
  d.load = load;
  d.participant.id = std::move(id);
  d.participant.building = std::string(building);
  d.participant.contracted_power_kw = contracted_kw;
  d.member.name = std::move(name);
  d.member.kind = kind;
  d.member.annual_kwh = load.annual_kwh;
  Place(d.member, dlat, dlon);
  return d;
}

std::vector<Draft> Members(Rng& ids, Rng& traits) {
  std::set<std::string> used;
  std::vector<Draft> drafts;
  // Flats 1A..8D.
  for (int floor = 1; floor <= 8; ++floor) {
    for (char door : std::string_view("ABCD")) {
      LoadSpec home{.kind = LoadKind::kHousehold, .household = DrawHouseholdTraits(traits)};
      double kwh = 3000 * std::exp(0.3 * traits.Normal());
      if (home.household.electric_heating) kwh *= 1.25;
      home.annual_kwh = RoundTo(std::clamp(kwh, 1400.0, 7000.0), 10);
      drafts.push_back(Consumer(
          MakeCups(ids, used), "Piso " + std::to_string(floor) + door, MemberKind::kHome, home,
          HomeContractedPower(home.annual_kwh, home.household.electric_heating), kBuilding, 0, 0));
    }
  }
  // Name, expected kWh a year, contracted kW, on the building's ground floor, and opening hours
  // (open, close, lunch break from-to, Saturday close, standby share, bakery ovens).
  // clang-format off
  const ShopDef shops[] = {
      {"Panadería Rosa",     18000, 20,    true,  Hours(7.5, 20.5, 14.5, 17, 14, 0.20, true)},
      {"Farmacia Sánchez",   12000, 9.2,   true,  Hours(9, 21, 0, 0, 14, 0.20)},
      {"Frutería La Huerta",  9000, 6.928, true,  Hours(8.5, 20.5, 14, 17, 14.5, 0.35)},
      {"Peluquería Marisa",   5000, 5.75,  false, Hours(9.5, 20, 14, 16, 14, 0.03)},
      {"Floristería Lirio",   4000, 4.6,   false, Hours(9.5, 20.5, 14, 17, 14, 0.30)},
  };
  // clang-format on
  double dlon = -0.0004;  // shops elsewhere in the street, 35 m apart
  for (const ShopDef& shop : shops) {
    const LoadSpec load{.kind = LoadKind::kShop, .annual_kwh = shop.annual_kwh, .shop = shop.hours};
    drafts.push_back(Consumer(MakeCups(ids, used), shop.name, MemberKind::kShop, load,
                              shop.contracted_kw, shop.in_building ? kBuilding : "",
                              shop.in_building ? 0 : 0.0003, shop.in_building ? 0 : dlon));
    if (!shop.in_building) dlon += 0.0004;
  }
  drafts.push_back(Consumer(MakeCups(ids, used), "CEIP Mare Nostrum", MemberKind::kSchool,
                            {.kind = LoadKind::kSchool, .annual_kwh = 60000}, 40, kSchoolBuilding,
                            0.0017, 0.0029));
  drafts.push_back(Consumer(MakeCups(ids, used), "Gestoría Ferrer", MemberKind::kOffice,
                            {.kind = LoadKind::kOffice, .annual_kwh = 9000}, 10.392, "", -0.0006,
                            -0.0012));
  // The two plants: the apartment roof (flat roof, low tilt) and the school roof.
  struct PlantDef {
    const char* name;
    double kwp;
    double inverter_kw;
    double tilt;
    double azimuth;
    std::string_view building;
    double dlat, dlon;
  };
  const PlantDef plants[] = {
      {"FV Cubierta Edificio Mar", 60, 50, 15, 170, kBuilding, 0, 0},
      {"FV Cubierta CEIP Mare Nostrum", 40, 36, 10, 190, kSchoolBuilding, 0.0017, 0.0029},
  };
  for (const PlantDef& def : plants) {
    Draft d;
    d.participant.id = MakeCups(ids, used);
    d.participant.role = Role::kProducer;
    d.participant.building = std::string(def.building);
    d.participant.voltage = Origin::kLV;
    d.member = {.name = def.name, .kind = MemberKind::kPvPlant, .peak_kw = def.kwp};
    Place(d.member, def.dlat, def.dlon);
    d.plant.site = {d.member.latitude_deg, d.member.longitude_deg, kAltitudeM};
    d.plant.plane = {.tilt_deg = def.tilt, .azimuth_deg = def.azimuth};
    d.plant.peak_kw = def.kwp;
    d.plant.inverter_kw = def.inverter_kw;
    drafts.push_back(std::move(d));
  }
  return drafts;
}

// Fixed coefficients for [from, to): proportional to expected consumption among the consumers
// who are members during the whole period.
Result<SharingPeriod> FixedPeriod(const Community& community,
                                  const std::vector<DemoMember>& members, UtcSeconds from,
                                  UtcSeconds to) {
  std::vector<double> weights(members.size(), 0.0);
  double total = 0;
  for (std::size_t p = 0; p < members.size(); ++p) {
    const Participant& who = community.participants[p];
    if (who.IsSource() || who.member_from > from || who.member_to < to) continue;
    weights[p] = members[p].annual_kwh;
    total += weights[p];
  }
  for (double& w : weights) w /= total;
  auto coefficients = ToExactCoefficients(weights);
  if (!coefficients.ok()) return coefficients.status();
  SharingPeriod period;
  period.from = from;
  period.to = to;
  period.method = Method::kFixed;
  period.fixed = std::move(*coefficients);
  return period;
}

// Marks [from, to) of participant p as a meter gap.
void MarkGap(DemoCommunity& demo, int p, UtcSeconds from, UtcSeconds to) {
  DemoSeries& s = demo.series[static_cast<std::size_t>(p)];
  for (UtcSeconds t = from; t < to; t += demo.grid.step_seconds) {
    const std::int64_t i = demo.grid.IndexOf(t);
    if (i < 0) continue;
    const auto c = static_cast<std::size_t>(i);
    s.consumption[c] = 0;
    s.injection[c] = 0;
    s.quality[c] = Quality::kMissing;
  }
  demo.gaps.push_back({p, from, to});
}

}  // namespace

std::string_view MemberKindName(MemberKind kind) {
  switch (kind) {
    case MemberKind::kHome:
      return "home";
    case MemberKind::kShop:
      return "shop";
    case MemberKind::kSchool:
      return "school";
    case MemberKind::kOffice:
      return "office";
    case MemberKind::kPvPlant:
      return "pv";
  }
  return "home";
}

Result<DemoCommunity> BuildDemoCommunity(const TimeZone& zone, int year, std::uint64_t seed) {
  if (zone.name() != "Europe/Madrid") {
    return Status::Error("the demo community is in Europe/Madrid, got the zone '" +
                         std::string(zone.name()) + "'");
  }
  DemoCommunity demo;
  auto grid = MakeDayGrid(zone, {year, 1, 1}, {year + 1, 1, 1}, 900);
  if (!grid.ok()) return grid.status().WithContext("demo community");
  demo.grid = std::move(*grid);
  auto calendar = MakeLocalCalendar(zone, demo.grid);
  if (!calendar.ok()) return calendar.status().WithContext("demo community");
  auto day_start = [&](int month, int day) -> Result<UtcSeconds> {
    return zone.StartOfDay({year, month, day});
  };
  auto may = day_start(5, 1);
  auto october = day_start(10, 1);
  if (!may.ok()) return may.status();
  if (!october.ok()) return october.status();
  const UtcSeconds year_start = demo.grid.utc_start();
  const UtcSeconds year_end = demo.grid.utc_end();

  Rng ids(seed, kIdentityStream);
  Rng traits(seed, kTraitStream);
  std::vector<Draft> drafts = Members(ids, traits);

  demo.name = "Comunitat Energètica Benimaclet (demo)";
  demo.town = "València";
  Community& c = demo.community;
  c.rules = RulesFor(Country::kSpain);
  c.timezone = "Europe/Madrid";
  for (Draft& d : drafts) {
    c.participants.push_back(d.participant);
    demo.members.push_back(d.member);
  }
  // The building's roof plant gives the community its CAU (22-character CUPS + "A001").
  c.id = c.participants[kRoofPlant].id + "A001";
  // Flat 6B joins on 1 May; the florist closes on 1 October: the coefficients change twice, at
  // least 4 months apart as Spain requires.
  c.participants[kJoiningFlat].member_from = *may;
  c.participants[kFlorist].member_to = *october;
  for (auto [from, to] :
       {std::pair{year_start, *may}, std::pair{*may, *october}, std::pair{*october, year_end}}) {
    auto period = FixedPeriod(c, demo.members, from, to);
    if (!period.ok()) return period.status();
    c.periods.push_back(std::move(*period));
  }

  // Series: one sky for the town, one random stream per participant.
  const Climate climate = MediterraneanClimate();
  const SkySeries sky = GenerateSky(demo.grid, climate, seed);
  const auto n = static_cast<std::size_t>(demo.grid.interval_count());
  demo.series.resize(drafts.size());
  for (std::size_t p = 0; p < drafts.size(); ++p) {
    Draft& d = drafts[p];
    DemoSeries& s = demo.series[p];
    if (d.participant.IsSource()) {
      const std::vector<double> kw = PvSeriesKw(d.plant, climate, demo.grid, sky.clear_sky_index);
      std::vector<double> standby(n);
      for (std::size_t t = 0; t < n; ++t) standby[t] = kw[t] > 0 ? 0 : kPlantStandbyKw;
      s.injection = ToMilliWh(kw, demo.grid.step_seconds);
      s.consumption = ToMilliWh(standby, demo.grid.step_seconds);
    } else {
      d.load.stream = kFirstSeriesStream + p;
      s.consumption =
          ToMilliWh(LoadSeriesKw(d.load, demo.grid, *calendar, seed), demo.grid.step_seconds);
      s.injection.assign(n, 0);
    }
    s.quality.assign(n, Quality::kReal);
    const Participant& who = c.participants[p];
    for (std::size_t t = 0; t < n; ++t) {
      const UtcSeconds start = year_start + static_cast<UtcSeconds>(t) * demo.grid.step_seconds;
      if (!who.IsMemberAt(start)) {
        s.consumption[t] = 0;
        s.injection[t] = 0;
        s.quality[t] = Quality::kMissing;
      }
    }
  }

  // Gaps: a flat's meter silent for a whole local day, the pharmacy for an afternoon, and the
  // roof plant's meter for two midday hours.
  Rng gaps(seed, kGapStream);
  const auto pick_day = [&](int first, int count) {
    return demo.grid
        .days[static_cast<std::size_t>(first) + gaps.Below(static_cast<std::uint64_t>(count))];
  };
  int flat = static_cast<int>(gaps.Below(kFlats));
  if (flat == kJoiningFlat) flat = (flat + 1) % kFlats;
  const LocalDay flat_day = pick_day(40, 280);
  MarkGap(demo, flat, flat_day.utc_start,
          flat_day.utc_start + static_cast<UtcSeconds>(flat_day.n_intervals) * 900);
  const LocalDay pharmacy_day = pick_day(10, 340);
  MarkGap(demo, kPharmacy, pharmacy_day.utc_start + 15 * 3600, pharmacy_day.utc_start + 21 * 3600);
  const LocalDay roof_day = pick_day(100, 150);
  MarkGap(demo, kRoofPlant, roof_day.utc_start + 11 * 3600, roof_day.utc_start + 13 * 3600);
  return demo;
}

ReadingBatch DemoReadingBatch(const DemoCommunity& demo) {
  ReadingBatch batch;
  batch.source =
      "demo " + demo.community.id + " " +
      (demo.grid.days.empty() ? std::string() : std::to_string(demo.grid.days[0].date.year));
  std::size_t real = 0;
  for (const DemoSeries& s : demo.series) {
    real +=
        static_cast<std::size_t>(std::count(s.quality.begin(), s.quality.end(), Quality::kReal));
  }
  batch.records.reserve(real);
  const UtcSeconds start = demo.grid.utc_start();
  const int step = demo.grid.step_seconds;
  std::uint32_t line = 0;
  for (std::size_t p = 0; p < demo.series.size(); ++p) {
    batch.names.push_back(demo.community.participants[p].id);
    const DemoSeries& s = demo.series[p];
    for (std::size_t t = 0; t < s.quality.size(); ++t) {
      if (s.quality[t] != Quality::kReal) continue;
      batch.records.push_back(ReadingRecord{
          .start = start + static_cast<UtcSeconds>(t) * step,
          .duration_seconds = step,
          .name = static_cast<std::uint32_t>(p),
          .line = ++line,
          .consumption = s.consumption[t],
          .injection = s.injection[t],
          .consumption_quality = Quality::kReal,
          .injection_quality = Quality::kReal,
      });
    }
  }
  return batch;
}

}  // namespace reparto::synth
