#!/usr/bin/env bash
# Quick start 2: set up, build and run the whole test suite headless.
# Usage: scripts/test.sh [preset]   (default: ci, warnings as errors; dev: ASan + UBSan)
# Ends by saying how many tests skipped because reference data that no registry ships
# (../shared/testdata beside the checkout) is absent; with CPIS_REQUIRE_REFERENCE_DATA=1
# (as .ci/run sets it) any such skip fails the run.
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
log="build/$preset/Testing/Temporary/LastTest.log"
rm -f "$log"
status=0
ctest --preset "$preset" --parallel "$(nproc)" || status=$?

# Each skipped test prints one Qt Test line: "SKIP   : Test::function() missing reference
# data: <path>" (tests/support/ReferenceData.h), or "... missing PostgreSQL server: ..." for the
# audit hub's tests (tests/support/PostgresServer.h, which fails instead under CI).
# ctest keeps every test's output in its log.
skips=$(grep -E '^SKIP +: .* missing (reference data|PostgreSQL server): ' "$log" 2>/dev/null || true)
count=$(grep -c . <<<"$skips" || true)
if [[ $count -gt 0 ]]; then
  echo "test: $count test(s) skipped for missing reference data:"
  sed -E 's/^SKIP +: /  /' <<<"$skips"
else
  echo "test: 0 tests skipped for missing reference data"
fi
if [[ $count -gt 0 && ${CPIS_REQUIRE_REFERENCE_DATA:-0} == 1 ]]; then
  echo "test: reference data is required here (CPIS_REQUIRE_REFERENCE_DATA=1)" >&2
  status=1
fi
exit "$status"
