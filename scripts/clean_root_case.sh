#!/bin/sh
# Run by scripts/release.sh --clean-root inside a fresh Debian root where only the greffe .deb was installed: the
# sample case, the auditor's verification, backup → restore, export → import → sync, the shipped rulebooks, the man
# page. Stops at the first failure.
set -eu
examples=/usr/share/doc/greffe/exemples
export GREFFE_TODAY=2026-02-20 GREFFE_STORE=/root/registre GREFFE_ACTOR=m002
step() { echo "\$ $*"; "$@"; }
step command -v greffe
step greffe --version
step greffe init
step greffe members import "$examples/adherents.csv" --on 2026-01-02 --as m001
step greffe apply "$examples/dossier-exemple.jsonl"
step greffe status 2026-001
step greffe audit verify
step greffe rulebook list
step greffe backup --out /root/registre.mdb
ls -l /root/registre.mdb
step greffe restore /root/registre.mdb --store /root/restaure
step greffe log verify --store /root/restaure
step greffe export --format jsonl --out /root/export.jsonl
step greffe import /root/export.jsonl --store /root/copie
step greffe apply "$examples/dossier-en-cours.jsonl"
step greffe export --format jsonl --out /root/export-2.jsonl
step greffe sync --from /root/export-2.jsonl --store /root/copie
step greffe audit verify --store /root/copie
echo '$ man greffe | head -20'
man -P cat greffe 2>&1 | head -20
echo "\$ man greffe | grep -c ''"
man -P cat greffe 2>/dev/null | grep -c ''
echo "clean root: all steps passed"
