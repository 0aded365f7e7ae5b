#!/usr/bin/env python3
"""Holds every MESH exchange a test recorded to the published MESH OpenAPI specification.

  check_mesh_exchanges.py SPEC.yaml EXCHANGES.json

EXCHANGES.json is a list of {method, path, query: {name: value}, requestHeaders: {name: value},
status, contentType, responseHeaders: {name: value}, bodyBytes}, header names in lower case.
Each must be an operation of the specification (path template and method), carry the header
parameters the operation requires, use only the query parameters it declares (within their
bounds), and be answered with a status code the operation lists, with a declared content type
when there is a body. For the download operations, the rules the specification states in prose:
the MESH message headers, and Mex-Chunk-Range on a 206. Prints one line per problem and a
summary; exits 1 if any exchange breaks the specification.
"""
import json
import re
import sys

import yaml


def templates(spec):
    out = []
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "([^/]+)", template) + "$"
        literals = len([s for s in template.split("/") if s and not s.startswith("{")])
        names = re.findall(r"\{([^}]+)\}", template)
        out.append((template, re.compile(pattern), literals, names, item))
    return out


def operation_for(paths, path):
    found = [(lit, t, rx, names, item) for (t, rx, lit, names, item) in paths if rx.match(path)]
    if not found:
        return None
    found.sort(key=lambda f: -f[0])
    _, t, rx, names, item = found[0]
    values = dict(zip(names, rx.match(path).groups()))
    return t, values, item


def check_schema(value, schema):
    kind = schema.get("type")
    if kind == "integer":
        try:
            number = int(value)
        except ValueError:
            return "is not an integer"
        if "minimum" in schema and number < schema["minimum"]:
            return "is below %s" % schema["minimum"]
        if "maximum" in schema and number > schema["maximum"]:
            return "is above %s" % schema["maximum"]
    if kind == "string":
        if "minLength" in schema and len(value) < schema["minLength"]:
            return "is shorter than %s" % schema["minLength"]
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return "is longer than %s" % schema["maxLength"]
    return None


DOWNLOADS = ("retrieve_message_messageexchange__mailbox_id__inbox__message_id__get",
             "retrieve_chunk_messageexchange__mailbox_id__inbox__message_id___chunk_number__get")


def check(spec_paths, x):
    problems = []
    found = operation_for(spec_paths, x["path"])
    if not found:
        return ["no operation of the specification has the path %s" % x["path"]], None
    template, path_values, item = found
    method = x["method"].lower()
    if method not in item:
        return ["%s is not an operation on %s" % (x["method"], template)], None
    op = item[method]
    params = op.get("parameters", [])
    headers = {k.lower(): v for k, v in x["requestHeaders"].items()}
    for p in params:
        where, name = p["in"], p["name"].lower()
        if where == "header":
            if p.get("required") and name not in headers:
                problems.append("required header %s missing" % name)
        elif where == "path":
            if name in path_values:
                why = check_schema(path_values[name], p.get("schema", {}))
                if why:
                    problems.append("path parameter %s %s" % (name, why))
    declared_query = {p["name"]: p for p in params if p["in"] == "query"}
    for name, value in x["query"].items():
        if name not in declared_query:
            problems.append("query parameter %s is not declared" % name)
            continue
        why = check_schema(value, declared_query[name].get("schema", {}))
        if why:
            problems.append("query parameter %s %s" % (name, why))
    status = str(x["status"])
    responses = op.get("responses", {})
    if status not in responses and "default" not in responses:
        problems.append("status %s is not one the operation lists (%s)"
                        % (status, ", ".join(sorted(responses))))
    else:
        content = responses.get(status, responses.get("default", {})).get("content")
        mime = x["contentType"].split(";")[0].strip().lower()
        if x["bodyBytes"] > 0:
            if not content:
                problems.append("status %s has a body but the operation declares none" % status)
            elif mime not in content:
                problems.append("content type %s is not one declared for %s (%s)"
                                % (mime or "(none)", status, ", ".join(content)))
        elif content and mime and mime not in content:
            problems.append("content type %s is not one declared for %s" % (mime, status))
    rh = {k.lower(): v for k, v in x["responseHeaders"].items()}
    if op.get("operationId") in DOWNLOADS and status in ("200", "206"):
        for name in ("mex-messageid", "mex-messagetype", "mex-to", "mex-from"):
            if name not in rh:
                problems.append("download answer without %s" % name)
        if rh.get("mex-messagetype") not in ("DATA", "REPORT"):
            problems.append("mex-messagetype is neither DATA nor REPORT")
        if status == "206" and not re.match(r"^\d+:\d+$", rh.get("mex-chunk-range", "")):
            problems.append("206 without mex-chunk-range k:n")
        if rh.get("mex-content-compressed", "N") not in ("Y", "N"):
            problems.append("mex-content-compressed is neither Y nor N")
    return problems, op.get("operationId")


def main():
    spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    exchanges = json.load(open(sys.argv[2], encoding="utf-8"))
    spec_paths = templates(spec)
    failed = 0
    operations = {}
    for i, x in enumerate(exchanges):
        problems, op = check(spec_paths, x)
        if op:
            operations[op] = operations.get(op, 0) + 1
        for p in problems:
            print("exchange %d, %s %s -> %s: %s" % (i, x["method"], x["path"], x["status"], p))
        failed += bool(problems)
    for op, n in sorted(operations.items()):
        print("  %5d  %s" % (n, op))
    print("%d MESH exchanges checked against %s: %d break it"
          % (len(exchanges), sys.argv[1], failed))
    return 1 if failed or not exchanges else 0


if __name__ == "__main__":
    sys.exit(main())
