#!/usr/bin/env bash
# screenshot.sh <scenario> [out.png]: takes one of the desk's documented screenshots with the
# screenshot program (tests/screenshots/desk_screenshots.cpp), which builds the desk as
# cpis-desk does, in training mode, and drives it by keyboard and accessible names, under Xvfb.
# Without out.png it writes docs/screenshots/<scenario>.png, e.g.
#   bash scripts/screenshot.sh desk-plans-found
# `screenshot.sh --all` refreshes every scenario; `screenshot.sh --list` names them.
# CPIS_SCREENSHOT_PRESET picks the build (default: release).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?scenario, --list or --all}
preset=${CPIS_SCREENSHOT_PRESET:-release}
program="$PWD/build/$preset/tests/desk_screenshots"

if [[ -z ${CPIS_SCREENSHOT_BUILT:-} ]]; then
  bash scripts/setup.sh
  bash scripts/build.sh "$preset" desk_screenshots >/dev/null
  export CPIS_SCREENSHOT_BUILT=1
fi

if [[ $scenario == --list ]]; then
  "$program" --list
  exit 0
fi
if [[ $scenario == --all ]]; then
  mapfile -t scenarios < <("$program" --list)
  for s in "${scenarios[@]}"; do
    bash "$0" "$s"
  done
  exit 0
fi

out=${2:-docs/screenshots/$scenario.png}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpis-shot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$(dirname "$out")"
echo "screenshot: Xvfb has no session D-Bus: the desk runs with a throwaway unlocked keyring" \
     "in a private D-Bus session and a throwaway store ($tmp/store)." >&2
# Xvfb first, then the private keyring inside it: the keyring is unlocked before the desk
# asks it anything, so gcr-prompter never waits on the invisible display.
CPIS_KEYRING_KEEP_DISPLAY=1 CPIS_KEYRING_TIMEOUT=60 \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  bash tests/support/with-private-keyring.sh "$program" --store "$tmp/store" \
  "$scenario" "$(realpath -m "$out")"
echo "$out"
