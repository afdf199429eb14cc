#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validate hrnews canonical JSON and JSONL files against docs/schema/.

Usage:
  validate_schema.py [options] PATH...     validate files and directories
  validate_schema.py --self-test           check the schemas with built-in cases

A PATH is a *.json file (a whole document, checked against hrnews.schema.json),
a *.jsonl file (line 1 is the header, checked against the record schema's
#/$defs/Header; every following non-blank line is a record checked against
hrnews-jsonl-record.schema.json), or a directory whose *.json and *.jsonl files
(recursively, in sorted order) are checked.

Every error is printed as `FILE: JSONPATH: message [keyword]`, or
`FILE:LINE: JSONPATH: message [keyword]` for JSONL, and the exit status is 1.

Options:
  --schema-dir DIR   where hrnews.schema.json and hrnews-jsonl-record.schema.json are
                     (default: docs/schema next to this script's tests/ directory)
  --min-files N      fail unless at least N files were checked (default 1)
  --expect-invalid   negative test: every file must be REJECTED. When a directory
                     holds a file named EXPECTED, its lines `FILE LOCATION`
                     (LOCATION is `$.json.path`, or `LINE:$.path` for JSONL) give,
                     for each file listed, exactly where its errors must be (so
                     a document rejected for another reason fails the test).
  --quiet            print errors and the summary only

Exit status: 0 success, 1 validation failure, 2 usage error, 77 when the
`jsonschema` package is missing (ctest reports the test as skipped).

Beyond the schema, the loader rejects what JSON Schema cannot see: invalid
UTF-8, duplicate member names, NaN/Infinity, and trailing garbage. The custom
format `hrnews-timestamp` is checked for real calendar dates (2015-02-30 fails).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import functools
import json
import pathlib
import re
import sys
from urllib.parse import urldefrag, urljoin

try:
    from jsonschema import Draft202012Validator, FormatChecker, RefResolver
except ImportError:  # pragma: no cover - depends on the machine
    print("validate_schema: the Python package 'jsonschema' is not installed "
          "(Debian: python3-jsonschema); skipping", file=sys.stderr)
    sys.exit(77)

MAIN_SCHEMA = "hrnews.schema.json"
RECORD_SCHEMA = "hrnews-jsonl-record.schema.json"
DEFAULT_SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schema"

# The Timestamp grammar of docs/format-json.md (same as #/$defs/Timestamp/pattern).
TIMESTAMP_RE = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?P<mo>[0-9]{2})(?:-(?P<d>[0-9]{2})"
    r"(?:T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?"
    r"(?P<z>Z|[+-](?P<oh>[0-9]{2}):(?P<om>[0-9]{2}))?)?)?)?")


def check_timestamp(text: object) -> bool:
    """Format `hrnews-timestamp`: the grammar, and a date that exists."""
    if not isinstance(text, str):
        return True
    m = TIMESTAMP_RE.fullmatch(text)
    if not m:
        raise ValueError()  # not of the grammar: the message says enough
    year = int(m["y"])
    if not 1400 <= year <= 9999:
        raise ValueError(f"year {year} is outside 1400-9999")
    month = int(m["mo"] or 1)
    day = int(m["d"] or 1)
    datetime.date(year, month, day)  # raises ValueError for 2015-02-30, month 13…
    if m["h"] is not None:
        datetime.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0))
    if m["oh"] is not None and (int(m["oh"]) > 23 or int(m["om"]) > 59):
        raise ValueError(f"bad UTC offset in {text!r}")
    return True


def make_format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checks("hrnews-timestamp", raises=ValueError)(check_timestamp)
    return checker


def _join(base: str, ref: str) -> str:
    # urllib's urljoin does not resolve "#/..." against non-hierarchical bases
    # such as "urn:hrnews:schema:canonical-json:1.0"; JSON Schema says it should.
    if ref.startswith("#"):
        return urldefrag(base)[0] + ref
    return urljoin(base, ref)


