#!/usr/bin/env python3
"""Validates ladder rulebooks and ladder event payloads against Schemas/ with a real JSON Schema validator.

    python3 scripts/validate_ladder_schemas.py DIR

DIR holds examples written by the Swift tests:
  DIR/rulebooks/*.json       a ladder rulebook               -> Schemas/ladder-rulebook.schema.json
  DIR/events/<type>.json     a ladder event payload           -> Schemas/ladder-events/<type>.schema.json
Every schema is itself checked against draft 2020-12. Exits 1 on any error, listing them all; 3 when jsonschema is
missing.
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Schemas"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    examples = pathlib.Path(argv[1])
    rulebook_schema = load(SCHEMAS / "ladder-rulebook.schema.json")
    # The RulebookAdopted schema refers to the rulebook schema by a relative reference.
    registry = Registry().with_resource(rulebook_schema["$id"], Resource.from_contents(rulebook_schema))
    pairs = [(e, SCHEMAS / "ladder-rulebook.schema.json") for e in sorted((examples / "rulebooks").glob("*.json"))]
    pairs += [(e, SCHEMAS / "ladder-events" / (e.stem + ".schema.json")) for e in sorted((examples / "events").glob("*.json"))]
    errors, checked = [], 0
    for example, schema_path in pairs:
        if not schema_path.exists():
            errors.append(f"{example.name}: no schema {schema_path.relative_to(ROOT)}")
            continue
        schema = load(schema_path)
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as e:
            errors.append(f"{schema_path}: invalid schema: {e}")
            continue
        validator = Draft202012Validator(schema, registry=registry)
        for err in sorted(validator.iter_errors(load(example)), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in err.path) or "(root)"
            errors.append(f"{example.relative_to(examples)}: {where}: {err.message}")
        checked += 1
    for e in errors:
        print(e, file=sys.stderr)
    print(f"validated {checked} examples, {len(errors)} errors")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
