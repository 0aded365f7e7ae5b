#!/usr/bin/env bash
# Quick start 1: set up, build and start cpis-desk in training mode (built-in sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release cpis-desk >/dev/null
exec build/release/app/cpis-desk --training "$@"
