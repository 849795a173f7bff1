#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the project's .swift-format (4 spaces, 120 columns,
# layout only: every lint rule is off, so formatting never changes what the code does).
#
#   scripts/format.sh           formats Package.swift, Sources/, Tests/ and FuzzTesting/Sources/ in place
#   scripts/format.sh --check   changes nothing; fails, naming the places, when a file is not formatted (the test
#                               command runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests FuzzTesting/Sources)
if command -v swift-format >/dev/null; then
    format=(swift-format)
else
    format=(swift format)
fi
case "${1:-}" in
    "") "${format[@]}" format --in-place --parallel --recursive "${paths[@]}" ;;
    --check)
        if ! "${format[@]}" lint --strict --parallel --recursive "${paths[@]}"; then
            echo "format: files above are not formatted; run scripts/format.sh" >&2
            exit 1
        fi
        ;;
    *) echo "usage: scripts/format.sh [--check]" >&2; exit 64 ;;
esac
