#!/usr/bin/env python3
"""Regenerates the transcripts of docs/cli.md from real runs of the built `greffe`, or checks that they are current.

A generated block is a fenced `console` block between two markers:

    <!-- généré: NAME -->
    ```console
    $ greffe init
    Magasin créé : registre (format 1)
    ```
    <!-- fin: NAME -->

Its `$ ` lines are the commands, kept as written; everything else in the block is the output this script writes. All
the generated blocks of the file run in the file's order, in one session: one temporary directory (holding a copy of
docs/examples/ and a fixed screenshot file), the same environment, `$ export NAME=VALUE` lines changing it for the
following commands. Every other command runs with bash in that directory, with the built `greffe` first on the PATH;
its standard output and error are shown as they came, followed by `[code de sortie N]` when N is not 0. The prose
around the blocks stays hand-written.

A block may be preceded by its preparation, commands run just before it and not shown (a store in the state the
prose describes), in an HTML comment that names the block:

    <!-- préparation: NAME
    $ export GREFFE_STORE=registre-courrier
    $ greffe init
    -->

Its `export` lines hold for its block only: the following blocks see the environment as the shown commands left it.
A preparation command that exits with a code other than 0 stops the script: a block never silently shows the outputs
of a store that was not prepared.

Outputs that change from run to run (recording instants, hashes of records, key ids) are found by running the whole
session twice: a word that differs between the two runs is shown as `‹variable›`. The temporary directory's path is
shown as `.`.

    python3 scripts/cli_transcripts.py            # checks (one run, `‹variable›` matching any variable word):
                                                  # exit 1 with a diff when docs/cli.md is stale
    python3 scripts/cli_transcripts.py --write    # rewrites the generated blocks of docs/cli.md
    python3 scripts/cli_transcripts.py --greffe .build/release/greffe

The binary is --greffe, else $GREFFE_BIN, else .build/debug/greffe.
"""
import argparse
import difflib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "cli.md"
EXAMPLES = ROOT / "docs" / "examples"
BLOCK = re.compile(r"(<!-- généré: (?P<name>[^>]+?) -->\n```console\n)(?P<body>.*?)(```\n<!-- fin: (?P=name) -->)", re.S)
PREPARATION = re.compile(r"<!-- préparation: (?P<name>[^\s>]+)[^\n]*\n(?P<body>.*?)-->", re.S)
# Words that may vary between two runs: instants, hexadecimal and base64 runs.
VARIABLE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z|[0-9A-Za-z+/=_-]{16,}")
MASK = "‹variable›"
# The fixed environment of the session: French, a fixed day and actor, no configuration file of the user's.
ENVIRONMENT = {"LANG": "C.UTF-8", "GREFFE_TODAY": "2026-06-30", "GREFFE_ACTOR": "m001", "TZ": "UTC"}


def commands(body):
    return [line[2:] for line in body.splitlines() if line.startswith("$ ")]


def preparations(doc):
    """The hidden commands run before each block, by block name; a preparation naming no block stops the script."""
    prepared = {m.group("name"): commands(m.group("body")) for m in PREPARATION.finditer(doc)}
    names = {m.group("name") for m in BLOCK.finditer(doc)}
    if unknown := sorted(set(prepared) - names):
        sys.exit(f"cli_transcripts: preparation(s) for no generated block: {', '.join(unknown)}")
    return prepared


