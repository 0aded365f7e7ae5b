#!/usr/bin/env bash
# Runs a command on a private, empty D-Bus session bus (tests/support/private-session-bus.conf):
# a test puts its own stand-in services there (a desktop notification service), and neither
# the user's desktop nor anything installed on the machine can answer in their place.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpis-bus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
timeout --kill-after=5 "${CPIS_BUS_TIMEOUT:-110}" \
  dbus-run-session --config-file="$here/private-session-bus.conf" -- "$@" \
  2> >(grep -v "Failed to set fd limit" >&2)
