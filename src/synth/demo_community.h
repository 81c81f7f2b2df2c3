// The demonstration community of `reparto demo`: a Spanish collective self-consumption scheme
// with 39 consumers (32 flats, 5 shops, a primary school, a small office) sharing a 60 kWp PV
// plant on the roof of their apartment building and a 40 kWp plant on the school's roof, with a
// full year of quarter-hour meter readings made by the synth generators.
//
// Units: instants UTC; energy in whole mWh; power in kW (contracted) and kWp (plants);
// coordinates in degrees (WGS 84); annual consumption in kWh.
//
// What it holds:
//   - `community`: Spanish rules (RulesFor(kSpain): hourly settlement, the spec's rule; the
//     readings themselves are quarter-hourly and the table sums them into hours), time zone
//     Europe/Madrid, a CAU-like id, participants identified by valid CUPS (control letters checked
//     by ValidateCups), buildings (flats, three shops and the roof plant share "edificio-mar", so
//     that plant is their internal network; the school and its plant share "ceip"), contracted
//     powers, one member joining on 1 May and one leaving on 1 October, and three fixed sharing
//     periods for the year (coefficients proportional to expected annual consumption, summing
//     exactly to kCoefficientScale; a non-member gets no coefficient).
//   - `members`: what Community has no field for (display name, kind, coordinates, expected
//     annual consumption or peak power), one per participant in community order.
//   - `grid` and `series`: the quarter-hour readings in columns (one array per participant and
//     quantity over `grid`, the local days of the year). A cell is Quality::kReal, or kMissing
//     with value 0 in a meter gap or outside the membership. The few gaps are listed in `gaps`.
//   - DemoReadingBatch() turns the columns into a ReadingBatch of canonical records (kReal
//     records only: a gap is simply absent), which PlaceReadings or a store imports like any file.
//
//   auto zone = IanaZone::Load("Europe/Madrid");
//   auto demo = BuildDemoCommunity(**zone, 2025, /*seed=*/1);
//   if (!demo.ok()) return demo.status();
//   ReadingBatch batch = DemoReadingBatch(*demo);
//   ReadingTable table(demo->community.participants.size(), hourly_grid);
//   Status s = PlaceReadings(demo->community, batch, table);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/energy.h"
#include "core/readings.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto::synth {

enum class MemberKind : unsigned char { kHome, kShop, kSchool, kOffice, kPvPlant };
// "home", "shop", "school", "office", "pv".
[[nodiscard]] std::string_view MemberKindName(MemberKind kind);

struct DemoMember {
  std::string name;  // "Piso 3B", "Panadería Rosa", "CEIP Mare Nostrum", "FV Cubierta ..."
  MemberKind kind = MemberKind::kHome;
  double latitude_deg = 0;
  double longitude_deg = 0;
  double annual_kwh = 0;  // consumers: expected consumption of a whole year
  double peak_kw = 0;     // plants: kWp
};

// Columns of one participant over DemoCommunity::grid.
struct DemoSeries {
  std::vector<MilliWh> consumption;  // CR, registered import
  std::vector<MilliWh> injection;    // IR, registered export (plants only; 0 for consumers)
  std::vector<Quality> quality;      // of both registers
};

// A meter gap: participant index and the UTC range [from, to) with no readings.
struct DemoGap {
  int participant = 0;
  UtcSeconds from = 0;
  UtcSeconds to = 0;
};

struct DemoCommunity {
  std::string name;  // display name of the community
  std::string town;
  Community community;
  std::vector<DemoMember> members;  // one per participant, community order
  DayGrid grid;                     // quarter-hours of the local days of the year
  std::vector<DemoSeries> series;   // one per participant, community order
  std::vector<DemoGap> gaps;
};

// Builds the community and its year of readings. `zone` must be Europe/Madrid (its name is
// checked) and answer for the whole year. Deterministic in (year, seed); another seed changes
// consumptions, traits, weather and gaps, not the list of members. About 0.25 s in Release.
[[nodiscard]] Result<DemoCommunity> BuildDemoCommunity(const TimeZone& zone, int year,
                                                       std::uint64_t seed);

// The readings as canonical records: names are the participant ids, records ordered by
// participant then time, `line` numbering them from 1, source "demo <id> <year>".
[[nodiscard]] ReadingBatch DemoReadingBatch(const DemoCommunity& demo);

}  // namespace reparto::synth
