// Helpers every reader uses to build a ReadingBatch: interning supply-point names, and the check
// that no (supply point, interval start) appears twice.
//
//   NameInterner names;
//   record.name = names.Intern(cups, batch);   // index into batch.names
//   Status s = CheckNoDuplicates(batch, "line");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/readings.h"
#include "core/status.h"

namespace reparto::ingest {

class NameInterner {
 public:
  // Index of `name` in batch.names, appending it the first time. Fast when consecutive rows carry
  // the same name.
  std::uint32_t Intern(std::string_view name, ReadingBatch& batch);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> index_;
  std::uint32_t last_ = UINT32_MAX;
};

// Fails when two records have the same name and start: "<source>: duplicate interval for 'A'
// starting 2024-05-26T00:00:00Z: lines 2 and 5" (`unit` is "line" or "row"). Linear when every
// name's records come in time order, sorts otherwise.
Status CheckNoDuplicates(const ReadingBatch& batch, std::string_view unit);

}  // namespace reparto::ingest
