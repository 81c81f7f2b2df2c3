// The community model: country rule sets, lookups, validation, names and exact coefficient
// conversion (see community.h).
//
// Units: instants are UTC seconds; coefficients are integer parts per billion (kCoefficientScale);
// decimal coefficients are fractions of 1.
#include "core/community.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/split.h"
#include "core/text.h"

namespace reparto {

namespace {

// Looks `text` up among `names` (case-insensitive); the error lists what is accepted.
template <typename Enum, std::size_t N>
Result<Enum> ParseName(std::string_view text, const char* what,
                       const std::pair<std::string_view, Enum> (&names)[N]) {
  for (const auto& [name, value] : names) {
    if (EqualsIgnoreCase(text, name)) return value;
  }
  std::string accepted;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) accepted += (i + 1 == N) ? " or " : ", ";
    accepted += names[i].first;
  }
  return Status::Error("unknown " + std::string(what) + " '" + std::string(text) + "' (expected " +
                       accepted + ")");
}

constexpr std::pair<std::string_view, Country> kCountries[] = {{"ES", Country::kSpain},
                                                               {"PT", Country::kPortugal},
                                                               {"FR", Country::kFrance},
                                                               {"IT", Country::kItaly}};
constexpr std::pair<std::string_view, Role> kRoles[] = {
    {"consumer", Role::kConsumer}, {"producer", Role::kProducer}, {"prosumer", Role::kProsumer}};
constexpr std::pair<std::string_view, Origin> kVoltages[] = {
    {"LV", Origin::kLV}, {"MV", Origin::kMV}, {"HV", Origin::kHV}, {"EHV", Origin::kEHV}};
constexpr std::pair<std::string_view, Method> kMethods[] = {{"fixed", Method::kFixed},
                                                            {"variable", Method::kVariable},
                                                            {"proportional", Method::kProportional},
                                                            {"pairwise", Method::kPairwise},
                                                            {"priority", Method::kPriority}};
constexpr std::pair<std::string_view, Redistribution> kRedistributions[] = {
    {"none", Redistribution::kNone}, {"iterative", Redistribution::kIterative}};

std::string ParticipantLabel(const Community& c, int index) {
  std::string label = "participant " + std::to_string(index);
  if (index >= 0 && index < static_cast<int>(c.participants.size()) &&
      !c.participants[static_cast<std::size_t>(index)].id.empty()) {
    label += " '" + c.participants[static_cast<std::size_t>(index)].id + "'";
  }
  return label;
}

std::string PeriodLabel(std::size_t index, const SharingPeriod& p) {
  return "period " + std::to_string(index) + " (" + std::string(MethodName(p.method)) + ")";
}

// Checks a set of per-participant coefficients that must sum to the scale over consumers and
// prosumers, with producers at 0 and nothing negative. `what` names the set in messages.
void CheckCoefficientSet(const Community& c, const std::vector<Coefficient>& set,
                         const std::string& what, std::vector<std::string>& errors) {
  const std::size_t n = c.participants.size();
  if (set.size() != n) {
    errors.push_back(what + ": " + std::to_string(set.size()) + " coefficients for " +
                     std::to_string(n) + " participants");
    return;
  }
  Coefficient sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int index = static_cast<int>(i);
    if (set[i] < 0) {
      errors.push_back(what + ": " + ParticipantLabel(c, index) + " has a negative coefficient " +
                       std::to_string(set[i]));
      continue;
    }
    if (c.participants[i].role == Role::kProducer && set[i] != 0) {
      errors.push_back(what + ": producer " + ParticipantLabel(c, index) +
                       " has a coefficient (producers must have 0)");
      continue;
    }
    sum += set[i];
  }
  if (sum != kCoefficientScale) {
    errors.push_back(what + ": coefficients sum to " + std::to_string(sum) + " ppb, expected " +
                     std::to_string(kCoefficientScale));
  }
}

