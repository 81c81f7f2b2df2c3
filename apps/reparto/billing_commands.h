// The billing subcommands: `prices` (price series), `billing` (billing file, runs), `bill`
// (members' bills and savings), `invoice` (documents, credit notes), `payment` (ledger) and
// `incentives` (Italian incentive and valorisation).
#pragma once

#include <CLI/CLI.hpp>

namespace reparto::cli {

void AddPricesCommand(CLI::App& app);
void AddBillingCommand(CLI::App& app);
void AddBillCommand(CLI::App& app);
void AddInvoiceCommand(CLI::App& app);
void AddPaymentCommand(CLI::App& app);
void AddIncentivesCommand(CLI::App& app);

}  // namespace reparto::cli
