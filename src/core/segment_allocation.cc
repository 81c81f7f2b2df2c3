// One segment of the engine (see internal/segment.h): the pool from the sources, netting, the
// sharing method, the quantities of spec/allocation.md §2 and their origins, handed to the sink
// one participant at a time.
//
// Two paths with the same results. Fixed and variable coefficients without redistribution give
// each participant a share that depends only on the pool and the participants before it, so each
// participant is netted, shared and emitted in one go while its data are in the L1 cache. The
// other methods couple the participants of an interval: everyone is netted first into
// participants x intervals matrices, then shared, then emitted.
//
// Units: mWh per interval.
#include <algorithm>
#include <limits>

#include "core/internal/exact_math.h"
#include "core/internal/quality_count.h"
#include "core/internal/segment.h"

namespace reparto::internal {
namespace {

MilliWh Sum(const MilliWh* values, int n) {
  MilliWh sum = 0;
  for (int t = 0; t < n; ++t) sum += values[t];
  return sum;
}

void EnsureSize(std::vector<MilliWh>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

void Prepare(const SegmentContext& context, const Segment& segment, AllocationWorkspace& ws) {
  const auto n = static_cast<std::size_t>(segment.n);
  const std::size_t participants = context.community.participants.size();
  for (auto* v : {&ws.pool, &ws.unallocated, &ws.consumption, &ws.previous_floor, &ws.pool_whole,
                  &ws.pool_rest, &ws.self_consumed, &ws.supplier, &ws.surplus, &ws.shared,
                  &ws.zeros, &ws.cm_row, &ws.im_row, &ws.imputed_row, &ws.cr_wide, &ws.ir_wide}) {
    EnsureSize(*v, n);
  }
  for (auto& v : ws.by_origin) EnsureSize(v, n);
  if (ws.cumulative.size() < n) ws.cumulative.resize(n);
  if (ws.rows.size() < n) ws.rows.resize(n);
  for (auto* q : {&ws.pool_quality, &ws.consumption_quality, &ws.quality, &ws.own_quality}) {
    if (q->size() < n) q->resize(n);
  }
  ws.missing.assign(n, Quality::kMissing);
  std::fill(ws.zeros.begin(), ws.zeros.begin() + static_cast<std::ptrdiff_t>(n), 0);
  if (!SharesOneAtATime(segment)) {
    EnsureSize(ws.cm, participants * n);
    EnsureSize(ws.im, participants * n);
    EnsureSize(ws.imputed, participants * n);
  }
  if (segment.period->method == Method::kPairwise) {
    EnsureSize(ws.imputed_by_origin, participants * kOriginCount * n);
  }
  // One slot per building view, plus one for a pairwise participant's own mix.
  const std::size_t slots = context.view_participant.size() + 1;
  EnsureSize(ws.pool_by_origin, slots * kOriginCount * n);
  EnsureSize(ws.origin_cumulative, slots * kOriginCount * n);
  EnsureSize(ws.origin_total, slots * n);
  if (ws.origin_ratio.size() < slots * kOriginCount * n) {
    ws.origin_ratio.resize(slots * kOriginCount * n);
  }
  ws.view_origins.resize(slots);
  ws.origin_largest_total.resize(slots);
  ws.view_origin_count.resize(slots);
}

// The sums of CR, IR and CM and the largest CM of a run (the rest of RunTotals zero).
RunTotals NettingTotals(const MilliWh* __restrict cr, const MilliWh* __restrict ir,
                        const MilliWh* __restrict cm, int n) {
  MilliWh sum_cr = 0, sum_ir = 0, sum_cm = 0, max_cm = 0;
  for (int t = 0; t < n; ++t) {
    sum_cr += cr[t];
    sum_ir += ir[t];
    sum_cm += cm[t];
    max_cm = std::max(max_cm, cm[t]);
  }
  return RunTotals{.cr = sum_cr, .ir = sum_ir, .cm = sum_cm, .max_cm = max_cm};
}

// Netting of one participant: CM and IM into `cm` and `im`, added to the members' consumption
// (and, `with_quality`, its readings' quality to the consumption's, which only the methods that
// share by consumption need). With `totals`, also the run's sums of CR, IR, CM and largest CM.
void Net(const MilliWh* __restrict cr, const MilliWh* __restrict ir, const Quality* __restrict cq,
         const Quality* __restrict iq, int n, MilliWh* __restrict cm, MilliWh* __restrict im,
         bool with_quality, AllocationWorkspace& ws, RunTotals* totals = nullptr) {
  MilliWh* __restrict consumption = ws.consumption.data();
  Quality* __restrict consumption_quality = ws.consumption_quality.data();
  for (int t = 0; t < n; ++t) {
    const MilliWh net = cr[t] - ir[t];
    cm[t] = net > 0 ? net : 0;
    im[t] = net < 0 ? -net : 0;
    consumption[t] += cm[t];
  }
  // A loop of its own: reductions in the loop above keep the compiler from vectorising it.
  if (totals != nullptr) *totals = NettingTotals(cr, ir, cm, n);
  if (!with_quality) return;
  for (int t = 0; t < n; ++t) {
    consumption_quality[t] = Worst(consumption_quality[t], Worst(cq[t], iq[t]));
  }
}

// Participant p's readings over the segment, as MilliWh.
struct Readings {
  const MilliWh* cr;
  const MilliWh* ir;
  const Quality* cq;
  const Quality* iq;
};

const std::int32_t* NarrowCr(const RunInput& input, std::size_t p) {
  return input.cr32.empty() ? nullptr : input.cr32[p];
}

bool HasReadings(const RunInput& input, std::size_t p) {
  return input.cr[p] != nullptr || NarrowCr(input, p) != nullptr;
}

// The readings of participant p (HasReadings) from `offset`: narrow ones widened (exactly) into
// ws.cr_wide and ws.ir_wide, valid until the next call.
Readings ReadingsOf(const RunInput& input, std::size_t p, int offset, int n,
                    AllocationWorkspace& ws) {
  Readings r{nullptr, nullptr, input.cr_quality[p] + offset, input.ir_quality[p] + offset};
  if (const std::int32_t* narrow_cr = NarrowCr(input, p)) {
    const std::int32_t* __restrict cr = narrow_cr + offset;
    const std::int32_t* __restrict ir = input.ir32[p] + offset;
    MilliWh* __restrict cr_wide = ws.cr_wide.data();
    MilliWh* __restrict ir_wide = ws.ir_wide.data();
    for (int t = 0; t < n; ++t) {
      cr_wide[t] = cr[t];
      ir_wide[t] = ir[t];
    }
    r.cr = cr_wide;
    r.ir = ir_wide;
  } else {
    r.cr = input.cr[p] + offset;
    r.ir = input.ir[p] + offset;
  }
  return r;
}

// How many participants ahead the one-at-a-time path prefetches readings.
constexpr std::size_t kPrefetchAhead = 6;

void PrefetchBytes(const void* start, std::size_t bytes) {
  const char* p = static_cast<const char*>(start);
  for (std::size_t at = 0; at < bytes; at += 64) __builtin_prefetch(p + at);
}

void Prefetch(const RunInput& input, int offset, int n, std::size_t p) {
  if (!HasReadings(input, p)) return;
  const auto count = static_cast<std::size_t>(n);
  if (const std::int32_t* narrow_cr = NarrowCr(input, p)) {
    PrefetchBytes(narrow_cr + offset, count * sizeof(std::int32_t));
    PrefetchBytes(input.ir32[p] + offset, count * sizeof(std::int32_t));
  } else {
    PrefetchBytes(input.cr[p] + offset, count * sizeof(MilliWh));
    PrefetchBytes(input.ir[p] + offset, count * sizeof(MilliWh));
  }
  PrefetchBytes(input.cr_quality[p] + offset, count);
  PrefetchBytes(input.ir_quality[p] + offset, count);
}

// The pool of each interval: Σ net injection of the active sources, its quality, and its split by
// origin as seen from each building view.
void PoolFromSources(const SegmentContext& context, const RunInput& input, int offset,
                     const Segment& segment, AllocationWorkspace& ws) {
  const int n = segment.n;
  const std::size_t views = context.view_participant.size();
  std::fill_n(ws.pool.begin(), n, 0);
  std::fill_n(ws.pool_quality.begin(), n, Quality::kReal);
  std::fill_n(ws.pool_by_origin.begin(), views * kOriginCount * static_cast<std::size_t>(n), 0);
  const auto& participants = context.community.participants;
  for (std::size_t p = 0; p < participants.size(); ++p) {
    const Participant& source = participants[p];
    if (!source.IsSource() || !segment.active[p] || !HasReadings(input, p)) continue;
    const auto [cr, ir, cq, iq] = ReadingsOf(input, p, offset, n, ws);
    for (int t = 0; t < n; ++t) {
      const MilliWh im = std::max<MilliWh>(0, ir[t] - cr[t]);
      ws.im_row[t] = im;
      ws.pool[t] += im;
      ws.pool_quality[t] = Worst(ws.pool_quality[t], Worst(cq[t], iq[t]));
    }
    for (std::size_t v = 0; v < views; ++v) {
      const Origin origin = OriginBetween(source, *context.view_participant[v]);
      MilliWh* mix = &ws.pool_by_origin[(v * kOriginCount + static_cast<std::size_t>(origin)) *
                                        static_cast<std::size_t>(n)];
      for (int t = 0; t < n; ++t) mix[t] += ws.im_row[t];
    }
  }
}

// The origins used in slot `slot` over the segment and, when there are several, their cumulative
// energies, totals and ratios per interval. `weights[o]` is the energy of origin o in each
// interval.
void OriginShares(std::size_t slot, const MilliWh* const* weights, int n, AllocationWorkspace& ws) {
  const auto size = static_cast<std::size_t>(n);
  int count = 0;
  for (int o = 0; o < kOriginCount; ++o) {
    if (std::any_of(weights[o], weights[o] + n, [](MilliWh w) { return w > 0; })) {
      ws.view_origins[slot][static_cast<std::size_t>(count++)] = static_cast<std::uint8_t>(o);
    }
  }
  ws.view_origin_count[slot] = count;
  if (count < 2) return;
  MilliWh* cumulative = &ws.origin_cumulative[slot * kOriginCount * size];
  double* ratio = &ws.origin_ratio[slot * kOriginCount * size];
  MilliWh* total = &ws.origin_total[slot * size];
  MilliWh largest_total = 1;
  for (int t = 0; t < n; ++t) {
    MilliWh sum = 0;
    for (int k = 0; k < count; ++k) {
      sum += weights[ws.view_origins[slot][static_cast<std::size_t>(k)]][t];
      cumulative[static_cast<std::size_t>(k) * size + t] = sum;
    }
    total[t] = sum > 0 ? sum : 1;  // no energy: every part is 0 (and no division by zero)
    largest_total = std::max(largest_total, total[t]);
    for (int k = 0; k < count; ++k) {
      ratio[static_cast<std::size_t>(k) * size + t] =
          sum > 0 ? static_cast<double>(cumulative[static_cast<std::size_t>(k) * size + t]) /
                        static_cast<double>(sum)
                  : 0.0;
    }
  }
  ws.origin_largest_total[slot] = largest_total;
}

void PoolOriginShares(const SegmentContext& context, const Segment& segment,
                      AllocationWorkspace& ws) {
  const auto n = static_cast<std::size_t>(segment.n);
  for (std::size_t v = 0; v < context.view_participant.size(); ++v) {
    const MilliWh* weights[kOriginCount];
    for (int o = 0; o < kOriginCount; ++o) {
      weights[o] = &ws.pool_by_origin[(v * kOriginCount + static_cast<std::size_t>(o)) * n];
    }
    OriginShares(v, weights, segment.n, ws);
  }
}

// The fused path, for a sink that reads only run totals (AllocationSink::TotalsOnly) under fixed
// coefficients summing to kCoefficientScale: one pass over a participant's readings nets, shares,
// derives and sums, writing nothing but the community's consumption, unallocated energy and
// cumulative floors. Same arithmetic as Net, CoefficientImputer::Impute, Emitter::Emit and
// SplitByOrigin, so the same results.

// Intervals [begin, end) without a pool: netting only (nobody is imputed anything, so EI, EA and
// the origins are 0). Adds CM to `consumption` and the sums to `totals`.
template <typename Reading>
void NetAndSum(const Reading* __restrict cr, const Reading* __restrict ir,
               MilliWh* __restrict consumption, int begin, int end, RunTotals& totals) {
  MilliWh sum_cr = 0, sum_ir = 0, sum_cm = 0, max_cm = 0;
  for (int t = begin; t < end; ++t) {
    const MilliWh net = MilliWh{cr[t]} - MilliWh{ir[t]};
    const MilliWh cm = net > 0 ? net : 0;
    consumption[t] += cm;
    sum_cr += cr[t];
    sum_ir += ir[t];
    sum_cm += cm;
    max_cm = std::max(max_cm, cm);
  }
  totals.cr += sum_cr;
  totals.ir += sum_ir;
  totals.cm += sum_cm;
  totals.max_cm = std::max(totals.max_cm, max_cm);
}

// What the fused path needs to share and split in the sunny hours.
struct FusedShare {
  const MilliWh* whole;  // ws.pool_whole, ws.pool_rest: the pool as whole · 10^9 + rest
  const MilliWh* rest;
  MilliWh* previous;  // ws.previous_floor
  CoefficientImputer::FixedStep step;
  // Two origins: the first one's cumulative energy, the total and their ratio (OriginShares).
  const MilliWh* cumulative = nullptr;
  const MilliWh* total = nullptr;
  const double* ratio = nullptr;
};

// Intervals [begin, end) with a pool: netting, share (ScaledFloor), EA = min(EI, CM) and, with
// kSplit, the first origin's part of EA (MulDivFloorFromBelow, exact when the pool bounds EA and
// the total as PoolBoundsSplit checks). Adds to the sums and to `first_origin`; subtracts EI from
// `unallocated`.
template <typename Reading, bool kSplit>
void NetShareAndSum(const Reading* __restrict cr, const Reading* __restrict ir,
                    MilliWh* __restrict consumption, MilliWh* __restrict unallocated,
                    const FusedShare& share, int begin, int end, RunTotals& totals,
                    MilliWh& first_origin) {
  const MilliWh* __restrict whole = share.whole;
  const MilliWh* __restrict rest = share.rest;
  MilliWh* __restrict previous = share.previous;
  const MilliWh* __restrict cumulative = share.cumulative;
  const MilliWh* __restrict total = share.total;
  const double* __restrict ratio = share.ratio;
  const Coefficient running = share.step.running;
  const double running_ratio = share.step.ratio_below;
  const MilliWh receives = share.step.receives ? -1 : 0;  // all bits set or none
  const MilliWh skips_net_injectors = share.step.skips_net_injectors ? -1 : 0;
  MilliWh sum_cr = 0, sum_ir = 0, sum_cm = 0, max_cm = 0, sum_ei = 0, sum_ea = 0, sum_first = 0;
  for (int t = begin; t < end; ++t) {
    const MilliWh net = MilliWh{cr[t]} - MilliWh{ir[t]};
    const MilliWh cm = net > 0 ? net : 0;
    consumption[t] += cm;
    const MilliWh floor = ScaledFloor(whole[t], rest[t], running, running_ratio);
    const MilliWh part = floor - previous[t];
    previous[t] = floor;
    // A net injector (IM > 0, that is CR < IR) gets nothing under the Portuguese rule. Masks
    // (net >> 63 is -1 when net < 0, C++20), not conditions: GCC 12 then vectorises the loop.
    const MilliWh ei = part & receives & ~(skips_net_injectors & (net >> 63));
    unallocated[t] -= ei;
    const MilliWh ea = std::min(ei, cm);
    sum_cr += cr[t];
    sum_ir += ir[t];
    sum_cm += cm;
    max_cm = std::max(max_cm, cm);
    sum_ei += ei;
    sum_ea += ea;
    if constexpr (kSplit) {
      sum_first += MulDivFloorFromBelow(ea, cumulative[t], total[t], ratio[t] * kBelow);
    }
  }
  totals.cr += sum_cr;
  totals.ir += sum_ir;
  totals.cm += sum_cm;
  totals.max_cm = std::max(totals.max_cm, max_cm);
  totals.imputed += sum_ei;
  totals.self_consumed += sum_ea;
  first_origin += sum_first;
}

// True when every EA and origin total of the segment is small enough for MulDivFloorFromBelow:
// EA <= EI <= pool and an origin total is the pool, so it suffices that pool² fits in 64 bits
// (then also EA · cumulative / total <= pool < 2^39).
bool PoolBoundsSplit(const AllocationWorkspace& ws) {
  MilliWh largest = 0;
  for (int t = ws.pool_begin; t < ws.pool_end; ++t) largest = std::max(largest, ws.pool[t]);
  return largest == 0 ||
         (largest < (MilliWh{1} << 39) && largest <= std::numeric_limits<MilliWh>::max() / largest);
}

// Derives every quantity of one participant from its readings, netting and share, splits its
// self-consumption by origin (the mix of slot `slot`) and hands it to the sink.
class Emitter {
 public:
  Emitter(const SegmentContext& context, const Segment& segment, AllocationWorkspace& ws,
          AllocationSink& sink)
      : context_(context), segment_(segment), ws_(ws), sink_(sink) {
    const Method method = segment.period->method;
    depends_on_consumption_ = method == Method::kProportional || method == Method::kPriority ||
                              segment.period->redistribution == Redistribution::kIterative;
    run_.first_interval = segment.first_interval;
    run_.n_intervals = segment.n;
  }

  // A participant that is not a member, or has no readings at all: only its share is known.
  void EmitWithoutReadings(std::size_t p, const MilliWh* imputed) {
    const int n = segment_.n;
    const MilliWh* zero = ws_.zeros.data();
    run_.participant = static_cast<int>(p);
    run_.member = segment_.member[p] != 0;
    run_.cr = run_.ir = run_.cm = run_.im = zero;
    run_.self_consumed = run_.supplier = run_.shared = zero;
    run_.imputed = run_.surplus = run_.member ? imputed : zero;
    if (run_.member) Unallocate(imputed, n);
    for (auto& o : run_.self_consumed_by_origin) o = zero;
    run_.origin_mask = 0;
    run_.shares = false;
    totals_ = RunTotals{};
    if (run_.member) totals_.imputed = Sum(imputed, n);
    totals_.quality_counts[static_cast<int>(Quality::kMissing)] = n;
    run_.totals = &totals_;
    run_.quality = run_.own_quality = ws_.missing.data();
    sink_.Consume(run_);
  }

  // The fused path (see NetShareAndSum) for a sink that reads only totals: participant p of
  // building view `slot` (at most two origins) with its readings and its step of the imputer.
  template <typename Reading>
  void EmitTotalsOnly(std::size_t p, const Reading* cr, const Reading* ir, const Quality* cq,
                      const Quality* iq, FusedShare share, std::size_t slot) {
    const int n = segment_.n;
    // The sunny hours widened to whole vectors of 8 intervals, so that the loops have fewer
    // scalar remainders: where the pool is 0, so are the floors, every share and every part.
    const int begin = ws_.pool_begin & ~7;
    const int end = std::min(n, (ws_.pool_end + 7) & ~7);
    MilliWh* consumption = ws_.consumption.data();
    RunTotals& totals = totals_;
    totals = RunTotals{};
    const int count = ws_.view_origin_count[slot];
    const auto& origins = ws_.view_origins[slot];
    MilliWh first = 0;
    if (!share.step.shares || begin == end) {
      NetAndSum(cr, ir, consumption, 0, n, totals);
    } else {
      NetAndSum(cr, ir, consumption, 0, begin, totals);
      MilliWh* unallocated = ws_.unallocated.data();
      if (count == 2) {
        const auto size = static_cast<std::size_t>(n);
        share.cumulative = &ws_.origin_cumulative[slot * kOriginCount * size];
        share.total = &ws_.origin_total[slot * size];
        share.ratio = &ws_.origin_ratio[slot * kOriginCount * size];
        NetShareAndSum<Reading, true>(cr, ir, consumption, unallocated, share, begin, end, totals,
                                      first);
      } else {
        NetShareAndSum<Reading, false>(cr, ir, consumption, unallocated, share, begin, end, totals,
                                       first);
      }
      NetAndSum(cr, ir, consumption, end, n, totals);
    }
    if (count == 2) {
      totals.by_origin[origins[0]] = first;
      totals.by_origin[origins[1]] = totals.self_consumed - first;
    } else if (count == 1) {
      totals.by_origin[origins[0]] = totals.self_consumed;
    }
    CountWorstQualities(cq, iq, ws_.pool_quality.data(), n, totals.quality_counts);
    run_.participant = static_cast<int>(p);
    run_.member = true;
    run_.cr = run_.ir = run_.cm = run_.im = run_.imputed = nullptr;
    run_.self_consumed = run_.supplier = run_.surplus = run_.shared = nullptr;
    for (auto& o : run_.self_consumed_by_origin) o = nullptr;
    run_.quality = run_.own_quality = nullptr;
    run_.origin_mask = OriginMask(slot);
    run_.shares = context_.community.participants[p].IsSource() && segment_.active[p];
    run_.totals = &totals;
    sink_.Consume(run_);
  }

  // `netting`, when given, holds the run's sums of CR, IR, CM and the largest CM (otherwise Emit
  // sums them); Emit completes the run totals and hands them to the sink with the arrays.
  void Emit(std::size_t p, const MilliWh* cr, const MilliWh* ir, const Quality* cq,
            const Quality* iq, const MilliWh* cm, const MilliWh* im, const MilliWh* imputed,
            std::size_t slot, const RunTotals* netting = nullptr) {
    const int n = segment_.n;
    MilliWh* __restrict ea = ws_.self_consumed.data();
    MilliWh* __restrict ef = ws_.supplier.data();
    MilliWh* __restrict ex = ws_.surplus.data();
    for (int t = 0; t < n; ++t) {
      const MilliWh self = std::min(imputed[t], cm[t]);
      ea[t] = self;
      ef[t] = cm[t] - self;
      ex[t] = imputed[t] - self;
    }
    const bool shares = context_.community.participants[p].IsSource() && segment_.active[p];
    Quality* own = ws_.own_quality.data();
    Quality* quality = ws_.quality.data();
    for (int t = 0; t < n; ++t) {
      own[t] = Worst(cq[t], iq[t]);
      quality[t] = Worst(own[t], ws_.pool_quality[t]);
    }
    if (depends_on_consumption_) {
      for (int t = 0; t < n; ++t) quality[t] = Worst(quality[t], ws_.consumption_quality[t]);
    }
    Unallocate(imputed, n);
    SplitByOrigin(slot);
    RunTotals& totals = totals_;
    totals = netting != nullptr ? *netting : NettingTotals(cr, ir, cm, n);
    MilliWh sum_imputed = 0, sum_self = 0;
    for (int t = 0; t < n; ++t) {
      sum_imputed += imputed[t];
      sum_self += ea[t];
    }
    totals.imputed = sum_imputed;
    totals.self_consumed = sum_self;
    totals.by_origin = {};
    MilliWh others = 0;
    int last = -1;
    for (int o = 0; o < kOriginCount; ++o) {
      if (!(run_.origin_mask & (1u << o))) continue;
      if (last >= 0) {
        totals.by_origin[last] = Sum(run_.self_consumed_by_origin[last], n);
        others += totals.by_origin[last];
      }
      last = o;
    }
    if (last >= 0) totals.by_origin[last] = sum_self - others;
    totals.quality_counts = {};
    CountQualities(quality, n, totals.quality_counts);
    run_.totals = &totals;
    run_.participant = static_cast<int>(p);
    run_.member = true;
    run_.cr = cr;
    run_.ir = ir;
    run_.cm = cm;
    run_.im = im;
    run_.imputed = imputed;
    run_.self_consumed = ea;
    run_.supplier = ef;
    run_.surplus = ex;
    run_.shared = shares ? im : ws_.zeros.data();
    run_.shares = shares;
    run_.quality = quality;
    run_.own_quality = own;
    sink_.Consume(run_);
  }

 private:
  void Unallocate(const MilliWh* imputed, int n) {
    for (int t = 0; t < n; ++t) ws_.unallocated[t] -= imputed[t];
  }

  // Bit o set when slot `slot` uses origin o.
  std::uint8_t OriginMask(std::size_t slot) const {
    std::uint8_t mask = 0;
    for (int k = 0; k < ws_.view_origin_count[slot]; ++k) {
      mask |= static_cast<std::uint8_t>(1u << ws_.view_origins[slot][static_cast<std::size_t>(k)]);
    }
    return mask;
  }

  // EA_o = EA · EI_o / EI with the origin mix of `slot`, by cumulative flooring over the used
  // origins (exact). A single origin takes all of EA without copying; unused origins point at
  // zeros.
  void SplitByOrigin(std::size_t slot) {
    const int n = segment_.n;
    const auto size = static_cast<std::size_t>(n);
    const int count = ws_.view_origin_count[slot];
    const auto& origins = ws_.view_origins[slot];
    for (auto& o : run_.self_consumed_by_origin) o = ws_.zeros.data();
    run_.origin_mask = OriginMask(slot);
    if (count == 1) run_.self_consumed_by_origin[origins[0]] = ws_.self_consumed.data();
    if (count < 2) return;
    const MilliWh* cumulative = &ws_.origin_cumulative[slot * kOriginCount * size];
    const double* ratio = &ws_.origin_ratio[slot * kOriginCount * size];
    const MilliWh* total = &ws_.origin_total[slot * size];
    const MilliWh* ea = ws_.self_consumed.data();
    for (int k = 0; k < count; ++k) {
      run_.self_consumed_by_origin[origins[k]] = ws_.by_origin[origins[k]].data();
    }
    if (count == 2) {  // the usual case: the building's own roof and the grid, or two levels
      MilliWh* first = ws_.by_origin[origins[0]].data();
      MilliWh* second = ws_.by_origin[origins[1]].data();
      MilliWh largest = 0;  // a plain reduction vectorises; std::max_element does not
      for (int t = 0; t < n; ++t) largest = std::max(largest, ea[t]);
      const MilliWh largest_total = ws_.origin_largest_total[slot];
      const bool bounded = largest < (MilliWh{1} << 50) &&
                           largest <= std::numeric_limits<MilliWh>::max() / largest_total;
      // Outside the sunny hours EA is 0, and so are both parts.
      const int begin = ws_.pool_begin;
      const int end = ws_.pool_end;
      std::fill(first, first + begin, 0);
      std::fill(second, second + begin, 0);
      std::fill(first + end, first + n, 0);
      std::fill(second + end, second + n, 0);
      if (bounded) {
        for (int t = begin; t < end; ++t) {
          const MilliWh part = MulDivFloorBounded(ea[t], cumulative[t], total[t], ratio[t]);
          first[t] = part;
          second[t] = ea[t] - part;
        }
      } else {
        for (int t = begin; t < end; ++t) {
          const MilliWh part = MulDivFloor(ea[t], cumulative[t], total[t]);
          first[t] = part;
          second[t] = ea[t] - part;
        }
      }
      return;
    }
    for (int t = 0; t < n; ++t) {
      MilliWh previous = 0;
      for (int k = 0; k < count - 1; ++k) {
        const std::size_t i = static_cast<std::size_t>(k) * size + t;
        const MilliWh floor =
            ea[t] == 0 ? 0 : MulDivFloorWithRatio(ea[t], cumulative[i], total[t], ratio[i]);
        ws_.by_origin[origins[k]][t] = floor - previous;
        previous = floor;
      }
      ws_.by_origin[origins[count - 1]][t] = ea[t] - previous;
    }
  }

  const SegmentContext& context_;
  const Segment& segment_;
  AllocationWorkspace& ws_;
  AllocationSink& sink_;
  bool depends_on_consumption_ = false;
  ParticipantRun run_;
  RunTotals totals_;  // of run_
};

}  // namespace

void AllocateSegment(const SegmentContext& context, const RunInput& input, int offset,
                     const Segment& segment, AllocationWorkspace& ws, AllocationSink& sink) {
  const int n = segment.n;
  const auto size = static_cast<std::size_t>(n);
  const auto& participants = context.community.participants;
  Prepare(context, segment, ws);
  PoolFromSources(context, input, offset, segment, ws);
  ws.pool_begin = 0;
  while (ws.pool_begin < n && ws.pool[ws.pool_begin] == 0) ++ws.pool_begin;
  ws.pool_end = n;
  while (ws.pool_end > ws.pool_begin && ws.pool[ws.pool_end - 1] == 0) --ws.pool_end;
  std::copy_n(ws.pool.begin(), n, ws.unallocated.begin());
  std::fill_n(ws.consumption.begin(), n, 0);
  std::fill_n(ws.consumption_quality.begin(), n, Quality::kReal);
  sink.BeginRun(segment.first_interval, n);

  Emitter emitter(context, segment, ws, sink);
  const bool pairwise = segment.period->method == Method::kPairwise;
  if (!pairwise) PoolOriginShares(context, segment, ws);
  if (SharesOneAtATime(segment)) {
    CoefficientImputer imputer(context.community, segment, ws);
    // A sink of sums under fixed coefficients (the common case of a monthly report): the fused
    // path, which writes no array, for every participant whose view has at most two origins.
    const bool fused = sink.TotalsOnly() && imputer.ScaledFixed() && PoolBoundsSplit(ws);
    for (std::size_t p = 0; p < participants.size(); ++p) {
      // The readings of each participant are a few short arrays far from the previous one's:
      // fetch a later participant's while this one is computed, so memory keeps streaming.
      if (p + kPrefetchAhead < participants.size()) Prefetch(input, offset, n, p + kPrefetchAhead);
      MilliWh* imputed = ws.imputed_row.data();
      if (!segment.member[p] || !HasReadings(input, p)) {
        imputer.Impute(p, ws.zeros.data(), imputed);
        emitter.EmitWithoutReadings(p, imputed);
        continue;
      }
      const auto slot = static_cast<std::size_t>(context.view_of[p]);
      if (fused && ws.view_origin_count[slot] <= 2) {
        // Narrow readings go straight into the fused loops, widened as they are loaded.
        const FusedShare share{ws.pool_whole.data(), ws.pool_rest.data(), ws.previous_floor.data(),
                               imputer.Step(p)};
        const Quality* cq = input.cr_quality[p] + offset;
        const Quality* iq = input.ir_quality[p] + offset;
        if (const std::int32_t* narrow_cr = NarrowCr(input, p)) {
          emitter.EmitTotalsOnly(p, narrow_cr + offset, input.ir32[p] + offset, cq, iq, share,
                                 slot);
        } else {
          emitter.EmitTotalsOnly(p, input.cr[p] + offset, input.ir[p] + offset, cq, iq, share,
                                 slot);
        }
        continue;
      }
      const auto [cr, ir, cq, iq] = ReadingsOf(input, p, offset, n, ws);
      RunTotals totals;
      Net(cr, ir, cq, iq, n, ws.cm_row.data(), ws.im_row.data(), /*with_quality=*/false, ws,
          &totals);
      imputer.Impute(p, ws.im_row.data(), imputed);
      emitter.Emit(p, cr, ir, cq, iq, ws.cm_row.data(), ws.im_row.data(), imputed, slot, &totals);
    }
  } else {
    for (std::size_t p = 0; p < participants.size(); ++p) {
      MilliWh* cm = &ws.cm[p * size];
      MilliWh* im = &ws.im[p * size];
      if (!segment.member[p] || !HasReadings(input, p)) {
        std::fill_n(cm, n, 0);
        std::fill_n(im, n, 0);
        continue;
      }
      const auto [cr, ir, cq, iq] = ReadingsOf(input, p, offset, n, ws);
      Net(cr, ir, cq, iq, n, cm, im, /*with_quality=*/true, ws);
    }
    ComputeImputed(context.community, segment, ws);
    const std::size_t own_slot = context.view_participant.size();
    for (std::size_t p = 0; p < participants.size(); ++p) {
      const MilliWh* imputed = &ws.imputed[p * size];
      if (!segment.member[p] || !HasReadings(input, p)) {
        emitter.EmitWithoutReadings(p, imputed);
        continue;
      }
      std::size_t slot = static_cast<std::size_t>(context.view_of[p]);
      if (pairwise) {
        // The mix of the energy this participant was imputed from each producer.
        const MilliWh* weights[kOriginCount];
        for (int o = 0; o < kOriginCount; ++o) {
          weights[o] =
              &ws.imputed_by_origin[(p * kOriginCount + static_cast<std::size_t>(o)) * size];
        }
        OriginShares(own_slot, weights, n, ws);
        slot = own_slot;
      }
      const auto [cr, ir, cq, iq] = ReadingsOf(input, p, offset, n, ws);
      emitter.Emit(p, cr, ir, cq, iq, &ws.cm[p * size], &ws.im[p * size], imputed, slot);
    }
  }
  sink.EndRun(PoolRun{segment.first_interval, n, ws.pool.data(), ws.unallocated.data(),
                      ws.consumption.data(), ws.pool_quality.data()});
}

}  // namespace reparto::internal
