#!/usr/bin/env python3
"""Checks that every « quoted » passage of docs/rules.md, and of the letters shipped for the procedure
(Sources/Documents/Templates/cle-autistes-ri/*.mustache, passages holding a {{field}} aside), appears verbatim
(whitespace aside) in the seed text.

    python3 scripts/check_rule_quotes.py path/to/seeds/003_fe94f1df10b93c7f.txt
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    seed = re.sub(r"\s+", " ", pathlib.Path(argv[1]).read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    # A quote may run over a line break of the Markdown source: compared with its white space collapsed.
    quotes = [re.sub(r"\s+", " ", q) for q in re.findall(r"« (.+?) »", doc, re.S)]
    for template in sorted((ROOT / "Sources/Documents/Templates/cle-autistes-ri").glob("*.mustache")):
        text = re.sub(r"\s+", " ", template.read_text(encoding="utf-8"))
        quotes += [q.rstrip(".") for q in re.findall(r"« (.+?) »", text) if "{{" not in q]
    missing = [q for q in quotes if q not in seed]
    for q in missing:
        print(f"not in the seed: {q}", file=sys.stderr)
    print(f"{len(quotes)} quotes, {len(missing)} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
