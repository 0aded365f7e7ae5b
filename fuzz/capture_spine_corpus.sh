#!/usr/bin/env bash
# fuzz/capture_spine_corpus.sh PORT: write the answers of a running cpis-sandbox
# (`cpis-sandbox --port PORT --open`) to CP-IS V3 queries into fuzz/corpus/spine, as seeds for
# fuzz_spine_reader. Synthetic data only. The query is tests/data/spine/request-system.xml
# (a system author, which the sandbox takes without a test user) for each scenario's number.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:?port}
out=fuzz/corpus/spine
ask() { # ask NHS NAME [EXTRA CURL ARGS]
  local nhs=$1 name=$2; shift 2
  sed -e "s/9434765919/$nhs/" \
      -e '/<accessEventType>/,/<\/accessEventType>/c\        <accessEventType value="false"/>' \
      tests/data/spine/request-system.xml > "$out/.request.xml"
  curl -sS -o "$out/sandbox-$name.xml" -w "$name: HTTP %{http_code}, %{size_download} bytes\n" \
    -H 'Content-Type: text/xml; charset=utf-8' \
    -H 'SOAPAction: "urn:nhs:names:services:cpisquery/QUPC_IN000006GB01"' "$@" \
    --data-binary @"$out/.request.xml" "http://127.0.0.1:$port/spine/cpis"
}
ask 9990000018 plans-1
ask 9990000018 plans-with-history   # the same child again: the first query is now history
ask 9990000026 plans-2
ask 9990000034 plans-3
ask 9434765919 no-record
ask 9990000301 mcci-error
ask 9990000298 wrong-relatesto
ask 9990000018 fault-503 -H 'X-Sandbox-Fault: http-503'
rm -f "$out/.request.xml"
