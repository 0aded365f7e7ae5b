#!/usr/bin/env bash
# build.sh <preset> [targets...]: configure once, then build incrementally with Ninja.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:?preset}; shift || true

# ccache keyed on paths relative to the checkout, so a fresh clone reuses the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=pch_defines,time_macros
if [[ ! -f "build/$preset/build.ninja" ]]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build "build/$preset" --parallel "$(nproc)" ${1:+--target "$@"}
