#!/usr/bin/env bash
# Greffe side by side with the Python `eventsourcing` library (9.5.6) on SQLite and on PostgreSQL, same workload shape,
# interleaved size by size, with the machine's load and the physical floors of the same day (issue 21,
# docs/performance.md). By hand, as root (it installs Debian's postgresql and a Python virtual environment when
# missing, and runs a PostgreSQL server on 127.0.0.1 only, stopped at the end); not in CI.
#
#   scripts/bench_peers.sh                      sizes 1e3,1e4,1e5 (about 10 minutes on 2 cores)
#   SIZES=1e3,1e4,1e5,1e6 scripts/bench_peers.sh   with 10⁶ (about an hour; ~2 GiB of disk)
#   OUT=DIR scripts/bench_peers.sh              where the JSON files and the table go (default: .build/peers)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-1e3,1e4,1e5}
out=${OUT:-.build/peers}
scratch=${SCRATCH:-.build-perf}
configuration=${CONFIGURATION:-release}   # CONFIGURATION=debug SCRATCH=.build SIZES=1e3: a quick try of the script
mkdir -p "$out"
work=$(mktemp -d)
chmod 0755 "$work"

# The Python peer, in its own environment.
venv=.build/peers-venv
if ! "$venv/bin/python" -c 'import eventsourcing, psycopg' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "eventsourcing[postgres]==9.5.6"
fi

# PostgreSQL from Debian, in a throw-away cluster on loopback.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
pgdata="$work/pg"
install -d -o postgres -g postgres -m 0700 "$pgdata"
port=55432
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$pgbin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata" start >/dev/null
loadlog="$out/load.txt"
: > "$loadlog"
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$loadlog"; sleep 20; done ) &
sampler=$!
cleanup() {
    kill "$sampler" 2>/dev/null || true
    as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

swift build --scratch-path "$scratch" -c "$configuration" --product greffe >&2
swift build --scratch-path "$scratch" -c "$configuration" --product greffe-bench >&2
bench="$scratch/$configuration/greffe-bench"

# The floors of the day: the disk's fsync, SHA-256 over the bytes Greffe hashes.
"$venv/bin/python" scripts/peers/floors.py --dir "$work" > "$out/floors.json"

IFS=, read -r -a list <<< "$sizes"
for size in "${list[@]}"; do
    echo "peers: size $size" >&2
    "$bench" --sizes "$size" --act-cases 3 --status-samples 50 --dir "$work/greffe-$size" --json "$out/greffe-$size.json" >&2
    rm -rf "$work/greffe-$size"
    "$venv/bin/python" scripts/peers/peers_bench.py --backend sqlite --size "$size" --dir "$work/sqlite-$size" \
        --json "$out/sqlite-$size.json"
    rm -rf "$work/sqlite-$size"
    db="peers_${size//[^0-9a-z]/_}"
    as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$port" "$db"
    POSTGRES_DBNAME=$db POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$port POSTGRES_USER=postgres POSTGRES_PASSWORD=x \
        "$venv/bin/python" scripts/peers/peers_bench.py --backend postgres --size "$size" --json "$out/postgres-$size.json"
    as_pg "$pgbin/dropdb" -h 127.0.0.1 -p "$port" "$db"
done
python3 scripts/peers/peers_table.py "$out" "$sizes" | tee "$out/table.md"
