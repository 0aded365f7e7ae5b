#!/usr/bin/python3
"""Validate every *.json file in a directory against HL7's FHIR R4 JSON schema.

Usage: validate_fhir.py SCHEMA DIR
Prints one line per invalid file and exits 1 if any file is invalid, 2 on usage errors.
Run with Debian's /usr/bin/python3 (python3-jsonschema).
"""
import glob
import json
import os
import sys

import jsonschema


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft6Validator(schema)
    files = sorted(glob.glob(os.path.join(sys.argv[2], "*.json")))
    if not files:
        print("no files to validate", file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        # The schema's root is a oneOf over every resource; its errors are unreadable, so on
        # failure report the errors against the resource's own definition.
        if validator.is_valid(instance):
            continue
        bad += 1
        rtype = instance.get("resourceType", "?")
        own = {"$ref": "#/definitions/" + rtype, "definitions": schema["definitions"]}
        errors = list(jsonschema.Draft6Validator(own).iter_errors(instance))
        detail = "; ".join(
            "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200] for e in errors[:5]
        ) or "does not match the root oneOf"
        print(f"{os.path.basename(path)} ({rtype}): {detail}")
    print(f"validated {len(files)} resources, {bad} invalid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
