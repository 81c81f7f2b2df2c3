// The allocation engine (see allocation.h): validates the community against the grid, finds where
// the configuration changes, and splits runs into segments of constant configuration, each
// allocated by segment_allocation.cc.
//
// Units: mWh per interval, UTC seconds.
#include "core/allocation.h"

#include <algorithm>
#include <map>

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

}  // namespace

Allocator::Allocator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Allocator::~Allocator() = default;

const Community& Allocator::community() const { return impl_->community; }
const DayGrid& Allocator::grid() const { return impl_->grid; }

void AllocationWorkspaceDeleter::operator()(AllocationWorkspace* workspace) const {
  delete workspace;
}

Workspace Allocator::NewWorkspace() { return Workspace(new AllocationWorkspace()); }

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
  for (std::size_t p = 0; p < participants; ++p) {
    segment.member[p] = community.participants[p].IsMemberAt(segment.utc_start);
    segment.active[p] = IsActiveAt(community, p, segment.utc_start);
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
    internal::AllocateSegment(
        internal::SegmentContext{impl_->community, impl_->view_of, impl_->view_participant}, input,
        static_cast<int>(start - input.first_interval), segment, ws, sink);
    start = stop;
  }
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
