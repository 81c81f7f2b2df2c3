// The community model: participants over time, sharing rules with validity periods, suspensions,
// and the country rule set. Pure data plus validation; loaded from TOML by src/config.
//
// Units: instants are UTC seconds; coefficients are integer parts per billion of the pool
// (`kCoefficientScale` = the whole pool), so that sums are exact; powers are kW.
//
//   Community c;
//   c.rules = RulesFor(Country::kPortugal);
//   c.participants = {{.id = "A", .role = Role::kConsumer}, {.id = "PV", .role = Role::kProducer}};
//   c.periods.push_back(SharingPeriod{.method = Method::kFixed, .fixed = {kCoefficientScale, 0}});
//   Status s = Validate(c);
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace reparto {

enum class Country : std::uint8_t { kSpain, kPortugal, kFrance, kItaly };
enum class Role : std::uint8_t { kConsumer, kProducer, kProsumer };
// Where self-consumed energy came from: the building's internal network or the public grid at the
// producer's voltage level.
enum class Origin : std::uint8_t { kInternal = 0, kLV, kMV, kHV, kEHV };
inline constexpr int kOriginCount = 5;
enum class Method : std::uint8_t { kFixed, kVariable, kProportional, kPairwise, kPriority };
enum class Redistribution : std::uint8_t { kNone, kIterative };

// Parts per billion: 1 000 000 000 = the whole pool.
using Coefficient = std::int64_t;
inline constexpr Coefficient kCoefficientScale = 1'000'000'000;

inline constexpr UtcSeconds kBeginningOfTime = std::numeric_limits<UtcSeconds>::min();
inline constexpr UtcSeconds kEndOfTime = std::numeric_limits<UtcSeconds>::max();

// The legal defaults of a country (spec/allocation.md §3 and §5).
struct RuleSet {
  Country country = Country::kPortugal;
  int step_seconds = 900;
  // Method used for any instant that no sharing period covers.
  Method default_method = Method::kProportional;
  // Portugal's rule: a participant injecting more than it consumes in an interval gets nothing
  // under fixed or proportional coefficients; its part of the pool stays unallocated.
  bool no_imputation_to_net_injectors = true;

  friend bool operator==(const RuleSet&, const RuleSet&) = default;
};
RuleSet RulesFor(Country country);

struct Participant {
  std::string id;  // unique; usually the CUPS / CPE / PRM / POD
  Role role = Role::kConsumer;
  std::string building;            // same non-empty building as a producer = internal network
  Origin voltage = Origin::kLV;    // producers and prosumers: voltage level of the connection
  double contracted_power_kw = 0;  // Spain's default split is proportional to it
  UtcSeconds member_from = kBeginningOfTime;  // membership [member_from, member_to)
  UtcSeconds member_to = kEndOfTime;

  bool IsSource() const { return role != Role::kConsumer; }
  bool IsMemberAt(UtcSeconds t) const { return t >= member_from && t < member_to; }
  friend bool operator==(const Participant&, const Participant&) = default;
};

// One row of a variable (hourly or per-step) table: coefficients for [start, start + duration).
struct CoefficientRow {
  UtcSeconds start = 0;
  std::vector<Coefficient> coefficients;  // one per participant, in community order
};

// k_{u,i}: the share of producer u's shared energy imputed to participant i. Entries with
// `start` = kBeginningOfTime hold at all times; others only for the interval starting at `start`
// (which then replaces all constant entries of that producer for that interval).
struct PairwiseEntry {
  int producer = 0;
  int participant = 0;
  UtcSeconds start = kBeginningOfTime;
  Coefficient coefficient = 0;
};

// How the pool is shared during [from, to).
struct SharingPeriod {
  UtcSeconds from = kBeginningOfTime;
  UtcSeconds to = kEndOfTime;
  Method method = Method::kFixed;
  Redistribution redistribution = Redistribution::kNone;
  std::vector<Coefficient> fixed;    // fixed and priority: one per participant (0 = none)
  std::vector<int> group;            // priority: group per participant, 1 = served first, 0 = none
  std::vector<CoefficientRow> rows;  // variable: sorted by start
  int row_seconds = 3600;            // variable: how long one row holds (3600 or the step)
  std::vector<PairwiseEntry> pairs;  // pairwise
};

// Sharing suspended for one participant (index) or the whole community (-1) during [from, to).
struct Suspension {
  int participant = -1;
  UtcSeconds from = 0;
  UtcSeconds to = 0;
  friend bool operator==(const Suspension&, const Suspension&) = default;
};

// Italian virtual-community parameters (spec/allocation.md §5).
struct ItalyParams {
  double plant_kw = 0;           // selects the (fixed, cap) band of the incentive
  double bonus_eur_per_mwh = 0;  // PV bonus by region: 0, 4 (Centre) or 10 (North)
  friend bool operator==(const ItalyParams&, const ItalyParams&) = default;
};

struct Community {
  std::string id;
  std::string timezone = "Europe/Lisbon";
  RuleSet rules;
  std::vector<Participant> participants;
  std::vector<SharingPeriod> periods;  // sorted by `from`, non-overlapping
  std::vector<Suspension> suspensions;
  ItalyParams italy;

  // Index of the participant with this id, or -1.
  int IndexOf(std::string_view participant_id) const;
};

// Whether participant `p` takes part in sharing at `t`: a member, and neither the participant
// nor the whole community suspended.
bool IsActiveAt(const Community& community, std::size_t p, UtcSeconds t);

// Origin of energy flowing from source `producer` to `consumer`.
Origin OriginBetween(const Participant& producer, const Participant& consumer);

// Checks everything the engine relies on: unique ids, roles, membership ranges, periods sorted and
// not overlapping, coefficient sets summing to exactly kCoefficientScale (fixed, each variable
// row), pairwise sums per producer at most the scale, group numbers, suspension ranges. Lists every
// violation found, one per line.
Status Validate(const Community& community);

// Names used in files and messages ("ES", "consumer", "LV", "fixed", ...), and back.
std::string_view CountryCode(Country country);
std::string_view RoleName(Role role);
std::string_view OriginName(Origin origin);
std::string_view MethodName(Method method);
Result<Country> ParseCountry(std::string_view text);
Result<Role> ParseRole(std::string_view text);
Result<Origin> ParseVoltage(std::string_view text);
Result<Method> ParseMethod(std::string_view text);
Result<Redistribution> ParseRedistribution(std::string_view text);

// Spain's default split (no coefficients on file): proportional to contracted power. The weights
// are whole watts per participant (0 for producers and for a participant with no power given).
std::vector<std::int64_t> ContractedPowerWeights(const Community& community);
// The same as a coefficient set in parts per billion summing exactly to kCoefficientScale
// (largest remainder, ties by participant order). Fails when no receiving participant has a
// contracted power.
Result<std::vector<Coefficient>> ContractedPowerCoefficients(const Community& community);

// Converts decimal coefficients (any number of decimals) to parts per billion that sum exactly to
// kCoefficientScale when the decimals sum to 1 within 1e-9 (largest remainder, ties by order).
// Fails, naming the sum, otherwise. Negative values are rejected.
Result<std::vector<Coefficient>> ToExactCoefficients(const std::vector<double>& decimals);

}  // namespace reparto