class Schemas:
    """The two schemas, meta-validated, with validators for document, header and record."""

    def __init__(self, schema_dir: pathlib.Path):
        self.main = json.loads((schema_dir / MAIN_SCHEMA).read_text(encoding="utf-8"))
        self.record = json.loads((schema_dir / RECORD_SCHEMA).read_text(encoding="utf-8"))
        for schema in (self.main, self.record):
            Draft202012Validator.check_schema(schema)
        store = {self.main["$id"]: self.main, self.record["$id"]: self.record}
        checker = make_format_checker()

        def validator(schema):
            resolver = RefResolver.from_schema(
                schema, store=store, urljoin_cache=functools.lru_cache(1024)(_join))
            return Draft202012Validator(schema, resolver=resolver, format_checker=checker)

        self.document = validator(self.main)
        self.header = validator({"$ref": self.record["$id"] + "#/$defs/Header"})
        self.line = validator(self.record)


# --- strict JSON loading -------------------------------------------------------

class LoadError(Exception):
    pass


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise LoadError(f"duplicate member {key!r}")
        obj[key] = value
    return obj


def _no_constants(name):
    raise LoadError(f"{name} is not JSON")


def loads_strict(text: str):
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        raise LoadError(f"syntax error at {e.lineno}:{e.colno}: {e.msg}") from None


def read_text(path: pathlib.Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LoadError(f"invalid UTF-8 at byte {e.start}") from None


# --- validation ----------------------------------------------------------------

def _errors(validator, instance):
    """(json_path, message) pairs, in a stable order."""
    found = set()
    timestamp_paths = set()
    for e in validator.iter_errors(instance):
        if isinstance(e.schema, dict) and e.schema.get("format") == "hrnews-timestamp" \
                and e.validator in ("pattern", "format"):
            # One message per bad timestamp, not the pattern and the format both.
            if e.json_path in timestamp_paths:
                continue
            timestamp_paths.add(e.json_path)
            reason = f": {e.cause}" if e.cause is not None and str(e.cause) else ""
            message = (f"{json.dumps(e.instance, ensure_ascii=False)} is not a valid timestamp "
                       f"(YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.ffffff]][Z|±hh:mm]){reason}")
        elif e.instance is None:
            message = "null is not allowed (absent values are omitted)"
        else:
            message = e.message
        found.add((e.json_path, f"{message} [{e.validator}]"))
    return sorted(found)


def validate_file(schemas: Schemas, path: pathlib.Path):
    """Returns a list of (location, message); location is `$.path` or `LINE:$.path`."""
    try:
        text = read_text(path)
    except LoadError as e:
        return [("$", str(e))]
    if path.suffix == ".jsonl":
        return _validate_jsonl(schemas, text)
    try:
        doc = loads_strict(text)
    except LoadError as e:
        return [("$", str(e))]
    return _errors(schemas.document, doc)


def _validate_jsonl(schemas: Schemas, text: str):
    out = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].strip():
        return [("1:$", "line 1 must be the header object")]
    for number, line in enumerate(lines, start=1):
        if number > 1 and not line.strip():
            continue
        try:
            value = loads_strict(line)
        except LoadError as e:
            out.append((f"{number}:$", str(e).replace("syntax error at 1:", "syntax error at column ")))
            continue
        validator = schemas.header if number == 1 else schemas.line
        out.extend((f"{number}:{where}", msg) for where, msg in _errors(validator, value))
    return out


def _located(path, where):
    """`FILE: $.path`, or `FILE:LINE: $.path` for a JSONL location `LINE:$.path`."""
    line, sep, json_path = where.partition(":")
    if sep and line.isdigit():
        return f"{path}:{line}: {json_path}"
    return f"{path}: {where}"


def collect(paths):
    files = []
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in (".json", ".jsonl") and f.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(str(p))
    return files


def read_expected(files):
    """EXPECTED manifests next to the files: {file: {location, …}}."""
    expected = {}
    for directory in sorted({f.parent for f in files}):
        manifest = directory / "EXPECTED"
        if not manifest.is_file():
            continue
        for raw in manifest.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            name, location = line.split(None, 1)
            expected.setdefault(directory / name, set()).add(location.strip())
    return expected


