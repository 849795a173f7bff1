#!/usr/bin/env bash
# The main job: a fresh store, the sample association's roster, a complete sample case of Article 5.6 recorded act
# by act through the command line (complaint to execution, with a recusal) and a second case just opened, then the
# status of the first, the agenda, the case list and a
# verification of the log. The store is left in ./demo-store for you to explore (`greffe --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product greffe >&2
greffe=".build/debug/greffe"
store="${DEMO_STORE:-./demo-store}"
rm -rf "$store"
# "Today" for the demo, so that the deadlines it prints are the same on every run.
export GREFFE_TODAY=2026-02-20 GREFFE_STORE="$store"

step() { printf '\n$ greffe %s\n' "$*"; "$greffe" "$@"; }
step init
step members import docs/examples/adherents.csv --on 2026-01-02 --as m001
step apply docs/examples/dossier-exemple.jsonl
step apply docs/examples/dossier-en-cours.jsonl
step status 2026-001
step agenda
step cases
step log verify