void ValidatePriority(const Community& c, const SharingPeriod& p, const std::string& label,
                      std::vector<std::string>& errors) {
  const std::size_t n = c.participants.size();
  if (p.fixed.size() != n || p.group.size() != n) {
    errors.push_back(label + ": " + std::to_string(p.fixed.size()) + " coefficients and " +
                     std::to_string(p.group.size()) + " groups for " + std::to_string(n) +
                     " participants");
    return;
  }
  std::map<int, Coefficient> group_sums;
  for (std::size_t i = 0; i < n; ++i) {
    const int index = static_cast<int>(i);
    if (p.fixed[i] < 0) {
      errors.push_back(label + ": " + ParticipantLabel(c, index) + " has a negative coefficient " +
                       std::to_string(p.fixed[i]));
      continue;
    }
    if (p.group[i] < 0) {
      errors.push_back(label + ": " + ParticipantLabel(c, index) + " has group " +
                       std::to_string(p.group[i]) + " (expected 0 = none, or 1 and above)");
      continue;
    }
    if (c.participants[i].role == Role::kProducer && p.fixed[i] != 0) {
      errors.push_back(label + ": producer " + ParticipantLabel(c, index) +
                       " has a coefficient (producers must have 0)");
      continue;
    }
    if (p.fixed[i] > 0 && p.group[i] < 1) {
      errors.push_back(label + ": " + ParticipantLabel(c, index) +
                       " has a coefficient but no group (expected group >= 1)");
      continue;
    }
    if (p.group[i] >= 1) group_sums[p.group[i]] += p.fixed[i];
  }
  if (group_sums.empty()) errors.push_back(label + ": no participant is in a group");
  for (const auto& [group, sum] : group_sums) {
    if (sum != kCoefficientScale) {
      errors.push_back(label + ": group " + std::to_string(group) + " coefficients sum to " +
                       std::to_string(sum) + " ppb, expected " + std::to_string(kCoefficientScale));
    }
  }
}

void ValidateVariable(const Community& c, const SharingPeriod& p, const std::string& label,
                      std::vector<std::string>& errors) {
  if (p.row_seconds <= 0) {
    errors.push_back(label + ": row_seconds is " + std::to_string(p.row_seconds) +
                     " (expected > 0)");
  }
  if (p.rows.empty()) errors.push_back(label + ": no coefficient rows");
  for (std::size_t r = 0; r < p.rows.size(); ++r) {
    const CoefficientRow& row = p.rows[r];
    const std::string row_label = label + " row " + std::to_string(r) + " (start " +
                                  FormatIsoInstant(row.start, 0, true) + ")";
    if (r > 0 && row.start <= p.rows[r - 1].start) {
      errors.push_back(row_label + ": start is not after the previous row's start");
    }
    CheckCoefficientSet(c, row.coefficients, row_label, errors);
  }
}

void ValidatePairwise(const Community& c, const SharingPeriod& p, const std::string& label,
                      std::vector<std::string>& errors) {
  const int n = static_cast<int>(c.participants.size());
  std::map<std::pair<int, UtcSeconds>, Coefficient> sums;  // (producer, start) -> Σ_i k_{u,i}
  std::set<std::tuple<int, int, UtcSeconds>> seen;
  for (std::size_t e = 0; e < p.pairs.size(); ++e) {
    const PairwiseEntry& entry = p.pairs[e];
    const std::string entry_label = label + " pair " + std::to_string(e);
    bool ok = true;
    if (entry.producer < 0 || entry.producer >= n) {
      errors.push_back(entry_label + ": producer index " + std::to_string(entry.producer) +
                       " out of range");
      ok = false;
    } else if (!c.participants[static_cast<std::size_t>(entry.producer)].IsSource()) {
      errors.push_back(entry_label + ": " + ParticipantLabel(c, entry.producer) +
                       " is a consumer, not a producer or prosumer");
      ok = false;
    }
    if (entry.participant < 0 || entry.participant >= n) {
      errors.push_back(entry_label + ": participant index " + std::to_string(entry.participant) +
                       " out of range");
      ok = false;
    }
    if (entry.coefficient < 0) {
      errors.push_back(entry_label + ": negative coefficient " + std::to_string(entry.coefficient));
      ok = false;
    }
    if (!ok) continue;
    if (!seen.insert({entry.producer, entry.participant, entry.start}).second) {
      errors.push_back(entry_label + ": duplicate coefficient from " +
                       ParticipantLabel(c, entry.producer) + " to " +
                       ParticipantLabel(c, entry.participant));
    }
    sums[{entry.producer, entry.start}] += entry.coefficient;
  }
  for (const auto& [key, sum] : sums) {
    if (sum > kCoefficientScale) {
      std::string when = key.second == kBeginningOfTime
                             ? std::string("at all times")
                             : "at " + FormatIsoInstant(key.second, 0, true);
      errors.push_back(label + ": coefficients of " + ParticipantLabel(c, key.first) + " " + when +
                       " sum to " + std::to_string(sum) + " ppb, more than " +
                       std::to_string(kCoefficientScale));
    }
  }
}

}  // namespace

