#!/usr/bin/env bash
# Every test, on a fresh machine: `npm ci && npm test` runs this. It installs the Debian packages the tests need
# when they are missing, then checks formatting, lints, type-checks (tests included) and runs every test: unit,
# storage, web and the end-to-end tests in a real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
npm run --silent check
