#!/usr/bin/env bash
# screenshot.sh <out.png> [cpis-desk args...]: starts the release cpis-desk under Xvfb and
# captures its main window. Used for docs/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?output png}; shift || true
bash scripts/setup.sh
bash scripts/build.sh release cpis-desk >/dev/null
export XDG_RUNTIME_DIR="$PWD/build/release/xdg-run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
timeout 60 xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash -c '
  out=$1; shift
  build/release/app/cpis-desk --training "$@" & app=$!
  win=
  for _ in $(seq 100); do
    win=$(xwininfo -root -tree | awk "/\"CP-IS Desk\": \\(\"cpis-desk\"/ {print \$1; exit}")
    [[ -n $win ]] && break; sleep 0.1
  done
  [[ -n $win ]] || { echo "screenshot: no window appeared" >&2; kill $app; exit 1; }
  sleep 0.5   # let the first paint land; there is no portable signal for that from outside
  import -window "$win" "$out"
  kill $app; wait $app || true' screenshot "$out" "$@"
echo "$out"
