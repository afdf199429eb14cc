#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs `hrnews validate` on generated hostile inputs and prints a Markdown
table: input, size, result (exit status and first line of output), CPU time
and peak memory of the child process (from wait4's rusage).

usage: tests/tools/hostile_table.py [--hrnews build/apps/hrnews] [--sample examples/data/omct-2015-11.json]
"""
import argparse
import gzip
import os
import random
import subprocess
import sys
import tempfile

MARKER = "HRNEWS-XXE-MARKER-table-51c2"


def rss(items, doctype=""):
    return ('<?xml version="1.0"?>\n' + doctype + '<rss version="2.0"><channel><title>T</title>'
            '<link>https://example.org/</link><description>D</description>' + items + '</channel></rss>')


def inputs(tmp, hrnews, sample):
    """(name, bytes, extra arguments of `hrnews validate`) for every hostile input."""
    sample_json = open(sample, "rb").read()
    sample_rss = subprocess.run([hrnews, "convert", sample, "--to", "rss"], check=True,
                                stdout=subprocess.PIPE).stdout
    laughs = '<!DOCTYPE rss [<!ENTITY lol "lol">'
    for i in range(1, 10):
        prev = "lol" if i == 1 else "lol%d" % (i - 1)
        laughs += '<!ENTITY lol%d "%s">' % (i, ("&%s;" % prev) * 10)
    laughs += "]>"
    yield "billion laughs (RSS)", rss("<item><guid>g</guid><title>&lol9;</title></item>", laughs).encode()
    yield "quadratic blowup (100 kB entity x 20 000)", rss(
        "<item><guid>g</guid><title>" + "&a;" * 20000 + "</title></item>",
        '<!DOCTYPE rss [<!ENTITY a "' + "a" * 100000 + '">]>').encode()
    secret = os.path.join(tmp, "secret.txt")
    with open(secret, "w") as f:
        f.write(MARKER)
    yield "external entity (file:///…)", rss(
        "<item><guid>g</guid><title>&xxe;</title></item>",
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://%s">]>' % secret).encode()
    yield "100 000-deep XML", rss("<item><guid>g</guid>" + "<a>" * 100000 + "</item>").encode()
    yield "100 000-deep JSON", b'{"hrnews":"1.0","feed":{},"items":' + b"[" * 100000 + b"]" * 100000 + b"}"
    big = "x" * ((64 << 20) + 1)
    yield "64 MiB attribute (RSS)", rss('<item><guid>g</guid><enclosure url="%s" length="1" type="a/b"/></item>' % big).encode()
    yield "64 MiB string (JSON)", ('{"hrnews":"1.0","feed":{"title":"%s"}}' % big).encode()
    del big
    lines = ['{"hrnews":"1.0","feed":{}}'] + ['{"kind":"article","id":"%d"}' % i for i in range(1000000)]
    yield "1 000 000 tiny items (JSONL)", ("\n".join(lines) + "\n").encode()
    yield "1 000 000 tiny items (RSS)", rss("".join("<item><guid>%d</guid></item>" % i for i in range(1000000))).encode()
    yield "sample truncated at half (JSON)", sample_json[: len(sample_json) // 2]
    yield "sample truncated at half (RSS)", sample_rss[: len(sample_rss) // 2]
    rng = random.Random(20151126)
    corrupted = bytearray(sample_rss)
    for i in range(25, len(corrupted), 50):
        corrupted[i] = rng.choice([0x00, 0x01, 0x1B, 0xFF, 0xC3, 0x80])
    yield "RSS with NUL, controls, invalid UTF-8 every 50 bytes", bytes(corrupted)
    yield "random bytes (64 kB, fixed seed)", bytes(rng.getrandbits(8) for _ in range(65536))
    page = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Not a feed</p></body></html>"
    yield "HTML page", page
    yield "HTML page, `--from rss`", page, ["--from", "rss"]
    yield "gzip stream of the RSS sample", gzip.compress(sample_rss, mtime=0)
    yield "gzip stream, `--from rss`", gzip.compress(sample_rss, mtime=0), ["--from", "rss"]
    yield "empty file", b""
    yield "empty file, `--from atom`", b"", ["--from", "atom"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hrnews", default="build/apps/hrnews")
    ap.add_argument("--sample", default="examples/data/omct-2015-11.json")
    args = ap.parse_args()
    print("| input | size | result | CPU time | peak memory |")
    print("|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for entry in inputs(tmp, args.hrnews, args.sample):
            name, data, extra = entry if len(entry) == 3 else (entry[0], entry[1], [])
            path = os.path.join(tmp, "input")
            with open(path, "wb") as f:
                f.write(data)
            del data, entry
            # /usr/bin/time is a small fresh parent, so the peak memory is hrnews' own
            usage_file = os.path.join(tmp, "usage")
            proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", usage_file, args.hrnews, "validate",
                                   path] + extra, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            output = proc.stdout.decode("utf-8", "replace")
            user, system, max_kb = open(usage_file).read().split()[-3:]
            lines = output.splitlines()
            errors = [l for l in lines if ": error: " in l]
            warnings = [l for l in lines if ": warning: " in l]
            oks = [l for l in lines if ": ok (" in l]
            first = errors[0] if errors else (oks[0] if oks else (lines[0] if lines else ""))
            first = first.replace(path, "FILE").replace("|", "\\|")
            if len(first) > 90:
                first = first[:87] + "…"
            result = "exit %d: `%s`" % (proc.returncode, first)
            if warnings:
                result += " + %d warning%s" % (len(warnings), "" if len(warnings) == 1 else "s")
            if MARKER in output:
                result += " **(marker leaked!)**"
            size = os.path.getsize(path)
            size_text = "%.1f MiB" % (size / 1048576) if size >= 1048576 else "%d B" % size
            print("| %s | %s | %s | %.2f s | %.0f MiB |" % (
                name, size_text, result, float(user) + float(system), int(max_kb) / 1024))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
