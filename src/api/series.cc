// Time series of stored results (the member dashboard's charts):
//   GET /api/communities/{community}/participants/{participant}/series  consumption, imputed,
//       self-consumed, surplus (imputed − self-consumed) and grid (consumption − self-consumed)
//   GET /api/communities/{community}/series  generation (pool) for everyone who may read the
//       community; consumption, allocated and unallocated for its managers
// at resolution interval (start + step_seconds), day or month (labels). The JSON is written
// directly into one reserved string (a year of quarter-hours is 35 040 values an array) and kept
// in the API's answer cache (api/response_cache.h) with its gzip form: a year's JSON is sent 2–3
// times smaller and never serialised twice.
//
// Units: Wh integers (mWh / 1000 rounded half away from zero; sums are rounded once, after
// adding the mWh), null where the value is missing.
#include <array>
#include <charconv>
#include <optional>

#include "api/handler.h"
#include "api/response_cache.h"
#include "core/series_codec.h"

namespace reparto::api {
namespace {

enum class Resolution { kInterval, kDay, kMonth };

// ---- JSON text ---------------------------------------------------------------------------------

void AppendInt(std::string& out, std::int64_t v) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, end);
}

void AppendString(std::string& out, std::string_view text) {
  out += Json(std::string(text)).dump();
}

// One quantity over the grid: mWh per interval plus whether it is known.
struct Column {
  std::string_view name;
  std::vector<MilliWh> value;
  std::vector<std::uint8_t> known;
};

struct Buckets {
  std::vector<std::string> labels;  // day/month labels
  std::vector<std::int64_t> first;  // first interval of each bucket
};

void AppendArray(std::string& out, const Column& column, Resolution resolution,
                 const Buckets& buckets) {
  out += ",\"";
  out += column.name;
  out += "\":[";
  if (resolution == Resolution::kInterval) {
    for (std::size_t i = 0; i < column.value.size(); ++i) {
      if (i > 0) out += ',';
      if (column.known[i]) {
        AppendInt(out, WhFromMwh(column.value[i]));
      } else {
        out += "null";
      }
    }
  } else {
    for (std::size_t b = 0; b < buckets.first.size(); ++b) {
      if (b > 0) out += ',';
      const auto from = static_cast<std::size_t>(buckets.first[b]);
      const std::size_t to = b + 1 < buckets.first.size()
                                 ? static_cast<std::size_t>(buckets.first[b + 1])
                                 : column.value.size();
      MilliWh sum = 0;
      bool any = false;
      for (std::size_t i = from; i < to; ++i) {
        if (!column.known[i]) continue;
        sum += column.value[i];
        any = true;
      }
      if (any) {
        AppendInt(out, WhFromMwh(sum));
      } else {
        out += "null";
      }
    }
  }
  out += ']';
}

Buckets MakeBuckets(const DayGrid& grid, Resolution resolution) {
  Buckets buckets;
  for (const LocalDay& day : grid.days) {
    if (resolution == Resolution::kDay) {
      buckets.labels.push_back(FormatDate(day.date));
      buckets.first.push_back(day.first_interval);
    } else if (resolution == Resolution::kMonth && (buckets.labels.empty() || day.date.day == 1)) {
      buckets.labels.push_back(FormatMonth(day.date));
      buckets.first.push_back(day.first_interval);
    }
  }
  return buckets;
}

std::string SeriesJson(const jobs::CommunityContext& context, const DayGrid& grid,
                       Resolution resolution, std::string_view participant, CivilDate from,
                       CivilDate to, const std::vector<Column>& columns) {
  const Buckets buckets = MakeBuckets(grid, resolution);
  std::string out;
  const std::size_t n = resolution == Resolution::kInterval
                            ? static_cast<std::size_t>(grid.interval_count())
                            : buckets.first.size();
  out.reserve(256 + n * (columns.size() * 7 + (resolution == Resolution::kInterval ? 0 : 13)));
  out += "{\"community\":";
  AppendString(out, context.stored.id);
  if (!participant.empty()) {
    out += ",\"participant\":";
    AppendString(out, participant);
  }
  out += ",\"from\":\"" + FormatDate(from) + "\",\"to\":\"" + FormatDate(to) + "\"";
  out += ",\"resolution\":\"";
  out += resolution == Resolution::kInterval ? "interval"
         : resolution == Resolution::kDay    ? "day"
                                             : "month";
  out += "\",\"start\":\"" + LocalInstant(*context.zone, grid.utc_start()) + "\"";
  if (resolution == Resolution::kInterval) {
    out += ",\"step_seconds\":";
    AppendInt(out, grid.step_seconds);
  } else {
    out += ",\"labels\":[";
    for (std::size_t b = 0; b < buckets.labels.size(); ++b) {
      if (b > 0) out += ',';
      out += '"' + buckets.labels[b] + '"';
    }
    out += ']';
  }
  for (const Column& column : columns) AppendArray(out, column, resolution, buckets);
  out += '}';
  return out;
}

