#!/usr/bin/env bash
# The five seed organisations' ladders, each in its own store (one organisation per store), run through the command
# line from the first incident to the last rung, with the refusals the texts imply; then CLE's Article 5.6 procedure
# as a rulebook, and a version 2 adopted while a case opened under version 1 keeps its deadlines (R34). Writes the
# transcript to standard output; docs/rulebooks.md quotes it and docs/examples/ladders-transcript.txt keeps it whole.
#   GREFFE=.build/debug/greffe scripts/demo_ladders.sh > docs/examples/ladders-transcript.txt
set -uo pipefail
cd "$(dirname "$0")/.."
greffe="$(realpath "${GREFFE:-.build/debug/greffe}")"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
export GREFFE_LANG=fr GREFFE_TODAY=2026-06-30
source scripts/transcript_steps.sh
store() { export GREFFE_STORE="$root/$1"; printf '\n## %s\n' "$1"; step init >/dev/null; }

store cle
export GREFFE_ACTOR=m001
step members import docs/examples/adherents.csv --on 2026-01-02
step rulebook adopt cle-5.2 --on 2026-01-02
step ladder incident m004 --facts "Dénigre un membre sur le Discord public" --on 2026-01-05
step ladder measure m004 rappel --by conseil=m001 --on 2026-01-06
step ladder incident m004 --facts "Partage une capture d'écran d'un message privé" --on 2026-02-10
step ladder measure m004 avertissement --by conseil=m001 --on 2026-02-11
step ladder measure m004 convocation --by conseil=m001 --channel ticket --on 2026-02-11
step ladder measure m004 avertissement --by conseil=m001 --on 2026-02-20
step ladder incident m004 --facts "Parle en mal d'un membre en public" --on 2026-03-10
step ladder measure m004 plainte --by conseil=m001 --on 2026-03-11
step ladder incident m004 --facts "Nouveau dénigrement public" --on 2026-04-01
step ladder measure m004 plainte --by conseil=m001 --by conseil=m002 --on 2026-04-02
step ladder status m004 --as-of 2026-04-02
step cases

store aalmi
step members import docs/examples/adherents.csv --on 2026-01-02 >/dev/null
step rulebook adopt aalmi-5 --on 2026-01-02
step ladder incident m007 --facts "Publicité pour son commerce dans le groupe" --on 2026-01-05
step ladder measure m007 avertissement --by administrateurs=m001 --on 2026-01-06
step ladder measure m007 avertissement --by administrateurs=m001 --by president=m002 --on 2026-01-06
step ladder measure m007 exclusion --by administrateurs=m001 --by president=m002 --channel telephone --reason "publicité" --on 2026-01-07
step ladder incident m007 --facts "Nouvelle publicité après l'avertissement" --on 2026-02-01
step ladder measure m007 exclusion --by administrateurs=m001 --by president=m002 --on 2026-02-02
step ladder measure m007 exclusion --by administrateurs=m001 --by president=m002 --channel telephone --reason "récidive après avertissement (publicité commerciale)" --on 2026-02-02
step ladder incident m008 --facts "Inonde le groupe de 200 messages choquants en une heure" --on 2026-03-01
step ladder measure m008 exclusion --by administrateurs=m001 --by president=m002 --channel courriel --exception nuisance-volontaire --on 2026-03-01
step ladder measure m008 exclusion --by administrateurs=m001 --by president=m002 --channel courriel --exception nuisance-volontaire --reason "nuit volontairement au groupe : 200 messages choquants" --on 2026-03-01
step ladder status m007 --as-of 2026-02-02

store coopol
export GREFFE_ACTOR=m003
step members import docs/examples/adherents.csv --on 2026-01-02 >/dev/null
step rulebook adopt coopol-4 --on 2026-01-02
step ladder incident m009 --channel plateforme --facts "Commentaire injurieux sous un billet" --reported-by m005 --on 2026-03-01
step ladder measure m009 suspension --by coopilotes=m003 --until 2026-04-20 --reason "injures" --on 2026-03-02
step ladder measure m009 remarque --by secretaire-section=m006 --channel message --on 2026-03-02
step ladder measure m009 suppression --by coopilotes=m003 --detail "commentaire du 1er mars sous le billet « Budget participatif »" --on 2026-03-02
step ladder incident m009 --channel plateforme --facts "Nouvelles injures" --on 2026-03-20
step ladder measure m009 suspension --by coopilotes=m003 --until 2026-04-20 --reason "manquements répétés" --channel courriel --on 2026-03-21
step ladder agenda --as-of 2026-04-20
step ladder agenda --as-of 2026-04-21
step ladder incident m009 --channel courriel --facts "Harcèlement d'un membre" --on 2026-05-02
step ladder measure m009 suspension --by coopilotes=m003 --reason "troisième manquement : suspension définitive" --on 2026-05-03
step ladder status m009 --as-of 2026-05-03

