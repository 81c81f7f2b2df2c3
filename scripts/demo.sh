#!/usr/bin/env bash
# Builds reparto (Release) and runs it on the embedded default: `reparto demo` creates the
# demonstration community (39 homes, shops, a school and an office sharing two PV plants, a year of
# quarter-hour readings, allocated) in the SQLite file reparto.db, then shows it and exports its
# monthly totals, allocates the two example communities of examples/ from their files (outputs in
# out/) and ends with the web app running on the demo database: open the printed address and log
# in with one of the printed demo accounts; Ctrl+C stops it. Running it again changes nothing in
# the database.
#   scripts/demo.sh [--no-serve]     (REPARTO_PORT=8081 scripts/demo.sh for another port)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
for arg in "$@"; do
  case "$arg" in
    --no-serve) serve=0 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh
scripts/build-web.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DREPARTO_BUILD_TESTS=OFF \
  -DREPARTO_BUILD_BENCH=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target reparto
reparto=build/release/apps/reparto/reparto
mkdir -p out

echo "== reparto demo (database: reparto.db)"
$reparto demo --db reparto.db
cau=$($reparto community list --db reparto.db | awk 'NR==1 {print $1}')
echo
$reparto community show "$cau" --db reparto.db > out/demo-community.txt
head -8 out/demo-community.txt
echo "  ... (all of it in out/demo-community.txt)"
$reparto export --db reparto.db --community "$cau" --kind monthly --out out/demo-monthly.xlsx
$reparto export --db reparto.db --community "$cau" --kind monthly --out out/demo-monthly.csv

echo
echo "== Portuguese apartment building from files (15-minute, fixed coefficients, two plants)"
pt=examples/pt-apartment-building
$reparto allocate --community $pt/community.toml \
  --readings $pt/readings.csv --readings $pt/eredes-A1.csv \
  --out out/pt-diagrams.csv --summary out/pt-monthly.csv

echo
echo "== Spanish industrial estate from files (hourly coefficients, Datadis exports)"
es=examples/es-industrial-estate
$reparto allocate --community $es/community.toml \
  --readings $es/datadis-consumers.csv --readings $es/datadis-producer.csv \
  --out out/es-diagrams.csv --summary out/es-monthly.csv
$reparto coefficients export --community $es/community.toml --year 2024 \
  --cau ES0031406900000001RD0FA000 --out-dir out
$reparto coefficients check out/ES0031406900000001RD0FA000_2024.txt

echo
echo "Done. The demo community is in reparto.db; exports and example outputs are in out/."
echo "More: $reparto --help"
if [ "$serve" = 1 ]; then
  echo
  echo "== reparto serve (the web app on the demo database; Ctrl+C stops it)"
  exec $reparto serve --db reparto.db --port "${REPARTO_PORT:-8080}" --web-root web/dist
fi
