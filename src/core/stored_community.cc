// A community with history, and the engine's view of it: see stored_community.h.
#include "core/stored_community.h"

#include <algorithm>
#include <map>

namespace reparto {
namespace {

// Re-indexes the coefficients of `version` from its participant list to the community's.
SharingPeriod MapToCommunity(const CoefficientVersion& version,
                             const std::vector<StoredParticipant>& participants) {
  const SharingPeriod& source = version.period;
  std::vector<int> target(version.participant_ids.size(), -1);
  std::map<std::string, int, std::less<>> index;
  for (std::size_t i = 0; i < participants.size(); ++i) {
    index[participants[i].participant.id] = static_cast<int>(i);
  }
  for (std::size_t i = 0; i < version.participant_ids.size(); ++i) {
    auto it = index.find(version.participant_ids[i]);
    if (it != index.end()) target[i] = it->second;
  }
  auto remap = [&](const std::vector<auto>& values, auto fill) {
    std::vector<std::decay_t<decltype(fill)>> mapped(participants.size(), fill);
    for (std::size_t i = 0; i < values.size() && i < target.size(); ++i) {
      if (target[i] >= 0) mapped[target[i]] = values[i];
    }
    return mapped;
  };
  SharingPeriod period = source;
  if (!source.fixed.empty()) period.fixed = remap(source.fixed, Coefficient{0});
  if (!source.group.empty()) period.group = remap(source.group, 0);
  for (auto& row : period.rows) row.coefficients = remap(row.coefficients, Coefficient{0});
  period.pairs.clear();
  for (const PairwiseEntry& pair : source.pairs) {
    const auto in_range = [&](int i) { return i >= 0 && i < static_cast<int>(target.size()); };
    if (!in_range(pair.producer) || !in_range(pair.participant)) continue;
    if (target[pair.producer] < 0 || target[pair.participant] < 0) continue;
    PairwiseEntry mapped = pair;
    mapped.producer = target[pair.producer];
    mapped.participant = target[pair.participant];
    period.pairs.push_back(mapped);
  }
  return period;
}

// The local date four calendar months after `date` (day clamped to the month's length: 31 October
// + 4 months = 28 or 29 February).
CivilDate FourMonthsAfter(CivilDate date) {
  const int months = date.month - 1 + 4;
  date.year += months / 12;
  date.month = months % 12 + 1;
  while (!IsValidCivilDate(date)) --date.day;
  return date;
}

}  // namespace

StoredCommunity FromCommunity(const Community& community, std::string name, UtcSeconds now,
                              std::string note) {
  StoredCommunity stored;
  stored.id = community.id;
  stored.name = std::move(name);
  stored.timezone = community.timezone;
  stored.rules = community.rules;
  stored.italy = community.italy;
  std::vector<std::string> ids;
  for (const Participant& p : community.participants) {
    StoredParticipant sp;
    sp.participant = p;
    stored.participants.push_back(std::move(sp));
    ids.push_back(p.id);
  }
  for (const SharingPeriod& period : community.periods) {
    CoefficientVersion version;
    version.valid_from = period.from;
    version.created_at = now;
    version.note = note;
    version.period = period;
    version.participant_ids = ids;
    stored.versions.push_back(std::move(version));
  }
  stored.suspensions = community.suspensions;
  return stored;
}

std::vector<VersionSpan> VersionsInForce(const StoredCommunity& stored) {
  std::vector<const CoefficientVersion*> order;
  for (const auto& v : stored.versions) order.push_back(&v);
  // By validity start; for equal starts the latest version wins, so keep only it.
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return a->valid_from != b->valid_from ? a->valid_from < b->valid_from : a->version < b->version;
  });
  std::vector<VersionSpan> spans;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i + 1 < order.size() && order[i + 1]->valid_from == order[i]->valid_from) continue;
    spans.push_back(VersionSpan{order[i], order[i]->valid_from, kEndOfTime});
  }
  for (std::size_t i = 0; i + 1 < spans.size(); ++i) spans[i].to = spans[i + 1].from;
  return spans;
}

Result<Community> ToCommunity(const StoredCommunity& stored) {
  Community community;
  community.id = stored.id;
  community.timezone = stored.timezone;
  community.rules = stored.rules;
  community.italy = stored.italy;
  for (const auto& p : stored.participants) community.participants.push_back(p.participant);
  for (const VersionSpan& span : VersionsInForce(stored)) {
    SharingPeriod period = MapToCommunity(*span.version, stored.participants);
    period.from = span.from;
    period.to = span.to;
    community.periods.push_back(std::move(period));
  }
  community.suspensions = stored.suspensions;
  Status valid = Validate(community);
  if (!valid.ok()) return valid.WithContext("community " + stored.id);
  return community;
}

std::vector<std::string> ChangeFrequencyWarnings(const StoredCommunity& stored,
                                                 const TimeZone& zone) {
  std::vector<std::string> warnings;
  if (stored.rules.country != Country::kSpain) return warnings;
  const std::vector<VersionSpan> spans = VersionsInForce(stored);
  bool first_switch_to_hourly_seen = false;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    const SharingPeriod& before = spans[i - 1].version->period;
    const SharingPeriod& after = spans[i].version->period;
    const bool switch_to_hourly =
        before.method == Method::kFixed && after.method == Method::kVariable;
    if (switch_to_hourly && !first_switch_to_hourly_seen) {
      first_switch_to_hourly_seen = true;  // the first switch from fixed to hourly is free
      continue;
    }
    if (spans[i].from == kBeginningOfTime || spans[i - 1].from == kBeginningOfTime) continue;
    auto before_date = LocalDateAt(zone, spans[i - 1].from);
    auto after_date = LocalDateAt(zone, spans[i].from);
    if (!before_date.ok() || !after_date.ok()) continue;
    if (*after_date < FourMonthsAfter(*before_date)) {
      warnings.push_back(
          "coefficient version " + std::to_string(spans[i].version->version) + " starts on " +
          FormatDate(*after_date) + ", before " + FormatDate(FourMonthsAfter(*before_date)) +
          ": less than 4 months after "
          "version " +
          std::to_string(spans[i - 1].version->version) + " (" + FormatDate(*before_date) +
          "); Spain allows one change every 4 months at most");
    }
  }
  return warnings;
}

}  // namespace reparto
