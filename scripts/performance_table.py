#!/usr/bin/env python3
"""Prints the Markdown tables of docs/performance.md from greffe-bench's JSON and hyperfine's (standard library only).

    scripts/performance_table.py docs/performance/results.json [docs/performance/cli.json]

Each target of issue 9 is marked met or not with the measured ratio; the largest size is the one judged.
"""
import json
import sys


def ms(seconds):
    return f"{seconds * 1000:.3f}"


def rate(r):
    return f"{r / 1e6:.2f} M" if r >= 1e6 else f"{r / 1e3:.0f} k"


def mib(b):
    return f"{b / 1048576:.1f}"


def bulk_cpu(s):
    """The bulk phase's CPU seconds, engine / raw (results written before they were recorded have a dash)."""
    if "bulkEngineCPUSeconds" not in s:
        return "–"
    return f"{s['bulkEngineCPUSeconds']:.2f} / {s['bulkRawCPUSeconds']:.2f}"


def verdict(ok):
    return "**met**" if ok else "**not met**"


def main(path, cli_path=None):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    sizes = results["sizes"]
    print("| case events (target) | records | store MiB | act median ms engine / raw (ratio) | act p99 ms engine / raw "
          "| act CPU median ms engine / raw "
          "| bulk events/s engine / raw (share) | bulk CPU s engine / raw | verify events/s | replay events/s "
          "| raw scan events/s | replay peak MiB anon / VmHWM | status median ms engine / raw |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in sizes:
        act = s["actEngine"]["median"] / s["actRaw"]["median"]
        share = s["bulkEngineEventsPerSecond"] / s["bulkRawEventsPerSecond"]
        print(f"| {s['targetCaseEvents']:,} | {s['records']:,} | {mib(s['storeBytes'])} "
              f"| {ms(s['actEngine']['median'])} / {ms(s['actRaw']['median'])} ({act:.2f}x) "
              f"| {ms(s['actEngine']['p99'])} / {ms(s['actRaw']['p99'])} "
              f"| {ms(s['actEngineCPU']['median'])} / {ms(s['actRawCPU']['median'])} "
              f"| {rate(s['bulkEngineEventsPerSecond'])} / {rate(s['bulkRawEventsPerSecond'])} ({share:.0%}) "
              f"| {bulk_cpu(s)} "
              f"| {rate(s['verifyEventsPerSecond'])} | {rate(s['replayEventsPerSecond'])} "
              f"| {rate(s['rawScanEventsPerSecond'])} "
              f"| {mib(s['replayPeakAnonymousBytes'])} / {mib(s['replayPeakResidentBytes'])} "
              f"| {ms(s['statusEngine']['median'])} / {ms(s['statusRaw']['median'])} |")
    first, last = sizes[0], sizes[-1]
    act = last["actEngine"]["median"] / last["actRaw"]["median"]
    share = last["bulkEngineEventsPerSecond"] / last["bulkRawEventsPerSecond"]
    status_growth = last["statusEngine"]["median"] / first["statusEngine"]["median"]
    act_growth = last["actEngine"]["median"] / first["actEngine"]["median"]
    cpu_growth = last["actEngineCPU"]["median"] / first["actEngineCPU"]["median"]
    n = f"{last['records']:,} records"
    print()
    print("| target (issue 9) | measured at the largest size | verdict |")
    print("|---|---|---|")
    print(f"| single-act durable append within 1.5x of raw LMDB's synced commit | {act:.2f}x ({n}) | {verdict(act <= 1.5)} |")
    print(f"| bulk import at least 25% of raw LMDB's put rate | {share:.0%} | {verdict(share >= 0.25)} |")
    print(f"| bulk import at least 300,000 events/s | {last['bulkEngineEventsPerSecond']:,.0f} events/s "
          f"(raw LMDB itself: {last['bulkRawEventsPerSecond']:,.0f}) | {verdict(last['bulkEngineEventsPerSecond'] >= 300_000)} |")
    print(f"| chain verification at least 1,000,000 events/s | {last['verifyEventsPerSecond']:,.0f} events/s "
          f"| {verdict(last['verifyEventsPerSecond'] >= 1_000_000)} |")
    print(f"| full replay of all projections at least 250,000 events/s | {last['replayEventsPerSecond']:,.0f} events/s "
          f"| {verdict(last['replayEventsPerSecond'] >= 250_000)} |")
    print(f"| one case's status at the largest size within 1.2x of the smallest | {status_growth:.2f}x "
          f"({ms(first['statusEngine']['median'])} → {ms(last['statusEngine']['median'])} ms) | {verdict(status_growth <= 1.2)} |")
    print(f"| one act's append at the largest size within 1.2x of the smallest (wall) | {act_growth:.2f}x "
          f"({ms(first['actEngine']['median'])} → {ms(last['actEngine']['median'])} ms) | {verdict(act_growth <= 1.2)} |")
    print(f"| the same, the engine's CPU time per act | {cpu_growth:.2f}x "
          f"({ms(first['actEngineCPU']['median'])} → {ms(last['actEngineCPU']['median'])} ms) | {verdict(cpu_growth <= 1.2)} |")
    print(f"| replay under 100 MB resident | {mib(last['replayPeakAnonymousBytes'])} MiB anonymous; VmHWM "
          f"{mib(last['replayPeakResidentBytes'])} MiB with the mapped file | "
          f"{verdict(last['replayPeakAnonymousBytes'] < 100e6)} (anonymous) |")
    if cli_path:
        with open(cli_path, encoding="utf-8") as f:
            cli = json.load(f)
        rows = {r["command"]: r for r in cli["results"]}
        status = rows.get("status")
        if status:
            print(f"| `greffe status` under 50 ms wall (whole process) | {status['median'] * 1000:.1f} ms median "
                  f"| {verdict(status['median'] < 0.05)} |")
        print()
        print("| command (whole process, hyperfine) | median ms | mean ± σ ms | min ms | runs |")
        print("|---|---|---|---|---|")
        for name, r in rows.items():
            print(f"| `{name}` | {r['median'] * 1000:.1f} | {r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} "
                  f"| {r['min'] * 1000:.1f} | {len(r['times'])} |")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: performance_table.py RESULTS.json [CLI.json]")
    main(*sys.argv[1:])
