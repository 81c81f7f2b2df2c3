// ReadingTable and the placement of file records into it (see readings.h).
#include "core/readings.h"

#include <algorithm>
#include <numeric>

#include "core/supply_point.h"

namespace reparto {

ReadingTable::ReadingTable(std::size_t n_participants, const DayGrid& grid)
    : grid_(grid),
      n_intervals_(grid.interval_count()),
      cr_(n_participants, std::vector<MilliWh>(n_intervals_, 0)),
      ir_(n_participants, std::vector<MilliWh>(n_intervals_, 0)),
      cr_q_(n_participants, std::vector<Quality>(n_intervals_, Quality::kMissing)),
      ir_q_(n_participants, std::vector<Quality>(n_intervals_, Quality::kMissing)),
      covered_(n_participants, std::vector<std::int32_t>(n_intervals_, 0)),
      first_line_(n_participants, std::vector<std::uint32_t>(n_intervals_, 0)) {}

void ReadingTable::Set(std::size_t p, std::int64_t interval, MilliWh cr, Quality cr_q, MilliWh ir,
                       Quality ir_q) {
  cr_[p][interval] = cr;
  ir_[p][interval] = ir;
  cr_q_[p][interval] = cr_q;
  ir_q_[p][interval] = ir_q;
  covered_[p][interval] = grid_.step_seconds;
}

void ReadingTable::Finish() {
  for (std::size_t p = 0; p < covered_.size(); ++p) {
    for (std::int64_t t = 0; t < n_intervals_; ++t) {
      const std::int32_t covered = covered_[p][t];
      if (covered > 0 && covered < grid_.step_seconds) {
        cr_q_[p][t] = Quality::kMissing;
        ir_q_[p][t] = Quality::kMissing;
      }
    }
  }
}

std::int64_t ReadingTable::CountMissing() const {
  std::int64_t missing = 0;
  for (std::size_t p = 0; p < cr_q_.size(); ++p) {
    for (std::int64_t t = 0; t < n_intervals_; ++t) {
      if (cr_q_[p][t] == Quality::kMissing || ir_q_[p][t] == Quality::kMissing) ++missing;
    }
  }
  return missing;
}

bool SameSupplyPoint(std::string_view name, std::string_view participant_id) {
  if (name == participant_id) return true;
  return LooksLikeCups(name) && LooksLikeCups(participant_id) &&
         name.substr(0, 20) == participant_id.substr(0, 20);
}

namespace {

std::string Where(const ReadingBatch& batch, const ReadingRecord& record) {
  return batch.source + ":" + std::to_string(record.line);
}

// Where one record goes: participant, grid cell, and the record's offset inside the cell.
struct Target {
  int participant = -1;  // -1: skipped (outside the period or the membership)
  std::int64_t cell = 0;
};

}  // namespace

Result<std::vector<int>> ResolveParticipants(const Community& community,
                                             const ReadingBatch& batch) {
  if (!batch.assigned_participant.empty()) {
    const int assigned = community.IndexOf(batch.assigned_participant);
    if (assigned < 0) {
      return Status::Error(batch.source + ": unknown participant '" + batch.assigned_participant +
                           "' (not in community '" + community.id + "')");
    }
    return std::vector<int>(std::max<std::size_t>(batch.names.size(), 1), assigned);
  }
  std::vector<int> participant_of_name(batch.names.size(), -1);
  for (std::size_t n = 0; n < batch.names.size(); ++n) {
    for (std::size_t p = 0; p < community.participants.size(); ++p) {
      if (SameSupplyPoint(batch.names[n], community.participants[p].id)) {
        participant_of_name[n] = static_cast<int>(p);
        break;
      }
    }
  }
  for (const ReadingRecord& record : batch.records) {
    if (record.name >= participant_of_name.size() || participant_of_name[record.name] < 0) {
      const std::string name =
          record.name < batch.names.size() ? batch.names[record.name] : std::string("?");
      return Status::Error(Where(batch, record) + ": unknown participant '" + name +
                           "' (not in community '" + community.id + "')");
    }
  }
  return participant_of_name;
}

Status PlaceReadings(const Community& community, const ReadingBatch& batch, ReadingTable& table,
                     PlacementStats* stats) {
  const DayGrid& grid = table.grid_;
  const int step = grid.step_seconds;
  PlacementStats local_stats;
  local_stats.records = static_cast<std::int64_t>(batch.records.size());

  auto resolved = ResolveParticipants(community, batch);
  if (!resolved.ok()) return resolved.status();
  const std::vector<int>& participant_of_name = *resolved;

  // Phase 1: check everything, write nothing.
  std::vector<Target> targets(batch.records.size());
  for (std::size_t r = 0; r < batch.records.size(); ++r) {
    const ReadingRecord& record = batch.records[r];
    const int participant = batch.assigned_participant.empty() ? participant_of_name[record.name]
                                                               : participant_of_name[0];
    if (record.consumption < 0 || record.injection < 0) {
      return Status::Error(Where(batch, record) + ": negative " +
                           (record.consumption < 0 ? "consumption" : "injection") +
                           " reading; meter data cannot be negative");
    }
    if (record.duration_seconds <= 0 || record.duration_seconds > step ||
        step % record.duration_seconds != 0) {
      return Status::Error(Where(batch, record) + ": readings of " +
                           std::to_string(record.duration_seconds / 60) +
                           " minutes cannot be placed on the community's " +
                           std::to_string(step / 60) + "-minute intervals");
    }
    if (record.start < grid.utc_start() || record.start >= grid.utc_end()) {
      ++local_stats.outside_period;
      continue;
    }
    const std::int64_t offset = record.start - grid.utc_start();
    if (offset % record.duration_seconds != 0) {
      return Status::Error(Where(batch, record) + ": interval start " +
                           FormatIsoInstant(record.start, 0, true) + " is not aligned to " +
                           std::to_string(record.duration_seconds / 60) + "-minute steps");
    }
    if (!community.participants[participant].IsMemberAt(record.start)) {
      ++local_stats.outside_membership;
      continue;
    }
    targets[r] = Target{participant, offset / step};
  }

  // Duplicates inside the batch: sort placed records by participant and start.
  std::vector<std::uint32_t> order;
  order.reserve(batch.records.size());
  for (std::size_t r = 0; r < targets.size(); ++r) {
    if (targets[r].participant >= 0) order.push_back(static_cast<std::uint32_t>(r));
  }
  auto by_participant_and_start = [&](std::uint32_t a, std::uint32_t b) {
    if (targets[a].participant != targets[b].participant) {
      return targets[a].participant < targets[b].participant;
    }
    return batch.records[a].start < batch.records[b].start;
  };
  // Files are usually in order already: checking is linear, sorting is not.
  if (!std::is_sorted(order.begin(), order.end(), by_participant_and_start)) {
    std::sort(order.begin(), order.end(), by_participant_and_start);
  }
  for (std::size_t k = 1; k < order.size(); ++k) {
    const ReadingRecord& prev = batch.records[order[k - 1]];
    const ReadingRecord& cur = batch.records[order[k]];
    if (targets[order[k - 1]].participant == targets[order[k]].participant &&
        cur.start < prev.start + prev.duration_seconds) {
      const auto& id = community.participants[targets[order[k]].participant].id;
      return Status::Error(
          batch.source + ": lines " + std::to_string(std::min(prev.line, cur.line)) + " and " +
          std::to_string(std::max(prev.line, cur.line)) + " both give participant '" + id +
          "' at " + FormatIsoInstant(cur.start, 0, true));
    }
  }
  // Overlaps with readings already in the table (from an earlier file).
  for (std::uint32_t r : order) {
    const Target& target = targets[r];
    const ReadingRecord& record = batch.records[r];
    if (table.covered_[target.participant][target.cell] + record.duration_seconds > step) {
      return Status::Error(Where(batch, record) + ": participant '" +
                           community.participants[target.participant].id + "' at " +
                           FormatIsoInstant(record.start, 0, true) + " was already given by line " +
                           std::to_string(table.first_line_[target.participant][target.cell]) +
                           " of an earlier file");
    }
  }

  // Phase 2: write.
  for (std::uint32_t r : order) {
    const Target& target = targets[r];
    const ReadingRecord& record = batch.records[r];
    const std::size_t p = static_cast<std::size_t>(target.participant);
    const std::int64_t c = target.cell;
    // A register a role does not have (a consumer's export, a producer's import) is zero when
    // the file does not give it, not missing.
    const Role role = community.participants[p].role;
    Quality cr_q = record.consumption_quality;
    Quality ir_q = record.injection_quality;
    if (role == Role::kConsumer && ir_q == Quality::kMissing) ir_q = cr_q;
    if (role == Role::kProducer && cr_q == Quality::kMissing) cr_q = ir_q;
    std::int32_t& covered = table.covered_[p][c];
    if (covered == 0) {
      table.cr_[p][c] = record.consumption;
      table.ir_[p][c] = record.injection;
      table.cr_q_[p][c] = cr_q;
      table.ir_q_[p][c] = ir_q;
      table.first_line_[p][c] = record.line;
    } else {
      table.cr_[p][c] += record.consumption;
      table.ir_[p][c] += record.injection;
      table.cr_q_[p][c] = Worst(table.cr_q_[p][c], cr_q);
      table.ir_q_[p][c] = Worst(table.ir_q_[p][c], ir_q);
    }
    covered += record.duration_seconds;
    ++local_stats.placed;
  }
  if (stats != nullptr) {
    stats->records += local_stats.records;
    stats->placed += local_stats.placed;
    stats->outside_period += local_stats.outside_period;
    stats->outside_membership += local_stats.outside_membership;
  }
  return Status::Ok();
}

}  // namespace reparto
