#!/usr/bin/env bash
# The web API benchmark (docs/benchmarks.md "Web API", issue 5 requirement 5). Makes a demo
# database in a temporary folder, starts `reparto serve` on a free port, logs in as a demo member
# and measures (wrk, 64 connections):
#   0. the server's RSS growth with 1 000 live streams (Server-Sent Events) open on the fresh
#      server (bench/web/sse_streams.py; target < 100 MB);
#   1. the member's whole year of series at the community's step (the heaviest request of the
#      member dashboard), with Accept-Encoding as a browser sends it; target p99 < 20 ms;
#      1b. the same without compression (informative);
#      1c. a year of quarter-hours: the demo community settles hourly (Spain), so the database
#      also holds the demo's 2022-2024 and the request asks for four years of hours, 35 064
#      values per quantity, as many as a year of quarter-hours (35 040); target p99 < 20 ms;
#   2. the requests the member dashboard makes when it loads (informative);
#   3. 1 000 live streams open again and run 1 again (targets: RSS growth < 100 MB, p99 still
#      < 20 ms and the p90 not more than 25 % + 1 ms above run 1's).
# Exits 1 when a target is missed, 2 when the benchmark itself could not run.
#
#   bench/web/run.sh BUILD_DIR [EMAIL PASSWORD]
#   environment: REPARTO_BENCH_DURATION (wrk seconds, 10), REPARTO_BENCH_CONNECTIONS (64),
#   REPARTO_BENCH_STREAMS (1000), REPARTO_BENCH_PORT (0: a free port),
#   REPARTO_BENCH_SERVER_THREADS (0: one per core), REPARTO_BENCH_KEEP (1: keep the folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: bench/web/run.sh BUILD_DIR [EMAIL PASSWORD]}" && pwd)
email=${2:-member1@reparto.demo}
password=${3:-demo-member1-2025}
duration=${REPARTO_BENCH_DURATION:-10}
connections=${REPARTO_BENCH_CONNECTIONS:-64}
streams=${REPARTO_BENCH_STREAMS:-1000}
port=${REPARTO_BENCH_PORT:-0}
server_threads=${REPARTO_BENCH_SERVER_THREADS:-0}
reparto=$build/apps/reparto/reparto

fail() { echo "bench/web: $*" >&2; exit 2; }
for tool in wrk curl python3; do
  command -v "$tool" > /dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done
