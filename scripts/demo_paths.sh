#!/usr/bin/env bash
# The règlement's other disciplinary paths through the command line: a mediation (art. 5.4) whose mediator is drawn by
# lot after the board's call went unanswered, and the revocation of a board seat (art. 4.5) voted by two-thirds
# without the holder; a radiation for non-payment (2.3), a GA convened by a quarter of the members (3.2), a
# resignation ending its mandates (2.2); the refusals the text implies on the way; then `audit verify` re-computes the draw and
# re-counts the vote. Writes the transcript to standard output (docs/examples/paths-transcript.txt keeps it whole) and
# exits non-zero if the audit does not pass.
#   GREFFE=.build/debug/greffe scripts/demo_paths.sh > docs/examples/paths-transcript.txt
set -uo pipefail
cd "$(dirname "$0")/.."
greffe="$(realpath "${GREFFE:-.build/debug/greffe}")"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
export GREFFE_LANG=fr GREFFE_TODAY=2026-04-30 GREFFE_ACTOR=m001 GREFFE_STORE="$root/store"
source scripts/transcript_steps.sh

"$greffe" init >/dev/null
step members import docs/examples/adherents.csv --on 2026-01-02

printf '\n## Médiation (art. 5.4)\n'
step mediation open --party m004 --party m007 --facts "Désaccord sur la modération du salon #général" --on 2026-03-02
step mediation name 2026-M001 --mediator m011 --by conseil --on 2026-03-05
step mediation name 2026-M001 --mediator m009 --by conseil --on 2026-03-05
step mediation answer 2026-M001 --mediator m009 --answer sans-reponse --on 2026-03-12
step mediation draw-announce 2026-M001 --source "Loto FDJ du samedi 14 mars 2026 : les 5 numéros, sans le numéro chance" --known-on 2026-03-14 --on 2026-03-12 --dry-run
step mediation draw-announce 2026-M001 --source "Loto FDJ du samedi 14 mars 2026 : les 5 numéros, sans le numéro chance" --known-on 2026-03-14 --on 2026-03-12
step agenda --as-of 2026-03-13
step mediation draw 2026-M001 --entropy "3 11 17 25 38" --on 2026-03-14
step mediation conclude 2026-M001 --outcome accord --note "Accord écrit signé des deux parties" --on 2026-04-01
step mediation status 2026-M001

printf '\n## Révocation d'"'"'un mandat (art. 4.5)\n'
step revocation open --holder m003 --role board-member --ground silence --silent-since 2026-01-02 --facts "Aucune réponse aux courriels du Conseil" --on 2026-03-01
step revocation open --holder m003 --role board-member --ground silence --silent-since 2026-01-02 --facts "Aucune réponse aux courriels du Conseil" --on 2026-03-05
step revocation convene 2026-R001 --form ecrit --companion "une personne de son choix" --on 2026-03-06
step revocation explanation 2026-R001 --outcome sans-reponse --on 2026-03-20
step revocation vote 2026-R001 --ballot m003=keep --ballot m001=revoke --on 2026-03-21
step revocation vote 2026-R001 --ballot m001=revoke --ballot m002=revoke --on 2026-03-21
step revocation status 2026-R001
step mediation open --party m004 --party m008 --facts "Nouveau conflit" --on 2026-03-22 --as m003

printf '\n## Non-paiement de la cotisation (art. 2.3)\n'
step members notice m011 --year 2026 --on 2026-01-10 --id avis-2026-m011
step members notice m011 --year 2026 --on 2026-01-10 --id avis-2026-m011
step members notice a001 --year 2026 --on 2026-01-10
step members radiate m011 --on 2026-03-09
step agenda --as-of 2026-03-10
step members apply-due --on 2026-03-10 --dry-run
step members apply-due --on 2026-03-10

printf '\n## Une Assemblée générale demandée par un quart des membres (art. 3.2)\n'
step ga request --signatory m004 --signatory m005 --motive defiance --on 2026-03-23
step ga request --signatory m004 --signatory m005 --signatory m006 --motive defiance --on 2026-03-23
step agenda --as-of 2026-03-24
step ga schedule --on 2026-04-18 --scheduled-on 2026-03-25 --place "Lyon"

printf '\n## Démission : les mandats prennent fin le même jour (art. 2.2)\n'
step members resign m002 --via courriel --on 2026-03-26 --id demission-m002

printf '\n## Audit\n'
printf '\n$ greffe audit verify\n'
"$greffe" audit verify 2>&1