// ---- requests ----------------------------------------------------------------------------------

struct SeriesQuery {
  CivilDate from, to;  // to included
  Resolution resolution = Resolution::kInterval;
};

std::optional<SeriesQuery> ReadQuery(const http::Request& request, http::Response& error) {
  SeriesQuery q;
  const std::string& year = request.Query("year");
  if (!year.empty()) {
    auto first = ParseDate(year + "-01-01");
    if (year.size() != 4 || !first.ok()) {
      error = BadRequest("parameter 'year': expected YYYY");
      return std::nullopt;
    }
    q.from = *first;
    q.to = {first->year, 12, 31};
  } else {
    auto from = DateQuery(request, "from", error);
    if (!from && error.status >= 400) return std::nullopt;
    auto to = DateQuery(request, "to", error);
    if (!to && error.status >= 400) return std::nullopt;
    if (!from || !to) {
      error = BadRequest("give 'from' and 'to' (YYYY-MM-DD, both included) or 'year'");
      return std::nullopt;
    }
    q.from = *from;
    q.to = *to;
  }
  if (q.to < q.from) {
    error = BadRequest("'to' is before 'from'");
    return std::nullopt;
  }
  if (DaysFromCivil(q.to) - DaysFromCivil(q.from) >= 366 * 4) {
    error = BadRequest("at most four years at a time");
    return std::nullopt;
  }
  const std::string& resolution = request.Query("resolution");
  if (resolution.empty() || resolution == "interval") {
    q.resolution = Resolution::kInterval;
  } else if (resolution == "day") {
    q.resolution = Resolution::kDay;
  } else if (resolution == "month") {
    q.resolution = Resolution::kMonth;
  } else {
    error = BadRequest("parameter 'resolution': expected interval, day or month");
    return std::nullopt;
  }
  return q;
}

std::string SeriesKey(const Call& call, const SeriesQuery& q, std::string_view kind) {
  const char resolution = static_cast<char>('0' + static_cast<int>(q.resolution));
  return CacheKey({kind, call.community(), call.participant(), FormatDate(q.from), FormatDate(q.to),
                   std::string_view(&resolution, 1)});
}

Column MakeColumn(std::string_view name, std::size_t n) {
  return Column{name, std::vector<MilliWh>(n, 0), std::vector<std::uint8_t>(n, 0)};
}

// Fills `columns` from the stored days that fall on the grid's local days: for each known
// interval, `values(day, i)` gives one value per column (in order). Days of another length than
// the grid's (a changed step) are left unknown. `decode` turns a packed day into its arrays.
template <class Decode, class Values>
Status FillColumns(const DayGrid& grid, const std::vector<StoredDay>& days, Decode decode,
                   Values values, std::vector<Column>& columns) {
  std::size_t d = 0;
  for (const StoredDay& stored : days) {
    while (d < grid.days.size() && grid.days[d].date < stored.day) ++d;
    if (d == grid.days.size() || !(grid.days[d].date == stored.day)) continue;
    auto day = decode(stored.packed);
    if (!day.ok()) return day.status();
    const LocalDay& local = grid.days[d];
    if (day->n_intervals != local.n_intervals) continue;
    for (int i = 0; i < day->n_intervals; ++i) {
      if (day->quality[i] == Quality::kMissing) continue;
      const auto at = static_cast<std::size_t>(local.first_interval + i);
      const auto row = values(*day, i);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        columns[c].value[at] = row[c];
        columns[c].known[at] = 1;
      }
    }
  }
  return Status::Ok();
}

// A series request past its cache: the query, its cache key and data generation, the community
// and its grid of local days.
struct SeriesRequest {
  SeriesQuery q;
  std::string key;
  std::uint64_t generation = 0;
  const jobs::CommunityContext* context = nullptr;
  DayGrid grid;
};

