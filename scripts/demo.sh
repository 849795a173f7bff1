#!/usr/bin/env bash
# The main job: a fresh store, the sample association's roster, then a complete case of Article 5.6 recorded act by
# act through the command line — complaint, board meeting, suspension, instruction, an unanswered call, a publicly
# verifiable draw by lot (RFC 3797), a decline and a recusal replaced from the recorded order, the cell's judgement,
# its execution — and a second case just opened. Then the first case's status, the agenda, the case list, the
# re-computation of the draw, a verification of the log and
# the auditor's full verification (docs/audit.md). The store stays in ./demo-store (`greffe --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product greffe >&2
greffe=".build/debug/greffe"
store="${DEMO_STORE:-./demo-store}"
rm -rf "$store"
# "Today" for the demo, so that the deadlines it prints are the same on every run.
export GREFFE_TODAY=2026-02-20 GREFFE_STORE="$store" GREFFE_ACTOR=m002

step() { printf '\n$ greffe %s\n' "$*"; "$greffe" "$@"; }
step init
step members import docs/examples/adherents.csv --on 2026-01-02 --as m001
step apply docs/examples/demo-1-instruction.jsonl
step cell draw-announce 2026-001 --on 2026-02-05 \
    --source "Loto FDJ du samedi 7 février 2026 : les 5 numéros, sans le numéro chance" --known-on 2026-02-07
step cell draw 2026-001 --on 2026-02-07 --entropy "3 11 17 25 38"
step apply docs/examples/demo-2-jugement.jsonl
step apply docs/examples/dossier-en-cours.jsonl
step status 2026-001
step agenda
step cases
step audit draw 2026-001
step log verify
step audit verify