RuleSet RulesFor(Country country) {
  RuleSet rules;
  rules.country = country;
  switch (country) {
    case Country::kSpain:
      // Spain's legal default is "proportional to contracted power": expressed as fixed
      // coefficients that the community loader computes from each participant's
      // contracted_power_kw.
      rules.step_seconds = 3600;
      rules.default_method = Method::kFixed;
      rules.no_imputation_to_net_injectors = false;
      break;
    case Country::kPortugal:
      rules.step_seconds = 900;
      rules.default_method = Method::kProportional;
      rules.no_imputation_to_net_injectors = true;
      break;
    case Country::kFrance:
      rules.step_seconds = 900;
      rules.default_method = Method::kProportional;
      rules.no_imputation_to_net_injectors = true;
      break;
    case Country::kItaly:
      rules.step_seconds = 3600;
      rules.default_method = Method::kProportional;
      rules.no_imputation_to_net_injectors = false;
      break;
  }
  return rules;
}

int Community::IndexOf(std::string_view participant_id) const {
  for (std::size_t i = 0; i < participants.size(); ++i) {
    if (participants[i].id == participant_id) return static_cast<int>(i);
  }
  return -1;
}

bool IsActiveAt(const Community& community, std::size_t p, UtcSeconds t) {
  if (!community.participants[p].IsMemberAt(t)) return false;
  for (const Suspension& s : community.suspensions) {
    const bool applies = s.participant < 0 || static_cast<std::size_t>(s.participant) == p;
    if (applies && t >= s.from && t < s.to) return false;
  }
  return true;
}

Origin OriginBetween(const Participant& producer, const Participant& consumer) {
  if (!producer.building.empty() && producer.building == consumer.building) {
    return Origin::kInternal;
  }
  return producer.voltage;
}

Status Validate(const Community& community) {
  std::vector<std::string> errors;
  const Community& c = community;

  if (c.rules.step_seconds <= 0 || 86400 % c.rules.step_seconds != 0) {
    errors.push_back("step of " + std::to_string(c.rules.step_seconds) +
                     " s does not divide a day");
  }

  std::map<std::string, int> first_index;
  for (std::size_t i = 0; i < c.participants.size(); ++i) {
    const Participant& p = c.participants[i];
    const int index = static_cast<int>(i);
    if (p.id.empty()) {
      errors.push_back(ParticipantLabel(c, index) + ": empty id");
    } else if (auto [it, inserted] = first_index.emplace(p.id, index); !inserted) {
      errors.push_back(ParticipantLabel(c, index) + ": duplicate id (also participant " +
                       std::to_string(it->second) + ")");
    }
    if (p.member_from >= p.member_to) {
      errors.push_back(ParticipantLabel(c, index) +
                       ": membership ends before it starts (member_from >= member_to)");
    }
    if (!(p.contracted_power_kw >= 0) || !std::isfinite(p.contracted_power_kw)) {
      errors.push_back(ParticipantLabel(c, index) + ": contracted power must be >= 0 kW");
    }
  }

  for (std::size_t k = 0; k < c.periods.size(); ++k) {
    const SharingPeriod& p = c.periods[k];
    const std::string label = PeriodLabel(k, p);
    if (p.from >= p.to) errors.push_back(label + ": ends before it starts (from >= to)");
    if (k > 0) {
      const SharingPeriod& prev = c.periods[k - 1];
      if (p.from < prev.from) {
        errors.push_back(label + ": periods are not sorted by start");
      } else if (p.from < prev.to) {
        errors.push_back(label + ": overlaps period " + std::to_string(k - 1));
      }
    }
    switch (p.method) {
      case Method::kFixed:
        CheckCoefficientSet(c, p.fixed, label, errors);
        break;
      case Method::kPriority:
        ValidatePriority(c, p, label, errors);
        break;
      case Method::kVariable:
        ValidateVariable(c, p, label, errors);
        break;
      case Method::kPairwise:
        ValidatePairwise(c, p, label, errors);
        break;
      case Method::kProportional:
        break;
    }
  }

  for (std::size_t s = 0; s < c.suspensions.size(); ++s) {
    const Suspension& susp = c.suspensions[s];
    const std::string label = "suspension " + std::to_string(s);
    if (susp.from >= susp.to) errors.push_back(label + ": ends before it starts (from >= to)");
    if (susp.participant < -1 || susp.participant >= static_cast<int>(c.participants.size())) {
      errors.push_back(label + ": participant index " + std::to_string(susp.participant) +
                       " out of range");
    }
  }

  if (errors.empty()) return Status::Ok();
  std::string message;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) message += '\n';
    message += errors[i];
  }
  return Status::Error(std::move(message));
}

