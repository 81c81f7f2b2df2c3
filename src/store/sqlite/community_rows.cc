// A StoredCommunity as SQLite rows: see community_rows.h.
#include "store/sqlite/community_rows.h"

#include <map>
#include <string>

#include "core/period_codec.h"
#include "core/store_rules.h"

namespace reparto::sqlite {
namespace {

// Open-ended instants are stored as NULL.
void BindInstant(SqliteStatement& stmt, int index, UtcSeconds t) {
  if (t == kBeginningOfTime || t == kEndOfTime) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, t);
  }
}
UtcSeconds InstantAt(const SqliteStatement& stmt, int column, UtcSeconds open_value) {
  return stmt.IsNull(column) ? open_value : stmt.Int(column);
}

Status ReadHeader(SqliteDb& db, std::int64_t id, StoredCommunity& c) {
  auto stmt = db.Prepare(
      "SELECT code, name, timezone, country, step_seconds, default_method, "
      "no_imputation_to_net_injectors, italy_plant_kw, italy_bonus_eur_per_mwh, revision "
      "FROM community WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  while (stmt->Step()) {
    c.id = stmt->Text(0);
    c.name = stmt->Text(1);
    c.timezone = stmt->Text(2);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseCountry(stmt->Text(3)), c.rules.country));
    c.rules.step_seconds = static_cast<int>(stmt->Int(4));
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseMethod(stmt->Text(5)), c.rules.default_method));
    c.rules.no_imputation_to_net_injectors = stmt->Int(6) != 0;
    c.italy.plant_kw = stmt->Double(7);
    c.italy.bonus_eur_per_mwh = stmt->Double(8);
    c.revision = stmt->Int(9);
  }
  return stmt->status();
}

// Participants in order; fills `index_of_row` (participant row id -> index).
Status ReadParticipants(SqliteDb& db, std::int64_t id, StoredCommunity& c,
                        std::map<std::int64_t, int>& index_of_row) {
  auto stmt = db.Prepare(
      "SELECT id, code, name, email, phone, role, building, voltage, contracted_power_kw, "
      "member_from, member_to, latitude, longitude FROM participant WHERE community_id = ?1 "
      "ORDER BY position");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  while (stmt->Step()) {
    StoredParticipant sp;
    Participant& p = sp.participant;
    index_of_row[stmt->Int(0)] = static_cast<int>(c.participants.size());
    p.id = stmt->Text(1);
    sp.name = stmt->Text(2);
    sp.email = stmt->Text(3);
    sp.phone = stmt->Text(4);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseRole(stmt->Text(5)), p.role));
    p.building = stmt->Text(6);
    REPARTO_RETURN_IF_ERROR(ParsedInto(ParseVoltage(stmt->Text(7)), p.voltage));
    p.contracted_power_kw = stmt->Double(8);
    p.member_from = InstantAt(*stmt, 9, kBeginningOfTime);
    p.member_to = InstantAt(*stmt, 10, kEndOfTime);
    sp.latitude = stmt->Double(11);
    sp.longitude = stmt->Double(12);
    c.participants.push_back(std::move(sp));
  }
  return stmt->status();
}

Status ReadVersions(SqliteDb& db, std::int64_t id, StoredCommunity& c) {
  auto stmt = db.Prepare(
      "SELECT version, valid_from, created_at, note, rule FROM coefficient_version "
      "WHERE community_id = ?1 ORDER BY version");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  while (stmt->Step()) {
    CoefficientVersion v;
    v.version = static_cast<int>(stmt->Int(0));
    v.valid_from = InstantAt(*stmt, 1, kBeginningOfTime);
    v.created_at = stmt->Int(2);
    v.note = stmt->Text(3);
    PackedRule rule;
    REPARTO_RETURN_IF_ERROR(ParsedInto(DecodeRule(stmt->Blob(4)), rule));
    v.period = std::move(rule.period);
    v.participant_ids = std::move(rule.participant_ids);
    c.versions.push_back(std::move(v));
  }
  return stmt->status();
}

Status ReadSuspensions(SqliteDb& db, std::int64_t id, const std::map<std::int64_t, int>& index_of,
                       StoredCommunity& c) {
  auto stmt = db.Prepare(
      "SELECT participant_id, from_utc, to_utc FROM suspension WHERE community_id = ?1 "
      "ORDER BY rowid");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  while (stmt->Step()) {
    Suspension s;
    s.participant = stmt->IsNull(0) ? -1 : index_of.at(stmt->Int(0));
    s.from = stmt->Int(1);
    s.to = stmt->Int(2);
    c.suspensions.push_back(s);
  }
  return stmt->status();
}

