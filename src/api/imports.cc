// Imports (managers):
//   GET  .../imports   the files imported so far
//   POST .../imports   the body is the file (any format `reparto import` reads, detected),
//        X-File-Name names it; ?participant=ID gives a one-supply-point file to a participant,
//        ?format=NAME skips detection. All or nothing like the CLI (jobs/import_job): 422 with the
//        reader's "file:line: what" message and nothing stored. The days it changed are then
//        allocated (jobs/allocate_job), like `reparto allocate` would.
//
// Units: local dates; counts.
#include "api/handler.h"
#include "jobs/allocate_job.h"
#include "jobs/import_job.h"

namespace reparto::api {
namespace {

// A year of quarter-hours of a few hundred supply points in the most verbose format.
constexpr std::size_t kMaxImportBytes = 64u << 20;

http::Response ListImports(Call& call) {
  auto imports = call.store().ListImports(call.community());
  if (!imports.ok()) return Internal(imports.status());
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  Json list = Json::array();
  for (const ImportRecord& r : *imports) {
    list.push_back(Json{{"id", r.id},
                        {"source", r.source},
                        {"format", r.format},
                        {"imported_at", LocalInstant(*(*context)->zone, r.imported_at)},
                        {"rows", r.rows},
                        {"days_changed", r.days_changed},
                        {"values_replaced", r.values_replaced}});
  }
  return JsonOk(Json{{"imports", std::move(list)}});
}

// A file name as given, without folders or control characters.
std::string CleanName(std::string name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) {
    name = name.substr(slash + 1);
  }
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  return out.substr(0, 200);
}

http::Response Import(Call& call) {
  const std::string name = CleanName(call.request.Header("x-file-name"));
  if (name.empty()) return BadRequest("header X-File-Name (the file's name) is missing");
  if (call.request.body.empty()) return Unprocessable(name + ": the file is empty");
  auto context = call.context();
  if (!context.ok()) return Internal(context.status());
  ReadOptions read;
  read.zone = (*context)->zone.get();
  read.canonical_step_seconds = (*context)->community.rules.step_seconds;
  if (const std::string& format = call.request.Query("format"); !format.empty()) {
    auto parsed = ParseFormatName(format);
    if (!parsed.ok()) return BadRequest("parameter 'format': " + parsed.status().message());
    read.format = *parsed;
  } else {
    auto detected = DetectFormat(name, call.request.body);
    if (!detected.ok()) return Unprocessable(detected.status().message());
    read.format = *detected;
  }
  auto batch = ReadReadingsText(call.request.body, name, read);
  if (!batch.ok()) return Unprocessable(batch.status().message());
  batch->assigned_participant = call.request.Query("participant");
  std::vector<jobs::PreparedBatch> batches;
  batches.push_back(jobs::PreparedBatch{std::move(*batch), std::string(FormatName(*read.format)),
                                        jobs::ContentHash(call.request.body)});
  jobs::ImportOptions options;
  options.now = call.now();
  auto summary = jobs::ImportBatches(call.store(), call.community(), std::move(batches), options);
  if (!summary.ok()) {
    return Unprocessable(summary.status().message() + " (nothing was imported)");
  }
  const jobs::FileImportSummary& file = summary->files.at(0);
  Json out = Json::object();
  out["source"] = file.source;
  out["format"] = file.format;
  out["rows"] = file.rows;
  out["participants"] = file.participants;
  out["days"] = file.days;
  out["days_changed"] = file.days_changed;
  out["values_new"] = file.values_new;
  out["values_replaced"] = file.values_replaced;
  out["gaps"] = file.gaps;
  out["first_day"] = file.first_day ? Json(FormatDate(*file.first_day)) : Json(nullptr);
  out["last_day"] = file.last_day ? Json(FormatDate(*file.last_day)) : Json(nullptr);
  out["import_id"] = file.import_id;
  out["days_allocated"] = 0;
  if (file.days_changed > 0 && file.first_day && file.last_day) {
    InvalidateCaches();
    auto allocated = jobs::AllocateStored(call.store(), call.community(),
                                          {.from = *file.first_day, .to = *file.last_day});
    if (!allocated.ok()) {
      out["allocation_error"] = allocated.status().message();
    } else {
      out["days_allocated"] = allocated->days_computed;
    }
    InvalidateCaches();
  }
  return JsonOk(out, 201);
}

}  // namespace

void AddImportRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/imports", Access::kManage,
              ListImports);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/imports", Access::kManage, Import);
  router.SetBodyLimit("POST", "/api/communities/{community}/imports", kMaxImportBytes);
}

}  // namespace reparto::api
