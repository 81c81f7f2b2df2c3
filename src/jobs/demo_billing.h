// The demo community's billing file (`reparto demo`): every member on a fixed-price 2.0TD
// contract with simplified compensation, Spain's electricity tax and VAT, a grid emission factor,
// and a community fee per kWh self-consumed, so that `reparto bill` and `reparto billing` work
// on the demo right away. Prices are typical of 2025 Spanish offers, not a real retailer's.
#pragma once

#include <string>

#include "core/store.h"

namespace reparto::jobs {

// The billing file text (TOML, docs/billing-file.md) for a demo of `year`.
std::string DemoBillingToml(int year);

// Stores it as the version valid from 1 January of `year`, unless that exact text is already
// stored for that date.
Status SaveDemoBilling(Store& store, const std::string& community, int year,
                       const std::string& saved_at);

}  // namespace reparto::jobs
