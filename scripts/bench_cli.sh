#!/usr/bin/env bash
# Whole-process figures of the command line on a store left by greffe-bench (issue 9, docs/performance.md):
# `greffe status CASE`, `greffe agenda` and `greffe --help`, each the median of repeated runs measured by hyperfine
# (Debian's package: apt-get install hyperfine).
#
#   scripts/bench_cli.sh STORE CASE [OUT.json]
#
# STORE is the engine store kept by `greffe-bench --dir DIR --keep` (DIR/engine); CASE one of its cases (2026-001…).
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: scripts/bench_cli.sh STORE CASE [OUT.json]}
case_id=${2:?usage: scripts/bench_cli.sh STORE CASE [OUT.json]}
out=${3:-cli-bench.json}
command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
scratch=${SCRATCH:-.build-bench}
swift build --scratch-path "$scratch" -c release --product greffe >&2
greffe="$scratch/release/greffe"
export GREFFE_TODAY=2026-12-31 LANG=C.UTF-8
hyperfine --warmup 3 --runs 30 --export-json "$out" \
    -n status "$greffe status $case_id --store $store" \
    -n agenda "$greffe agenda --store $store" \
    -n help "$greffe --help"
