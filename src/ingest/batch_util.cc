// Name interning and the duplicate-interval check (see batch_util.h).
#include "ingest/batch_util.h"

#include <algorithm>
#include <vector>

namespace reparto::ingest {

std::uint32_t NameInterner::Intern(std::string_view name, ReadingBatch& batch) {
  if (last_ < batch.names.size() && batch.names[last_] == name) return last_;
  auto it = index_.find(name);
  if (it == index_.end()) {
    const auto index = static_cast<std::uint32_t>(batch.names.size());
    batch.names.emplace_back(name);
    it = index_.emplace(std::string(name), index).first;
  }
  last_ = it->second;
  return last_;
}

Status CheckNoDuplicates(const ReadingBatch& batch, std::string_view unit) {
  const auto report = [&](const ReadingRecord& a, const ReadingRecord& b) {
    const ReadingRecord& first = a.line < b.line ? a : b;
    const ReadingRecord& second = a.line < b.line ? b : a;
    return Status::Error(batch.source + ": duplicate interval for '" + batch.names[a.name] +
                         "' starting " + FormatIsoInstant(a.start, 0, true) + ": " +
                         std::string(unit) + "s " + std::to_string(first.line) + " and " +
                         std::to_string(second.line));
  };
  // Linear pass: records of each name strictly increasing in start.
  std::vector<const ReadingRecord*> last(batch.names.size(), nullptr);
  bool ordered = true;
  for (const ReadingRecord& r : batch.records) {
    const ReadingRecord*& previous = last[r.name];
    if (previous != nullptr && r.start <= previous->start) {
      if (r.start == previous->start) return report(*previous, r);
      ordered = false;
      break;
    }
    previous = &r;
  }
  if (ordered) return Status::Ok();
  std::vector<std::uint32_t> order(batch.records.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& records = batch.records;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const ReadingRecord& a = records[x];
    const ReadingRecord& b = records[y];
    if (a.name != b.name) return a.name < b.name;
    if (a.start != b.start) return a.start < b.start;
    return x < y;
  });
  for (std::size_t i = 1; i < order.size(); ++i) {
    const ReadingRecord& a = records[order[i - 1]];
    const ReadingRecord& b = records[order[i]];
    if (a.name == b.name && a.start == b.start) return report(a, b);
  }
  return Status::Ok();
}

}  // namespace reparto::ingest
