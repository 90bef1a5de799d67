#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test passing: installs
# what is missing, builds, and runs the unit, integration and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
scripts/build.sh
cd build
ctest --output-on-failure --timeout 1500