std::string_view CountryCode(Country country) {
  for (const auto& [name, value] : kCountries) {
    if (value == country) return name;
  }
  return "?";
}

std::string_view RoleName(Role role) {
  for (const auto& [name, value] : kRoles) {
    if (value == role) return name;
  }
  return "?";
}

std::string_view OriginName(Origin origin) {
  if (origin == Origin::kInternal) return "internal";
  for (const auto& [name, value] : kVoltages) {
    if (value == origin) return name;
  }
  return "?";
}

std::string_view MethodName(Method method) {
  for (const auto& [name, value] : kMethods) {
    if (value == method) return name;
  }
  return "?";
}

Result<Country> ParseCountry(std::string_view text) {
  return ParseName(text, "country", kCountries);
}
Result<Role> ParseRole(std::string_view text) { return ParseName(text, "role", kRoles); }
Result<Origin> ParseVoltage(std::string_view text) { return ParseName(text, "voltage", kVoltages); }
Result<Method> ParseMethod(std::string_view text) { return ParseName(text, "method", kMethods); }
Result<Redistribution> ParseRedistribution(std::string_view text) {
  return ParseName(text, "redistribution", kRedistributions);
}

std::vector<std::int64_t> ContractedPowerWeights(const Community& community) {
  std::vector<std::int64_t> watts;
  watts.reserve(community.participants.size());
  for (const Participant& p : community.participants) {
    const bool receives = p.role != Role::kProducer && p.contracted_power_kw > 0;
    watts.push_back(receives ? std::llround(p.contracted_power_kw * 1000.0) : 0);
  }
  return watts;
}

Result<std::vector<Coefficient>> ContractedPowerCoefficients(const Community& community) {
  const std::vector<std::int64_t> watts = ContractedPowerWeights(community);
  if (std::all_of(watts.begin(), watts.end(), [](std::int64_t w) { return w == 0; })) {
    return Status::Error(
        "no coefficients given and no contracted_power_kw: Spain's default split is "
        "proportional to each consumer's contracted power");
  }
  return LargestRemainder(watts, kCoefficientScale);
}

Result<std::vector<Coefficient>> ToExactCoefficients(const std::vector<double>& decimals) {
  long double sum = 0;
  for (std::size_t i = 0; i < decimals.size(); ++i) {
    const double d = decimals[i];
    if (!std::isfinite(d) || d < 0) {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.17g", d);
      return Status::Error("coefficient " + std::to_string(i) + " is " + buffer +
                           " (expected a number >= 0)");
    }
    sum += static_cast<long double>(d);
  }
  if (std::fabs(static_cast<double>(sum - 1.0L)) > 1e-9) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.12Lg", sum);
    return Status::Error(std::string("coefficients sum to ") + buffer +
                         ", expected 1 (within 1e-9)");
  }
  const std::size_t n = decimals.size();
  std::vector<Coefficient> parts(n);
  std::vector<long double> remainders(n);
  Coefficient floor_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const long double scaled =
        static_cast<long double>(decimals[i]) * static_cast<long double>(kCoefficientScale);
    const long double whole = std::floor(scaled);
    parts[i] = static_cast<Coefficient>(whole);
    remainders[i] = scaled - whole;
    floor_sum += parts[i];
  }
  Coefficient deficit = kCoefficientScale - floor_sum;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (deficit > 0) {
    // Largest remainders first; ties by list order.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; deficit > 0 && n > 0; k = (k + 1) % n, --deficit) ++parts[order[k]];
  } else if (deficit < 0) {
    // The decimals summed slightly above 1: take from the smallest remainders, last first.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] < remainders[b]; });
    for (std::size_t k = 0; deficit < 0; k = (k + 1) % n) {
      if (parts[order[k]] > 0) {
        --parts[order[k]];
        ++deficit;
      }
    }
  }
  return parts;
}

}  // namespace reparto
