#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Doxygen input filter for the Markdown pages of docs/ (FILTER_PATTERNS *.md).

The pages are written in GitHub-flavoured Markdown. Doxygen reads a code span
that contains an apostrophe, `like 'this'`, differently: it also accepts the
old `quoted' form, so it ends the span at the apostrophe and then warns about
unbalanced tags. This filter rewrites such single-backtick spans as
double-backtick spans (``like 'this'``), which both readers agree on, and
leaves fenced code blocks alone. Lines are neither added nor removed, so
Doxygen's line numbers stay right.
"""
import re
import sys

SPAN = re.compile(r"(?<!`)`([^`\n]*'[^`\n]*)`(?!`)")


def filter_markdown(text: str) -> str:
    out = []
    fence = None
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        if fence is None and (stripped.startswith("```") or stripped.startswith("~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None:
            line = SPAN.sub(lambda m: "``" + m.group(1) + "``", line)
        out.append(line)
    return "".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(filter_markdown(f.read()))
