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
    """(name, bytes, command suffix) for every hostile input."""
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
    for i in range(0, len(corrupted), 50):
        corrupted[i] = rng.choice([0x00, 0x01, 0x1B, 0xFF, 0xC3, 0x80])
    yield "RSS with NUL, controls, invalid UTF-8 every 50 bytes", bytes(corrupted)
    yield "random bytes (64 kB, fixed seed)", bytes(rng.getrandbits(8) for _ in range(65536))
    yield "HTML page", b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Not a feed</p></body></html>"
    yield "gzip stream of the RSS sample", gzip.compress(sample_rss, mtime=0)
    yield "empty file", b""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hrnews", default="build/apps/hrnews")
    ap.add_argument("--sample", default="examples/data/omct-2015-11.json")
    args = ap.parse_args()
    print("| input | size | result | CPU time | peak memory |")
    print("|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in inputs(tmp, args.hrnews, args.sample):
            path = os.path.join(tmp, "input")
            with open(path, "wb") as f:
                f.write(data)
            del data
            pid = os.fork()
            if pid == 0:  # child: run hrnews with output to a file
                with open(os.path.join(tmp, "out"), "wb") as out:
                    os.dup2(out.fileno(), 1)
                    os.dup2(out.fileno(), 2)
                    os.execv(args.hrnews, [args.hrnews, "validate", path])
            _, status, usage = os.wait4(pid, 0)
            output = open(os.path.join(tmp, "out"), "rb").read().decode("utf-8", "replace")
            code = os.waitstatus_to_exitcode(status)
            first = next((l for l in output.splitlines() if "error" in l), output.splitlines()[0] if output else "")
            first = first.replace(path, "FILE").replace("|", "\\|")
            if len(first) > 90:
                first = first[:87] + "…"
            if MARKER in output:
                first += " **(marker leaked!)**"
            size = os.path.getsize(path)
            size_text = "%.1f MiB" % (size / 1048576) if size >= 1048576 else "%d B" % size
            cpu = usage.ru_utime + usage.ru_stime
            print("| %s | %s | exit %d: `%s` | %.2f s | %.0f MiB |" % (
                name, size_text, code, first, cpu, usage.ru_maxrss / 1024))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
