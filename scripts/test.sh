#!/usr/bin/env bash
# Runs every test: installs what is missing, builds everything, checks the release binary, runs the fuzzers for a few
# seconds each, then the whole test suite (its counts are the last line).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
# The sources are formatted (.swift-format; scripts/format.sh formats them): a few seconds, before the builds.
scripts/format.sh --check
swift build --build-tests
# The release binary (docs/install.md) needs no Swift, Foundation or LMDB shared library: release.sh links it the same
# way, unoptimised to save time, and checks it with ldd, and fails otherwise. Still the slowest step of this script.
scripts/release.sh --check-static
# The fuzzers: their corpus replayed, then a few seconds each (docs/fuzzing.md).
scripts/fuzz.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line with the Swift Testing counts (XCTest's own summary line says 0: we use Swift Testing).
passed=$(grep -Eo 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$log" | grep -Eo '[0-9]+' | head -1 || true)
failed=$(grep -Eo 'Test run with [0-9]+ tests? in [0-9]+ suites? failed' "$log" | head -1 || true)
if [ "$status" -eq 0 ] && [ -n "$passed" ]; then
    echo "swift-testing: $passed passed, 0 failed"
else
    echo "tests failed (swift test exit $status) ${failed}" >&2
    exit 1
fi
