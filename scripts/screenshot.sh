#!/usr/bin/env bash
# screenshot.sh <out.png> [cpis-desk args...]: runs the release cpis-desk in training mode
# under Xvfb and saves its main window once the scripted demo has finished, e.g.
#   bash scripts/screenshot.sh docs/screenshots/desk-plans-found.png --demo-lookup 9990000018
# Without --demo-* options it captures the window as it opens (and the sign-in dialog, as
# <out>-dialog.png). `screenshot.sh --all` refreshes every docs/screenshots/desk-*.png,
# notices-*.png and review-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?output png or --all}; shift || true

if [[ $out == --all ]]; then
  shots=(
    "desk-signin.png"
    "desk-ready.png --demo-user triage-nurse"
    "desk-banner-confirm.png --demo-lookup 9990000018 --demo-no-confirm"
    "desk-plans-found.png --demo-lookup 9990000018"
    "desk-several-plans.png --demo-lookup 9990000042"
    "desk-ended-plan.png --demo-lookup 9990000050"
    "desk-ucpp.png --demo-lookup 9990000034"
    "desk-restricted.png --demo-lookup 9990000077"
    "desk-superseded.png --demo-lookup 9990000085"
    "desk-no-record.png --demo-lookup 9990000069"
    "desk-could-not-check.png --demo-lookup 9990000190"
    "desk-from-cache.png --demo-lookup 9990000018 --demo-offline"
    "desk-locked.png --demo-lookup 9990000018 --demo-lock"
    "notices-new.png --demo-user social-worker --demo-notice 1"
    "notices-acknowledged.png --demo-user social-worker --demo-notice 1 --demo-acknowledge"
    "review-queue.png --demo-user safeguarding-lead --demo-review"
    "arealist-school-nurse.png --demo-user school-nurse --demo-area-list"
    "arealist-filtered.png --demo-user school-nurse --demo-area-list --demo-area-filter sm"
    "arealist-health-visitor.png --demo-user health-visitor --demo-area-list"
  )
  for shot in "${shots[@]}"; do
    read -r name args <<<"$shot"
    # shellcheck disable=SC2086 # args are words by design
    bash "$0" "docs/screenshots/$name" $args
  done
  exit 0
fi

bash scripts/setup.sh
bash scripts/build.sh release cpis-desk >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpis-shot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$(dirname "$out")"
echo "screenshot: Xvfb has no session D-Bus: the desk runs with a throwaway unlocked keyring" \
     "in a private D-Bus session and a throwaway store ($tmp/store)." >&2
# Xvfb first, then the private keyring inside it: the keyring is unlocked before the desk
# asks it anything, so gcr-prompter never waits on the invisible display.
CPIS_KEYRING_KEEP_DISPLAY=1 CPIS_KEYRING_TIMEOUT=60 \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  bash tests/support/with-private-keyring.sh "$PWD/build/release/app/cpis-desk" --training \
  --store "$tmp/store" --capture "$(realpath -m "$out")" "$@"
echo "$out"
