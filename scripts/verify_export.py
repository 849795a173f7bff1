#!/usr/bin/env python3
"""Re-verify the hash chain of a `greffe export --format jsonl` file from the file alone (Python standard library).

usage: verify_export.py EXPORT.jsonl [--checkpoint SEQ:HASH]
Prints "OK <records> <head-seq> <head-hash>" and exits 0; "FAIL <seq> <reason>" and exits 1; for a pseudonymised
export, whose hashes cannot be recomputed, follows the links only, prints "PSEUDONYMISED ..." and exits 3.

Each record's hash is SHA-256 of its body, encoded as docs/storage-format.md says: prev_hash (32 bytes), sequence
(u64), stream (str), version (u64), type (str), schema_version (u32), occurred_on (str), recorded_at (i64,
milliseconds), actor, correlation_id, causation_id (str), payload (bytes); integers big-endian, str/bytes as a u32
big-endian length then the UTF-8 bytes.
"""
import hashlib
import json
import struct
import sys


def field(data):
    return struct.pack(">I", len(data)) + data


def body(rec, prev):
    text = lambda key: field(rec[key].encode("utf-8"))
    return (prev + struct.pack(">Q", rec["sequence"]) + text("stream") + struct.pack(">Q", rec["version"])
            + text("type") + struct.pack(">I", rec["schemaVersion"]) + text("occurredOn")
            + struct.pack(">q", rec["recordedAtMs"]) + text("actor") + text("correlationId")
            + text("causationId") + text("payload"))


def verify(lines, checkpoint=None):
    header = json.loads(lines[0])
    if header.get("format") != "greffe-export-1":
        return "FAIL 0 not a greffe export (format %r)" % header.get("format"), 1
    pseudonymised = not header.get("chainVerifiable", False)
    prev, n = b"\0" * 32, 1
    for line in lines[1:]:
        rec = json.loads(line)
        if rec["sequence"] != n:
            return "FAIL %d missing record (found %d)" % (n, rec["sequence"]), 1
        if bytes.fromhex(rec["prevHash"]) != prev:
            return "FAIL %d broken chain" % n, 1
        stored = bytes.fromhex(rec["hash"])
        if not pseudonymised and hashlib.sha256(body(rec, prev)).digest() != stored:
            return "FAIL %d hash mismatch" % n, 1
        if checkpoint and checkpoint[0] == n and checkpoint[1] != stored:
            return "FAIL %d checkpoint mismatch" % n, 1
        prev, n = stored, n + 1
    if (n - 1, prev.hex()) != (header["headSequence"], header["headHash"]):
        return "FAIL %d the export ends before its announced head %d" % (n, header["headSequence"]), 1
    if checkpoint and checkpoint[0] >= n:
        return "FAIL %d checkpoint past the end of the export" % checkpoint[0], 1
    if pseudonymised:
        return ("PSEUDONYMISED %d records: links followed, but no hash can be recomputed from pseudonymised lines"
                % (n - 1)), 3
    return "OK %d %d %s" % (n - 1, n - 1, prev.hex()), 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--checkpoint"):
        sys.exit(__doc__)
    point = None
    if len(sys.argv) == 4:
        seq, hexhash = sys.argv[3].split(":")
        point = (int(seq), bytes.fromhex(hexhash))
    with open(sys.argv[1], encoding="utf-8") as f:
        content = [l for l in f.read().split("\n") if l.strip()]
    if not content:
        print("FAIL 0 empty file")
        sys.exit(1)
    try:
        result, status = verify(content, point)
    except (ValueError, KeyError, TypeError) as e:
        result, status = "FAIL ? unreadable export: %s" % e, 1
    print(result)
    sys.exit(status)
