#!/usr/bin/env bash
# Browser check of Hawtio: headless Chromium logs in through the service's login form and saves a screenshot of
# the Camel routes view. Needs a running service (./mvnw spring-boot:run), Debian's chromium
# (apt-get install -y chromium) and Node.js with npm. Not part of ./mvnw verify.
#
#   SYNC_API_PASSWORD=... scripts/hawtio-screenshot.sh [screenshot.png]
#
# ORACLE_SYNC_URL (default http://localhost:8080), SYNC_API_USER (default admin), CHROMIUM (default /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

export SCREENSHOT="${1:-target/hawtio-camel-routes.png}"
mkdir -p "$(dirname "$SCREENSHOT")"
if [ ! -d scripts/browser/node_modules/playwright-core ]; then
  (cd scripts/browser && npm ci --no-audit --no-fund --silent)
fi
# a fresh profile every time: no cookie or cached login from an earlier run
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
CHROMIUM_USER_DATA_DIR="$profile" node scripts/browser/hawtio-screenshot.mjs