Result<std::int64_t> UpsertHeader(SqliteDb& db, const StoredCommunity& c,
                                  std::optional<std::int64_t> existing) {
  auto stmt = db.Prepare(
      existing ? "UPDATE community SET name = ?2, timezone = ?3, country = ?4, step_seconds = ?5, "
                 "default_method = ?6, no_imputation_to_net_injectors = ?7, italy_plant_kw = ?8, "
                 "italy_bonus_eur_per_mwh = ?9 WHERE id = ?10 AND code = ?1"
               : "INSERT INTO community (code, name, timezone, country, step_seconds, "
                 "default_method, no_imputation_to_net_injectors, italy_plant_kw, "
                 "italy_bonus_eur_per_mwh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, c.id);
  stmt->Bind(2, c.name);
  stmt->Bind(3, c.timezone);
  stmt->Bind(4, CountryCode(c.rules.country));
  stmt->Bind(5, std::int64_t{c.rules.step_seconds});
  stmt->Bind(6, MethodName(c.rules.default_method));
  stmt->Bind(7, std::int64_t{c.rules.no_imputation_to_net_injectors ? 1 : 0});
  stmt->Bind(8, c.italy.plant_kw);
  stmt->Bind(9, c.italy.bonus_eur_per_mwh);
  if (existing) stmt->Bind(10, *existing);
  REPARTO_RETURN_IF_ERROR(stmt->Run());
  return existing ? *existing : db.LastInsertId();
}

// Writes the participants in order: updates those already stored (by id), inserts the others.
// Fails when a stored participant is missing: members leave by a date, they are never deleted.
Result<std::map<int, std::int64_t>> WriteParticipants(SqliteDb& db, std::int64_t id,
                                                      const StoredCommunity& old,
                                                      const StoredCommunity& c) {
  REPARTO_RETURN_IF_ERROR(CheckParticipantsKept(old, c));
  // Park the positions out of the way so that reordering never collides.
  auto park = db.Prepare("UPDATE participant SET position = -1 - position WHERE community_id = ?1");
  if (!park.ok()) return park.status();
  park->Bind(1, id);
  REPARTO_RETURN_IF_ERROR(park->Run());
  auto stmt = db.Prepare(
      "INSERT INTO participant (community_id, position, code, name, email, phone, role, building, "
      "voltage, contracted_power_kw, member_from, member_to, latitude, longitude) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
      "ON CONFLICT (community_id, code) DO UPDATE SET position = excluded.position, "
      "name = excluded.name, email = excluded.email, phone = excluded.phone, role = excluded.role, "
      "building = excluded.building, voltage = excluded.voltage, "
      "contracted_power_kw = excluded.contracted_power_kw, member_from = excluded.member_from, "
      "member_to = excluded.member_to, latitude = excluded.latitude, longitude = "
      "excluded.longitude "
      "RETURNING id");
  if (!stmt.ok()) return stmt.status();
  std::map<int, std::int64_t> row_of_index;
  for (std::size_t i = 0; i < c.participants.size(); ++i) {
    const StoredParticipant& sp = c.participants[i];
    const Participant& p = sp.participant;
    stmt->Bind(1, id);
    stmt->Bind(2, static_cast<std::int64_t>(i));
    stmt->Bind(3, p.id);
    stmt->Bind(4, sp.name);
    stmt->Bind(5, sp.email);
    stmt->Bind(6, sp.phone);
    stmt->Bind(7, RoleName(p.role));
    stmt->Bind(8, p.building);
    stmt->Bind(9, OriginName(p.voltage));
    stmt->Bind(10, p.contracted_power_kw);
    BindInstant(*stmt, 11, p.member_from);
    BindInstant(*stmt, 12, p.member_to);
    stmt->Bind(13, sp.latitude);
    stmt->Bind(14, sp.longitude);
    while (stmt->Step()) row_of_index[static_cast<int>(i)] = stmt->Int(0);
    REPARTO_RETURN_IF_ERROR(stmt->status());
  }
  return row_of_index;
}

Status WriteSuspensions(SqliteDb& db, std::int64_t id, const StoredCommunity& c,
                        const std::map<int, std::int64_t>& row_of_index) {
  auto clear = db.Prepare("DELETE FROM suspension WHERE community_id = ?1");
  if (!clear.ok()) return clear.status();
  clear->Bind(1, id);
  REPARTO_RETURN_IF_ERROR(clear->Run());
  auto stmt = db.Prepare(
      "INSERT INTO suspension (community_id, participant_id, from_utc, to_utc) "
      "VALUES (?1, ?2, ?3, ?4)");
  if (!stmt.ok()) return stmt.status();
  for (const Suspension& s : c.suspensions) {
    stmt->Bind(1, id);
    if (s.participant < 0) {
      stmt->BindNull(2);
    } else {
      auto row = row_of_index.find(s.participant);
      if (row == row_of_index.end()) {
        return UnknownSuspendedParticipant(s.participant);
      }
      stmt->Bind(2, row->second);
    }
    stmt->Bind(3, s.from);
    stmt->Bind(4, s.to);
    REPARTO_RETURN_IF_ERROR(stmt->Run());
  }
  return Status::Ok();
}

// Adds the versions not yet stored (version 0), numbered after the last one. Returns how many.
Result<int> AddVersions(SqliteDb& db, std::int64_t id, const StoredCommunity& old,
                        const StoredCommunity& c) {
  int next = NextVersionNumber(old);
  auto stmt = db.Prepare(
      "INSERT INTO coefficient_version (community_id, version, valid_from, created_at, note, rule) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!stmt.ok()) return stmt.status();
  int added = 0;
  for (const CoefficientVersion& v : c.versions) {
    if (v.version != 0) continue;
    stmt->Bind(1, id);
    stmt->Bind(2, std::int64_t{next++});
    BindInstant(*stmt, 3, v.valid_from);
    stmt->Bind(4, v.created_at);
    stmt->Bind(5, v.note);
    stmt->BindBlob(6, EncodeRule(v.period, v.participant_ids));
    REPARTO_RETURN_IF_ERROR(stmt->Run());
    ++added;
  }
  return added;
}

}  // namespace

Result<std::optional<std::int64_t>> FindCommunity(SqliteDb& db, std::string_view code) {
  auto stmt = db.Prepare("SELECT id FROM community WHERE code = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, code);
  std::optional<std::int64_t> id;
  while (stmt->Step()) id = stmt->Int(0);
  if (!stmt->status().ok()) return stmt->status();
  return id;
}

Result<std::optional<StoredCommunity>> ReadCommunity(SqliteDb& db, std::string_view code) {
  auto id = FindCommunity(db, code);
  if (!id.ok()) return id.status();
  if (!id->has_value()) return std::optional<StoredCommunity>();
  StoredCommunity c;
  std::map<std::int64_t, int> index_of_row;
  REPARTO_RETURN_IF_ERROR(ReadHeader(db, **id, c));
  REPARTO_RETURN_IF_ERROR(ReadParticipants(db, **id, c, index_of_row));
  REPARTO_RETURN_IF_ERROR(ReadVersions(db, **id, c));
  REPARTO_RETURN_IF_ERROR(ReadSuspensions(db, **id, index_of_row, c));
  return std::optional<StoredCommunity>(std::move(c));
}

Result<StoredCommunity> WriteCommunity(SqliteDb& db, const StoredCommunity& c) {
  if (c.id.empty()) return Status::Error("a community needs an id (its CAU or code)");
  auto existing = FindCommunity(db, c.id);
  if (!existing.ok()) return existing.status();
  StoredCommunity old;
  if (existing->has_value()) {
    auto read = ReadCommunity(db, c.id);
    if (!read.ok()) return read.status();
    old = std::move(**read);
  }
  auto id = UpsertHeader(db, c, *existing);
  if (!id.ok()) return id.status();
  auto rows = WriteParticipants(db, *id, old, c);
  if (!rows.ok()) return rows.status();
  REPARTO_RETURN_IF_ERROR(WriteSuspensions(db, *id, c, *rows));
  auto added = AddVersions(db, *id, old, c);
  if (!added.ok()) return added.status();
  if (existing->has_value() && (*added > 0 || !SameMasterData(old, c))) {
    auto bump = db.Prepare("UPDATE community SET revision = revision + 1 WHERE id = ?1");
    if (!bump.ok()) return bump.status();
    bump->Bind(1, *id);
    REPARTO_RETURN_IF_ERROR(bump->Run());
  }
  auto stored = ReadCommunity(db, c.id);
  if (!stored.ok()) return stored.status();
  return std::move(**stored);
}

}  // namespace reparto::sqlite
