#!/usr/bin/env bash
# Installs what Greffe needs beyond the Swift toolchain, only when it is missing:
# Debian's liblmdb-dev (and pkg-config, which finds it), and the Python modules the tests use
# to check Greffe independently (jsonschema for the JSON Schemas, lmdb for docs/storage-format.md, icalendar for the
# agenda's .ics), and with --tests
# Debian's chromium, which renders the appeal dossier in the tests.
set -euo pipefail

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "setup: need root to run: $*" >&2; exit 1
    fi
}

need_apt=()
pkg-config --exists lmdb 2>/dev/null || need_apt+=(liblmdb-dev)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)
# The tests render the appeal dossier with headless Chromium.
if [ "${1:-}" = "--tests" ] && ! command -v chromium >/dev/null; then need_apt+=(chromium); fi
# And looks at its pages: pdftoppm and pdftotext (poppler-utils).
if [ "${1:-}" = "--tests" ] && ! command -v pdftoppm >/dev/null; then need_apt+=(poppler-utils); fi
if [ "${#need_apt[@]}" -gt 0 ]; then
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ "${1:-}" = "--tests" ]; then
    if ! python3 -c 'import jsonschema, lmdb, icalendar' 2>/dev/null; then
        echo "setup: installing the Python modules jsonschema, lmdb and icalendar with pip" >&2
        python3 -m pip install --quiet --disable-pip-version-check jsonschema lmdb icalendar 2>/dev/null \
            || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages jsonschema lmdb icalendar
    fi
fi
