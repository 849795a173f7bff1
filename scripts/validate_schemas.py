#!/usr/bin/env python3
"""Validates example JSON documents against the schemas in Schemas/ with a real JSON Schema validator.

    python3 scripts/validate_schemas.py DIR
    python3 scripts/validate_schemas.py --jsonl FILE.jsonl...

DIR holds examples written by the Swift tests:
  DIR/commands/<type>.json   a command (flat, with "type")      -> Schemas/commands/<type>.schema.json
  DIR/events/<type>.json     an event payload (stored form)     -> Schemas/events/<type>.schema.json
  DIR/rulebook.json          a rulebook                         -> Schemas/rulebook.schema.json
  DIR/envelope/*.json        stored records                     -> Schemas/event-envelope.schema.json
  DIR/ladder-rulebooks/*.json a rulebook file (either kind)     -> Schemas/rulebook.schema.json
  DIR/ladder-events/<type>.json a ladder event payload          -> Schemas/ladder-events/<type>.schema.json
  DIR/path-events/<type>.json   a mediation/revocation payload    -> Schemas/path-events/<type>.schema.json
  DIR/access/*.json             a `privacy access` document       -> Schemas/access.schema.json
With --jsonl, every line of each file is checked against Schemas/apply-line.schema.json and its command against
Schemas/commands/<type>.schema.json (the files `greffe apply` reads).
Every schema is itself checked against draft 2020-12. Exits 1 on any error, listing them all.
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource
except ImportError:  # the test treats exit 3 as "validator missing"
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Schemas"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def jsonl(files):
    line_schema = load(SCHEMAS / "apply-line.schema.json")
    Draft202012Validator.check_schema(line_schema)
    line_validator = Draft202012Validator(line_schema, format_checker=FormatChecker())
    errors, checked = [], 0
    for name in files:
        for number, text in enumerate(open(name, encoding="utf-8"), start=1):
            if not text.strip():
                continue
            where = f"{name}:{number}"
            try:
                line = json.loads(text)
            except ValueError as e:
                errors.append(f"{where}: not JSON: {e}")
                continue
            for err in line_validator.iter_errors(line):
                errors.append(f"{where}: {'/'.join(map(str, err.path)) or '(root)'}: {err.message}")
            if isinstance(line, dict) and "withdraw" in line and "command" not in line:
                checked += 1  # a withdrawal carries no command
                continue
            command = line.get("command", {}) if isinstance(line, dict) else {}
            schema_path = SCHEMAS / "commands" / f"{command.get('type')}.schema.json"
            if not schema_path.exists():
                errors.append(f"{where}: unknown command type {command.get('type')}")
                continue
            validator = Draft202012Validator(load(schema_path), format_checker=FormatChecker())
            for err in validator.iter_errors(command):
                errors.append(f"{where}: command/{'/'.join(map(str, err.path)) or '(root)'}: {err.message}")
            checked += 1
    for e in errors:
        print(e, file=sys.stderr)
    print(f"validated {checked} lines, {len(errors)} errors")
    return 1 if errors or checked == 0 else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "--jsonl":
        return jsonl(argv[2:])
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    examples = pathlib.Path(argv[1])
    errors, checked = [], 0
    validators = {}
    # Schemas may refer to one another by relative references (RulebookAdopted -> rulebook).
    registry = Registry()
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        contents = load(path)
        if "$id" in contents:
            registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))

    def validator(schema_path):
        if schema_path not in validators:
            schema = load(schema_path)
            Draft202012Validator.check_schema(schema)
            validators[schema_path] = Draft202012Validator(schema, format_checker=FormatChecker(), registry=registry)
        return validators[schema_path]

    pairs = []
    for kind in ("commands", "events"):
        for example in sorted((examples / kind).glob("*.json")):
            pairs.append((example, SCHEMAS / kind / (example.stem + ".schema.json")))
    if (examples / "rulebook.json").exists():
        pairs.append((examples / "rulebook.json", SCHEMAS / "rulebook.schema.json"))
    for example in sorted((examples / "envelope").glob("*.json")):
        pairs.append((example, SCHEMAS / "event-envelope.schema.json"))
    for example in sorted((examples / "ladder-rulebooks").glob("*.json")):
        pairs.append((example, SCHEMAS / "rulebook.schema.json"))
    for example in sorted((examples / "ladder-events").glob("*.json")):
        pairs.append((example, SCHEMAS / "ladder-events" / (example.stem.split(".")[0] + ".schema.json")))
    for example in sorted((examples / "path-events").glob("*.json")):
        pairs.append((example, SCHEMAS / "path-events" / (example.stem.split(".")[0] + ".schema.json")))
    for example in sorted((examples / "access").glob("*.json")):
        pairs.append((example, SCHEMAS / "access.schema.json"))

    for example, schema_path in pairs:
        if not schema_path.exists():
            errors.append(f"{example}: no schema {schema_path.relative_to(ROOT)}")
            continue
        try:
            v = validator(schema_path)
        except Exception as e:  # an invalid schema is an error too
            errors.append(f"{schema_path}: invalid schema: {e}")
            continue
        for err in sorted(v.iter_errors(load(example)), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in err.path) or "(root)"
            errors.append(f"{example.relative_to(examples)}: {where}: {err.message}")
        checked += 1

    for e in errors:
        print(e, file=sys.stderr)
    print(f"validated {checked} examples, {len(errors)} errors")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
