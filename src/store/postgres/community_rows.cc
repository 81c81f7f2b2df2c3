// A StoredCommunity as PostgreSQL rows: see community_rows.h.
#include "store/postgres/community_rows.h"

#include <map>
#include <string>

#include "core/period_codec.h"
#include "core/store_rules.h"

namespace reparto::postgres {
namespace {

// Open-ended instants are stored as NULL.
void AddInstant(PgParams& params, UtcSeconds t) {
  if (t == kBeginningOfTime || t == kEndOfTime) {
    params.AddNull();
  } else {
    params.Add(t);
  }
}
UtcSeconds InstantAt(const PgResult& rows, int row, int column, UtcSeconds open_value) {
  return rows.IsNull(row, column) ? open_value : rows.Int(row, column);
}
std::string TextAt(const PgResult& rows, int row, int column) {
  return std::string(rows.Bytes(row, column));
}

Status ReadHeader(PgConn& conn, std::int64_t id, StoredCommunity& c) {
  auto rows = conn.Query(
      "SELECT code, name, timezone, country, step_seconds, default_method, "
      "no_imputation_to_net_injectors, italy_plant_kw, italy_bonus_eur_per_mwh, revision "
      "FROM community WHERE id = $1",
      PgParams().Add(id));
  if (!rows.ok()) return rows.status();
  for (int r = 0; r < rows->rows(); ++r) {
    c.id = TextAt(*rows, r, 0);
    c.name = TextAt(*rows, r, 1);
    c.timezone = TextAt(*rows, r, 2);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseCountry(rows->Bytes(r, 3)), c.rules.country));
    c.rules.step_seconds = static_cast<int>(rows->Int(r, 4));
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseMethod(rows->Bytes(r, 5)), c.rules.default_method));
    c.rules.no_imputation_to_net_injectors = rows->Bool(r, 6);
    c.italy.plant_kw = rows->Double(r, 7);
    c.italy.bonus_eur_per_mwh = rows->Double(r, 8);
    c.revision = rows->Int(r, 9);
  }
  return Status::Ok();
}

// Participants in order; fills `index_of_row` (participant row id -> index).
Status ReadParticipants(PgConn& conn, std::int64_t id, StoredCommunity& c,
                        std::map<std::int64_t, int>& index_of_row) {
  auto rows = conn.Query(
      "SELECT id, code, name, email, phone, role, building, voltage, contracted_power_kw, "
      "member_from, member_to, latitude, longitude FROM participant WHERE community_id = $1 "
      "ORDER BY position",
      PgParams().Add(id));
  if (!rows.ok()) return rows.status();
  for (int r = 0; r < rows->rows(); ++r) {
    StoredParticipant sp;
    Participant& p = sp.participant;
    index_of_row[rows->Int(r, 0)] = static_cast<int>(c.participants.size());
    p.id = TextAt(*rows, r, 1);
    sp.name = TextAt(*rows, r, 2);
    sp.email = TextAt(*rows, r, 3);
    sp.phone = TextAt(*rows, r, 4);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseRole(rows->Bytes(r, 5)), p.role));
    p.building = TextAt(*rows, r, 6);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseVoltage(rows->Bytes(r, 7)), p.voltage));
    p.contracted_power_kw = rows->Double(r, 8);
    p.member_from = InstantAt(*rows, r, 9, kBeginningOfTime);
    p.member_to = InstantAt(*rows, r, 10, kEndOfTime);
    sp.latitude = rows->Double(r, 11);
    sp.longitude = rows->Double(r, 12);
    c.participants.push_back(std::move(sp));
  }
  return Status::Ok();
}

Status ReadVersions(PgConn& conn, std::int64_t id, StoredCommunity& c) {
  auto rows = conn.Query(
      "SELECT version, valid_from, created_at, note, rule FROM coefficient_version "
      "WHERE community_id = $1 ORDER BY version",
      PgParams().Add(id));
  if (!rows.ok()) return rows.status();
  for (int r = 0; r < rows->rows(); ++r) {
    CoefficientVersion v;
    v.version = static_cast<int>(rows->Int(r, 0));
    v.valid_from = InstantAt(*rows, r, 1, kBeginningOfTime);
    v.created_at = rows->Int(r, 2);
    v.note = TextAt(*rows, r, 3);
    PackedRule rule;
    REPARTO_RETURN_IF_ERROR(ParsedInto(DecodeRule(rows->Bytes(r, 4)), rule));
    v.period = std::move(rule.period);
    v.participant_ids = std::move(rule.participant_ids);
    c.versions.push_back(std::move(v));
  }
  return Status::Ok();
}