// Reads the query of a series of `kind` ("p": a participant's; "cm"/"cg": the community's for a
// manager/anyone else). nullopt with the whole answer in `answer` when the cache has it or the
// request is wrong.
std::optional<SeriesRequest> StartSeries(Call& call, std::string_view kind,
                                         http::Response& answer) {
  auto q = ReadQuery(call.request, answer);
  if (!q) return std::nullopt;
  SeriesRequest r{.q = *q, .key = SeriesKey(call, *q, kind)};
  if (auto hit = CacheGet(r.key)) {
    answer = CachedAnswer(call.request, r.key, std::move(*hit));
    return std::nullopt;
  }
  if (auto missing = CheckExists(call)) {
    answer = std::move(*missing);
    return std::nullopt;
  }
  r.generation = CacheGeneration();  // before reading the store
  auto context = call.context();
  if (!context.ok()) {
    answer = Internal(context.status());
    return std::nullopt;
  }
  r.context = *context;
  auto grid = jobs::CommunityGrid(*r.context, q->from, AddDays(q->to, 1));
  if (!grid.ok()) {
    answer = BadRequest(grid.status().message());
    return std::nullopt;
  }
  r.grid = std::move(*grid);
  return r;
}

// The series' JSON, kept in the cache and answered.
http::Response FinishSeries(const Call& call, const SeriesRequest& r, std::string_view participant,
                            const std::vector<Column>& columns) {
  auto body = std::make_shared<const std::string>(
      SeriesJson(*r.context, r.grid, r.q.resolution, participant, r.q.from, r.q.to, columns));
  CachePut(r.key, body, r.generation);
  return CachedAnswer(call.request, r.key, {std::move(body), nullptr});
}

http::Response ParticipantSeries(Call& call) {
  http::Response answer;
  auto r = StartSeries(call, "p", answer);
  if (!r) return answer;
  auto days = call.store().LoadResults(call.community(), call.participant(), r->q.from,
                                       AddDays(r->q.to, 1));
  if (!days.ok()) return Internal(days.status());
  const auto n = static_cast<std::size_t>(r->grid.interval_count());
  std::vector<Column> columns = {MakeColumn("consumption_wh", n), MakeColumn("imputed_wh", n),
                                 MakeColumn("self_consumed_wh", n), MakeColumn("surplus_wh", n),
                                 MakeColumn("grid_wh", n)};
  Status filled = FillColumns(
      r->grid, *days, DecodeDayResults,
      [](const auto& day, int i) {
        const MilliWh cm = day.cm[i], ei = day.imputed[i], ea = day.self_consumed[i];
        return std::array<MilliWh, 5>{cm, ei, ea, ei - ea, cm - ea};
      },
      columns);
  if (!filled.ok()) return Internal(filled);
  return FinishSeries(call, *r, call.participant(), columns);
}

http::Response CommunitySeries(Call& call) {
  const bool manager = CanManageCommunity(call.who, call.community());
  http::Response answer;
  auto r = StartSeries(call, manager ? "cm" : "cg", answer);
  if (!r) return answer;
  auto days = call.store().LoadCommunityResults(call.community(), r->q.from, AddDays(r->q.to, 1));
  if (!days.ok()) return Internal(days.status());
  const auto n = static_cast<std::size_t>(r->grid.interval_count());
  std::vector<Column> columns = {MakeColumn("generation_wh", n)};
  if (manager) {
    columns.push_back(MakeColumn("consumption_wh", n));
    columns.push_back(MakeColumn("allocated_wh", n));
    columns.push_back(MakeColumn("unallocated_wh", n));
  }
  Status filled = FillColumns(
      r->grid, *days, DecodeDayPool,
      [](const auto& day, int i) {
        return std::array<MilliWh, 4>{day.pool[i], day.consumption[i],
                                      day.pool[i] - day.unallocated[i], day.unallocated[i]};
      },
      columns);
  if (!filled.ok()) return Internal(filled);
  return FinishSeries(call, *r, "", columns);
}

}  // namespace

void AddSeriesRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/participants/{participant}/series",
              Access::kReadParticipant, ParticipantSeries, /*check_exists=*/false);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/series", Access::kReadCommunity,
              CommunitySeries, /*check_exists=*/false);
}

}  // namespace reparto::api
