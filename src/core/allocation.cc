// The allocation engine (see allocation.h): splits runs into segments of constant configuration,
// computes the pool and netting, calls the sharing method, derives the quantities of
// spec/allocation.md §2 and hands each participant's results to the sink.
//
// Units: mWh per interval, UTC seconds.
#include "core/allocation.h"

#include <algorithm>
#include <map>

#include "core/internal/exact_math.h"
#include "core/internal/segment.h"

namespace reparto {

struct Allocator::Impl {
  Community community;
  DayGrid grid;
  SharingPeriod default_period;
  // Interval indices where the configuration may change (sorted, unique).
  std::vector<std::int64_t> change_points;
  // Building view of every participant (index into the distinct buildings of consumers).
  std::vector<int> view_of;
  std::vector<const Participant*> view_participant;  // a representative consumer per view

  const SharingPeriod& PeriodAt(UtcSeconds t) const {
    auto it =
        std::upper_bound(community.periods.begin(), community.periods.end(), t,
                         [](UtcSeconds s, const SharingPeriod& period) { return s < period.from; });
    if (it != community.periods.begin()) {
      --it;
      if (t < it->to) return *it;
    }
    return default_period;
  }

  void BuildSegment(std::int64_t first, int n, internal::Segment& segment) const;
  void AllocateSegment(const RunInput& input, int offset, internal::Segment& segment,
                       AllocationWorkspace& ws, AllocationSink& sink) const;
};

namespace {

// The country default when no sharing period covers an instant: Spain shares in proportion to
// contracted power (falling back to consumption when no power is known), the others in proportion
// to consumption.
SharingPeriod DefaultPeriod(const Community& community) {
  SharingPeriod period;
  period.method = Method::kProportional;
  if (community.rules.default_method != Method::kFixed) return period;
  std::vector<std::int64_t> watts = ContractedPowerWeights(community);
  if (std::all_of(watts.begin(), watts.end(), [](std::int64_t w) { return w == 0; })) {
    return period;
  }
  period.method = Method::kFixed;
  period.fixed = std::move(watts);  // raw weights: the engine divides by their sum exactly
  return period;
}

// First grid interval starting at or after `instant`, clamped to [0, count].
std::int64_t CeilIndex(const DayGrid& grid, UtcSeconds instant) {
  if (instant <= grid.utc_start()) return 0;
  if (instant >= grid.utc_end()) return grid.interval_count();
  const std::int64_t offset = instant - grid.utc_start();
  return (offset + grid.step_seconds - 1) / grid.step_seconds;
}

void EnsureSize(std::vector<MilliWh>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

}  // namespace

Allocator::Allocator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Allocator::~Allocator() = default;

const Community& Allocator::community() const { return impl_->community; }
const DayGrid& Allocator::grid() const { return impl_->grid; }

void AllocationWorkspaceDeleter::operator()(AllocationWorkspace* workspace) const {
  delete workspace;
}

Workspace Allocator::NewWorkspace() {
  return Workspace(new AllocationWorkspace());
}

Result<std::unique_ptr<Allocator>> Allocator::Create(const Community& community,
                                                     const DayGrid& grid) {
  if (Status s = Validate(community); !s.ok()) return s;
  if (grid.step_seconds != community.rules.step_seconds) {
    return Status::Error("the readings grid has " + std::to_string(grid.step_seconds / 60) +
                         "-minute intervals but community '" + community.id + "' settles every " +
                         std::to_string(community.rules.step_seconds / 60) + " minutes");
  }
  auto impl = std::make_unique<Impl>();
  impl->community = community;
  impl->grid = grid;
  impl->default_period = DefaultPeriod(community);

  // Variable tables must cover every interval of their period that lies in the grid.
  for (const SharingPeriod& period : community.periods) {
    if (period.method != Method::kVariable) continue;
    const std::int64_t begin = CeilIndex(grid, period.from);
    const std::int64_t end = CeilIndex(grid, period.to);
    std::size_t row = 0;
    for (std::int64_t i = begin; i < end; ++i) {
      const UtcSeconds t = grid.utc_start() + i * grid.step_seconds;
      while (row < period.rows.size() && period.rows[row].start + period.row_seconds <= t) ++row;
      if (row >= period.rows.size() || period.rows[row].start > t) {
        return Status::Error("the coefficient table has no row for the interval starting " +
                             FormatIsoInstant(t, 0, true) +
                             " (a variable table needs one row per " +
                             std::to_string(period.row_seconds / 60) + " minutes of its period)");
      }
    }
  }

  std::vector<std::int64_t>& points = impl->change_points;
  auto add = [&](UtcSeconds instant) {
    if (instant == kBeginningOfTime || instant == kEndOfTime) return;
    const std::int64_t index = CeilIndex(grid, instant);
    if (index > 0 && index < grid.interval_count()) points.push_back(index);
  };
  for (const SharingPeriod& period : community.periods) {
    add(period.from);
    add(period.to);
  }
  for (const Participant& p : community.participants) {
    add(p.member_from);
    add(p.member_to);
  }
  for (const Suspension& s : community.suspensions) {
    add(s.from);
    add(s.to);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  // One view per distinct building among receivers (and one for "no building").
  std::map<std::string, int> views;
  for (const Participant& p : community.participants) {
    auto [it, inserted] = views.emplace(p.building, static_cast<int>(views.size()));
    if (inserted) impl->view_participant.push_back(&p);
    impl->view_of.push_back(it->second);
  }
  // view_participant pointers must point into impl->community, not the argument.
  for (std::size_t p = 0; p < community.participants.size(); ++p) {
    impl->view_participant[static_cast<std::size_t>(impl->view_of[p])] =
        &impl->community.participants[p];
  }
  return std::unique_ptr<Allocator>(new Allocator(std::move(impl)));
}

void Allocator::Impl::BuildSegment(std::int64_t first, int n, internal::Segment& segment) const {
  const std::size_t participants = community.participants.size();
  segment.first_interval = first;
  segment.n = n;
  segment.step_seconds = grid.step_seconds;
  segment.utc_start = grid.utc_start() + first * grid.step_seconds;
  segment.period = &PeriodAt(segment.utc_start);
  const Method method = segment.period->method;
  segment.no_imputation_to_net_injectors =
      community.rules.no_imputation_to_net_injectors &&
      (method == Method::kFixed || method == Method::kProportional);
  segment.member.assign(participants, 0);
  segment.active.assign(participants, 0);
  bool community_suspended = false;
  for (const Suspension& s : community.suspensions) {
    if (s.participant < 0 && segment.utc_start >= s.from && segment.utc_start < s.to) {
      community_suspended = true;
    }
  }
  for (std::size_t p = 0; p < participants; ++p) {
    segment.member[p] = community.participants[p].IsMemberAt(segment.utc_start);
    segment.active[p] = segment.member[p] && !community_suspended;
  }
  for (const Suspension& s : community.suspensions) {
    if (s.participant >= 0 && segment.utc_start >= s.from && segment.utc_start < s.to) {
      segment.active[static_cast<std::size_t>(s.participant)] = 0;
    }
  }
}

void Allocator::AllocateRun(const RunInput& input, AllocationWorkspace& ws,
                            AllocationSink& sink) const {
  internal::Segment segment;
  const std::int64_t end = input.first_interval + input.n_intervals;
  std::int64_t start = input.first_interval;
  auto next = std::upper_bound(impl_->change_points.begin(), impl_->change_points.end(), start);
  while (start < end) {
    std::int64_t stop = end;
    if (next != impl_->change_points.end() && *next < end) stop = *next++;
    impl_->BuildSegment(start, static_cast<int>(stop - start), segment);
    impl_->AllocateSegment(input, static_cast<int>(start - input.first_interval), segment, ws,
                           sink);
    start = stop;
  }
}

void Allocator::Impl::AllocateSegment(const RunInput& input, int offset, internal::Segment& segment,
                                      AllocationWorkspace& ws, AllocationSink& sink) const {
  const int n = segment.n;
  const std::size_t participants = community.participants.size();
  const std::size_t cells = participants * static_cast<std::size_t>(n);
  EnsureSize(ws.cm, cells);
  EnsureSize(ws.im, cells);
  EnsureSize(ws.imputed, cells);
  for (auto* v : {&ws.pool, &ws.unallocated, &ws.consumption, &ws.previous_floor, &ws.self_consumed,
                  &ws.supplier, &ws.surplus, &ws.shared, &ws.zeros}) {
    EnsureSize(*v, static_cast<std::size_t>(n));
  }
  for (auto& v : ws.by_origin) EnsureSize(v, static_cast<std::size_t>(n));
  if (ws.cumulative.size() < static_cast<std::size_t>(n)) ws.cumulative.resize(n);
  for (auto* q : {&ws.pool_quality, &ws.consumption_quality, &ws.quality, &ws.own_quality}) {
    if (q->size() < static_cast<std::size_t>(n)) q->resize(n);
  }
  ws.missing.assign(static_cast<std::size_t>(n), Quality::kMissing);
  std::fill(ws.zeros.begin(), ws.zeros.begin() + n, 0);
  const bool pairwise = segment.period->method == Method::kPairwise;
  if (pairwise) EnsureSize(ws.imputed_by_origin, cells * kOriginCount);
  const std::size_t views = view_participant.size();
  if (!pairwise) EnsureSize(ws.pool_by_origin, views * kOriginCount * n);

  // Netting, pool and consumption.
  std::fill(ws.pool.begin(), ws.pool.begin() + n, 0);
  std::fill(ws.consumption.begin(), ws.consumption.begin() + n, 0);
  std::fill(ws.pool_quality.begin(), ws.pool_quality.begin() + n, Quality::kReal);
  std::fill(ws.consumption_quality.begin(), ws.consumption_quality.begin() + n, Quality::kReal);
  if (!pairwise)
    std::fill(ws.pool_by_origin.begin(), ws.pool_by_origin.begin() + views * kOriginCount * n, 0);
  for (std::size_t p = 0; p < participants; ++p) {
    MilliWh* cm = &ws.cm[p * n];
    MilliWh* im = &ws.im[p * n];
    if (!segment.member[p] || input.cr[p] == nullptr) {
      std::fill(cm, cm + n, 0);
      std::fill(im, im + n, 0);
      continue;
    }
    const MilliWh* cr = input.cr[p] + offset;
    const MilliWh* ir = input.ir[p] + offset;
    for (int t = 0; t < n; ++t) {
      const MilliWh net = cr[t] - ir[t];
      cm[t] = net > 0 ? net : 0;
      im[t] = net < 0 ? -net : 0;
      ws.consumption[t] += cm[t];
    }
    const Quality* cq = input.cr_quality[p] + offset;
    const Quality* iq = input.ir_quality[p] + offset;
    for (int t = 0; t < n; ++t) {
      ws.consumption_quality[t] = Worst(ws.consumption_quality[t], Worst(cq[t], iq[t]));
    }
    const Participant& source = community.participants[p];
    if (!source.IsSource() || !segment.active[p]) continue;
    for (int t = 0; t < n; ++t) {
      ws.pool[t] += im[t];
      ws.pool_quality[t] = Worst(ws.pool_quality[t], Worst(cq[t], iq[t]));
    }
    if (!pairwise) {
      for (std::size_t v = 0; v < views; ++v) {
        const Origin origin = OriginBetween(source, *view_participant[v]);
        MilliWh* mix =
            &ws.pool_by_origin[(v * kOriginCount + static_cast<std::size_t>(origin)) * n];
        for (int t = 0; t < n; ++t) mix[t] += im[t];
      }
    }
  }

  internal::ComputeImputed(community, segment, ws);

  // Origins present in each view's pool mix during the segment.
  std::vector<std::uint8_t> view_uses_origin(pairwise ? 0 : views * kOriginCount, 0);
  for (std::size_t k = 0; k < view_uses_origin.size(); ++k) {
    const MilliWh* mix = &ws.pool_by_origin[k * n];
    view_uses_origin[k] = std::any_of(mix, mix + n, [](MilliWh w) { return w > 0; });
  }

  const bool depends_on_consumption = segment.period->method == Method::kProportional ||
                                      segment.period->method == Method::kPriority ||
                                      segment.period->redistribution == Redistribution::kIterative;
  PoolRun pool_run{segment.first_interval, n,
                   ws.pool.data(),         ws.unallocated.data(),
                   ws.consumption.data(),  ws.pool_quality.data()};
  sink.BeginRun(pool_run);

  ParticipantRun run;
  run.first_interval = segment.first_interval;
  run.n_intervals = n;
  for (std::size_t p = 0; p < participants; ++p) {
    run.participant = static_cast<int>(p);
    run.member = segment.member[p] != 0;
    if (!run.member || input.cr[p] == nullptr) {
      const MilliWh* zero = ws.zeros.data();
      run.cr = run.ir = run.cm = run.im = zero;
      run.self_consumed = run.supplier = run.surplus = run.shared = zero;
      run.imputed = run.member ? &ws.imputed[p * n] : zero;
      if (run.member) {
        // No readings at all: everything but the imputed share is unknown.
        std::copy(&ws.imputed[p * n], &ws.imputed[p * n] + n, ws.surplus.begin());
        run.surplus = ws.surplus.data();
      }
      for (auto& o : run.self_consumed_by_origin) o = zero;
      run.quality = run.own_quality = ws.missing.data();
      sink.Consume(run);
      continue;
    }
    const MilliWh* cr = input.cr[p] + offset;
    const MilliWh* ir = input.ir[p] + offset;
    const Quality* cq = input.cr_quality[p] + offset;
    const Quality* iq = input.ir_quality[p] + offset;
    const MilliWh* cm = &ws.cm[p * n];
    const MilliWh* im = &ws.im[p * n];
    const MilliWh* imputed = &ws.imputed[p * n];
    const bool shares = community.participants[p].IsSource() && segment.active[p];
    for (int t = 0; t < n; ++t) {
      const MilliWh ea = std::min(imputed[t], cm[t]);
      ws.self_consumed[t] = ea;
      ws.supplier[t] = cm[t] - ea;
      ws.surplus[t] = imputed[t] - ea;
      ws.shared[t] = shares ? im[t] : 0;
      const Quality own = Worst(cq[t], iq[t]);
      ws.own_quality[t] = own;
      Quality q = Worst(own, ws.pool_quality[t]);
      if (depends_on_consumption) q = Worst(q, ws.consumption_quality[t]);
      ws.quality[t] = q;
    }
    // Self-consumption by origin: EA_o = EA · EI_o / EI, with EI_o the pool's (or, pairwise, the
    // producers') energy by origin, split by cumulative flooring (SplitByCumulativeFloor).
    // Origins that carry nothing during the whole segment point at zeros instead of being written.
    const std::size_t view = static_cast<std::size_t>(view_of[p]);
    const MilliWh* weights[kOriginCount];
    for (int o = 0; o < kOriginCount; ++o) {
      weights[o] = pairwise ? &ws.imputed_by_origin[(p * kOriginCount + o) * n]
                            : &ws.pool_by_origin[(view * kOriginCount + o) * n];
    }
    int used[kOriginCount];
    int n_used = 0;
    for (int o = 0; o < kOriginCount; ++o) {
      const bool any =
          pairwise ? std::any_of(weights[o], weights[o] + n, [](MilliWh w) { return w > 0; })
                   : view_uses_origin[view * kOriginCount + o] != 0;
      run.self_consumed_by_origin[o] = any ? ws.by_origin[o].data() : ws.zeros.data();
      if (any) used[n_used++] = o;
    }
    for (int t = 0; t < n; ++t) {
      const MilliWh ea = ws.self_consumed[t];
      MilliWh total = 0;
      int nonzero = 0;
      int last = 0;
      for (int k = 0; k < n_used; ++k) {
        const MilliWh w = weights[used[k]][t];
        if (w > 0) {
          ++nonzero;
          last = used[k];
          total += w;
        }
      }
      if (nonzero <= 1) {
        // No weight means no imputed energy, hence EA = 0.
        for (int k = 0; k < n_used; ++k) ws.by_origin[used[k]][t] = (used[k] == last) ? ea : 0;
      } else {
        MilliWh cumulative = 0;
        MilliWh previous = 0;
        for (int k = 0; k < n_used; ++k) {
          const MilliWh w = weights[used[k]][t];
          cumulative += w > 0 ? w : 0;
          const MilliWh floor =
              cumulative == total ? ea : internal::FastMulDivFloor(ea, cumulative, total);
          ws.by_origin[used[k]][t] = floor - previous;
          previous = floor;
        }
      }
    }
    run.cr = cr;
    run.ir = ir;
    run.cm = cm;
    run.im = im;
    run.imputed = imputed;
    run.self_consumed = ws.self_consumed.data();
    run.supplier = ws.supplier.data();
    run.surplus = ws.surplus.data();
    run.shared = ws.shared.data();
    run.quality = ws.quality.data();
    run.own_quality = ws.own_quality.data();
    sink.Consume(run);
  }
  sink.EndRun();
}

void Allocator::AllocateAll(const ReadingTable& readings, AllocationSink& sink) const {
  auto ws = NewWorkspace();
  const std::size_t participants = readings.participant_count();
  RunInput input;
  input.cr.resize(participants);
  input.ir.resize(participants);
  input.cr_quality.resize(participants);
  input.ir_quality.resize(participants);
  for (const LocalDay& day : impl_->grid.days) {
    input.first_interval = day.first_interval;
    input.n_intervals = day.n_intervals;
    for (std::size_t p = 0; p < participants; ++p) {
      input.cr[p] = readings.cr(p) + day.first_interval;
      input.ir[p] = readings.ir(p) + day.first_interval;
      input.cr_quality[p] = readings.cr_quality(p) + day.first_interval;
      input.ir_quality[p] = readings.ir_quality(p) + day.first_interval;
    }
    AllocateRun(input, *ws, sink);
  }
}

}  // namespace reparto
