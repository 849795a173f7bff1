#!/usr/bin/env python3
"""The physical floors under an act and a verification, measured on the day of a run (scripts/bench_peers.sh):
the latency of one 4 KiB write made durable with fsync on the store's disk, and SHA-256's speed over records of the
size Greffe hashes (the raw cursor scan comes from greffe-bench's own raw LMDB figures)."""
import argparse
import hashlib
import json
import os
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default=".")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    path = os.path.join(args.dir, "fsync-probe")
    page = os.urandom(4096)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    samples = []
    try:
        for i in range(args.runs):
            os.pwrite(fd, page, (i % 64) * 4096)
            start = time.perf_counter()
            os.fsync(fd)
            samples.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        os.unlink(path)
    samples.sort()
    # SHA-256 over a large buffer: the speed of the hash itself, then in records of Greffe's size (an envelope,
    # its payload and the previous hash: about 430 bytes).
    blob = os.urandom(64 << 20)
    start = time.perf_counter()
    hashlib.sha256(blob).digest()
    bytes_per_second = len(blob) / (time.perf_counter() - start)
    record_bytes = 432
    print(json.dumps({
        "fsync4KiB": {"median": statistics.median(samples), "p99": samples[int(0.99 * (len(samples) - 1))],
                      "count": len(samples)},
        "sha256BytesPerSecond": bytes_per_second,
        "sha256RecordsPerSecond": bytes_per_second / record_bytes,
        "sha256RecordBytes": record_bytes,
    }, indent=1))


if __name__ == "__main__":
    main()
