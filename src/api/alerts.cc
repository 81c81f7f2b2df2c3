// Installation alerts (managers): GET .../alerts?from&to (default: the 30 days up to the last day
// with readings). A day is flagged when
//   - no_readings: the community has no readings at all that day (between stored days);
//   - missing:     a producer (member that day) has no injection reading in any interval;
//   - zero:        a producer injected nothing all day while another producer generated.
//
// Units: local dates; energy kWh with 3 decimals.
#include <map>

#include "api/handler.h"
#include "api/table.h"
#include "core/series_codec.h"

namespace reparto::api {
namespace {

http::Response Alerts(Call& call) {
  http::Response error;
  auto format = FormatQuery(call.request, error);
  if (!format) return error;
  auto from = DateQuery(call.request, "from", error);
  auto to = DateQuery(call.request, "to", error);
  if (error.status >= 400) return error;
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  const Community& community = (*context)->community;
  if (!to) {
    auto states = call.store().LoadDayStates(call.community(), jobs::kFirstPossibleDay,
                                             jobs::kLastPossibleDay);
    if (!states.ok()) return Internal(states.status());
    for (auto it = states->rbegin(); it != states->rend() && !to; ++it) {
      if (it->has_readings) to = it->day;
    }
    if (!to)
      return TableResponse(Table{"alerts", {"day", "participant", "kind", "message"}, {}}, *format,
                           "alerts");
  }
  if (!from) from = AddDays(*to, -29);
  if (*to < *from) return BadRequest("'to' is before 'from'");
  if (DaysFromCivil(*to) - DaysFromCivil(*from) > 400) return BadRequest("at most 400 days");
  auto readings = call.store().LoadReadings(call.community(), "", *from, AddDays(*to, 1));
  if (!readings.ok()) return Internal(readings.status());
  // day -> participant -> (intervals with an injection reading, injection mWh)
  std::map<CivilDate, std::map<std::string, std::pair<int, MilliWh>>> days;
  for (const StoredDay& stored : *readings) {
    const int index = community.IndexOf(stored.participant);
    if (index < 0 || !community.participants[static_cast<std::size_t>(index)].IsSource()) {
      days[stored.day];  // the day has readings
      continue;
    }
    auto day = DecodeDayReadings(stored.packed);
    if (!day.ok()) return Internal(day.status());
    auto& [known, injected] = days[stored.day][stored.participant];
    for (int i = 0; i < day->n_intervals; ++i) {
      if (day->ir_quality[i] == Quality::kMissing) continue;
      ++known;
      injected += day->ir[i];
    }
  }
  Table table{"alerts_" + call.community(), {"day", "participant", "kind", "message"}, {}};
  const TimeZone& zone = *(*context)->zone;
  bool seen_data = false;
  for (CivilDate d = *from; !(*to < d); d = AddDays(d, 1)) {
    auto it = days.find(d);
    if (it == days.end()) {
      if (seen_data) {
        table.rows.push_back({TableCell::Text(FormatDate(d)), TableCell::Null(),
                              TableCell::Text("no_readings"),
                              TableCell::Text("no readings at all on " + FormatDate(d))});
      }
      continue;
    }
    seen_data = true;
    auto start = zone.StartOfDay(d);
    auto end = zone.EndOfDay(d);
    if (!start.ok() || !end.ok()) continue;
    bool someone_generates = false;
    for (const auto& [id, values] : it->second) someone_generates |= values.second > 0;
    for (std::size_t p = 0; p < community.participants.size(); ++p) {
      const Participant& producer = community.participants[p];
      if (!producer.IsSource()) continue;
      if (producer.member_to <= *start || producer.member_from >= *end) continue;
      auto found = it->second.find(producer.id);
      const int known = found == it->second.end() ? 0 : found->second.first;
      const MilliWh injected = found == it->second.end() ? 0 : found->second.second;
      if (known == 0) {
        table.rows.push_back({TableCell::Text(FormatDate(d)), TableCell::Text(producer.id),
                              TableCell::Text("missing"),
                              TableCell::Text("no generation readings for " + producer.id)});
      } else if (injected == 0 && someone_generates) {
        table.rows.push_back(
            {TableCell::Text(FormatDate(d)), TableCell::Text(producer.id), TableCell::Text("zero"),
             TableCell::Text(producer.id + " generated nothing while other producers did")});
      }
    }
  }
  return TableResponse(table, *format, "alerts");
}

}  // namespace

void AddAlertRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/alerts", Access::kManage, Alerts);
}

}  // namespace reparto::api
