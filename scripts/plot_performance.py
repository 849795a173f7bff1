#!/usr/bin/env python3
"""Plots per-case cost against log size from greffe-bench's JSON (docs/performance.md).

    pip install matplotlib        # the only dependency
    scripts/plot_performance.py docs/performance/results.json docs/performance/per-case-cost.png

Two panels, log-scale sizes: the median of one act's durable append (engine and raw LMDB, wall time and the
thread's CPU time, which leaves out the wait for the shared disk) and of one case's status (engine: load the stream,
fold, deadlines, forecast; raw: read the same records), each with the 1.2x band over the smallest size that issue 9
asks the engine to stay within (for the act, over its CPU time).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        results = json.load(f)
    sizes = results["sizes"]
    records = [s["records"] for s in sizes]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    panels = [
        ("one act: durable append (median)", "actEngine", "actRaw", "actEngineCPU", "actRawCPU"),
        ("one case's status (median)", "statusEngine", "statusRaw", None, None),
    ]
    for ax, (title, engine, raw, engine_cpu, raw_cpu) in zip(axes, panels):
        e = [s[engine]["median"] * 1000 for s in sizes]
        r = [s[raw]["median"] * 1000 for s in sizes]
        ax.plot(records, e, "o-", label="engine (Registry / EventStore), wall")
        ax.plot(records, r, "s--", label="raw LMDB, same bytes, wall")
        flat = e
        if engine_cpu and all(engine_cpu in s for s in sizes):
            # CPU time of the thread: the engine's own work, without the wait for the (shared) disk.
            flat = [s[engine_cpu]["median"] * 1000 for s in sizes]
            ax.plot(records, flat, "^-", label="engine, CPU time")
            ax.plot(records, [s[raw_cpu]["median"] * 1000 for s in sizes], "v:", label="raw LMDB, CPU time")
        ax.fill_between(records, [flat[0]] * len(records), [flat[0] * 1.2] * len(records), alpha=0.15,
                        label="1.2x the smallest size")
        ax.set_xscale("log")
        ax.set_ylim(bottom=0)
        ax.set_xlabel("records in the log")
        ax.set_ylabel("milliseconds")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    machine = results["machine"]
    fig.suptitle(f"greffe-bench: per-case cost against log size ({machine['cpus']} CPUs, {machine['cpuModel']})")
    fig.tight_layout()
    fig.savefig(target, dpi=120)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: plot_performance.py RESULTS.json OUT.png")
    main(sys.argv[1], sys.argv[2])
