#!/usr/bin/env bash
# Installs what deckd needs to build, run and test on Debian 12, and nothing
# when it is all there already. Run as root, or as a user with sudo.
set -euo pipefail

BUILD_PACKAGES=(
  g++ make cmake pkg-config ccache git
  libsqlitecpp-dev libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev
  libspdlog-dev catch2 libcairo2-dev libpango1.0-dev libgdk-pixbuf-2.0-dev
)
RUNTIME_PACKAGES=(ffmpeg espeak-ng fonts-dejavu-core fonts-wqy-microhei fontconfig ca-certificates)
TEST_PACKAGES=(curl bc poppler-utils procps chromium firefox-esr nodejs npm)
# Satisfied by a command of that name from anywhere: a Node.js from another
# source (e.g. NodeSource's, which bundles npm and conflicts with Debian's
# npm package) must not be replaced.
declare -A COMMAND_OF=([nodejs]=node [npm]=npm)

packages=("${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}")
if [[ "${1:-}" == "--with-tests" ]]; then
  packages+=("${TEST_PACKAGES[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if [[ -n "${COMMAND_OF[$p]:-}" ]] && command -v "${COMMAND_OF[$p]}" >/dev/null; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
