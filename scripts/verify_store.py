#!/usr/bin/env python3
"""Verify a Greffe store from docs/storage-format.md alone, independently of Greffe's own code.

usage: verify_store.py STORE_DIR [--checkpoint SEQ:HASH]
A data.mdb shorter than the pages its meta pages name is reported ("FAIL 0 store damaged: …") before it is mapped.
Prints "OK <records> <head-seq> <head-hash>" and exits 0, or "FAIL <seq> <reason>" and exits 1.
Needs the `lmdb` binding (pip install lmdb).
"""
import hashlib
import os
import struct
import sys

import lmdb


def fields(body):
    """Decode a record body; raise ValueError when it is malformed."""
    pos = 32
    out = {"prev_hash": body[:32]}

    def take(n):
        nonlocal pos
        if pos + n > len(body):
            raise ValueError("truncated")
        chunk = body[pos:pos + n]
        pos += n
        return chunk

    def u(fmt):
        return struct.unpack(">" + fmt, take(struct.calcsize(">" + fmt)))[0]

    def var():
        return take(u("I"))

    out["sequence"] = u("Q")
    out["stream"] = var()
    out["version"] = u("Q")
    out["type"] = var().decode("utf-8")
    out["schema_version"] = u("I")
    out["occurred_on"] = var().decode("utf-8")
    out["recorded_at"] = u("q")
    out["actor"] = var().decode("utf-8")
    out["correlation_id"] = var().decode("utf-8")
    out["causation_id"] = var().decode("utf-8")
    out["payload"] = var()
    if pos != len(body):
        raise ValueError("trailing bytes")
    return out


def damage(path):
    """Why data.mdb cannot be mapped safely (its meta pages, docs/storage-format.md), or None."""
    with open(os.path.join(path, "data.mdb"), "rb") as f:
        head = f.read(65536 + 152)
        size = os.fstat(f.fileno()).st_size
    if not head:
        return "data.mdb is empty"

    def meta(off):
        if len(head) < off + 152:
            return None
        flags, = struct.unpack_from("=H", head, off + 10)
        magic, version, psize = struct.unpack_from("=II", head, off + 16) + struct.unpack_from("=I", head, off + 40)
        last, txn = struct.unpack_from("=QQ", head, off + 136)
        if not flags & 0x08 or magic != 0xBEEFC0DE or version != 1 or psize < 512 or psize & (psize - 1):
            return None
        return psize, last, txn

    first = meta(0)
    if first is None:
        return "data.mdb is not an LMDB file"
    second = meta(first[0])
    current = second if second and second[0] == first[0] and second[2] > first[2] else first
    if size < max(2, current[1] + 1) * current[0]:
        return "file shorter than its last page"
    return None


def verify(path, checkpoint=None):
    damaged = damage(path)
    if damaged:
        return "FAIL 0 store damaged: " + damaged
    env = lmdb.open(path, readonly=True, lock=False, max_dbs=8, subdir=True)
    meta, records, streams, heads = (env.open_db(n, create=False) for n in
                                     (b"meta", b"records", b"streams", b"stream_heads"))
    with env.begin() as txn:
        if struct.unpack(">I", txn.get(b"format", db=meta))[0] != 1:
            return "FAIL 0 unknown format"
        prev, n = b"\0" * 32, 1
        if checkpoint:
            seq, expected = checkpoint
            value = txn.get(struct.pack(">Q", seq), db=records)
            if value is None or value[-32:] != expected:
                return "FAIL %d checkpoint mismatch" % seq
            if hashlib.sha256(value[:-32]).digest() != expected:
                return "FAIL %d hash mismatch" % seq
            prev, n = expected, seq + 1
        start = n
        last_version = {}
        cursor = txn.cursor(db=records)
        if cursor.set_range(struct.pack(">Q", n)):
            for key, value in cursor:
                if struct.unpack(">Q", key)[0] != n:
                    return "FAIL %d missing record" % n
                body, stored = value[:-32], value[-32:]
                try:
                    rec = fields(body)
                except (ValueError, UnicodeDecodeError) as e:
                    return "FAIL %d undecodable: %s" % (n, e)
                if rec["sequence"] != n:
                    return "FAIL %d misplaced record" % n
                if rec["prev_hash"] != prev:
                    return "FAIL %d broken chain" % n
                if hashlib.sha256(body).digest() != stored:
                    return "FAIL %d hash mismatch" % n
                index_key = rec["stream"] + b"\0" + struct.pack(">Q", rec["version"])
                if txn.get(index_key, db=streams) != struct.pack(">Q", n):
                    return "FAIL %d stream index" % n
                if checkpoint is None and rec["version"] != last_version.get(rec["stream"], 0) + 1:
                    return "FAIL %d version gap" % n
                last_version[rec["stream"]] = rec["version"]
                prev, n = stored, n + 1
        head = txn.get(b"head", db=meta)
        if head != struct.pack(">Q", n - 1) + prev:
            return "FAIL %d head mismatch" % n
        # stream_heads: one entry per stream, at the version of its last record (both ways).
        seen = 0
        for stream, version in txn.cursor(db=heads):
            if len(version) != 8:
                return "FAIL %d stream head" % (n - 1)
            v = struct.unpack(">Q", version)[0]
            if stream in last_version:
                seen += 1
                if v != last_version[stream]:
                    return "FAIL %d stream head" % (n - 1)
            elif checkpoint is None:
                return "FAIL %d stream head" % (n - 1)
            elif (txn.get(stream + b"\0" + struct.pack(">Q", v), db=streams) is None
                  or txn.get(stream + b"\0" + struct.pack(">Q", v + 1), db=streams) is not None):
                return "FAIL %d stream head" % (n - 1)
        if seen != len(last_version):
            return "FAIL %d stream head" % (n - 1)
        # streams: exactly one entry per record (each record's own entry was checked above).
        if txn.stat(streams)["entries"] != n - 1:
            return "FAIL %d stream index" % (n - 1)
        return "OK %d %d %s" % (n - start, n - 1, prev.hex())


if __name__ == "__main__":
    if len(sys.argv) not in (2, 4):
        sys.exit(__doc__)
    point = None
    if len(sys.argv) == 4 and sys.argv[2] == "--checkpoint":
        seq, hexhash = sys.argv[3].split(":")
        point = (int(seq), bytes.fromhex(hexhash))
    result = verify(sys.argv[1], point)
    print(result)
    sys.exit(0 if result.startswith("OK") else 1)
