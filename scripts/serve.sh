#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running deckd: installs
# what is missing, builds, and serves on the defaults (127.0.0.1:8080,
# ./deckd-data). Extra arguments go to `deckd serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/src/deckd serve "$@"
