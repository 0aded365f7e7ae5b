#!/usr/bin/env python3
"""The layering rule of docs/architecture.md, checked from the sources' own #include lines.

Every C++ file belongs to a room (core/lookup, ui/shell, sandbox/world, app/desk, ...). A room
may include only the rooms its rule allows; any other quoted include of ours is a forbidden
arrow and fails the check with the file, the line and the rule it breaks.

  check_layering.py [--root DIR]     check the tree (exit 1 on any forbidden arrow)
  check_layering.py --self-test      plant one forbidden include of each kind in memory and
                                     show that every one is caught (exit 1 if one is missed)
"""
import argparse
import os
import re
import sys

DOMAIN = {"core/domain"}
# Below the features: shared by all of them, never aware of any of them. Listed bottom-up;
# each may include the ones before it (and domain), never the ones after it.
INFRASTRUCTURE = ["core/crypto", "core/store", "core/audit", "core/net", "core/profile", "core/hub",
                  "core/fhir", "core/spine", "core/mesh", "core/signin", "core/directory"]
FEATURES = ["core/lookup", "core/notices", "core/review", "core/arealist"]
ROOTS = {"core/desk", "core/cli"}
UI_BASE = {"ui/widgets"}
UI_SHELL = "ui/shell"
UI_FEATURES = ["ui/lookup", "ui/notices", "ui/review", "ui/arealist", "ui/directory"]
SANDBOX_ROOMS = ["sandbox/world", "sandbox/faults", "sandbox/fhir", "sandbox/endpoints",
                 "sandbox/server"]

ALL_CORE = DOMAIN | set(INFRASTRUCTURE) | set(FEATURES) | ROOTS
ALL_UI = UI_BASE | {UI_SHELL} | set(UI_FEATURES)


def allowed(room):
    """What `room` may include: a set of rooms, and the reason shown when it breaks."""
    if room in DOMAIN:
        return DOMAIN, "core/domain depends on nothing of ours"
    if room in INFRASTRUCTURE:
        below = INFRASTRUCTURE[: INFRASTRUCTURE.index(room) + 1]
        return DOMAIN | set(below), (
            "infrastructure includes domain and the infrastructure below it ("
            + ", ".join(below[:-1] or ["none"]) + "), never a feature")
    if room in FEATURES:
        return DOMAIN | set(INFRASTRUCTURE) | {room}, (
            "a feature includes domain and infrastructure, never another feature "
            "(what two features share moves down)")
    if room in ROOTS:
        return ALL_CORE, "the composition root sees all of core"
    if room in UI_BASE:
        return DOMAIN | set(INFRASTRUCTURE) | UI_BASE, (
            "ui/widgets includes core domain and infrastructure only")
    if room == UI_SHELL:
        return DOMAIN | set(INFRASTRUCTURE) | UI_BASE | {UI_SHELL}, (
            "the shell never includes a feature screen or a core feature: screens arrive "
            "through the registry of role views")
    if room in UI_FEATURES:
        feature = "core/" + room.split("/")[1]
        return DOMAIN | set(INFRASTRUCTURE) | {feature} | UI_BASE | {room}, (
            room + " includes " + feature + ", core domain and infrastructure and ui/widgets, "
            "never another screen or the shell")
    if room in SANDBOX_ROOMS:
        inner = set(SANDBOX_ROOMS) - ({"sandbox/server"} if room != "sandbox/server" else set())
        return DOMAIN | inner, (
            "the sandbox is an independent oracle: it shares only core/domain with the desk, "
            "no parser or client, and only sandbox/server sees the server")
    if room.startswith("app/"):
        return ALL_CORE | ALL_UI | set(SANDBOX_ROOMS) | {room}, "the apps see everything but tests"
    if room.startswith("bench/"):
        return ALL_CORE | ALL_UI | set(SANDBOX_ROOMS) | {"app/desk", "bench/support"} | {room}, (
            "benchmarks use the product's own parts, never tests/")
    if room.startswith("fuzz"):
        return ALL_CORE, "fuzz targets reach core only"
    if room.startswith("tests/"):
        return None, ""
    return set(), "every source file lives in a known room"


def room_of(path):
    parts = path.split("/")
    if parts[0] in ("core", "ui", "sandbox", "app", "tests", "bench") and len(parts) > 2:
        return parts[0] + "/" + parts[1]
    if parts[0] == "fuzz":
        return "fuzz"
    return parts[0] + "/"  # a file at a tree's root (bench/x.cpp, tests/...): no room


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SOURCE_TREES = ("core", "ui", "sandbox", "app", "bench", "fuzz", "tests")


def sources(root):
    for tree in SOURCE_TREES:
        for dirpath, _, files in os.walk(os.path.join(root, tree)):
            for name in files:
                if name.endswith((".h", ".cpp")):
                    full = os.path.join(dirpath, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/"), full


def check(files):
    """files: iterable of (relative path, text). Returns a list of violation messages."""
    problems = []
    for path, text in files:
        room = room_of(path)
        if path.split("/")[0] in ("core", "ui", "sandbox") and path.count("/") < 2:
            problems.append(f"{path}: sits at the root of {path.split('/')[0]}/; "
                            "every source file lives in a concern folder")
            continue
        rule, why = allowed(room)
        for number, line in enumerate(text.splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            if target.endswith(".moc") or "/" not in target:
                continue  # moc output and same-folder test headers
            top = target.split("/")[0]
            if top not in SOURCE_TREES:
                continue
            if top == "tests" and not room.startswith("tests/"):
                problems.append(f"{path}:{number}: includes {target}: nothing outside tests/ "
                                "includes tests/")
                continue
            if rule is None:
                continue
            target_room = room_of(target)
            if target_room not in rule:
                problems.append(f"{path}:{number}: {room} -> {target_room} ({target}) is "
                                f"forbidden: {why}")
    return problems


PLANTED = [
    ("core/notices/NoticeService.cpp", '#include "core/lookup/LookupResult.h"',
     "a feature includes another feature"),
    ("ui/shell/MainWindow.cpp", '#include "ui/notices/NoticesView.h"',
     "the shell includes a feature screen"),
    ("sandbox/server/SandboxServer.cpp", '#include "core/fhir/FhirParser.h"',
     "the sandbox includes a core parser"),
    ("core/store/SecureDb.cpp", '#include "tests/support/MemoryDesk.h"',
     "core includes tests/"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    tree = [(rel, open(full, encoding="utf-8").read()) for rel, full in sources(root)]
    clean = check(tree)
    if not args.self_test:
        for p in clean:
            print(p)
        print(f"layering: {len(tree)} files, {len(clean)} forbidden arrow(s)")
        return 1 if clean else 0
    missed = 0
    for path, line, what in PLANTED:
        planted = [(rel, text + "\n" + line + "\n" if rel == path else text) for rel, text in tree]
        found = [p for p in check(planted) if p not in clean]
        if found:
            print(f"caught ({what}): {found[0]}")
        else:
            print(f"MISSED ({what}): {path} with {line}")
            missed += 1
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
