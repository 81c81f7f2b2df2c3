#!/usr/bin/env bash
# Builds reparto with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test.
# Usage: scripts/test.sh            (from anywhere; ../shared/data must sit beside the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build-web.sh --test   # npm ci, Vite build into web/dist, the pages' unit tests
jobs=$(nproc)
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DREPARTO_SANITIZE=ON -DREPARTO_BUILD_BENCH=OFF \
  >/dev/null
cmake --build build/test -j"$jobs"
ctest --test-dir build/test -j"$jobs" --output-on-failure --timeout 900