store act
export GREFFE_ACTOR=m010
step members import docs/examples/adherents.csv --on 2026-01-02 >/dev/null
step rulebook adopt act-alliance --on 2026-01-02
# A ladder names a known person: a member, or an outside person created first (rule person).
step ladder incident forum-asie --facts "Publication prosélyte sous la bannière de l'Alliance" --on 2026-05-04
step ladder outsider add "Forum Asie" --contact "contact@forum-asie.exemple.org" --note "association partenaire" --on 2026-05-04
step ladder incident X0001 --facts "Publication prosélyte sous la bannière de l'Alliance" --on 2026-05-04
step ladder measure X0001 suppression --by secretariat=m010 --detail "publication Facebook du 4 mai" --on 2026-05-05
step ladder measure X0001 dialogue-informel --by secretariat=m010 --outcome echec --on 2026-05-05
step ladder measure X0001 dialogue-formel --by secretariat=m010 --outcome echec --on 2026-05-12
step ladder measure X0001 demande-suppression --by secretariat=m010 --detail "publication Facebook du 4 mai" --on 2026-05-13
step ladder measure X0001 retrait-banniere --by secretariat=m010 --reason "refus de retirer la publication" --on 2026-05-20
step ladder measure X0001 retrait-banniere --by secretariat=m010 --reason "refus de retirer la publication" --detail Facebook --on 2026-05-20
step ladder status X0001 --as-of 2026-05-20

store collectivite
export GREFFE_ACTOR=m010
step members import docs/examples/adherents.csv --on 2026-01-02 >/dev/null
step rulebook adopt collectivite --on 2026-01-02
step ladder outsider add "Agent 12" --contact "agent12@mairie.exemple.org" --on 2026-06-01
step ladder incident X0001 --kind demande-retrait-image --facts "Photo de la fête du 30 mai publiée sans accord" --on 2026-06-01
step ladder incident X0001 --kind demande-retrait-image --channel courriel --facts "Photo de la fête du 30 mai publiée sans accord" --on 2026-06-01
step ladder agenda --as-of 2026-06-02
step ladder measure X0001 retrait --by referent=m010 --detail "photo du 30 mai" --on 2026-06-02
step ladder measure X0001 decision-referent --by referent=m010 --outcome accepte --channel courriel --reason "personne photographiée sans son accord" --on 2026-06-03
step ladder agenda --as-of 2026-06-03
step ladder measure X0001 retrait --by referent=m010 --detail "publication Facebook du 30 mai" --on 2026-06-04
step ladder status X0001 --as-of 2026-06-04
step ladder incident --outsider "Agent 7" --contact "agent07@mairie.exemple.org" --kind publication-diffamatoire --facts "Post diffamatoire visant le service voirie" --reported-by m010 --on 2026-06-10
step ladder incident --outsider "agent 7" --contact "autre@exemple.org" --kind publication-diffamatoire --facts "Le même post" --on 2026-06-10
step ladder outsider list
step ladder status X0002 --as-of 2026-06-10 --lang en
step log verify

store cle-versions
export GREFFE_ACTOR=m001
# Run from the scratch folder so that the files' names print the same on every run.
cp docs/examples/adherents.csv "$root/adherents.csv"
cd "$root"
export GREFFE_STORE=cle-versions
# Imported a year before, so that the members may vote at the GA that amends the règlement (2.4).
step members import adherents.csv --on 2025-01-02
step rulebook show cle-autistes-ri
step complaint --via ticket --complainant m006 --accused m004 --victim m005 --motive insults \
    --facts "Messages insultants répétés envers Vera sur le serveur privé." --board-learned-on 2026-01-04 --on 2026-01-05
# Article 9: the GA amends the règlement; the board now meets within 10 days of a complaint.
"$greffe" rulebook show cle-autistes-ri --json | python3 -c '
import json, sys
book = json.load(sys.stdin)
book["version"] = 2
book["title"] = "CLE Autistes — règlement intérieur modifié en AG le 6 janvier 2026"
book["deadlines"]["boardMeeting"]["period"]["length"] = 10
json.dump(book, open("cle-v2.json", "w"), ensure_ascii=False, indent=2, sort_keys=True)'
step rulebook validate cle-v2.json
# Without the GA's two-thirds for this very text, the adoption is refused (R34, 65).
step rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-01-06
step amendment propose --file cle-v2.json --by m002 --summary "Réunion du Conseil sous 10 jours" --on 2026-01-05
step amendment vote 2026-A001 --ballot m001=adopt --ballot m002=adopt --ballot m003=adopt --ballot m004=reject --on 2026-01-06
step agenda --as-of 2026-01-06
step rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-01-06
step rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-01-07
step amendment notify 2026-A001 --on 2026-01-09
step amendment status 2026-A001
step complaint --via ticket --complainant m005 --accused m008 --motive insults \
    --facts "Insultes en réunion publique." --board-learned-on 2026-01-08 --on 2026-01-08
step cases
step status 2026-001 --as-of 2026-01-08
step status 2026-002 --as-of 2026-01-08
step rulebook list
step audit verify
