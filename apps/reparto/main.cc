// The `reparto` command: one binary, one subcommand per job. Errors are one line on standard
// error and a non-zero exit code, never a stack trace.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "allocate_command.h"
#include "billing_commands.h"
#include "coefficients_command.h"
#include "membership_commands.h"
#include "serve_command.h"
#include "store_commands.h"
#include "tariff_command.h"
#include "user_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "reparto: collective self-consumption and energy communities (Spain, Portugal, France, "
      "Italy)",
      "reparto"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "reparto 0.1.0");
  reparto::cli::AddAllocateCommand(app);
  reparto::cli::AddCoefficientsCommand(app);
  reparto::cli::AddCoefficientVersionCommands(*app.get_subcommand("coefficients"));
  reparto::cli::AddDemoCommand(app);
  reparto::cli::AddImportCommand(app);
  reparto::cli::AddExportCommand(app);
  reparto::cli::AddCommunityCommand(app);
  reparto::cli::AddMemberCommand(app);
  reparto::cli::AddTariffCommand(app);
  reparto::cli::AddPricesCommand(app);
  reparto::cli::AddBillingCommand(app);
  reparto::cli::AddBillCommand(app);
  reparto::cli::AddIncentivesCommand(app);
  reparto::cli::AddInvoiceCommand(app);
  reparto::cli::AddPaymentCommand(app);
  reparto::cli::AddServeCommand(app);
  reparto::cli::AddUserCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reparto: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
