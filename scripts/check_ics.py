#!/usr/bin/env python3
"""Reads a calendar written by `greffe agenda --ics` back and prints its events as JSON, for the tests.

    python3 scripts/check_ics.py FILE.ics

With the `icalendar` package (pip install icalendar; scripts/setup.sh --tests installs it) the file is parsed by it;
without it, by strict checks of this script's own (CRLF line ends, folding at 75 octets, BEGIN/END nesting, required
properties). The output's "parser" says which. Exit status 1 on any problem found.
"""
import json
import re
import sys


def own_parse(raw: bytes):
    problems = []
    if re.search(rb"(?<!\r)\n", raw):
        problems.append("a line ends without CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            problems.append(f"line longer than 75 octets: {line[:30]!r}")
    text = raw.decode("utf-8").replace("\r\n ", "")
    stack, events, current = [], [], None
    for line in text.split("\r\n"):
        if not line:
            continue
        name, _, value = line.partition(":")
        key = name.split(";")[0]
        if key == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {"alarms": []}
            elif value == "VALARM":
                current["alarms"].append({})
        elif key == "END":
            if not stack or stack.pop() != value:
                problems.append(f"END:{value} does not close what is open")
            if value == "VEVENT":
                events.append(current)
                current = None
        elif current is not None:
            target = current["alarms"][-1] if stack and stack[-1] == "VALARM" else current
            target[key] = value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
    if stack:
        problems.append(f"left open: {stack}")
    out = []
    for e in events:
        for required in ["UID", "DTSTAMP", "DTSTART"]:
            if required not in e:
                problems.append(f"event without {required}")
        out.append({
            "uid": e.get("UID"), "dtstamp": e.get("DTSTAMP"), "dtstart": e.get("DTSTART"),
            "summary": e.get("SUMMARY"), "description": e.get("DESCRIPTION"),
            "alarms": [a.get("TRIGGER") for a in e["alarms"]],
        })
    return "own strict checks", out, problems


def icalendar_parse(raw: bytes):
    import icalendar
    calendar = icalendar.Calendar.from_ical(raw)
    problems = []
    if re.search(rb"(?<!\r)\n", raw):
        problems.append("a line ends without CRLF")
    out = []
    for event in calendar.walk("VEVENT"):
        stamp = event.decoded("DTSTAMP")
        out.append({
            "uid": str(event.get("UID")),
            "dtstamp": stamp.strftime("%Y%m%dT%H%M%SZ"),
            "dtstart": event.decoded("DTSTART").strftime("%Y%m%d"),
            "summary": str(event.get("SUMMARY")),
            "description": str(event.get("DESCRIPTION")),
            "alarms": [str(a.get("TRIGGER").to_ical().decode()) for a in event.walk("VALARM")],
        })
    return f"icalendar {icalendar.__version__}", out, problems


def main() -> int:
    raw = open(sys.argv[1], "rb").read()
    try:
        import icalendar  # noqa: F401
        parser, events, problems = icalendar_parse(raw)
    except ImportError:
        parser, events, problems = own_parse(raw)
    print(json.dumps({"parser": parser, "events": events, "problems": problems}, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
