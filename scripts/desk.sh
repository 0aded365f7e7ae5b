#!/usr/bin/env bash
# Quick start 1: set up, build and start cpis-desk in training mode (built-in sandbox).
# Extra arguments go to cpis-desk (see cpis-desk --help), e.g. --demo-user triage-nurse.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release cpis-desk >/dev/null
desk="$PWD/build/release/app/cpis-desk"

if [[ -n ${DBUS_SESSION_BUS_ADDRESS:-} ]]; then
  # A real desktop session: its own keyring holds the store's key.
  exec "$desk" --training "$@"
fi

# No session D-Bus (Xvfb, CI, ssh): no keyring to keep the store's key in. Training data is
# synthetic, so the desk runs in a private D-Bus session with a throwaway unlocked
# gnome-keyring and a throwaway store, all deleted when it exits. Never for live use.
store=$(mktemp -d "${TMPDIR:-/tmp}/cpis-desk-store.XXXXXX")
trap 'rm -rf "$store"' EXIT
echo "cpis-desk: no session D-Bus here, so training runs with a throwaway unlocked keyring" \
     "in a private D-Bus session and a throwaway store ($store); both go when it exits." >&2
export CPIS_KEYRING_KEEP_DISPLAY=1 CPIS_KEYRING_TIMEOUT=${CPIS_KEYRING_TIMEOUT:-0}
export XAUTHORITY=${XAUTHORITY:-$HOME/.Xauthority} # the wrapper moves HOME
bash tests/support/with-private-keyring.sh "$desk" --training --store "$store" "$@"
