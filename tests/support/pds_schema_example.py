#!/usr/bin/env python3
"""Builds a PDS Patient from the PDS FHIR API specification's own `example:` values.

The examples NHS England publishes under components/examples/ are, in the shared reference
set, git symlink stubs whose targets (sandbox/mocks/*.json) are not there. This builds the
resource the schema itself describes instead, so the desk's reader is still tested against
published values rather than ones made up for the test:

    pds_schema_example.py <specification/components/schemas> <variant>

variant: Patient, Sensitive_Patient, Minimal_Patient, or the same with PatientSearch for the
searchset Bundle PatientSearch.yaml describes, holding that Patient as a search returns it.

`Patient`: every property of Patient.yaml from its (or its $ref's) example, default or first
enum value; `Sensitive_Patient`: the same with meta.security R and what Patient.yaml says a
restricted retrieval removes (address, telecom, contact, generalPractitioner, pharmacy and
birth place extensions); `Minimal_Patient`: the properties the schemas mark required, plus
meta, identifier and the name (the spec's "very little data" patient still has those).
Writes one JSON object to standard output.
"""
import datetime
import json
import os
import sys

import yaml


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def plain(value):
    """YAML reads an unquoted 2024-01-01 as a date; JSON wants the text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def build(schema, base_dir, required_only=False):
    if "$ref" in schema:
        ref = schema["$ref"]
        if "#" in ref:  # a reference into the root document: not used by Patient's schemas
            return None
        path = os.path.normpath(os.path.join(base_dir, ref))
        return build(load(path), os.path.dirname(path), required_only)
    if "example" in schema:
        return plain(schema["example"])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", []))
        out = {}
        for name, sub in schema.get("properties", {}).items():
            if required_only and name not in required:
                continue
            value = build(sub, base_dir, required_only)
            if value is not None:
                out[name] = value
        return out
    if kind == "array":
        items = schema.get("items", {})
        if "anyOf" in items:
            values = [build(alt, base_dir, required_only) for alt in items["anyOf"]]
        else:
            values = [build(items, base_dir, required_only)]
        values = [v for v in values if v is not None]
        return values or None
    if "default" in schema:
        return plain(schema["default"])
    if "enum" in schema:
        return plain(schema["enum"][0])
    return None


def make_patient(schemas, variant):
    patient_path = os.path.join(schemas, "Patient.yaml")
    patient_schema = load(patient_path)
    if variant == "Minimal_Patient":
        patient = build(patient_schema, schemas, required_only=True)
        for name in ("meta", "identifier", "name"):
            patient[name] = build(patient_schema["properties"][name], schemas)
    else:
        patient = build(patient_schema, schemas)
    patient["resourceType"] = "Patient"
    if variant == "Sensitive_Patient":
        patient["meta"]["security"] = [{
            "system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
            "code": "R",
            "display": "restricted",
        }]
        for name in ("address", "telecom", "contact", "generalPractitioner"):
            patient.pop(name, None)
        removed = ("NHSEngland-NominatedPharmacy", "DispensingDoctor", "MedicalApplianceSupplier",
                   "BirthPlace")
        patient["extension"] = [e for e in patient.get("extension", [])
                                if not any(r in e.get("url", "") for r in removed)]
    return patient


def make_search(schemas, variant):
    """PatientSearch.yaml's Bundle with its one entry's Patient cut to what a search returns:
    the usual, nickname and temp names and the home address only."""
    bundle = build(load(os.path.join(schemas, "PatientSearch.yaml")), schemas)
    patient = make_patient(schemas, variant.replace("PatientSearch", "Patient"))
    patient["name"] = [n for n in patient.get("name", [])
                       if n.get("use") in ("usual", "nickname", "temp")]
    if "address" in patient:
        patient["address"] = [a for a in patient["address"] if a.get("use") == "home"]
    entry = bundle["entry"][0]
    entry["resource"] = patient
    bundle["entry"] = [entry]
    bundle["total"] = 1
    return bundle


def main():
    schemas, variant = sys.argv[1], sys.argv[2]
    if "PatientSearch" in variant:
        out = make_search(schemas, variant)
    else:
        out = make_patient(schemas, variant)
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