def run_session(blocks, greffe, prepared=None):
    """Runs every block's commands in order, each after its preparation; returns, per block, the list of (command,
    output)."""
    prepared = prepared or {}
    work = pathlib.Path(tempfile.mkdtemp(prefix="greffe-cli-doc-"))
    try:
        bin_dir = work / ".bin"
        bin_dir.mkdir()
        os.symlink(greffe, bin_dir / "greffe")
        for item in EXAMPLES.iterdir():
            if item.is_file():
                shutil.copy(item, work / item.name)
        # The example files also where the help texts name them (`greffe apply docs/examples/dossier-exemple.jsonl`).
        shutil.copytree(EXAMPLES, work / "docs" / "examples")
        (work / "captures").mkdir()
        (work / "captures" / "messages-28-12-au-03-01.png").write_bytes(b"capture d'ecran de demonstration\n")
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(work), **ENVIRONMENT}

        def run(command):
            exported = re.fullmatch(r"export ([A-Z_][A-Z0-9_]*)=(\S*)", command)
            if exported:
                env[exported.group(1)] = exported.group(2)
                return 0, ""
            done = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=120)
            return done.returncode, done.stdout.decode("utf-8", errors="replace").replace(str(work), ".")

        results = []
        for name, body in blocks:
            before = dict(env)
            for command in prepared.get(name, []):
                code, out = run(command)
                if code != 0:
                    sys.exit(f"cli_transcripts: the preparation of block {name} failed ({code}): $ {command}\n{out}")
            hidden = {key for key in env if env.get(key) != before.get(key)}
            ran = []
            for command in commands(body):
                code, out = run(command)
                if code != 0:
                    out += f"[code de sortie {code}]\n"
                ran.append((command, out))
            results.append(ran)
            # A preparation's exports hold for its block only (unless the block exports the same name itself).
            for key in hidden - {c[7:].split("=")[0] for c in commands(body) if c.startswith("export ")}:
                if key in before:
                    env[key] = before[key]
                else:
                    env.pop(key, None)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def masked(first, second):
    """`first`'s output, with every word that differs in `second` masked."""
    if first == second:
        return first
    a, b = first.splitlines(keepends=True), second.splitlines(keepends=True)
    if len(a) != len(b):
        return first
    lines = []
    for x, y in zip(a, b):
        if x == y:
            lines.append(x)
            continue
        words_y = VARIABLE.findall(y)
        index = iter(range(len(words_y) + 1))
        lines.append(VARIABLE.sub(lambda m: MASK if (i := next(index)) >= len(words_y) or words_y[i] != m.group(0)
                                  else m.group(0), x))
    return "".join(lines)


def render(doc, greffe):
    blocks = [(m.group("name"), m.group("body")) for m in BLOCK.finditer(doc)]
    prepared = preparations(doc)
    first, second = run_session(blocks, greffe, prepared), run_session(blocks, greffe, prepared)
    bodies = iter("".join(f"$ {c}\n" + masked(o1, o2) for (c, o1), (_, o2) in zip(r1, r2))
                  for r1, r2 in zip(first, second))
    return BLOCK.sub(lambda m: m.group(1) + next(bodies) + m.group(4), doc), len(blocks)


def check(doc, greffe):
    """One run: the blocks as greffe prints them, where a committed `‹variable›` stands for any variable word; the
    file with the stale blocks replaced by that run (for the diff), and the names of the stale blocks."""
    blocks = [(m.group("name"), m.group("body")) for m in BLOCK.finditer(doc)]
    ran = run_session(blocks, greffe, preparations(doc))
    stale = []
    for (name, body), results in zip(blocks, ran):
        printed = "".join(f"$ {c}\n" + o for c, o in results)
        pattern = "".join(f"(?:{VARIABLE.pattern})" if part == MASK else re.escape(part)
                          for part in re.split(f"({re.escape(MASK)})", body))
        if not re.fullmatch(f"(?:{pattern})", printed, re.S):
            stale.append((name, body, printed))
    new = doc
    for _, body, printed in stale:
        new = new.replace(body, printed, 1)
    return new, len(blocks), [name for name, _, _ in stale]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite docs/cli.md instead of checking it")
    parser.add_argument("--greffe", default=os.environ.get("GREFFE_BIN", str(ROOT / ".build" / "debug" / "greffe")))
    parser.add_argument("--doc", default=str(DOC))
    args = parser.parse_args()
    greffe = pathlib.Path(args.greffe).resolve()
    if not greffe.exists():
        sys.exit(f"cli_transcripts: no greffe binary at {greffe} (swift build, or --greffe PATH)")
    doc_path = pathlib.Path(args.doc)
    doc = doc_path.read_text(encoding="utf-8")
    if args.write:
        new, count = render(doc, greffe)
        doc_path.write_text(new, encoding="utf-8")
        print(f"{doc_path}: {count} generated block(s) written")
        return
    new, count, stale = check(doc, greffe)
    if stale:
        sys.stdout.writelines(difflib.unified_diff(doc.splitlines(keepends=True), new.splitlines(keepends=True),
                                                   str(doc_path), "what greffe prints"))
        sys.exit(f"{doc_path}: block(s) {', '.join(stale)} differ from what greffe prints: "
                 "run python3 scripts/cli_transcripts.py --write")
    print(f"{doc_path}: {count} generated block(s) up to date")


if __name__ == "__main__":
    main()
