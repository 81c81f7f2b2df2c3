// Helpers shared by the synth tests: the Madrid zone and a local-day grid of a whole year.
// Units: steps in seconds.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "core/time.h"
#include "tz/iana_zone.h"

namespace reparto::synth {

inline const TimeZone& Madrid() {
  static const std::unique_ptr<IanaZone> zone = [] {
    auto loaded = IanaZone::Load("Europe/Madrid");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(loaded.value()) : nullptr;
  }();
  return *zone;
}

inline DayGrid MadridYear(int year, int step_seconds = 900) {
  auto grid = MakeDayGrid(Madrid(), {year, 1, 1}, {year + 1, 1, 1}, step_seconds);
  EXPECT_TRUE(grid.ok()) << grid.status().message();
  return grid.ok() ? *grid : DayGrid{};
}

}  // namespace reparto::synth
