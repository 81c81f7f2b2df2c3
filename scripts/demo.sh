#!/usr/bin/env bash
# Builds reparto (Release) and allocates the two example communities of examples/:
# a Portuguese apartment building and a Spanish industrial estate. Outputs go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DREPARTO_BUILD_TESTS=OFF \
  -DREPARTO_BUILD_BENCH=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target reparto
reparto=build/release/apps/reparto/reparto
mkdir -p out

echo "== Portuguese apartment building (15-minute, fixed coefficients, two plants)"
pt=examples/pt-apartment-building
$reparto allocate --community $pt/community.toml \
  --readings $pt/readings.csv --readings $pt/eredes-A1.csv \
  --out out/pt-diagrams.csv --summary out/pt-monthly.csv

echo
echo "== Spanish industrial estate (hourly coefficients, Datadis exports)"
es=examples/es-industrial-estate
$reparto allocate --community $es/community.toml \
  --readings $es/datadis-consumers.csv --readings $es/datadis-producer.csv \
  --out out/es-diagrams.csv --summary out/es-monthly.csv
$reparto coefficients export --community $es/community.toml --year 2024 \
  --cau ES0031406900000001RD0FA000 --out-dir out
$reparto coefficients check out/ES0031406900000001RD0FA000_2024.txt

echo
echo "Done. Look at out/*.csv (load diagrams and monthly totals) and the coefficient file in out/."
echo "Next: $reparto allocate --help"
