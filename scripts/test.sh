#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test passing: installs
# what is missing, builds, and runs the unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
scripts/build.sh
cd build
ctest --output-on-failure --timeout 1500
