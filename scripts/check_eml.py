#!/usr/bin/env python3
"""Reads a letter written by `greffe letter` back with Python's own `email` package, strictly, and prints what it
found as JSON (headers decoded, each part's type, charset and text), for the tests to compare with `greffe status`.

    python3 scripts/check_eml.py FILE.eml

Exit status 1 when the message has a defect the parser noticed, or is not the expected multipart/alternative.
"""
import email
import email.policy
import json
import sys


def main() -> int:
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.strict)
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a line ends without CRLF")
    if message.get_content_type() != "multipart/alternative":
        problems.append(f"content type {message.get_content_type()}")
    parts = []
    for part in message.iter_parts():
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "text": part.get_content(),
        })
        problems += [str(d) for d in part.defects]
    problems += [str(d) for d in message.defects]
    out = {
        "from": str(message["From"]),
        "to": [str(a.addr_spec) for a in message["To"].addresses] if message["To"] else [],
        "toNames": [a.display_name for a in message["To"].addresses] if message["To"] else [],
        "subject": str(message["Subject"]),
        "date": str(message["Date"]),
        "messageId": str(message["Message-ID"]),
        "mimeVersion": str(message["MIME-Version"]),
        "deadline": message["X-Greffe-Deadline"],
        "parts": parts,
        "problems": problems,
    }
    print(json.dumps(out, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
