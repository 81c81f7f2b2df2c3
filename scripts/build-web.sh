#!/usr/bin/env bash
# Builds the web pages into web/dist (served by `reparto serve --web-root web/dist`).
# Runs `npm ci` when web/node_modules is missing or web/package-lock.json changed since the last
# install, then `npm run build`. With --test, also runs the unit tests (`npm test`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
web="$here/web"
run_tests=0
for arg in "$@"; do
  case "$arg" in
    --test) run_tests=1 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# //'; exit 0 ;;
    *) echo "build-web.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "build-web.sh: node and npm are needed to build the web pages (Node.js 18 or newer)." >&2
  echo "  Debian/Ubuntu: apt-get install nodejs npm   (or run scripts/install-deps.sh)" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
  echo "build-web.sh: Node.js $(node --version) is too old; 18 or newer is needed." >&2
  exit 1
fi

cd "$web"
stamp="node_modules/.reparto-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ ! -d node_modules ] || [ "$want" != "$have" ]; then
  echo "build-web.sh: installing the web dependencies (npm ci)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

echo "build-web.sh: building web/dist"
npm run build --silent
if [ "$run_tests" = 1 ]; then
  npm test --silent
fi
echo "build-web.sh: web pages ready in $web/dist"
