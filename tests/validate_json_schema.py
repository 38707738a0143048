#!/usr/bin/env python3
"""Validates corpus JSON files against docs/corpus.schema.json.

    validate_json_schema.py SCHEMA EXPORTER WORKDIR [FILE...]

Runs EXPORTER WORKDIR FILE... (tests/export_corpora.cpp) to export test
corpora, then validates every *.json in WORKDIR and every FILE given that is
JSON. Exits 1 naming the file and the path of every violation.
"""
import json
import pathlib
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("python3-jsonschema is missing: run scripts/setup.sh (apt-get install python3-jsonschema)")


def main():
    schema_path, exporter, workdir, *inputs = sys.argv[1:]
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    subprocess.run([exporter, workdir, *inputs], check=True)
    files = sorted(pathlib.Path(workdir).glob("*.json"))
    files += [pathlib.Path(f) for f in inputs if f.endswith(".json")]
    failures = 0
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:20]:
            where = "/".join(str(p) for p in error.absolute_path) or "(document)"
            print(f"{path}: {where}: {error.message}")
        failures += bool(errors)
    print(f"{len(files) - failures} of {len(files)} files valid against {schema_path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
