#!/usr/bin/env bash
# Quick start 2: set up, build and run the whole test suite headless.
# Usage: scripts/test.sh [preset]   (default: ci, warnings as errors; dev: ASan + UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-ci}
bash scripts/setup.sh
bash scripts/build.sh "$preset"

# Tests never see the user's display, keyring or home; keychain tests get their own
# private D-Bus session and keyring from tests/support/with-private-keyring.sh.
export XDG_RUNTIME_DIR="$PWD/build/$preset/test-run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" --parallel "$(nproc)"
