// Packed coefficient rules: see period_codec.h.
#include "core/period_codec.h"

#include "core/internal/byte_codec.h"

namespace reparto {
namespace {

using internal::ByteReader;
using internal::PutSigned;
using internal::PutString;
using internal::PutVarint;

constexpr std::uint8_t kRuleVersion = 1;
constexpr std::uint64_t kMaxParticipants = 1'000'000;
constexpr std::uint64_t kMaxRows = 400'000;  // a year of 15-minute rows is 35 136

template <typename T>
void PutVector(std::string& out, const std::vector<T>& values) {
  PutVarint(out, values.size());
  for (T v : values) PutSigned(out, static_cast<std::int64_t>(v));
}

template <typename T>
std::vector<T> GetVector(ByteReader& in) {
  std::vector<T> values(in.Count(kMaxParticipants));
  for (T& v : values) v = static_cast<T>(in.Signed());
  return values;
}

}  // namespace

std::string EncodeRule(const SharingPeriod& period, const std::vector<std::string>& ids) {
  std::string out;
  out.push_back(static_cast<char>(kRuleVersion));
  out.push_back(static_cast<char>(period.method));
  out.push_back(static_cast<char>(period.redistribution));
  PutVarint(out, ids.size());
  for (const std::string& id : ids) PutString(out, id);
  PutVector(out, period.fixed);
  PutVector(out, period.group);
  PutVarint(out, static_cast<std::uint64_t>(period.row_seconds));
  PutVarint(out, period.rows.size());
  UtcSeconds previous = 0;
  for (const CoefficientRow& row : period.rows) {
    PutSigned(out, row.start - previous);
    previous = row.start;
    PutVector(out, row.coefficients);
  }
  PutVarint(out, period.pairs.size());
  for (const PairwiseEntry& pair : period.pairs) {
    PutVarint(out, static_cast<std::uint64_t>(pair.producer));
    PutVarint(out, static_cast<std::uint64_t>(pair.participant));
    PutSigned(out, pair.start);
    PutSigned(out, pair.coefficient);
  }
  return out;
}

Result<PackedRule> DecodeRule(std::string_view packed) {
  ByteReader in(packed);
  PackedRule rule;
  SharingPeriod& period = rule.period;
  const bool version_ok = in.Byte() == kRuleVersion;
  const std::uint8_t method = in.Byte();
  const std::uint8_t redistribution = in.Byte();
  const bool enums_ok = method <= static_cast<std::uint8_t>(Method::kPriority) &&
                        redistribution <= static_cast<std::uint8_t>(Redistribution::kIterative);
  period.method = static_cast<Method>(method);
  period.redistribution = static_cast<Redistribution>(redistribution);
  rule.participant_ids.resize(in.Count(kMaxParticipants));
  for (std::string& id : rule.participant_ids) id = std::string(in.String());
  period.fixed = GetVector<Coefficient>(in);
  period.group = GetVector<int>(in);
  period.row_seconds = static_cast<int>(in.Count(86400));
  period.rows.resize(in.Count(kMaxRows));
  UtcSeconds previous = 0;
  for (CoefficientRow& row : period.rows) {
    row.start = previous + in.Signed();
    previous = row.start;
    row.coefficients = GetVector<Coefficient>(in);
  }
  period.pairs.resize(in.Count(kMaxParticipants));
  for (PairwiseEntry& pair : period.pairs) {
    pair.producer = static_cast<int>(in.Count(kMaxParticipants));
    pair.participant = static_cast<int>(in.Count(kMaxParticipants));
    pair.start = in.Signed();
    pair.coefficient = in.Signed();
  }
  if (!in.ok() || !in.at_end() || !version_ok || !enums_ok) {
    return Status::Error("corrupt coefficient table in the database");
  }
  return rule;
}

}  // namespace reparto