def run(args) -> int:
    schemas = Schemas(pathlib.Path(args.schema_dir))
    try:
        files = collect(args.paths)
    except FileNotFoundError as e:
        print(f"validate_schema: no such file or directory: {e}", file=sys.stderr)
        return 1
    expected = read_expected(files) if args.expect_invalid else {}
    failures = 0
    for path in files:
        errors = validate_file(schemas, path)
        if not args.expect_invalid:
            for where, msg in errors:
                print(f"{_located(path, where)}: {msg}")
            failures += bool(errors)
            if not errors and not args.quiet:
                print(f"{path}: valid")
            continue
        # negative test
        if not errors:
            print(f"{path}: error: the schema ACCEPTED a document that must be rejected")
            failures += 1
            continue
        locations = {where for where, _ in errors}
        wanted = expected.get(path)
        if wanted is not None and wanted != locations:
            print(f"{path}: error: expected errors exactly at {sorted(wanted)}; got them at {sorted(locations)}")
            failures += 1
        if not args.quiet:
            for where, msg in errors:
                print(f"{_located(path, where)}: {msg}  (rejected as expected)")
    for path in sorted(set(expected) - set(files)):
        print(f"{path}: error: listed in EXPECTED but not found")
        failures += 1
    print(f"validate_schema: {len(files)} file(s) checked, {failures} failure(s)")
    if len(files) < args.min_files:
        print(f"validate_schema: error: expected at least {args.min_files} file(s) in {' '.join(args.paths)}")
        return 1
    return 1 if failures else 0


# --- self test -----------------------------------------------------------------

