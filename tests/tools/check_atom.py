#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Check Atom documents: RFC 4287's RELAX NG grammar (with jing) and the two
Schematron rules that grammar states but jing does not check.

Usage:
  check_atom.py --jing JING --schema RNC [options] PATH...   grammar, with jing -c
  check_atom.py --rules [options] PATH...                    the Schematron rules
  check_atom.py --self-test                                  the rule checker accepts/rejects built-in cases

A PATH is a file or a directory whose *.atom and *.xml files (recursively, in
sorted order) are checked.

The rules (RFC 4287, Appendix B, the s:rule annotations):
  feed-author     an atom:feed must have an atom:author unless all of its
                  atom:entry children have an atom:author;
  entry-link      an atom:entry must have an atom:link with rel="alternate"
                  (or without rel) or an atom:content;
  entry-author    an atom:entry must have an atom:author if its feed does not
                  (atom:source/atom:author counts).
Errors are printed as `FILE: RULE: message` (rules) or as jing prints them.

Options:
  --min-files N      fail unless at least N files were checked (default 1)
  --expect-invalid   negative test: every file must be REJECTED (by jing, or by the rules)
  --quiet            print errors and the summary only

Exit status: 0 success, 1 failure, 2 usage error, 77 when jing is missing
(ctest reports the test as skipped).
"""

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def collect(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, _dirs, names in os.walk(path):
                for name in names:
                    if name.endswith((".atom", ".xml")):
                        files.append(os.path.join(root, name))
        else:
            files.append(path)
    return sorted(files)


def rule_errors(text):
    """The Schematron rules broken by one document, as (rule, message) pairs."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [("well-formed", str(e))]
    errors = []
    feeds = [root] if root.tag == ATOM + "feed" else []
    entries_of = {}
    if feeds:
        entries_of[root] = root.findall(ATOM + "entry")
    elif root.tag == ATOM + "entry":
        entries_of[None] = [root]
    else:
        return [("root", "the root element is %s, not atom:feed or atom:entry" % root.tag)]
    for feed in feeds:
        if feed.find(ATOM + "author") is None:
            for i, entry in enumerate(entries_of[feed]):
                if entry.find(ATOM + "author") is None:
                    errors.append(("feed-author", "atom:feed has no atom:author and entry %d has none either" % (i + 1)))
                    break
    for parent, entries in entries_of.items():
        feed_has_author = parent is not None and parent.find(ATOM + "author") is not None
        for i, entry in enumerate(entries):
            links = entry.findall(ATOM + "link")
            alternate = any(link.get("rel") in (None, "alternate") for link in links)
            if not alternate and entry.find(ATOM + "content") is None:
                errors.append(("entry-link", "entry %d has neither a link rel=\"alternate\" nor a content" % (i + 1)))
            source_author = entry.find(ATOM + "source/" + ATOM + "author") is not None
            if entry.find(ATOM + "author") is None and not feed_has_author and not source_author:
                errors.append(("entry-author", "entry %d has no atom:author and its feed has none" % (i + 1)))
    return errors


def check_rules(files, expect_invalid, quiet):
    failed = 0
    for name in files:
        with open(name, "rb") as f:
            errors = rule_errors(f.read())
        if expect_invalid:
            if not errors:
                print("%s: accepted, but it breaks a rule and must be rejected" % name)
                failed += 1
            elif not quiet:
                print("%s: rejected as expected (%s)" % (name, errors[0][0]))
        else:
            for rule, message in errors:
                print("%s: %s: %s" % (name, rule, message))
            if errors:
                failed += 1
    return failed


def check_jing(jing, schema, files, expect_invalid, quiet):
    if not jing or not (os.path.isfile(jing) or shutil.which(jing)):
        print("jing not found (Debian package `jing`): skipped")
        sys.exit(77)
    if not os.path.isfile(schema):
        print("schema not found: %s" % schema)
        sys.exit(2)

    def run(paths):
        p = subprocess.run([jing, "-c", schema] + paths, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        lines = [l for l in p.stdout.decode("utf-8", "replace").splitlines() if not l.startswith("[warning]")]
        return p.returncode, lines

    if expect_invalid:
        failed = 0
        for name in files:
            code, lines = run([name])
            if code == 0:
                print("%s: jing accepted it, but it is invalid and must be rejected" % name)
                failed += 1
            elif not quiet:
                print("%s: rejected as expected: %s" % (name, lines[0] if lines else "(no message)"))
        return failed
    failed = 0
    for start in range(0, len(files), 200):  # one JVM per 200 files
        code, lines = run(files[start:start + 200])
        for line in lines:
            print(line)
        if code != 0:
            failed += max(1, len({l.split(":")[0] for l in lines}))
    return failed


SELF_TEST = [
    # (document, rules it must break)
    ('<feed xmlns="http://www.w3.org/2005/Atom"><author><name>a</name></author>'
     '<entry><link href="x"/></entry></feed>', set()),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><author><name>a</name></author><content/></entry></feed>',
     set()),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><content/></entry></feed>', {"feed-author", "entry-author"}),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><author><name>a</name></author>'
     '<entry><link rel="self" href="x"/></entry></feed>', {"entry-link"}),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><source><author><name>a</name></author></source>'
     '<link rel="alternate" href="x"/></entry></feed>', {"feed-author"}),
    ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', set()),
    ('<entry xmlns="http://www.w3.org/2005/Atom"><link href="x"/></entry>', {"entry-author"}),
]


def self_test(quiet):
    failed = 0
    for i, (doc, expected) in enumerate(SELF_TEST):
        got = {rule for rule, _ in rule_errors(doc.encode())}
        if got != expected:
            print("self-test %d: expected %s, got %s" % (i + 1, sorted(expected), sorted(got)))
            failed += 1
    if not quiet or failed:
        print("self-test: %d of %d cases as expected" % (len(SELF_TEST) - failed, len(SELF_TEST)))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jing")
    parser.add_argument("--schema")
    parser.add_argument("--rules", action="store_true")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--min-files", type=int, default=1)
    parser.add_argument("--expect-invalid", action="store_true")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test(args.quiet)
    if bool(args.jing) == args.rules or (args.jing and not args.schema):
        parser.print_usage()
        return 2
    files = collect(args.paths)
    if len(files) < args.min_files:
        print("only %d file(s) to check, expected at least %d" % (len(files), args.min_files))
        return 1
    if args.rules:
        failed = check_rules(files, args.expect_invalid, args.quiet)
    else:
        failed = check_jing(args.jing, args.schema, files, args.expect_invalid, args.quiet)
    what = "rules" if args.rules else "jing"
    print("%s: %d file(s) checked, %d failed%s" % (what, len(files), failed,
                                                  " (expected every one rejected)" if args.expect_invalid else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
