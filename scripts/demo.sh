#!/usr/bin/env bash
# The main job: a fresh store, the sample association's roster, then a complete case of Article 5.6 recorded act by
# act with the command line, as a rapporteur would — complaint, board meeting, suspension, instruction, an unanswered
# call, a publicly verifiable draw by lot (RFC 3797), a decline and a recusal replaced from the recorded order, the
# cell's judgement and its execution — and a second case just opened. Then the first case's status, the agenda, the
# case list, the re-computation of the draw, a verification of the log and the
# auditor's full verification (docs/audit.md). The store stays in ./demo-store.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product greffe >&2
greffe=".build/debug/greffe"
store="${DEMO_STORE:-./demo-store}"
rm -rf "$store"
# "Today" for the demo, so that the deadlines it prints are the same on every run; m002 is the rapporteur.
export GREFFE_TODAY=2026-02-20 GREFFE_STORE="$store" GREFFE_ACTOR=m002

# Prints each command as one could type it (arguments with spaces or shell characters in double quotes), then runs it.
step() {
    printf '\n$ greffe'
    for arg in "$@"; do
        if [[ "$arg" =~ [[:space:]\;\#\&\(\)\'\"] ]]; then printf ' "%s"' "$arg"; else printf ' %s' "$arg"; fi
    done
    printf '\n'
    "$greffe" "$@"
}
step init
step members import docs/examples/adherents.csv --on 2026-01-02 --as m001
# 5.6.2–5.6.4: the complaint, the board's meeting and the suspension.
step complaint --via ticket --complainant m006 --accused m004 --victim m005 --motive insults --motive domination \
    --facts "Messages insultants répétés envers Vera sur le serveur privé, du 28 décembre au 3 janvier." \
    --board-learned-on 2026-01-04 --on 2026-01-05 --as m001
step meeting 2026-001 --attendee m001 --attendee m002 --attendee m003 --rapporteur m002 --on 2026-01-09 --as m001
step suspend 2026-001 --space "serveur privé #général" --on 2026-01-09 --as m001
# 5.6.5–5.6.8: the instruction.
step evidence 2026-001 --kind screenshot --description "Captures des messages du 28/12 au 03/01" \
    --sha256 9f2c1a7e5b3d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f --on 2026-01-12
step file-complete 2026-001 --note "Témoignages, historique et contexte consignés." --on 2026-01-20
step hear-victim 2026-001 --victim m005 --needs "Ne plus recevoir de messages privés ; se sentir en sécurité." \
    --demand "excuses écrites" --demand avertissement --on 2026-01-21
step request-explanation 2026-001 --summary "Résumé de la plainte de Vera (messages insultants répétés)." \
    --demand "excuses écrites" --demand avertissement --on 2026-01-22
step answer 2026-001 --from m004 --form written --on 2026-01-30
step summary 2026-001 --demand "Excuses écrites et avertissement." \
    --defence "Reconnaît des messages vifs, parle d'un malentendu." --sanction warning --on 2026-02-02
# 5.6.9: nobody answers the call, so the rapporteur draws lots, publicly and verifiably.
step cell call 2026-001 --via online --member m007 --member m008 --member m009 --member m012 --on 2026-02-03
step cell draw-announce 2026-001 --on 2026-02-05 \
    --source "Loto FDJ du samedi 7 février 2026 : les 5 numéros, sans le numéro chance" --known-on 2026-02-07
step cell draw 2026-001 --on 2026-02-07 --entropy "3 11 17 25 38"
step cell present 2026-001 --member m008 --on 2026-02-08
step cell present 2026-001 --member m012 --on 2026-02-08
step cell decline 2026-001 --member m003 --on 2026-02-08
step cell present 2026-001 --member m001 --on 2026-02-09
step cell recuse 2026-001 --by m004 --member m008 --on 2026-02-10
step cell present 2026-001 --member m009 --on 2026-02-11
step cell send-summary 2026-001 --note "Synthèse envoyée aux trois membres et à la victime." --on 2026-02-11
# 5.6.10–5.6.13: judgement, execution, letters, reparation.
step cell meet 2026-001 --attendee m012 --attendee m001 --attendee m009 --on 2026-02-14
step cell consensus 2026-001 --sanction warning --reasons "Accord sur un avertissement et des excuses écrites." --on 2026-02-14
step judgement send 2026-001 --on 2026-02-16
step judgement execute 2026-001 --note "Avertissement notifié ; suspension levée." --on 2026-02-16 --as m001
step letter-received 2026-001 --member m004 --on 2026-02-17 --as m001
step letter-received 2026-001 --member m005 --on 2026-02-17 --as m001
step reparation 2026-001 --measure "groupe de soutien entre pairs proposé à Vera" --on 2026-02-18 --as m001
# A second case, just opened: its board meeting is overdue on the demo's "today".
step apply docs/examples/dossier-en-cours.jsonl
step status 2026-001
step agenda
step cases
step audit draw 2026-001
step log verify
step audit verify
