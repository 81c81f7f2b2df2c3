#!/usr/bin/env bash
# Installs the Debian 12 packages reparto builds with, if any is missing (needs root or sudo).
set -euo pipefail
packages=(
  g++ cmake make pkg-config tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  libhowardhinnant-date-dev libcli11-dev libtomlplusplus-dev libzip-dev libpugixml-dev libsqlite3-dev libxlsxwriter-dev
  libpq-dev postgresql
  nlohmann-json3-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
  libboost-dev libsodium-dev chromium wrk
)
# The web front end is built with Node.js and npm: Debian's, unless the machine already has a node.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