[ -x "$reparto" ] || fail "no $reparto: build the reparto target first (a Release build)"
# One descriptor per stream on both sides.
ulimit -n $((streams + 1024)) 2> /dev/null || ulimit -n "$(ulimit -Hn)" 2> /dev/null || true

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2> /dev/null || true
    wait "$server" 2> /dev/null || true
  fi
  if [ "${REPARTO_BENCH_KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
cd "$work"

echo "== demo database (2025, then 2022-2024 for the four-year request)"
for demo_year in 2025 2022 2023 2024; do
  "$reparto" demo --db demo.db --year "$demo_year" > demo.log 2>&1 ||
    { cat demo.log >&2; fail "reparto demo --year $demo_year failed"; }
done
: > serve.log
"$reparto" serve --db demo.db --port "$port" --threads "$server_threads" > serve.log 2>&1 &
server=$!
# Wait for the line with the bound port rather than a fixed time.
url=
for _ in $(seq 1 300); do
  url=$(sed -n 's|^reparto is running at \(http://[^/]*\)/.*|\1|p' serve.log)
  [ -n "$url" ] && break
  kill -0 "$server" 2> /dev/null || { cat serve.log >&2; fail "reparto serve exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat serve.log >&2; fail "reparto serve did not start within 30 s"; }
echo "server $url (pid $server, $(nproc) cores, server threads: ${server_threads/#0/one per core})"

echo "== login as $email"
code=$(curl -s -o me.json -D login.headers -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$url/api/login")
[ "$code" = 200 ] || fail "login answered $code: $(cat me.json)"
token=$(sed -n 's/^[Ss]et-[Cc]ookie: reparto_session=\([^;]*\).*/\1/p' login.headers | tr -d '\r')
[ -n "$token" ] || fail "the login set no reparto_session cookie"
cookie="reparto_session=$token"
get() {  # get PATH OUT -> "status bytes seconds"
  curl -s -o "$2" -w '%{http_code} %{size_download} %{time_total}\n' -H "Cookie: $cookie" "$url$1"
}
get /api/me me.json > /dev/null
read -r community participant < <(python3 -c '
import json
g = [g for g in json.load(open("me.json"))["grants"] if g.get("participant")][0]
print(g["community"], g["participant"])')
[ -n "$participant" ] || fail "$email holds no supply point"
get "/api/communities/$community" community.json > /dev/null
# The dashboard opens on the last month with results; the year benchmarked is that month's.
read -r year day < <(python3 -c '
import json
c = json.load(open("community.json"))
m = c.get("last_month") or "2025-12"
print(m[:4], m[:7] + "-01")')
tomorrow=$(date -d tomorrow +%F)
base="/api/communities/$community/participants/$participant"
year_path="$base/series?year=$year"
quarter_hour_year_path="$base/series?from=$((year - 3))-01-01&to=$year-12-31"
# What web/src/pages/member.js requests when the member dashboard loads (besides the live
# stream): the community, the best hours of tomorrow, a day of quarter-hours, the year's
# economics and the invoices; GET /api/me comes first (web/src/session.js).
dashboard_paths="/api/me /api/communities/$community $base/best-hours?date=$tomorrow \
$base/series?from=$day&to=$day&resolution=interval $base/economics?year=$year $base/invoices"

echo "== responses (status, body bytes, seconds of a cold request)"
for p in "$year_path" "$quarter_hour_year_path" $dashboard_paths "$base/series?from=$year-01-01&to=$year-12-31&resolution=month"; do
  read -r status bytes seconds < <(get "$p" body.json)
  printf '  %s %9s B %6s s  %s\n' "$status" "$bytes" "$seconds" "$p"
  [ "$status" = 200 ] || fail "$p answered $status: $(head -c 300 body.json)"
  if [ "$p" = "$year_path" ]; then year_bytes=$bytes; fi
done
read -r _ gzip_bytes _ < <(curl -s -o year.gz -w '%{http_code} %{size_download} %{time_total}\n' \
  -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$url$year_path")
get "$year_path" year.json > /dev/null
read -r values step < <(python3 -c '
import json
s = json.load(open("year.json"))
print(len(s["consumption_wh"]), s["step_seconds"])')
echo "  the year: $values intervals of ${step}s x 5 quantities: $year_bytes bytes of JSON," \
  "$gzip_bytes with gzip"

browser_encoding="gzip, deflate, br, zstd"  # what Chromium sends with fetch()
wrk_run() {  # wrk_run LABEL ACCEPT_ENCODING PATHS...
  local label=$1 encoding=$2
  shift 2
  REPARTO_COOKIE=$cookie REPARTO_ACCEPT_ENCODING=$encoding REPARTO_PATHS="$*" \
    wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/series.lua" "$url" > "wrk_$label.txt"
  sed 's/^/  /' "wrk_$label.txt"
}

echo "== 0. memory of $streams live streams on the fresh server"
python3 "$here/sse_streams.py" --url "$url" --pid "$server" --cookie "$cookie" \
  --community "$community" -n "$streams" > streams_fresh.txt || streams_failed=1
sed 's/^/  /' streams_fresh.txt
echo "== 1. the year's series as the browser asks for it (gzip), $connections connections, ${duration} s"
wrk_run year "$browser_encoding" "$year_path"
echo "== 1b. the same without compression (identity), $connections connections, ${duration} s"
wrk_run year_identity "" "$year_path"
echo "== 1c. a year of quarter-hours' worth: four years of hours (gzip), $connections connections, ${duration} s"
wrk_run quarter_hour_year "$browser_encoding" "$quarter_hour_year_path"
echo "== 2. the dashboard's requests on load (gzip), $connections connections, ${duration} s"
# shellcheck disable=SC2086
wrk_run dashboard "$browser_encoding" $dashboard_paths
echo "== 3. $streams live streams open again, then run 1 again"
# The series cache lives 30 s: the run with streams measures the same cached answers as run 1
# (and a cold answer at most once, as in run 1).
REPARTO_COOKIE=$cookie REPARTO_ACCEPT_ENCODING=$browser_encoding REPARTO_PATHS="$year_path" \
  python3 "$here/sse_streams.py" --url "$url" --pid "$server" --cookie "$cookie" \
  --community "$community" -n "$streams" -- \
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/series.lua" "$url" \
  > streams.txt || streams_failed=1
sed 's/^/  /' streams.txt
grep -q '^STREAMS ' streams.txt || fail "the live streams part did not finish"

python3 - "$streams" "${streams_failed:-0}" << 'EOF'
import re, sys
streams, streams_failed = int(sys.argv[1]), sys.argv[2] == "1"

def result(path):
    lines = [l for l in open(path) if l.startswith("RESULT ")]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", lines[-1])} if lines else None

year, identity = result("wrk_year.txt"), result("wrk_year_identity.txt")
quarter = result("wrk_quarter_hour_year.txt")
board, with_streams = result("wrk_dashboard.txt"), result("streams.txt")

def streams_line(path):
    line = [l for l in open(path) if l.startswith("STREAMS ")][-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}

fresh, again = streams_line("streams_fresh.txt"), streams_line("streams.txt")
checks = []
def check(name, ok, text):
    checks.append(ok)
    print(f"  {'PASS' if ok else 'FAIL'}  {name}: {text}")

def line(name, r):
    return (f"{name}: {r['rps']:.0f} req/s, p50 {r['p50_ms']:.2f} ms, p90 {r['p90_ms']:.2f} ms, "
            f"p99 {r['p99_ms']:.2f} ms, max {r['max_ms']:.2f} ms, {r['bytes']:.0f} B/response")

print("== summary")
for name, r in (("year (gzip)", year), ("year (identity)", identity),
                ("35 064 values (gzip)", quarter),
                ("dashboard on load", board), (f"year with {streams} streams", with_streams)):
    if r is None:
        print(f"  FAIL  {name}: wrk printed no result")
        checks.append(False)
    else:
        print("  " + line(name, r))
for name, r in (("year", year), ("year identity", identity), ("35 064 values", quarter),
                ("dashboard", board),
                ("year with streams", with_streams)):
    if r and (r["non2xx"] > 0 or r["socket_errors"] > 0):
        check(f"{name}: errors", False, f"{r['non2xx']:.0f} non-2xx, {r['socket_errors']:.0f} socket errors")
if year:
    check("year's series p99 < 20 ms", year["p99_ms"] < 20, f"{year['p99_ms']:.2f} ms")
if quarter:
    check("a year of quarter-hours' values p99 < 20 ms", quarter["p99_ms"] < 20,
          f"{quarter['p99_ms']:.2f} ms")
for name, s in (("fresh server", fresh), ("after the runs", again)):
    growth_mb = (s["rss_after_kib"] - s["rss_before_kib"]) * 1024 / 1e6
    check(f"{streams} streams < 100 MB RSS growth ({name})",
          growth_mb < 100 and s["with_event"] == streams and s["still_open"] == streams,
          f"+{growth_mb:.1f} MB ({s['rss_before_kib'] / 1024:.1f} -> "
          f"{s['rss_after_kib'] / 1024:.1f} MiB), {s['with_event']:.0f} received events, "
          f"{s['still_open']:.0f} still open")
if streams_failed:
    check("live streams", False, "sse_streams.py reported an error (above)")
if year and with_streams:
    # "Not slower": the p90 (steadier than the p99 at a few milliseconds) within 25 % + 1 ms of
    # run 1's, and the p99 still under the target.
    limit = year["p90_ms"] * 1.25 + 1
    check(f"with {streams} streams: p90 <= {limit:.2f} ms and p99 < 20 ms",
          with_streams["p90_ms"] <= limit and with_streams["p99_ms"] < 20,
          f"p90 {with_streams['p90_ms']:.2f} ms, p99 {with_streams['p99_ms']:.2f} ms "
          f"(without: p90 {year['p90_ms']:.2f} ms, p99 {year['p99_ms']:.2f} ms)")
sys.exit(0 if all(checks) else 1)
EOF
