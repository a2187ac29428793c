#!/usr/bin/env bash
# Browser check of Hawtio: headless Chromium logs in through the service's login form and saves a screenshot of
# the Camel routes view, and one of the run route's diagram. Needs a running service (./mvnw spring-boot:run), Debian's chromium
# (apt-get install -y chromium) and Node.js with npm. Not part of ./mvnw verify.
#
#   SYNC_API_PASSWORD=... scripts/hawtio-screenshot.sh [routes.png [diagram.png]]
#
# ORACLE_SYNC_URL (default http://localhost:8080), SYNC_API_USER (default admin), CHROMIUM (default /usr/bin/chromium),
# ROUTE (the route whose diagram is saved, default sync-opportunities-run)
set -euo pipefail
cd "$(dirname "$0")/.."

export SCREENSHOT="${1:-target/hawtio-camel-routes.png}"
export DIAGRAM="${2:-target/hawtio-run-route-diagram.png}"
mkdir -p "$(dirname "$SCREENSHOT")" "$(dirname "$DIAGRAM")"
if [ ! -d scripts/browser/node_modules/playwright-core ]; then
  (cd scripts/browser && npm ci --no-audit --no-fund --silent)
fi
# a fresh profile every time: no cookie or cached login from an earlier run
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
CHROMIUM_USER_DATA_DIR="$profile" node scripts/browser/hawtio-screenshot.mjs
