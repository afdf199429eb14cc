#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the Markdown documentation (docs/*.md, README.md) against the code.

  check_docs.py --source DIR --hrnews PROGRAM --work DIR [--list]

1. Every relative link ([text](target), target without a scheme) resolves to a
   file or directory of the source tree; a #fragment must name a heading of the
   target page.
2. A fenced block preceded by `<!-- file: PATH -->` must equal that file of
   the source tree, byte for byte (the C++ examples in docs/examples/ and the
   consumer projects in tests/consumers/ are built and run by other tests).
3. A ```cpp block that holds a complete program (`int main`) must be such a
   file reference: a program that is not built and run is an error. Fragments
   (no `main`) are listed as not compiled.
4. Every ```console block is run: each `$ COMMAND` line goes to `sh -c` in a
   work directory holding a copy of examples/data/, with the built `hrnews` first
   on PATH, stdout and stderr together; the lines up to the next `$ ` must equal
   its output.
5. docs/guide.md links every page of docs/ (its index).
Exits 1 and prints every failure when anything does not hold.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

FENCE = re.compile(r"^(```+|~~~+)\s*([A-Za-z0-9_+-]*)\s*$")
FILE_REF = re.compile(r"^<!--\s*file:\s*(\S+)\s*-->\s*$")
LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
INLINE_CODE = re.compile(r"``[^`]*``|`[^`\n]*`")


def blocks(lines):
    """Yields (start_line, lang, content, file_ref) for every fenced block."""
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2)
        ref = None
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j >= 0:
            r = FILE_REF.match(lines[j].strip())
            if r:
                ref = r.group(1)
        start = i + 1
        i += 1
        body = []
        while i < len(lines) and not lines[i].strip().startswith(fence[:3]):
            body.append(lines[i])
            i += 1
        yield start, lang, "".join(body), ref
        i += 1


def slug(heading):
    """The GitHub anchor of a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[`*_]", "", text)
    text = "".join(c for c in text if c.isalnum() or c in " -" or unicodedata.category(c) == "Mn")
    return text.replace(" ", "-")


def anchors(path):
    result = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("#"):
            result.add(slug(line.lstrip("#")))
            m = re.search(r"\{#([A-Za-z0-9_-]+)\}\s*$", line)
            if m:
                result.add(m.group(1))
    return result


def check_links(page, lines, source, errors):
    checked = 0
    in_fence = False
    for n, line in enumerate(lines, 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for m in LINK.finditer(INLINE_CODE.sub("", line)):
            target = m.group(1) or m.group(2)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
                continue  # absolute URL: not checked (no network in tests)
            checked += 1
            path, _, fragment = target.partition("#")
            resolved = page if not path else (page.parent / path).resolve()
            where = f"{page.relative_to(source)}:{n}"
            if not resolved.exists():
                errors.append(f"{where}: link to {target}: no such file")
            elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
                errors.append(f"{where}: link to {target}: no heading #{fragment} there")
            elif source not in resolved.parents and resolved != source:
                errors.append(f"{where}: link to {target} leaves the source tree")
    return checked


def run_console(page, start, body, env, work, errors):
    steps = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append([line[2:], []])
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            errors.append(f"{page}:{start}: console block does not start with a `$ ` command")
            return 0
    for command, expected in steps:
        proc = subprocess.run(["sh", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=120)
        got = proc.stdout.decode("utf-8", "replace").rstrip("\n")
        want = "\n".join(expected).rstrip("\n")
        if got != want:
            errors.append(f"{page}:{start}: `$ {command}` printed:\n{got}\n--- but the page shows:\n{want}")
    return len(steps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--hrnews", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    source = Path(args.source).resolve()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source / "examples" / "data", work)
    env = dict(os.environ)
    env["PATH"] = str(Path(args.hrnews).resolve().parent) + os.pathsep + env.get("PATH", "")
    env["LC_ALL"] = "C.UTF-8"

    errors = []
    counts = {"pages": 0, "links": 0, "files": 0, "commands": 0, "fragments": 0}
    pages = sorted((source / "docs").glob("*.md")) + [source / "README.md"]
    for page in pages:
        counts["pages"] += 1
        text = page.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        rel = page.relative_to(source)
        counts["links"] += check_links(page, [l.rstrip("\n") for l in lines], source, errors)
        for start, lang, body, ref in blocks(lines):
            if ref:
                target = source / ref
                counts["files"] += 1
                if not target.is_file():
                    errors.append(f"{rel}:{start}: <!-- file: {ref} -->: no such file")
                elif target.read_text(encoding="utf-8") != body:
                    errors.append(f"{rel}:{start}: the block differs from {ref}; copy the file into the page")
            elif lang in ("cpp", "c++") and re.search(r"\bint\s+main\s*\(", body):
                errors.append(f"{rel}:{start}: a C++ program that no test builds; put it in "
                              f"docs/examples/ and show it with <!-- file: docs/examples/NAME.cpp -->")
            elif lang in ("cpp", "c++"):
                counts["fragments"] += 1
                print(f"note: {rel}:{start}: C++ fragment, not compiled")
            if lang == "console":
                counts["commands"] += run_console(rel, start, body, env, work, errors)
    # The guide's index links every page of docs/.
    guide = (source / "docs" / "guide.md").read_text(encoding="utf-8")
    for page in sorted((source / "docs").glob("*.md")):
        if page.name != "guide.md" and f"]({page.name})" not in guide:
            errors.append(f"docs/guide.md: the index does not link {page.name}")
    print("checked: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
