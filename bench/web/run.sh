#!/bin/sh
# The API benchmark (docs/api.md, Benchmark): starts `reparto serve` on a demo database, logs in as
# a demo member with curl, runs wrk on the member's year of series (64 connections), then opens
# 1 000 live streams and measures memory and the latency of other requests.
#   bench/web/run.sh BUILD_DIR [EMAIL PASSWORD]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?build directory}" && pwd)
email=${2:-}
password=${3:-}
work=$(mktemp -d)
port=${REPARTO_BENCH_PORT:-18080}
cd "$work"
"$build/apps/reparto/reparto" demo --db demo.db > /dev/null
"$build/apps/reparto/reparto" serve --db demo.db --port "$port" > serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
sleep 3
if [ -z "$email" ]; then
  # The demo accounts `reparto serve` prints.
  email=$(grep -o 'member[^ ]*@[^ ]*' serve.log | head -1)
  password=$(grep -A0 "$email" serve.log | grep -o 'password[: ]*[^ ]*' | head -1 | sed 's/password[: ]*//')
fi
curl -s -c cookies.txt -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/login" > me.json
cookie="reparto_session=$(awk '$6=="reparto_session"{print $7}' cookies.txt)"
grants=$(curl -s -b cookies.txt "http://127.0.0.1:$port/api/me")
community=$(echo "$grants" | python3 -c 'import json,sys; g=json.load(sys.stdin)["grants"][0]; print(g["community"])')
participant=$(echo "$grants" | python3 -c 'import json,sys; g=json.load(sys.stdin)["grants"][0]; print(g["participant"])')
path="/api/communities/$community/participants/$participant/series?year=2025"
REPARTO_COOKIE=$cookie REPARTO_SERIES_PATH=$path \
  wrk -t2 -c64 -d10s --latency -s "$here/series.lua" "http://127.0.0.1:$port"
python3 "$here/sse_streams.py" --url "http://127.0.0.1:$port" --pid $server \
  --cookie "$cookie" --community "$community" --path "$path" -n 1000
