#!/usr/bin/env python3
"""One table from a run of scripts/bench_peers.sh: Greffe (greffe-bench), eventsourcing on SQLite and on PostgreSQL,
raw LMDB, size by size, with the ratios issue 21 asks about, the floors and the machine's load.

    peers_table.py DIR 1e3,1e4,1e5
"""
import json
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def ms(x):
    return "—" if x is None else ("%.2f ms" % (x * 1000))


def rate(x):
    return "—" if x is None else ("%.0f k/s" % (x / 1000) if x < 1e6 else "%.2f M/s" % (x / 1e6))


def mib(x):
    return "—" if x is None else "%.0f MiB" % (x / (1 << 20))


def ratio(a, b):
    return "—" if not a or not b else "%.2f×" % (a / b)


def main() -> None:
    directory, sizes = sys.argv[1], sys.argv[2].split(",")
    rows = []
    for size in sizes:
        g = load(os.path.join(directory, "greffe-%s.json" % size))["sizes"][-1]
        s = load(os.path.join(directory, "sqlite-%s.json" % size))
        p = load(os.path.join(directory, "postgres-%s.json" % size))
        rows.append((size, g, s, p))
    print("Ratios are Greffe's figure over the peer's: for a rate (events/s) above 1× is better, for a time below.")
    print()
    print("| size | figure | Greffe | eventsourcing + SQLite | eventsourcing + PostgreSQL | raw LMDB | "
          "Greffe / SQLite | Greffe / PostgreSQL |")
    print("|---|---|---|---|---|---|---|---|")
    for size, g, s, p in rows:
        lines = [
            ("replay, events/s", g.get("replayEventsPerSecond"), s.get("replayEventsPerSecond"),
             p.get("replayEventsPerSecond"), g.get("rawScanEventsPerSecond"), rate, True),
            ("replay, peak memory", g.get("replayPeakResidentBytes"), s.get("replayPeakResidentBytes"),
             p.get("replayPeakResidentBytes"), None, mib, False),
            ("one act, median", g["actEngine"]["median"], s["act"]["median"], p["act"]["median"],
             g["actRaw"]["median"], ms, False),
            ("one act, p99", g["actEngine"]["p99"], s["act"]["p99"], p["act"]["p99"], g["actRaw"]["p99"], ms, False),
            ("bulk, events/s", g.get("bulkEngineEventsPerSecond"), s.get("bulkEventsPerSecond"),
             p.get("bulkEventsPerSecond"), g.get("bulkRawEventsPerSecond"), rate, True),
            ("one act as a user runs it (whole process), median", (g.get("processAct") or {}).get("median"),
             (s.get("processAct") or {}).get("median"), (p.get("processAct") or {}).get("median"), None, ms, False),
            ("status, median", g["statusEngine"]["median"], s["status"]["median"], p["status"]["median"],
             g["statusRaw"]["median"], ms, False),
        ]
        for name, gv, sv, pv, rv, fmt, _ in lines:
            print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (size, name, fmt(gv), fmt(sv), fmt(pv), fmt(rv),
                                                              ratio(gv, sv), ratio(gv, pv)))
    floors = os.path.join(directory, "floors.json")
    if os.path.exists(floors):
        f = load(floors)
        print()
        print("Floors the same day: fsync of 4 KiB median %s, p99 %s; SHA-256 %.0f MB/s (%s records of %d bytes)."
              % (ms(f["fsync4KiB"]["median"]), ms(f["fsync4KiB"]["p99"]), f["sha256BytesPerSecond"] / 1e6,
                 rate(f["sha256RecordsPerSecond"]), f["sha256RecordBytes"]))
    load_path = os.path.join(directory, "load.txt")
    if os.path.exists(load_path):
        loads = [float(line.split()[1]) for line in open(load_path) if len(line.split()) > 1]
        if loads:
            print("Load average (1 min) during the run: %.2f–%.2f over %d samples." % (min(loads), max(loads),
                                                                                     len(loads)))


if __name__ == "__main__":
    main()
