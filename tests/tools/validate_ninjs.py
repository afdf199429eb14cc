#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validate ninjs written by hrnews against IPTC ninjs 2.2 and the hrnews extension.

Usage:
  validate_ninjs.py --ninjs NINJS_SCHEMA --extension EXT_SCHEMA [--min-objects N] PATH...

A PATH is a file or a directory (searched recursively, sorted). Files:
  *.ninjs.json          a JSON array of ninjs objects written WITHOUT the extension:
                        every object must be valid against ninjs 2.2 AND the extension schema
  *.ninjs-hrnews.json   a JSON array written WITH the extension: every object must be
                        valid against the extension schema, and must be valid against
                        ninjs 2.2 once its `hrnews` property is removed (the extension
                        adds that property and nothing else)

Formats are checked: `uri` (RFC 3986, with the rfc3987 package) and `date-time`
(RFC 3339, a real calendar date, checked here). No schema is ever fetched from the
network: every `$ref` is resolved from the two files given.

Prints every error as `FILE: [INDEX]: JSONPATH: message [keyword] (schema)` and a
summary line; exit 0 when all is valid, 1 otherwise, 77 when jsonschema is missing.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import re
import sys

try:
    from jsonschema import Draft202012Validator, FormatChecker, RefResolver
except ImportError:  # pragma: no cover - depends on the machine
    print("validate_ninjs: the Python package 'jsonschema' is not installed "
          "(Debian: python3-jsonschema); skipping", file=sys.stderr)
    sys.exit(77)

DATE_TIME_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))")

format_checker = FormatChecker()
if "uri" not in format_checker.checkers:  # jsonschema checks `uri` only with rfc3987 installed
    print("validate_ninjs: the Python package 'rfc3987' is not installed "
          "(Debian: python3-rfc3987), so `format: uri` cannot be checked; skipping", file=sys.stderr)
    sys.exit(77)


@format_checker.checks("date-time", raises=ValueError)
def check_date_time(text: object) -> bool:
    if not isinstance(text, str):
        return True
    m = DATE_TIME_RE.fullmatch(text)
    if not m:
        raise ValueError("not an RFC 3339 date-time")
    datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if int(m[4]) > 23 or int(m[5]) > 59 or int(m[6]) > 60:
        raise ValueError("time out of range")
    if m[9] is not None and (int(m[9]) > 23 or int(m[10]) > 59):
        raise ValueError("offset out of range")
    return True


def no_network(uri: str):
    raise RuntimeError(f"refusing to fetch {uri}: every schema must be local")


def make_validators(ninjs_path: pathlib.Path, ext_path: pathlib.Path):
    ninjs = json.loads(ninjs_path.read_text(encoding="utf-8"))
    ext = json.loads(ext_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(ninjs)
    Draft202012Validator.check_schema(ext)
    ninjs_id = ninjs["$id"].rstrip("#")
    store = {ninjs_id: ninjs, ninjs["$id"]: ninjs, ext["$id"]: ext}
    handlers = {"http": no_network, "https": no_network}
    core = Draft202012Validator(ninjs, format_checker=format_checker,
                                resolver=RefResolver.from_schema(ninjs, store=store, handlers=handlers))
    extension = Draft202012Validator(ext, format_checker=format_checker,
                                     resolver=RefResolver.from_schema(ext, store=store, handlers=handlers))
    return core, extension


def errors_of(validator, instance, name):
    out = []
    for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        out.append(f"{e.json_path}: {e.message[:300]} [{e.validator}] ({name})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ninjs", required=True, type=pathlib.Path)
    parser.add_argument("--extension", required=True, type=pathlib.Path)
    parser.add_argument("--min-objects", type=int, default=1)
    parser.add_argument("paths", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    core, extension = make_validators(args.ninjs, args.extension)

    files = []
    for p in args.paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.json") if f.name.endswith((".ninjs.json", ".ninjs-hrnews.json")))
        else:
            files.append(p)
    failures = 0
    counts = {"core": 0, "ext": 0}
    for f in files:
        extended = f.name.endswith(".ninjs-hrnews.json")
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            print(f"{f}: not JSON: {e}")
            failures += 1
            continue
        if not isinstance(doc, list):
            print(f"{f}: expected a JSON array of ninjs objects")
            failures += 1
            continue
        for index, obj in enumerate(doc):
            problems = []
            if extended:
                problems += errors_of(extension, obj, "hrnews extension")
                stripped = {k: v for k, v in obj.items() if k != "hrnews"} if isinstance(obj, dict) else obj
                problems += errors_of(core, stripped, "ninjs 2.2 without hrnews")
                counts["ext"] += 1
            else:
                problems += errors_of(core, obj, "ninjs 2.2")
                problems += errors_of(extension, obj, "hrnews extension")
                counts["core"] += 1
            for p in problems:
                print(f"{f}: [{index}]: {p}")
            failures += 1 if problems else 0
    total = counts["core"] + counts["ext"]
    print(f"validate_ninjs: {len(files)} files; {counts['core']} plain objects checked against ninjs 2.2 "
          f"and the extension, {counts['ext']} extended objects against the extension and ninjs 2.2 "
          f"without it; {failures} invalid")
    if total < args.min_objects:
        print(f"validate_ninjs: only {total} objects checked, expected at least {args.min_objects}")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