def _full_document():
    """A document that uses every member the mapping defines."""
    def party():
        return {"kind": "organisation", "name": "World Organisation Against Torture", "role": "publisher",
                "abbreviation": "OMCT", "email": "omct@omct.org", "uri": "https://www.omct.org/"}

    article = {
        "kind": "article", "id": "urn:x:1", "url": "https://example.org/1",
        "links": [{"href": "https://example.org/1.fr", "rel": "alternate", "type": "text/html",
                   "hreflang": "fr", "title": "FR", "length": 0}],
        "title": "Azerbaijan: Measure of restraint",
        "summary": {"type": "html", "value": "<p>The Observatory welcomes…</p>"},
        "content": {"type": "xhtml", "value": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"},
        "published": "2015-11-13T00:00:00+01:00", "published_raw": "Fri, 13 Nov 2015 00:00:00 +0100",
        "updated": "2015-11-26T09:30:00.250Z", "updated_raw": "2015-11-26T09:30:00.25Z",
        "language": "en", "authors": [{"name": "OMCT", "email": "a@b.c", "uri": "https://x"}],
        "publishers": [party()], "categories": [{"term": "Human Rights Defenders", "scheme": "s", "label": "l"}],
        "subjects": [{"scheme": "theme", "code": "human-rights-defenders"}],
        "countries": ["AZ"], "regions": ["EU"], "geo": {"lat": 40.4, "lon": 49.9},
        "campaigns": ["c1"], "related": [{"rel": "follow-up-of", "id_or_url": "urn:x:0"}],
        "attachments": [{"url": "https://x/r.pdf", "type": "application/pdf", "length": 1234, "title": "PDF"}],
        "rights": {"type": "text", "value": "CC BY"}, "dateline": "Geneva-Paris",
        "event": {"start": "2015-11-10T10:00:00+01:00", "start_raw": "10 November 2015 (10:00 - 13:00)",
                  "end": "2015-11-10T13:00", "end_raw": "13:00", "location": "Geneva"},
        "x_internal_ref": {"any": ["json", None, 1.5]},
    }
    intervention = dict(copy.deepcopy(article), kind="intervention", id="urn:x:2")
    intervention.update({
        "case_ref": {"raw": "AZE 001 / 0815 / OBS 070.1", "scheme": "observatory",
                     "formatted": "AZE 001 / 0815 / OBS 070.1", "country": "AZE", "number": 1,
                     "month": 8, "year": 2015, "programme": "OBS", "serial": 70, "follow_up": 1},
        "intervention_type": "follow-up", "status": "open",
        "victims": [{"name": "Arif Yunusov", "role": "human rights defender",
                     "organisation": "Institute for Peace and Democracy", "gender": "male", "status": "released"}],
        "violations": [{"scheme": "violation", "code": "arbitrary-detention"}],
        "requested_actions": ["Release him"],
        "addressees": [{"name": "Mr. Ilham Aliyev", "title": "President", "institution": "Office",
                        "address": "Baku\nAzerbaijan", "email": "p@gov.az", "fax": "+994 12", "phone": "+994"}],
        "deadline": "2015-12", "deadline_raw": "December 2015", "follows": "urn:x:0",
    })
    return {
        "hrnews": "1.0",
        "feed": {"id": "https://www.omct.org/en/", "title": "OMCT - Latest news",
                 "subtitle": {"type": "html", "value": "<b>x</b>"}, "url": "https://www.omct.org/en/",
                 "links": [{"href": "https://www.omct.org/en/rss", "rel": "self"}], "language": "en",
                 "updated": "2015-11-26T09:30:00Z", "updated_raw": "Thu, 26 Nov 2015 09:30:00 GMT",
                 "publishers": [party()], "generator": "Drupal", "rights": "© OMCT", "icon": "https://x/i.png",
                 "source_format": "rss-2.0", "x_feed_ext": True},
        "items": [article, intervention],
        "campaigns": [{"id": "c1", "name": "10 December, 10 Defenders", "title": "10 December, 10 Defenders",
                       "summary": {"type": "html", "value": "<p>x</p>"}, "url": "https://x/c", "status": "closed",
                       "start": "2015-11", "start_raw": "November 2015", "end": "2015-12-10",
                       "organisers": [party()], "hashtags": ["HumanRightsDay"],
                       "subjects": [{"scheme": "theme", "code": "human-rights-defenders"}], "countries": ["AZ"],
                       "items": ["urn:x:1"], "calls_to_action": ["Act"], "x_campaign_ext": 1}],
        "schemes": [{"id": "theme", "uri": "https://x/theme", "title": {"en": "Themes", "fr": "Thèmes"},
                     "terms": [{"code": "human-rights-defenders", "uri": "https://x/hrd",
                                "labels": {"en": "Human Rights Defenders"},
                                "alt_labels": {"fr": ["Défenseurs des droits humains", "DDH"]},
                                "definition": {"en": "People who…"}, "broader": ["root"],
                                "mappings": [{"kind": "close", "uri": "https://y/hrd"}, {"kind": "exact"}],
                                "deprecated": True}]}],
        "diagnostics": [{"severity": "warning", "code": "date-unparsed", "message": "m", "line": 12,
                         "column": 7, "path": "/items/3/published"}],
        "x_top_level": "kept",
    }


def _set(doc, pointer, value):
    """Sets (or, for value is DELETE, removes) the member at a /-separated path."""
    parts = [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/")]
    target = doc
    for p in parts[:-1]:
        target = target[p]
    if value is DELETE:
        del target[parts[-1]]
    else:
        target[parts[-1]] = value
    return doc


DELETE = object()

# (pointer, value, expected json path of an error); value DELETE removes the member.
VALID_VARIANTS = [
    ("/items/0/published", "2015"), ("/items/0/published", "2015-11"),
    ("/items/0/published", "2016-02-29"), ("/items/0/published", "2015-11-26T09:30Z"),
    ("/items/0/published", "2015-11-26T09:30:00"), ("/items/0/published", "2015-11-26T09:30:00.123456-05:30"),
    ("/items/0/title", {"type": "text", "value": "plain"}), ("/items/0/title", ""),
    ("/items/0/victims", "an extension on an article, any JSON"), ("/feed", {}), ("/items", []),
    ("/campaigns/0/kind", "campaign"), ("/hrnews", "1.1"), ("/items/1/intervention_type", "closing"),
    ("/items/1/case_ref", {"raw": "whatever"}), ("/diagnostics/0", {"severity": "info"}),
    ("/schemes/0/terms/0", {"code": "x"}),
]
INVALID_VARIANTS = [
    ("/items/0/id", DELETE, "$.items[0]"),
    ("/items/0/id", "", "$.items[0].id"),
    ("/items/0/kind", DELETE, "$.items[0]"),
    ("/items/0/kind", "news", "$.items[0].kind"),
    ("/items/1/intervention_type", "urgent", "$.items[1].intervention_type"),
    ("/items/1/intervention_type", DELETE, "$.items[1]"),
    ("/items/1/status", "pending", "$.items[1].status"),
    ("/items/1/case_ref/scheme", "obs", "$.items[1].case_ref.scheme"),
    ("/items/1/case_ref/raw", DELETE, "$.items[1].case_ref"),
    ("/items/1/victims/0/age", 42, "$.items[1].victims[0]"),
    ("/items/0/published", "2015-13-01", "$.items[0].published"),
    ("/items/0/published", "2015-02-30", "$.items[0].published"),
    ("/items/0/published", "2015-11-26T09:30:00+0100", "$.items[0].published"),
    ("/items/0/published", "2015-11-26 09:30:00Z", "$.items[0].published"),
    ("/items/0/published", "2015-11-26T24:00:00Z", "$.items[0].published"),
    ("/items/0/published", "2015-11-26T09:30:00.1234567Z", "$.items[0].published"),
    ("/items/0/published", "2015-11-26Z", "$.items[0].published"),
    ("/items/0/published", "0999", "$.items[0].published"),
    ("/items/0/published", "2015\n", "$.items[0].published"),
    ("/items/0/published", "Thu, 26 Nov 2015 09:30:00 +0100", "$.items[0].published"),
    ("/items/0/published", DELETE, "$.items[0]"),  # published_raw without published
    ("/items/0/summary", None, "$.items[0].summary"),
    ("/items/0/summary", {"type": "markdown", "value": "x"}, "$.items[0].summary"),
    ("/items/0/summary", {"type": "html"}, "$.items[0].summary"),
    ("/items/0/countries", None, "$.items[0].countries"),
    ("/items/0/links/0/rel", None, "$.items[0].links[0].rel"),
    ("/items/0/links/0/href", DELETE, "$.items[0].links[0]"),
    ("/items/0/links/0/length", -1, "$.items[0].links[0].length"),
    ("/items/0/links/0/extra", "x", "$.items[0].links[0]"),
    ("/items/0/authors/0/role", "x", "$.items[0].authors[0]"),
    ("/items/0/publishers/0/kind", DELETE, "$.items[0].publishers[0]"),
    ("/items/0/publishers/0/kind", "organization", "$.items[0].publishers[0].kind"),
    ("/items/0/categories/0/domain", "x", "$.items[0].categories[0]"),
    ("/items/0/subjects/0/code", DELETE, "$.items[0].subjects[0]"),
    ("/items/0/geo/lon", DELETE, "$.items[0].geo"),
    ("/items/0/geo/lat", "40.4", "$.items[0].geo.lat"),
    ("/items/0/related/0/rel", "translation", "$.items[0].related[0].rel"),
    ("/items/0/attachments/0/length", 1.5, "$.items[0].attachments[0].length"),
    ("/items/0/event/timezone", "CET", "$.items[0].event"),
    ("/items/0/event/end", "tomorrow", "$.items[0].event.end"),
    ("/feed/updated", "2015-11-31", "$.feed.updated"),
    ("/feed/publishers/0/kind", "group", "$.feed.publishers[0].kind"),
    ("/campaigns/0/id", DELETE, "$.campaigns[0]"),
    ("/campaigns/0/status", "running", "$.campaigns[0].status"),
    ("/campaigns/0/end", "10 December 2015", "$.campaigns[0].end"),
    ("/schemes/0/terms/0/mappings/0/kind", "exactMatch", "$.schemes[0].terms[0].mappings[0].kind"),
    ("/schemes/0/terms/0/deprecated", "yes", "$.schemes[0].terms[0].deprecated"),
    ("/schemes/0/terms/0/alt_labels/fr", "DDH", "$.schemes[0].terms[0].alt_labels.fr"),
    ("/schemes/0/x_scheme_ext", 1, "$.schemes[0]"),
    ("/diagnostics/0/severity", "fatal", "$.diagnostics[0].severity"),
    ("/diagnostics/0/line", 0, "$.diagnostics[0].line"),
    ("/diagnostics/0/extra", 1, "$.diagnostics[0]"),
    ("/hrnews", "2.0", "$.hrnews"),
    ("/hrnews", DELETE, "$"),
    ("/items", None, "$.items"),
]


def self_test(args) -> int:
    schemas = Schemas(pathlib.Path(args.schema_dir))
    failures = 0

    def report(ok, what):
        nonlocal failures
        failures += not ok
        if not ok or not args.quiet:
            print(f"{'ok  ' if ok else 'FAIL'} {what}")

    base = _full_document()
    errors = _errors(schemas.document, base)
    report(not errors, f"full document is valid {errors if errors else ''}")
    for pointer, value in VALID_VARIANTS:
        errors = _errors(schemas.document, _set(copy.deepcopy(base), pointer, value))
        report(not errors, f"accepts {pointer} = {value!r} {errors if errors else ''}")
    for pointer, value, where in INVALID_VARIANTS:
        errors = _errors(schemas.document, _set(copy.deepcopy(base), pointer, value))
        shown = "<removed>" if value is DELETE else repr(value)
        report(where in {w for w, _ in errors}, f"rejects {pointer} = {shown} at {where} (got {errors})")

    # JSON Lines: header, then one record of every kind.
    header = {"hrnews": "1.0", "feed": base["feed"], "x_top_level": "kept"}
    records = base["items"] + [dict(c, kind="campaign") for c in base["campaigns"]] + \
        [dict(s, kind="scheme") for s in base["schemes"]] + \
        [dict(d, kind="diagnostic") for d in base["diagnostics"]]
    report(not _errors(schemas.header, header), "JSONL header is valid")
    for rec in records:
        errors = _errors(schemas.line, rec)
        report(not errors, f"JSONL {rec['kind']} record is valid {errors if errors else ''}")
    bad_records = [
        ({"id": "x"}, "$"),
        ({"kind": "feed", "id": "x"}, "$.kind"),
        ({"kind": "article"}, "$"),
        ({"kind": "intervention", "id": "x"}, "$"),
        ({"kind": "campaign", "id": "c", "status": "done"}, "$.status"),
        ({"kind": "scheme", "id": "s", "extra": 1}, "$"),
        ({"kind": "diagnostic", "severity": "warning", "line": 0}, "$.line"),
        ({"kind": "diagnostic", "message": "no severity"}, "$"),
    ]
    for rec, where in bad_records:
        errors = _errors(schemas.line, rec)
        report(where in {w for w, _ in errors}, f"JSONL rejects {rec} at {where} (got {errors})")
    for bad, where in [({"feed": {}}, "$"), ({"hrnews": "1.0", "items": []}, "$.items"),
                       ({"hrnews": "3"}, "$.hrnews")]:
        errors = _errors(schemas.header, bad)
        report(where in {w for w, _ in errors}, f"JSONL header rejects {bad} at {where} (got {errors})")

    # The strict loader.
    for text, what in [('{"hrnews": "1.0", "hrnews": "1.0"}', "duplicate member"),
                       ('{"hrnews": "1.0", "x": NaN}', "NaN"), ('{"hrnews": "1.0"} x', "trailing garbage")]:
        try:
            loads_strict(text)
            report(False, f"loader rejects {what}")
        except LoadError:
            report(True, f"loader rejects {what}")

    print(f"validate_schema --self-test: {failures} failure(s)")
    return 1 if failures else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="*.json / *.jsonl files or directories")
    parser.add_argument("--schema-dir", default=str(DEFAULT_SCHEMA_DIR))
    parser.add_argument("--min-files", type=int, default=1)
    parser.add_argument("--expect-invalid", action="store_true")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test(args)
    if not args.paths:
        parser.print_usage(sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
