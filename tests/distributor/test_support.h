// Shared helpers for the distributor tests: valid CUPS/CAU, zones, and joining lines with CRLF.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "gtest/gtest.h"
#include "tz/iana_zone.h"

namespace reparto::distributor::testing {

// Valid CUPS (control letters worked by hand in cups_syntax_test.cc) and a CAU built on kCupsA.
inline constexpr std::string_view kCupsA = "ES0021000000000001RK0F";
inline constexpr std::string_view kCupsB = "ES0021000000000002RE0F";
inline constexpr std::string_view kCupsC = "ES0021000000000003WT";
inline constexpr std::string_view kCau = "ES0021000000000001RK0FA001";

inline std::unique_ptr<IanaZone> Zone(std::string_view name) {
  auto zone = IanaZone::Load(name);
  EXPECT_TRUE(zone.ok()) << zone.status().message();
  return std::move(zone).value();
}

inline UtcSeconds At(std::string_view iso) {
  auto t = ParseIsoInstant(iso);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : 0;
}

// Lines joined with CRLF, no line end after the last one.
inline std::string JoinCrlf(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += lines[i];
  }
  return out;
}

}  // namespace reparto::distributor::testing
