// Price series: hourly (or quarter-hourly) prices over UTC instants, e.g. Spain's PVPC or the
// ESIOS 1739 surplus price, read by src/ingest/price_files.h and stored by core/billing_store.h.
//
// Units: MicroPrice = µ€ per kWh (a file in €/MWh is converted when read: 132.90 €/MWh =
// 132 900 µ€/kWh). Instants UTC seconds; each point holds for [start, start + step_seconds).
//
//   PriceSeries pvpc{.name = "pvpc-peninsula", .step_seconds = 3600};
//   pvpc.points.push_back({.start = t, .price = 116'330});
//   PriceCoverage c = PricesForIntervals(pvpc, zone, first, 3600, n);   // core/price_lookup.h
#pragma once

#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"

namespace reparto {

struct PricePoint {
  UtcSeconds start = 0;
  MicroPrice price = 0;  // µ€/kWh; may be negative (market prices)
  friend bool operator==(const PricePoint&, const PricePoint&) = default;
};

struct PriceSeries {
  std::string name;  // "pvpc-peninsula", "esios-1739", ...
  int step_seconds = 3600;
  std::vector<PricePoint> points;  // sorted by start, unique
  friend bool operator==(const PriceSeries&, const PriceSeries&) = default;
};

}  // namespace reparto
