#!/usr/bin/env python3
"""Writes the man page greffe(1), in roff, from the command tree that `greffe --experimental-dump-help` prints
(swift-argument-parser's description of every command, option and help text: the same source as `--help`).

    greffe --experimental-dump-help > help.json && python3 scripts/manpage.py help.json 0.1.0 > greffe.1

Run by scripts/release.sh; standard library only.
"""
import datetime
import json
import sys


def roff(text: str) -> str:
    """Escapes text for roff: backslashes, and a leading dot or quote that would read as a request."""
    lines = []
    for line in text.replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def prose(text: str) -> list:
    """A discussion: paragraphs, and indented lines (examples, tables) kept as they are."""
    out, literal = [], False
    for line in (text or "").split("\n"):
        indented = line.startswith(" ")
        if indented and not literal:
            out += [".PP", ".nf", ".RS 4"]
            literal = True
        elif not indented and literal:
            out += [".RE", ".fi"]
            literal = False
        if not line.strip():
            if not literal:
                out.append(".PP")
            continue
        out.append(roff(line.strip() if literal else line))
    if literal:
        out += [".RE", ".fi"]
    return out


def names(argument: dict) -> str:
    parts = []
    for name in argument.get("names", []):
        dash = "--" if name["kind"] == "long" else "-"
        parts.append("\\fB" + dash.replace("-", "\\-") + roff(name["name"]).replace("-", "\\-") + "\\fR")
    label = ", ".join(parts)
    if argument["kind"] == "positional":
        label = "\\fI" + roff(argument.get("valueName", "valeur")) + "\\fR"
    elif argument["kind"] == "option":
        label += " \\fI" + roff(argument.get("valueName", "valeur")) + "\\fR"
    if argument.get("isRepeating"):
        label += " ..."
    return label


def command(node: dict, path: list, out: list) -> None:
    full = " ".join(path)
    if len(path) > 1:
        out.append('.SS "' + roff(full) + '"')
        if node.get("abstract"):
            out.append(roff(node["abstract"]))
        if node.get("discussion"):
            out.append(".PP")
            out += prose(node["discussion"])
    arguments = [a for a in node.get("arguments", []) if a.get("shouldDisplay", True)
                 and not any(n["name"] in ("help", "version", "experimental-dump-help") for n in a.get("names", []))]
    if arguments and len(path) > 1:
        out.append(".PP")
        out.append("Options :")
    for argument in arguments:
        out.append(".TP")
        out.append(names(argument))
        abstract = argument.get("abstract", "")
        if argument.get("defaultValue") not in (None, ""):
            abstract += " (défaut : " + str(argument["defaultValue"]) + ")"
        out.append(roff(abstract) if abstract else "")
    for child in node.get("subcommands", []) or []:
        if child.get("shouldDisplay", True) and child["commandName"] != "help":
            command(child, path + [child["commandName"]], out)


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        tool = json.load(f)["command"]
    version = sys.argv[2] if len(sys.argv) > 2 else ""
    day = datetime.date.today().isoformat()
    out = [
        f'.TH GREFFE 1 "{day}" "greffe {roff(version)}" "Manuel de greffe"',
        ".SH NOM",
        "greffe \\- " + roff(tool.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B greffe",
        ".I commande",
        "[\\fIoptions\\fR]",
        ".SH DESCRIPTION",
    ]
    out += prose(tool.get("discussion", ""))
    general = []
    command({"arguments": tool.get("arguments", [])}, ["greffe"], general)
    if general:
        out += [".SH OPTIONS GÉNÉRALES"] + general
    out.append(".SH COMMANDES")
    for child in tool.get("subcommands", []) or []:
        if child.get("shouldDisplay", True) and child["commandName"] != "help":
            command(child, ["greffe", child["commandName"]], out)
    out += [
        ".SH FICHIERS",
        "Magasin par défaut : \\fI~/.local/share/greffe/store\\fR (ou \\fI$XDG_DATA_HOME/greffe/store\\fR).",
        ".SH ENVIRONNEMENT",
        ".TP", "\\fBGREFFE_STORE\\fR", "Dossier du magasin quand \\-\\-store n'est pas donné.",
        ".TP", "\\fBGREFFE_ACTOR\\fR", "Qui enregistre les actes quand \\-\\-as n'est pas donné.",
        ".TP", "\\fBGREFFE_LANG\\fR", "Langue des messages : fr ou en.",
        ".SH VOIR AUSSI",
        "/usr/share/doc/greffe/ : install.md, partage.md, cli.md, audit.md, draw.md, rulebooks.md.",
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