Status ReadSuspensions(PgConn& conn, std::int64_t id, const std::map<std::int64_t, int>& index_of,
                       StoredCommunity& c) {
  auto rows = conn.Query(
      "SELECT participant_id, from_utc, to_utc FROM suspension WHERE community_id = $1 "
      "ORDER BY id",
      PgParams().Add(id));
  if (!rows.ok()) return rows.status();
  for (int r = 0; r < rows->rows(); ++r) {
    Suspension s;
    s.participant = -1;
    if (!rows->IsNull(r, 0)) {
      auto index = index_of.find(rows->Int(r, 0));
      if (index == index_of.end()) {
        return CorruptCommunityData(Status::Error("a suspension names another community's member"));
      }
      s.participant = index->second;
    }
    s.from = rows->Int(r, 1);
    s.to = rows->Int(r, 2);
    c.suspensions.push_back(s);
  }
  return Status::Ok();
}

PgParams HeaderParams(const StoredCommunity& c) {
  PgParams params;
  params.Add(c.id).Add(c.name).Add(c.timezone).Add(CountryCode(c.rules.country));
  params.Add(std::int64_t{c.rules.step_seconds}).Add(MethodName(c.rules.default_method));
  params.Add(std::string_view(c.rules.no_imputation_to_net_injectors ? "true" : "false"));
  params.Add(c.italy.plant_kw).Add(c.italy.bonus_eur_per_mwh);
  return params;
}

Result<std::int64_t> UpsertHeader(PgConn& conn, const StoredCommunity& c,
                                  std::optional<std::int64_t> existing) {
  PgParams params = HeaderParams(c);
  if (existing) {
    params.Add(*existing);
    REPARTO_RETURN_IF_ERROR(
        conn.Run("UPDATE community SET name = $2, timezone = $3, country = $4, step_seconds = $5, "
                 "default_method = $6, no_imputation_to_net_injectors = $7, italy_plant_kw = $8, "
                 "italy_bonus_eur_per_mwh = $9 WHERE id = $10 AND code = $1",
                 params));
    return *existing;
  }
  auto rows = conn.Query(
      "INSERT INTO community (code, name, timezone, country, step_seconds, default_method, "
      "no_imputation_to_net_injectors, italy_plant_kw, italy_bonus_eur_per_mwh) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      params);
  if (!rows.ok()) return rows.status();
  return rows->Int(0, 0);
}

// Writes the participants in order: updates those already stored (by id), inserts the others.
Result<std::map<int, std::int64_t>> WriteParticipants(PgConn& conn, std::int64_t id,
                                                      const StoredCommunity& old,
                                                      const StoredCommunity& c) {
  REPARTO_RETURN_IF_ERROR(CheckParticipantsKept(old, c));
  // Park the positions out of the way so that reordering never collides.
  REPARTO_RETURN_IF_ERROR(
      conn.Run("UPDATE participant SET position = -1 - position WHERE community_id = $1",
               PgParams().Add(id)));
  std::map<int, std::int64_t> row_of_index;
  for (std::size_t i = 0; i < c.participants.size(); ++i) {
    const StoredParticipant& sp = c.participants[i];
    const Participant& p = sp.participant;
    PgParams params;
    params.Add(id).Add(static_cast<std::int64_t>(i)).Add(p.id).Add(sp.name).Add(sp.email);
    params.Add(sp.phone).Add(RoleName(p.role)).Add(p.building).Add(OriginName(p.voltage));
    params.Add(p.contracted_power_kw);
    AddInstant(params, p.member_from);
    AddInstant(params, p.member_to);
    params.Add(sp.latitude).Add(sp.longitude);
    auto rows = conn.Query(
        "INSERT INTO participant (community_id, position, code, name, email, phone, role, "
        "building, voltage, contracted_power_kw, member_from, member_to, latitude, longitude) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
        "ON CONFLICT (community_id, code) DO UPDATE SET position = excluded.position, "
        "name = excluded.name, email = excluded.email, phone = excluded.phone, "
        "role = excluded.role, building = excluded.building, voltage = excluded.voltage, "
        "contracted_power_kw = excluded.contracted_power_kw, member_from = excluded.member_from, "
        "member_to = excluded.member_to, latitude = excluded.latitude, "
        "longitude = excluded.longitude RETURNING id",
        params);
    if (!rows.ok()) return rows.status();
    row_of_index[static_cast<int>(i)] = rows->Int(0, 0);
  }
  return row_of_index;
}

Status WriteSuspensions(PgConn& conn, std::int64_t id, const StoredCommunity& c,
                        const std::map<int, std::int64_t>& row_of_index) {
  REPARTO_RETURN_IF_ERROR(
      conn.Run("DELETE FROM suspension WHERE community_id = $1", PgParams().Add(id)));
  for (const Suspension& s : c.suspensions) {
    PgParams params;
    params.Add(id);
    if (s.participant < 0) {
      params.AddNull();
    } else {
      auto row = row_of_index.find(s.participant);
      if (row == row_of_index.end()) return UnknownSuspendedParticipant(s.participant);
      params.Add(row->second);
    }
    params.Add(s.from).Add(s.to);
    REPARTO_RETURN_IF_ERROR(
        conn.Run("INSERT INTO suspension (community_id, participant_id, from_utc, to_utc) "
                 "VALUES ($1, $2, $3, $4)",
                 params));
  }
  return Status::Ok();
}

// Adds the versions not yet stored (version 0), numbered after the last one. Returns how many.
Result<int> AddVersions(PgConn& conn, std::int64_t id, const StoredCommunity& old,
                        const StoredCommunity& c) {
  int next = NextVersionNumber(old);
  int added = 0;
  for (const CoefficientVersion& v : c.versions) {
    if (v.version != 0) continue;
    PgParams params;
    params.Add(id).Add(std::int64_t{next++});
    AddInstant(params, v.valid_from);
    params.Add(v.created_at).Add(v.note).AddBytes(EncodeRule(v.period, v.participant_ids));
    REPARTO_RETURN_IF_ERROR(conn.Run(
        "INSERT INTO coefficient_version (community_id, version, valid_from, created_at, note, "
        "rule) VALUES ($1, $2, $3, $4, $5, $6)",
        params));
    ++added;
  }
  return added;
}

}  // namespace

