#!/usr/bin/env bash
# Every test, on a fresh machine: `npm ci && npm test` runs this. It installs the Debian packages the tests need
# when they are missing, starts a throwaway PostgreSQL server on loopback for the storage tests, then checks
# formatting, lints, type-checks (tests included) and runs every test: unit, storage (SQLite, PGlite and the real
# PostgreSQL server), web and the end-to-end tests in a real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
eval "$(bash scripts/test-postgres.sh start)"
trap 'bash scripts/test-postgres.sh stop' EXIT
npm run --silent check
