// How a coefficient version's rule is stored: the sharing period (method, redistribution, fixed
// coefficients, priority groups, hourly rows, pairwise entries) and the participant ids its
// vectors are indexed by, packed into bytes (one database value). Versioned; decoding checks every
// length and fails cleanly on corrupt input.
//
// Units: coefficients parts per billion; row starts UTC seconds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/status.h"

namespace reparto {

struct PackedRule {
  SharingPeriod period;  // from/to are not stored
  std::vector<std::string> participant_ids;
};

std::string EncodeRule(const SharingPeriod& period, const std::vector<std::string>& ids);
Result<PackedRule> DecodeRule(std::string_view packed);

}  // namespace reparto