Result<std::optional<std::int64_t>> FindCommunity(PgConn& conn, std::string_view code) {
  auto rows = conn.Query("SELECT id FROM community WHERE code = $1", PgParams().Add(code));
  if (!rows.ok()) return rows.status();
  if (rows->rows() == 0) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->Int(0, 0));
}

Result<std::optional<StoredCommunity>> ReadCommunity(PgConn& conn, std::string_view code) {
  auto id = FindCommunity(conn, code);
  if (!id.ok()) return id.status();
  if (!id->has_value()) return std::optional<StoredCommunity>();
  StoredCommunity c;
  std::map<std::int64_t, int> index_of_row;
  REPARTO_RETURN_IF_ERROR(ReadHeader(conn, **id, c));
  REPARTO_RETURN_IF_ERROR(ReadParticipants(conn, **id, c, index_of_row));
  REPARTO_RETURN_IF_ERROR(ReadVersions(conn, **id, c));
  REPARTO_RETURN_IF_ERROR(ReadSuspensions(conn, **id, index_of_row, c));
  return std::optional<StoredCommunity>(std::move(c));
}

Result<StoredCommunity> WriteCommunity(PgConn& conn, const StoredCommunity& c) {
  if (c.id.empty()) return Status::Error("a community needs an id (its CAU or code)");
  auto existing = FindCommunity(conn, c.id);
  if (!existing.ok()) return existing.status();
  StoredCommunity old;
  if (existing->has_value()) {
    auto read = ReadCommunity(conn, c.id);
    if (!read.ok()) return read.status();
    old = std::move(**read);
  }
  auto id = UpsertHeader(conn, c, *existing);
  if (!id.ok()) return id.status();
  auto rows = WriteParticipants(conn, *id, old, c);
  if (!rows.ok()) return rows.status();
  REPARTO_RETURN_IF_ERROR(WriteSuspensions(conn, *id, c, *rows));
  auto added = AddVersions(conn, *id, old, c);
  if (!added.ok()) return added.status();
  if (existing->has_value() && (*added > 0 || !SameMasterData(old, c))) {
    REPARTO_RETURN_IF_ERROR(conn.Run("UPDATE community SET revision = revision + 1 WHERE id = $1",
                                     PgParams().Add(*id)));
  }
  auto stored = ReadCommunity(conn, c.id);
  if (!stored.ok()) return stored.status();
  return std::move(**stored);
}

}  // namespace reparto::postgres
