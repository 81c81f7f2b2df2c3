// Meter readings: what readers produce (ReadingBatch) and the columnar table the engine reads
// (ReadingTable), plus the step that places one into the other.
//
// Units: energy in mWh per interval; instants UTC. A value that is absent is Quality::kMissing and
// never read as zero by any rule.
//
//   ReadingTable table(community.participants.size(), grid);
//   Status s = PlaceReadings(community, batch, table);   // all of the batch, or nothing
//   s = table.Finish();  // marks hours only partly covered by quarter-hours as missing
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/community.h"
#include "core/energy.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

// One interval of one supply point as a file gives it.
struct ReadingRecord {
  UtcSeconds start = 0;
  std::int32_t duration_seconds = 900;
  std::uint32_t name = 0;   // index into ReadingBatch::names
  std::uint32_t line = 0;   // 1-based line (or spreadsheet row) in the source
  MilliWh consumption = 0;  // CR, registered import
  MilliWh injection = 0;    // IR, registered export
  Quality consumption_quality = Quality::kMissing;
  Quality injection_quality = Quality::kMissing;
};

// Everything one file holds.
struct ReadingBatch {
  std::string source;              // file name, for messages
  std::vector<std::string> names;  // supply-point ids as written in the file (CUPS, CPE, id)
  std::vector<ReadingRecord> records;
  // When set (command line `participant=path`), every record belongs to this participant
  // whatever the file says.
  std::string assigned_participant;
};

// The readings of every participant over a DayGrid, one contiguous array per participant and
// quantity. Cells start missing.
struct PlacementStats;

class ReadingTable {
 public:
  ReadingTable(std::size_t n_participants, const DayGrid& grid);

  const DayGrid& grid() const { return grid_; }
  std::size_t participant_count() const { return cr_.size(); }
  std::int64_t interval_count() const { return n_intervals_; }

  const MilliWh* cr(std::size_t p) const { return cr_[p].data(); }
  const MilliWh* ir(std::size_t p) const { return ir_[p].data(); }
  const Quality* cr_quality(std::size_t p) const { return cr_q_[p].data(); }
  const Quality* ir_quality(std::size_t p) const { return ir_q_[p].data(); }
  // Seconds of each cell that placed records covered (0 = nothing placed there).
  const std::int32_t* covered(std::size_t p) const { return covered_[p].data(); }

  // Sets one cell directly (tests, generators). Replaces what was there.
  void Set(std::size_t p, std::int64_t interval, MilliWh cr, Quality cr_q, MilliWh ir,
           Quality ir_q);

  // Adds one record's energy to the cell(s) it covers; used by PlaceReadings.
  struct Placed {
    bool ok = true;
    std::uint32_t conflicting_line = 0;  // when !ok: the line that already filled this time
  };

  // Marks every cell that records only partly covered (e.g. 3 quarter-hours of an hour) as
  // missing. Call once after the last PlaceReadings.
  void Finish();

  // Counts of cells per quality, over all participants (for summaries).
  std::int64_t CountMissing() const;

 private:
  friend Status PlaceReadings(const Community&, const ReadingBatch&, ReadingTable&,
                              PlacementStats*);
  DayGrid grid_;
  std::int64_t n_intervals_;
  std::vector<std::vector<MilliWh>> cr_, ir_;
  std::vector<std::vector<Quality>> cr_q_, ir_q_;
  // Seconds of each cell covered so far by records, and the first line that covered it.
  std::vector<std::vector<std::int32_t>> covered_;
  std::vector<std::vector<std::uint32_t>> first_line_;
};

struct PlacementStats {
  std::int64_t records = 0;         // records read from the batch
  std::int64_t placed = 0;          // records inside the grid and the membership
  std::int64_t outside_period = 0;  // records before or after the grid
  std::int64_t outside_membership = 0;
};

// Places every record of `batch` in `table`, summing finer records into coarser cells (quarter
// hours into hours). All or nothing: on error the table is unchanged and the message names the
// file, the line and what is wrong (unknown participant, negative value, duplicate interval with
// both lines, records coarser than the grid or not aligned to it).
Status PlaceReadings(const Community& community, const ReadingBatch& batch, ReadingTable& table,
                     PlacementStats* stats = nullptr);

// The participant index of every name of `batch` (all the same when the batch is assigned to one
// participant). Fails naming the file and the first line of a name that is no participant.
Result<std::vector<int>> ResolveParticipants(const Community& community, const ReadingBatch& batch);

// True when `name` identifies `participant_id`: equal, or both Spanish CUPS equal in their first
// 20 characters (the 2-character suffix is optional).
bool SameSupplyPoint(std::string_view name, std::string_view participant_id);

}  // namespace reparto
