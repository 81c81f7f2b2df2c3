// The sharing methods of spec/allocation.md §3: how much of the pool each participant is imputed
// in each interval of a segment (fixed, variable, proportional, pairwise, priority; redistribution
// none or iterative).
//
// Units: mWh per interval; coefficients in parts per billion. Every split floors cumulative sums,
// so the parts of an interval add up exactly to what was split and the rest is `unallocated`.
#include <algorithm>
#include <numeric>

#include "core/internal/exact_math.h"
#include "core/internal/segment.h"

namespace reparto::internal {
namespace {

// Whether participant p may be imputed anything in interval t under coefficient methods.
bool Eligible(const Community& community, const Segment& segment, const AllocationWorkspace& ws,
              std::size_t p, int t, bool apply_net_injector_rule) {
  if (!segment.active[p] || community.participants[p].role == Role::kProducer) return false;
  if (apply_net_injector_rule && segment.no_imputation_to_net_injectors &&
      ws.im[p * segment.n + t] > 0) {
    return false;
  }
  return true;
}

// Coefficient of participant p for interval t of a fixed, priority or variable period.
const std::vector<Coefficient>* CoefficientsAt(const SharingPeriod& period, UtcSeconds start) {
  if (period.method != Method::kVariable) return &period.fixed;
  auto row = std::upper_bound(period.rows.begin(), period.rows.end(), start,
                              [](UtcSeconds s, const CoefficientRow& r) { return s < r.start; });
  if (row == period.rows.begin()) return nullptr;
  --row;
  if (start >= row->start + period.row_seconds) return nullptr;
  return &row->coefficients;
}

// Fixed or variable coefficients, no redistribution, for every participant.
void ImputeByCoefficients(const Community& community, const Segment& segment,
                          AllocationWorkspace& ws) {
  const int n = segment.n;
  CoefficientImputer imputer(community, segment, ws);
  for (std::size_t p = 0; p < community.participants.size(); ++p) {
    imputer.Impute(p, &ws.im[p * n], &ws.imputed[p * n]);
  }
}

// Proportional to measured consumption, no redistribution.
void ImputeProportionally(const Community& community, const Segment& segment,
                          AllocationWorkspace& ws) {
  const int n = segment.n;
  const std::size_t participants = community.participants.size();
  for (int t = 0; t < n; ++t) {
    MilliWh total = 0;
    for (std::size_t p = 0; p < participants; ++p) {
      if (Eligible(community, segment, ws, p, t, true)) total += ws.cm[p * n + t];
    }
    MilliWh cumulative = 0;
    MilliWh previous = 0;
    for (std::size_t p = 0; p < participants; ++p) {
      MilliWh share = 0;
      if (total > 0 && Eligible(community, segment, ws, p, t, true)) {
        cumulative += ws.cm[p * n + t];
        const MilliWh floor = MulDivFloor(ws.pool[t], cumulative, total);
        share = floor - previous;
        previous = floor;
      }
      ws.imputed[p * n + t] = share;
    }
  }
}

// Any coefficient method with iterative redistribution, and proportional with it: water-filling
// per interval, capped at each participant's CM.
void ImputeIteratively(const Community& community, const Segment& segment,
                       AllocationWorkspace& ws) {
  const int n = segment.n;
  const std::size_t participants = community.participants.size();
  const Method method = segment.period->method;
  for (int t = 0; t < n; ++t) {
    ws.candidates.clear();
    ws.weights.clear();
    ws.needs.clear();
    const std::vector<Coefficient>* coefficients =
        method == Method::kProportional
            ? nullptr
            : CoefficientsAt(*segment.period, segment.utc_start + t * segment.step_seconds);
    for (std::size_t p = 0; p < participants; ++p) {
      ws.imputed[p * n + t] = 0;
      if (!Eligible(community, segment, ws, p, t, false)) continue;
      const std::int64_t weight = coefficients ? (*coefficients)[p] : ws.cm[p * n + t];
      if (weight <= 0) continue;
      ws.candidates.push_back(static_cast<int>(p));
      ws.weights.push_back(weight);
      ws.needs.push_back(ws.cm[p * n + t]);
    }
    WaterFill(ws.pool[t], ws);
    for (std::size_t k = 0; k < ws.candidates.size(); ++k) {
      ws.imputed[static_cast<std::size_t>(ws.candidates[k]) * n + t] = ws.parts[k];
    }
  }
}

// Priority groups: group 1 is served first with its coefficients, each member capped at its CM
// (and, with iterative redistribution, the excess re-shared inside the group); what is left goes
// to group 2, and so on. What no group can take stays unallocated.
void ImputeByPriority(const Community& community, const Segment& segment, AllocationWorkspace& ws) {
  const int n = segment.n;
  const std::size_t participants = community.participants.size();
  const SharingPeriod& period = *segment.period;
  int last_group = 0;
  for (int g : period.group) last_group = std::max(last_group, g);
  for (int t = 0; t < n; ++t) {
    MilliWh remaining = ws.pool[t];
    for (std::size_t p = 0; p < participants; ++p) ws.imputed[p * n + t] = 0;
    for (int group = 1; group <= last_group && remaining > 0; ++group) {
      ws.candidates.clear();
      ws.weights.clear();
      ws.needs.clear();
      for (std::size_t p = 0; p < participants; ++p) {
        if (period.group[p] != group || period.fixed[p] <= 0) continue;
        ws.candidates.push_back(static_cast<int>(p));
        ws.weights.push_back(period.fixed[p]);
        // A participant that cannot receive still holds its coefficient: its part stays with the
        // group's remainder for the next group.
        ws.needs.push_back(Eligible(community, segment, ws, p, t, false) ? ws.cm[p * n + t] : 0);
      }
      if (ws.candidates.empty()) continue;
      MilliWh given = 0;
      if (period.redistribution == Redistribution::kIterative) {
        WaterFill(remaining, ws);
      } else {
        ws.parts.assign(ws.candidates.size(), 0);
        SplitByCumulativeFloor(remaining, ws.weights, ws.parts);
        for (std::size_t k = 0; k < ws.parts.size(); ++k) {
          ws.parts[k] = std::min(ws.parts[k], ws.needs[k]);
        }
      }
      for (std::size_t k = 0; k < ws.candidates.size(); ++k) {
        ws.imputed[static_cast<std::size_t>(ws.candidates[k]) * n + t] = ws.parts[k];
        given += ws.parts[k];
      }
      remaining -= given;
    }
  }
}

// Pairwise coefficients: each source's shared energy split among its consumers by k_{u,i}.
void ImputePairwise(const Community& community, const Segment& segment, AllocationWorkspace& ws) {
  const int n = segment.n;
  const std::size_t participants = community.participants.size();
  const SharingPeriod& period = *segment.period;
  std::fill(ws.imputed.begin(), ws.imputed.begin() + participants * n, 0);
  std::fill(ws.imputed_by_origin.begin(),
            ws.imputed_by_origin.begin() + participants * kOriginCount * n, 0);
  for (std::size_t u = 0; u < participants; ++u) {
    if (!community.participants[u].IsSource() || !segment.active[u]) continue;
    for (int t = 0; t < n; ++t) {
      const MilliWh shared = ws.im[u * n + t];
      if (shared == 0) continue;
      const UtcSeconds start = segment.utc_start + t * segment.step_seconds;
      // Entries for this very interval replace the constant ones of this producer.
      bool has_specific = false;
      for (const PairwiseEntry& e : period.pairs) {
        if (e.producer == static_cast<int>(u) && e.start == start) {
          has_specific = true;
          break;
        }
      }
      const UtcSeconds wanted = has_specific ? start : kBeginningOfTime;
      Coefficient cumulative = 0;
      MilliWh previous = 0;
      for (const PairwiseEntry& e : period.pairs) {
        if (e.producer != static_cast<int>(u) || e.start != wanted) continue;
        cumulative += e.coefficient;
        const MilliWh floor = ScaleFloor(shared, cumulative);
        const MilliWh part = floor - previous;
        previous = floor;
        const std::size_t i = static_cast<std::size_t>(e.participant);
        if (!segment.active[i]) continue;  // stays unallocated
        ws.imputed[i * n + t] += part;
        const Origin origin = OriginBetween(community.participants[u], community.participants[i]);
        ws.imputed_by_origin[(i * kOriginCount + static_cast<std::size_t>(origin)) * n + t] += part;
      }
    }
  }
}

}  // namespace

bool SharesOneAtATime(const Segment& segment) {
  const Method method = segment.period->method;
  return (method == Method::kFixed || method == Method::kVariable) &&
         segment.period->redistribution == Redistribution::kNone;
}

CoefficientImputer::CoefficientImputer(const Community& community, const Segment& segment,
                                       AllocationWorkspace& ws)
    : community_(community),
      segment_(segment),
      ws_(ws),
      fixed_(segment.period->method != Method::kVariable) {
  const int n = segment.n;
  std::fill(ws.previous_floor.begin(), ws.previous_floor.begin() + n, 0);
  if (fixed_) {
    // Validated coefficients sum to kCoefficientScale; the engine's own defaults may be raw
    // weights (Spain: watts of contracted power) so that shares stay exact.
    for (Coefficient c : segment.period->fixed) total_ += c;
    for (int t = 0; t < n; ++t) {
      ws.pool_whole[t] = ws.pool[t] / kCoefficientScale;
      ws.pool_rest[t] = ws.pool[t] % kCoefficientScale;
    }
  } else {
    std::fill(ws.cumulative.begin(), ws.cumulative.begin() + n, 0);
    for (int t = 0; t < n; ++t) {
      ws.rows[t] = CoefficientsAt(*segment.period, segment.utc_start + t * segment.step_seconds);
    }
  }
}

bool CoefficientImputer::Receives(std::size_t p) const {
  return segment_.active[p] && community_.participants[p].role != Role::kProducer;
}

CoefficientImputer::FixedStep CoefficientImputer::Step(std::size_t p) {
  FixedStep step;
  const Coefficient c = segment_.period->fixed[p];
  if (c == 0) return step;
  running_ += c;
  constexpr double kInverseScale = 1.0 / static_cast<double>(kCoefficientScale);
  step.shares = true;
  step.receives = Receives(p);
  step.skips_net_injectors = segment_.no_imputation_to_net_injectors;
  step.running = running_;
  step.ratio_below = static_cast<double>(running_) * kInverseScale * kBelow;
  return step;
}

void CoefficientImputer::Impute(std::size_t p, const MilliWh* __restrict im,
                                MilliWh* __restrict imputed) {
  const int n = segment_.n;
  const bool can_receive = Receives(p);
  MilliWh* __restrict previous = ws_.previous_floor.data();
  // Without a pool nothing is imputed: only the sunny hours are computed.
  const int begin = ws_.pool_begin;
  const int end = ws_.pool_end;
  std::fill(imputed, imputed + begin, 0);
  std::fill(imputed + end, imputed + n, 0);
  if (ScaledFixed()) {
    const FixedStep step = Step(p);
    if (!step.shares) {
      std::fill(imputed + begin, imputed + end, 0);
      return;
    }
    const MilliWh* __restrict whole = ws_.pool_whole.data();
    const MilliWh* __restrict rest = ws_.pool_rest.data();
    const bool net_rule = step.skips_net_injectors;
    for (int t = begin; t < end; ++t) {
      const MilliWh floor = ScaledFloor(whole[t], rest[t], step.running, step.ratio_below);
      const MilliWh share = floor - previous[t];
      previous[t] = floor;
      imputed[t] = (can_receive && !(net_rule && im[t] > 0)) ? share : 0;
    }
    return;
  }
  if (fixed_) {
    // Raw weights (the engine's own defaults): exact 128-bit products where needed.
    const Coefficient c = segment_.period->fixed[p];
    if (c == 0) {
      std::fill(imputed + begin, imputed + end, 0);
      return;
    }
    running_ += c;
    const Coefficient running = running_;
    const bool net_rule = segment_.no_imputation_to_net_injectors;
    for (int t = begin; t < end; ++t) {
      const MilliWh floor = MulDivFloor(ws_.pool[t], running, total_);
      const MilliWh share = floor - previous[t];
      previous[t] = floor;
      imputed[t] = (can_receive && !(net_rule && im[t] > 0)) ? share : 0;
    }
    return;
  }
  for (int t = begin; t < end; ++t) {
    ws_.cumulative[t] += ws_.rows[t] ? (*ws_.rows[t])[p] : 0;
    const MilliWh floor = ScaleFloor(ws_.pool[t], ws_.cumulative[t]);
    const MilliWh share = floor - previous[t];
    previous[t] = floor;
    // Variable ("dynamic") coefficients are imputed even to a net injector.
    imputed[t] = can_receive ? share : 0;
  }
}

MilliWh WaterFill(MilliWh total, AllocationWorkspace& ws) {
  const std::size_t count = ws.candidates.size();
  ws.parts.assign(count, 0);
  std::vector<std::uint8_t> open(count, 1);
  std::vector<std::int64_t> open_weights(count);
  std::vector<MilliWh> tentative(count);
  MilliWh remaining = total;
  while (remaining > 0) {
    std::size_t open_count = 0;
    for (std::size_t k = 0; k < count; ++k) {
      open_weights[k] = open[k] ? ws.weights[k] : 0;
      open_count += open[k];
    }
    if (open_count == 0) break;
    SplitByCumulativeFloor(remaining, open_weights, tentative);
    bool saturated_any = false;
    for (std::size_t k = 0; k < count; ++k) {
      if (!open[k]) continue;
      const MilliWh need = ws.needs[k] - ws.parts[k];
      if (tentative[k] >= need) {
        ws.parts[k] += need;
        remaining -= need;
        open[k] = 0;
        saturated_any = true;
      }
    }
    if (!saturated_any) {
      for (std::size_t k = 0; k < count; ++k) {
        if (open[k]) ws.parts[k] += tentative[k];
      }
      remaining = 0;
    }
  }
  return remaining;
}

void ComputeImputed(const Community& community, const Segment& segment, AllocationWorkspace& ws) {
  const SharingPeriod& period = *segment.period;
  switch (period.method) {
    case Method::kFixed:
    case Method::kVariable:
      if (period.redistribution == Redistribution::kIterative) {
        ImputeIteratively(community, segment, ws);
      } else {
        ImputeByCoefficients(community, segment, ws);
      }
      break;
    case Method::kProportional:
      if (period.redistribution == Redistribution::kIterative) {
        ImputeIteratively(community, segment, ws);
      } else {
        ImputeProportionally(community, segment, ws);
      }
      break;
    case Method::kPairwise:
      ImputePairwise(community, segment, ws);
      break;
    case Method::kPriority:
      ImputeByPriority(community, segment, ws);
      break;
  }
}

}  // namespace reparto::internal
