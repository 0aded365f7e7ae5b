#!/usr/bin/env bash
# fuzz/run_spine.sh [seconds]: build the `fuzz` preset's CP-IS HL7 V3 reader target and fuzz it
# for N seconds (default 300). Seeds are read in place from fuzz/corpus/spine (the test fixtures
# and answers captured from the sandbox); what the fuzzer learns goes to
# build/fuzz/spine-corpus, crash inputs to build/fuzz/spine-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
bash scripts/build.sh fuzz fuzz_spine_reader

mkdir -p build/fuzz/spine-corpus build/fuzz/spine-artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/support/lsan.supp:print_suppressions=0}
# One job on one core: the machine is shared. -max_len lets a mutation grow past the largest
# seed up to a real answer's size.
exec build/fuzz/fuzz/fuzz_spine_reader \
  -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -max_len=65536 \
  -dict=fuzz/spine.dict -artifact_prefix=build/fuzz/spine-artifacts/ \
  build/fuzz/spine-corpus fuzz/corpus/spine
