#!/usr/bin/env bash
# Regenerates docs/dossier-exemple.png (and .html/.pdf next to it in a temporary folder): the appeal dossier of the
# demo case, with an appeal by the accused, rendered by headless Chromium (Debian's `chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DEMO_STORE="$work/store" scripts/demo.sh >/dev/null
export GREFFE_STORE="$work/store" GREFFE_TODAY=2026-03-10
cat > "$work/appeal.jsonl" <<'JSON'
{"case":"2026-001","on":"2026-03-02","as":"m002","command":{"type":"appeal.lodge","commandId":"appel-1","by":"m004","companion":"Zoé"}}
JSON
.build/debug/greffe apply "$work/appeal.jsonl" >/dev/null
.build/debug/greffe dossier 2026-001 --out "$work/dossier.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
    --window-size=1000,1500 --screenshot=docs/dossier-exemple.png "file://$work/dossier.html" 2>/dev/null
.build/debug/greffe dossier 2026-001 --format pdf --out "$work/dossier.pdf" >/dev/null
echo "docs/dossier-exemple.png written ($(wc -c < docs/dossier-exemple.png) bytes); PDF: $(wc -c < "$work/dossier.pdf") bytes"
