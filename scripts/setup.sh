#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running CP-IS Desk needs.
# Idempotent and quiet when everything is present; run by both Quick start commands.
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config dpkg-dev clang-format
  # Qt 6.4 (qt6-websockets-dev: Qt6HttpServer needs it but Debian does not say so)
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev qt6-tools-dev qt6-l10n-tools
  # qt6-charts-dev's CMake package needs Qt6OpenGL's, which Debian ships apart and does not name
  qt6-charts-dev libqt6opengl6-dev
  # secure store (libsecret-1-0 is dlopen()ed by QtKeychain, which does not depend on it)
  qtkeychain-qt6-dev libsecret-1-0 libsqlcipher-dev sqlcipher libssl-dev
  # headless tests: private D-Bus session with a real Secret Service, X server for screenshots
  dbus gnome-keyring libsecret-tools xvfb xauth x11-utils imagemagick fonts-dejavu-core
  # sandbox TLS certificates, contract checks and examples
  openssl curl python3 python3-jsonschema
  # fuzzing (libFuzzer) and sanitizer runtimes
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
