#!/usr/bin/env python3
"""The same workload as greffe-bench, on the Python `eventsourcing` library (issue 21, docs/performance.md).

One size per run, one backend per run:

    peers_bench.py --backend sqlite   --size 100000 --dir DIR --json OUT.json
    peers_bench.py --backend postgres --size 100000 --dir DIR --json OUT.json   (POSTGRES_* variables set)

The shape follows greffe-bench's: cases of 38 events with payloads of about 130 bytes; a bulk phase writing whole
cases, about 20,000 events per transaction; then ACT_CASES cases recorded act by act, one durable commit each (the
case is loaded, folded, one event added and saved, as `greffe evidence …` does); STATUS_SAMPLES cases read back and
folded; and a full replay in a fresh process (every event read in order and folded into its aggregate in memory,
with the process's peak resident memory). SQLite runs in the library's WAL mode with SQLite's default
`synchronous=FULL`; PostgreSQL with its defaults (`fsync=on`, `synchronous_commit=on`).
"""
import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

EVENTS_PER_CASE = 38
KINDS = ["complaint", "board", "suspension", "evidence", "hearing", "explanation", "answer", "summary", "cell",
         "volunteer", "recusal", "vote", "judgement", "letter", "appeal", "assembly", "reparation", "closing"]


class Case(Aggregate):
    """A case: its number, its step, and the acts recorded (kind, day, member, note)."""

    @event("Opened")
    def __init__(self, number: str, day: str, member: str, note: str):
        self.number = number
        self.acts = [(day, "complaint", member)]
        self.note = note

    @event("Recorded")
    def record(self, kind: str, day: str, member: str, note: str):
        self.acts.append((day, kind, member))
        self.note = note


class Register(Application):
    is_snapshotting_enabled = False


def note(rng: random.Random) -> str:
    # About the size of Greffe's payloads (greffe-bench: ~130 bytes a case event).
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(70))


def act_args(rng: random.Random, i: int):
    return (KINDS[i % len(KINDS)], "2026-%02d-%02d" % (1 + i % 12, 1 + i % 28), "m%04d" % rng.randrange(2000),
            note(rng))


def summary(samples):
    samples = sorted(samples)
    if not samples:
        return None
    p99 = samples[min(len(samples) - 1, int(round(0.99 * (len(samples) - 1))))]
    return {"count": len(samples), "median": statistics.median(samples), "mean": statistics.fmean(samples),
            "min": samples[0], "p99": p99}


def new_case(rng: random.Random, n: int) -> Case:
    return Case(number="%d-%03d" % (1985 + n // 800, n % 800 + 1), day="2026-01-01",
                member="m%04d" % rng.randrange(2000), note=note(rng))


def run(args) -> dict:
    rng = random.Random(args.seed)
    app = Register()
    result = {"backend": args.backend, "targetCaseEvents": args.size}

    # Bulk: whole cases, saved ~20,000 events per transaction.
    cases_per_batch = max(1, args.batch // EVENTS_PER_CASE)
    total_cases = max(1, args.size // EVENTS_PER_CASE)
    written, ids, bulk_seconds, n = 0, [], 0.0, 0
    while n < total_cases:
        batch = []
        for _ in range(min(cases_per_batch, total_cases - n)):
            c = new_case(rng, n)
            for i in range(1, EVENTS_PER_CASE):
                c.record(*act_args(rng, i))
            batch.append(c)
            ids.append(c.id)
            n += 1
        start = time.perf_counter()
        app.save(*batch)
        bulk_seconds += time.perf_counter() - start
        written += len(batch) * EVENTS_PER_CASE
    result["bulkEvents"] = written
    result["bulkEventsPerSecond"] = written / bulk_seconds if bulk_seconds else None

    # Acts: one durable commit each; the case is read back and folded before each act.
    latencies, cpu = [], []
    for k in range(args.act_cases):
        w0, c0 = time.perf_counter(), time.process_time()
        c = new_case(rng, n + k)
        app.save(c)
        latencies.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
        for i in range(1, EVENTS_PER_CASE):
            w0, c0 = time.perf_counter(), time.process_time()
            loaded = app.repository.get(c.id)
            loaded.record(*act_args(rng, i))
            app.save(loaded)
            latencies.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
    result["act"] = summary(latencies)
    result["actCPU"] = summary(cpu)

    # Status: one case read back and folded.
    status = []
    for case_id in rng.sample(ids, min(args.status_samples, len(ids))):
        w0 = time.perf_counter()
        c = app.repository.get(case_id)
        _ = (c.number, len(c.acts), c.acts[-1])
        status.append(time.perf_counter() - w0)
    result["status"] = summary(status)
    result["events"] = written + args.act_cases * EVENTS_PER_CASE
    app.close()

    # One act as a user runs it: a fresh interpreter that opens the store, loads the case, adds one event, saves it
    # and exits (the peers' counterpart of a `greffe evidence` process).
    whole = []
    for _ in range(args.process_runs):
        w0 = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--one-act-child", str(c.id), "--backend", args.backend],
                       check=True, env=os.environ)
        whole.append(time.perf_counter() - w0)
    result["processAct"] = summary(whole)

    # Replay, in a fresh process so that its peak memory is its own.
    child = subprocess.run([sys.executable, __file__, "--replay-child", "--backend", args.backend],
                           capture_output=True, text=True, check=True, env=os.environ)
    result.update(json.loads(child.stdout))
    return result


def one_act_child(case_id: str) -> None:
    app = Register()
    case = app.repository.get(uuid.UUID(case_id))
    case.record(*act_args(random.Random(), 5))
    app.save(case)
    app.close()


def replay_child() -> None:
    app = Register()
    aggregates = {}
    start, count, position = time.perf_counter(), 0, 1
    while True:
        page = app.recorder.select_notifications(start=position, limit=10_000)
        if not page:
            break
        for notification in page:
            domain_event = app.mapper.to_domain_event(notification)
            aggregates[domain_event.originator_id] = domain_event.mutate(aggregates.get(domain_event.originator_id))
            count += 1
        position = page[-1].id + 1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"replayEvents": count, "replayEventsPerSecond": count / seconds if seconds else None,
                      "replayAggregates": len(aggregates), "replayPeakResidentBytes": peak}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--size", type=float, default=1e3, help="case events to reach (1e3, 1e5…)")
    parser.add_argument("--dir", help="work directory for the SQLite file")
    parser.add_argument("--json", help="write the result there (default: standard output)")
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--act-cases", type=int, default=3)
    parser.add_argument("--status-samples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--process-runs", type=int, default=10, help="fresh processes timed for one act")
    parser.add_argument("--replay-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one-act-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend == "sqlite":
        os.environ["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
        if not args.replay_child and not args.one_act_child:
            directory = args.dir or "."
            os.makedirs(directory, exist_ok=True)
            path = os.path.join(directory, "peer-%s.sqlite" % uuid.uuid4().hex[:8])
            os.environ["SQLITE_DBNAME"] = path
    else:
        os.environ["PERSISTENCE_MODULE"] = "eventsourcing.postgres"
        if "POSTGRES_DBNAME" not in os.environ:
            sys.exit("peers_bench.py: set POSTGRES_DBNAME, POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, "
                     "POSTGRES_PASSWORD (scripts/bench_peers.sh starts a server and sets them)")
    if args.replay_child:
        replay_child()
        return
    if args.one_act_child:
        one_act_child(args.one_act_child)
        return
    args.size = int(args.size)
    out = json.dumps(run(args), indent=1)
    if args.json:
        with open(args.json, "w") as f:
            f.write(out + "\n")
    else:
        print(out)


if __name__ == "__main__":
    main()
