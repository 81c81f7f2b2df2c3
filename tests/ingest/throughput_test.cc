// Manual throughput check of the canonical CSV reader (not a timed test: disabled by default).
// Run on a Release build:
//   ingest_test --gtest_also_run_disabled_tests --gtest_filter='*CanonicalThroughput*'
// It builds about 100 MB of readings in memory (200 participants, quarter-hours in time order
// then participant order, as load diagrams are written) and prints the parse speed in MB/s.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace reparto {
namespace {

TEST(ThroughputTest, DISABLED_CanonicalThroughput) {
  constexpr int kParticipants = 200;
  std::string text = "participant,start,consumption_kwh,injection_kwh,quality\n";
  text.reserve(110u << 20);
  std::vector<std::string> names;
  for (int p = 0; p < kParticipants; ++p) {
    char name[32];
    std::snprintf(name, sizeof name, "ES00210000000%05dAA0F", p);
    names.push_back(name);
  }
  std::int64_t rows = 0;
  char line[128];
  for (UtcSeconds t = 1704067200; text.size() < (100u << 20); t += 900) {
    const std::string start = FormatIsoInstant(t, 3600);
    for (int p = 0; p < kParticipants; ++p) {
      const int n =
          std::snprintf(line, sizeof line, "%s,%s,%d.%03d,%d.%03d,%s\n", names[p].c_str(),
                        start.c_str(), p % 3, static_cast<int>((p * 37 + rows) % 1000), 0,
                        static_cast<int>(rows % 7), rows % 11 == 0 ? "estimated" : "real");
      text.append(line, static_cast<std::size_t>(n));
      ++rows;
    }
  }
  ReadOptions options;
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    const auto begin = std::chrono::steady_clock::now();
    auto batch = ReadReadingsText(text, "bench.csv", options);
    const auto end = std::chrono::steady_clock::now();
    ASSERT_TRUE(batch.ok()) << batch.status().message();
    ASSERT_EQ(static_cast<std::int64_t>(batch->records.size()), rows);
    const double seconds = std::chrono::duration<double>(end - begin).count();
    const double mb_per_s = static_cast<double>(text.size()) / 1e6 / seconds;
    best = std::max(best, mb_per_s);
    std::printf("canonical CSV: %.1f MB, %lld rows in %.3f s: %.0f MB/s\n",
                static_cast<double>(text.size()) / 1e6, static_cast<long long>(rows), seconds,
                mb_per_s);
  }
  std::printf("best: %.0f MB/s\n", best);
}

}  // namespace
}  // namespace reparto
