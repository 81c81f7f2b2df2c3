#!/usr/bin/env bash
# Builds the benchmarks (Release, no sanitizer, in build/bench) and runs them; arguments go to
# Google Benchmark, e.g. scripts/bench.sh --benchmark_filter=AllocateYear
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DREPARTO_BUILD_TESTS=OFF \
  -DREPARTO_BUILD_BENCH=ON >/dev/null
cmake --build build/bench -j"$(nproc)" --target reparto_bench
build/bench/bench/reparto_bench "$@"
