#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway gnome-keyring that is
# created and unlocked here. The user's own keyring is never reachable from inside,
# and QtKeychain's insecure fallback has nothing to fall back to.
set -euo pipefail

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpis-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# With a display, a locked keyring makes gcr-prompter wait forever on an invisible
# dialog (ENVIRONMENT G4); without one it fails fast. The desk's training runs
# (scripts/desk.sh, scripts/screenshot.sh) need their display: the keyring below is
# unlocked before anything asks it, so no prompt can appear.
if [[ -z ${CPIS_KEYRING_KEEP_DISPLAY:-} ]]; then
  unset DISPLAY WAYLAND_DISPLAY
fi
export CPIS_TEST_PRIVATE_KEYRING=1
export CPIS_TEST_KEYRING_PASSWORD="throwaway-$$"

# CPIS_KEYRING_TIMEOUT=0: no time limit (an interactive training desk).
exec timeout --kill-after=5 "${CPIS_KEYRING_TIMEOUT:-110}" dbus-run-session -- bash -c '
  printf %s "$CPIS_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' cpis-keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
