// Billing (managers), through jobs/billing_job and Store::Billing():
//   GET  .../billing-config            every stored version of the billing file (TOML text)
//   PUT  .../billing-config {"valid_from","text"}  a new version, validated like `reparto billing
//        set-config` (422 with the message, nothing stored)
//   GET  .../bills?month=YYYY-MM       per member bills and savings (?format=csv|xlsx)
//   GET  .../billing/runs              runs with their invoices
//   POST .../billing/preview {"month"} a draft run (replacing an earlier draft of the month)
//   POST .../billing/runs/{run}/finalise {"issue_date"}  numbers the draft's invoices (409 when
//        the run is already final)
//
// Units: money "12.34"; kWh with 3 decimals; local dates; months YYYY-MM.
#include <charconv>
#include <fstream>

#include "api/handler.h"
#include "api/table.h"
#include "api/temp_dir.h"
#include "jobs/billing_job.h"

namespace reparto::api {

Json InvoiceJson(const Invoice& invoice);

namespace {

std::string NowIso(const Call& call) { return FormatIsoInstant(call.now(), 0, true); }

std::string Replaced(std::string text, const std::string& what, const std::string& with) {
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
  return text;
}

http::Response ListConfigs(Call& call) {
  auto configs = call.store().Billing().LoadBillingConfigs(call.community());
  if (!configs.ok()) return Internal(configs.status());
  Json list = Json::array();
  for (const BillingConfigVersion& v : *configs) {
    list.push_back(Json{{"id", v.id},
                        {"valid_from", FormatDate(v.valid_from)},
                        {"saved_at", v.saved_at},
                        {"text", v.text}});
  }
  return JsonOk(Json{{"versions", std::move(list)}});
}

http::Response PutConfig(Call& call) {
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto valid_from = DateField(*body, "valid_from", true, error);
  if (!valid_from) return error;
  auto text = StringField(*body, "text", true, error);
  if (!text) return error;
  TempDir dir;
  if (!dir.ok()) return Internal(Status::Error("cannot create a temporary folder"));
  const std::string path = dir.path() + "/billing.toml";
  {
    std::ofstream file(path, std::ios::binary);
    file << *text;
    if (!file) return Internal(Status::Error("cannot write " + path));
  }
  auto saved =
      jobs::SaveBillingFile(call.store(), call.community(), path, *valid_from, NowIso(call));
  if (!saved.ok()) return Unprocessable(Replaced(saved.status().message(), path, "billing.toml"));
  InvalidateCaches();  // members' economics follow the new contracts, taxes and fee
  return JsonOk(Json{{"valid_from", FormatDate(*valid_from)}, {"saved", true}}, 201);
}

std::optional<CivilDate> MonthParam(const std::string& text, std::string_view name,
                                    http::Response& error) {
  auto month = ParseMonth(text);
  if (!month.ok()) {
    error = BadRequest("'" + std::string(name) + "': expected a month YYYY-MM");
    return std::nullopt;
  }
  return *month;
}

TableCell Euros(Cents c) { return TableCell::Money(EurosText(c)); }
TableCell Kwh(MilliWh m) { return TableCell::Number(KwhText(m)); }

http::Response Bills(Call& call) {
  http::Response error;
  auto format = FormatQuery(call.request, error);
  if (!format) return error;
  auto month = MonthParam(call.request.Query("month"), "month", error);
  if (!month) return error;
  auto bills =
      jobs::ComputeMonthBills(call.store(), call.community(), *month, {.allow_incomplete = true});
  if (!bills.ok()) return Unprocessable(bills.status().message());
  Table table{"bills_" + call.community() + "_" + FormatMonth(*month),
              {"participant", "name", "consumption_kwh", "self_consumed_kwh", "surplus_kwh",
               "without_community", "with_community", "fee", "savings", "expected_savings",
               "cumulative_savings", "avoided_co2_kg", "incomplete"},
              {}};
  for (const jobs::MemberBill& m : bills->members) {
    const MemberEconomics& e = m.month;
    table.rows.push_back(
        {TableCell::Text(m.participant), TableCell::Text(m.name), Kwh(e.energy.consumption),
         Kwh(e.energy.self_consumed), Kwh(e.energy.surplus), Euros(e.without_community.total),
         Euros(e.with_community.total), Euros(e.fee.total), Euros(e.savings),
         e.expected_savings ? Euros(*e.expected_savings) : TableCell::Null(),
         Euros(m.cumulative.savings), TableCell::Number(Thousandths(e.avoided_co2_g)),
         TableCell::Text(e.incomplete ? "yes" : "no")});
  }
  if (*format != TableFormat::kJson) return TableResponse(table, *format, "bills");
  Json out = Json::object();
  out["month"] = FormatMonth(*month);
  out["bills"] = TableRowsJson(table);
  out["warnings"] = bills->warnings;
  return JsonOk(out);
}

Json RunJson(const BillingRun& run) {
  Json invoices = Json::array();
  Cents total = 0;
  for (const Invoice& i : run.invoices) {
    invoices.push_back(InvoiceJson(i));
    total += i.total;
  }
  return Json{{"id", run.id},
              {"month", FormatMonth(run.month)},
              {"state", run.state == RunState::kFinal ? "final" : "draft"},
              {"created_at", run.created_at},
              {"finalised_at", run.finalised_at},
              {"total", EurosText(total)},
              {"invoices", std::move(invoices)}};
}

http::Response ListRuns(Call& call) {
  auto runs = call.store().Billing().ListRuns(call.community());
  if (!runs.ok()) return Internal(runs.status());
  Json list = Json::array();
  for (const BillingRun& run : *runs) list.push_back(RunJson(run));
  return JsonOk(Json{{"runs", std::move(list)}});
}

http::Response Preview(Call& call) {
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto text = StringField(*body, "month", true, error);
  if (!text) return error;
  auto month = MonthParam(*text, "month", error);
  if (!month) return error;
  auto preview = jobs::PreviewBillingRun(call.store(), call.community(), *month, NowIso(call));
  if (!preview.ok()) return Unprocessable(preview.status().message());
  Json out = RunJson(preview->run);
  out["skipped"] = preview->skipped;
  return JsonOk(out, 201);
}

http::Response Finalise(Call& call) {
  const std::string& id_text = call.request.Param("run");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size()) {
    return NotFound("no billing run " + id_text);
  }
  http::Response error;
  auto body = ParseBody(call.request, error);
  if (!body) return error;
  auto issue = DateField(*body, "issue_date", false, error);
  if (error.status >= 400) return error;
  auto run = call.store().Billing().LoadRun(id);
  if (!run.ok()) return Internal(run.status());
  if (!run->has_value() || (*run)->community != call.community()) {
    return NotFound("no billing run " + id_text + " in " + call.community());
  }
  if ((*run)->state == RunState::kFinal) {
    return http::JsonError(409, "conflict", "billing run " + id_text + " is already final");
  }
  if (!issue) {
    auto context = call.context();
    if (!context.ok()) return Internal(context.status());
    auto today = LocalDateAt(*(*context)->zone, call.now());
    if (!today.ok()) return Internal(today.status());
    issue = *today;
  }
  auto final_run =
      jobs::FinaliseBillingRun(call.store(), call.community(), (*run)->month, *issue, NowIso(call));
  if (!final_run.ok()) return Unprocessable(final_run.status().message());
  return JsonOk(RunJson(*final_run));
}

}  // namespace

void AddBillingRoutes(http::Router& router, ApiContext& api) {
  AddApiRoute(router, api, "GET", "/api/communities/{community}/billing-config", Access::kManage,
              ListConfigs);
  AddApiRoute(router, api, "PUT", "/api/communities/{community}/billing-config", Access::kManage,
              PutConfig);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/bills", Access::kManage, Bills);
  AddApiRoute(router, api, "GET", "/api/communities/{community}/billing/runs", Access::kManage,
              ListRuns);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/billing/preview", Access::kManage,
              Preview);
  AddApiRoute(router, api, "POST", "/api/communities/{community}/billing/runs/{run}/finalise",
              Access::kManage, Finalise);
}

}  // namespace reparto::api
