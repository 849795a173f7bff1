#!/usr/bin/env bash
# Builds the fuzzers (FuzzTesting/, libFuzzer and the address sanitizer) and runs each one for SECONDS (default 5),
# after replaying its corpus (FuzzTesting/Corpus/<fuzzer>/: seeds and every crash found so far). Fails on a crash.
#
#   scripts/fuzz.sh              what the test command runs
#   scripts/fuzz.sh 300          five minutes each
#   FUZZERS=FuzzEntropy scripts/fuzz.sh 60        one fuzzer
#   FUZZ_CONFIGURATION=release scripts/fuzz.sh 300   an optimised build (slower to build, more inputs a second)
#
# New inputs a run finds go to a temporary directory, not into the repository; a crash is written to
# FuzzTesting/.build/crashes/ (docs/fuzzing.md says how to keep it as a regression input).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
configuration=${FUZZ_CONFIGURATION:-debug}
read -r -a fuzzers <<< "${FUZZERS:-FuzzJSONTape FuzzRosterCSV FuzzEntropy FuzzRulebook}"
flags=(--package-path FuzzTesting -c "$configuration"
       -Xswiftc -sanitize=fuzzer,address)

swift build "${flags[@]}"
bin=$(swift build "${flags[@]}" --show-bin-path)
crashes=FuzzTesting/.build/crashes
mkdir -p "$crashes"
found=$(mktemp -d)
trap 'rm -rf "$found"' EXIT

status=0
for fuzzer in "${fuzzers[@]}"; do
    mkdir -p "$found/$fuzzer"
    log="$found/$fuzzer.log"
    echo "fuzz: $fuzzer for ${seconds}s"
    # The first directory receives new inputs; the corpus after it is replayed first.
    if SWIFT_BACKTRACE=enable=no "$bin/$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes/$fuzzer-" "$found/$fuzzer" "FuzzTesting/Corpus/$fuzzer" > "$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tr '\n' ' '
        grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1
    else
        status=1
        tail -n 40 "$log"
        echo "fuzz: $fuzzer failed; the input is in $crashes/ (docs/fuzzing.md: keep it in FuzzTesting/Corpus/$fuzzer/)" >&2
    fi
done
exit "$status"
