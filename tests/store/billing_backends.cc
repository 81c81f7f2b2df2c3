// Billing test helpers: see billing_backends.h.
#include "store/billing_backends.h"

#include "store/postgres/pg_handle.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres_server.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_factories.h"

namespace reparto {

const std::vector<const BillingBackend*>& BillingBackends() {
  static const BillingBackend sqlite_backend{
      "SQLite", []() -> Result<std::string> { return NewTempDir() + "/reparto.db"; },
      [](const std::string& path) { return sqlite::OpenStore(path); },
      [](const std::string& path, const std::string& sql) -> Status {
        auto db = sqlite::SqliteDb::Open(path);
        if (!db.ok()) return db.status();
        return (*db)->Execute(sql.c_str());
      }};
  static const BillingBackend postgres_backend{
      "PostgreSQL",
      []() -> Result<std::string> {
        auto server = PostgresServer::Get();
        if (!server.ok()) return server.status();
        return (*server)->NewDatabase();
      },
      [](const std::string& url) { return postgres::OpenStore(url); },
      [](const std::string& url, const std::string& sql) -> Status {
        auto conn = postgres::PgConn::Open(url);
        if (!conn.ok()) return conn.status();
        return (*conn)->Execute(sql.c_str());
      }};
  static const std::vector<const BillingBackend*> backends = {&sqlite_backend, &postgres_backend};
  return backends;
}

Invoice DraftInvoice(const std::string& participant, const std::string& series, CivilDate month) {
  Invoice invoice;
  invoice.series = series;
  invoice.participant = participant;
  invoice.member_name = "Member " + participant;
  invoice.member_tax_id = "12345678Z";
  invoice.member_address = "Calle Mayor 1, Sevilla";
  invoice.period_from = month;
  invoice.period_to = month.month == 12 ? CivilDate{month.year + 1, 1, 1}
                                        : CivilDate{month.year, month.month + 1, 1};
  invoice.lines.push_back(InvoiceLine{.code = "fee.self_consumed",
                                      .description = "Energía autoconsumida",
                                      .quantity_milli = 150'000,
                                      .unit = "kWh",
                                      .unit_price = 150'000,
                                      .amount = 2250,
                                      .vat_rate = 2'100'000'000});
  invoice.lines.push_back(InvoiceLine{.code = "fee.fixed",
                                      .description = "Cuota fija",
                                      .quantity_milli = 1000,
                                      .unit = "month",
                                      .unit_price = 5'000'000,
                                      .amount = 500,
                                      .vat_rate = 2'100'000'000});
  invoice.net = kNet;
  invoice.vat = kVat;
  invoice.total = kTotal;
  return invoice;
}

BillingRun DraftRun(const std::string& community, CivilDate month, int invoices,
                    const std::string& series) {
  BillingRun run;
  run.community = community;
  run.month = month;
  run.created_at = "2025-02-01T08:00:00Z";
  for (int i = 1; i <= invoices; ++i) {
    run.invoices.push_back(DraftInvoice("P" + std::to_string(i), series, month));
  }
  return run;
}

}  // namespace reparto
