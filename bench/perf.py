#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every hrnews benchmark in one command, with its peers side by side.

    python3 bench/perf.py [--quick] [--no-peers] [--no-big] [--report FILE]

1. builds the Release preset (bench_readers and the hrnews program);
2. generates the inputs with gen_feed.py (RSS, Atom, JSON Feed at 1 000 and
   10 000 items) and converts the JSON Feed ones to canonical JSON and JSONL;
3. runs, in one process per input, every hrnews reader and writer against a
   bare pugixml DOM parse (XML) or nlohmann::json's DOM parse (JSON) of the same
   bytes (bench/bench_readers.cpp);
4. runs the peers on the same bytes in one script: Python feedparser and
   hrnews's Python module (`hrnews.parse`), and feedsmith under Node.js;
   the peers are installed into bench/.peers/ (ignored by git) with pip and npm;
5. measures peak memory (a 32 MB feed; a 1 GB JSON Lines file streamed),
   a doubling check (no quadratic behaviour) and validate, stats and convert
   (to JSON Lines and JSON) with `--jobs 2` vs 1;
6. prints one Markdown table and each bar of DESIGN.md section 7, met or missed.

Needs: python3, cmake, a compiler (scripts/bootstrap.sh), GNU time, and for the peers
pip and npm with access to the package registries.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build-release"
DATA = BUILD / "bench-data"
PEERS = ROOT / "bench" / ".peers"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


def gen_feed_script() -> Path:
    if os.environ.get("HRNEWS_GEN_FEED"):
        return Path(os.environ["HRNEWS_GEN_FEED"])
    for candidate in (ROOT.parent / "shared" / "bench" / "gen_feed.py", ROOT / "bench" / "tools" / "gen_feed.py"):
        if candidate.exists():
            return candidate
    sys.exit("perf.py: gen_feed.py not found (../shared/bench/gen_feed.py or bench/tools/gen_feed.py); "
             "set HRNEWS_GEN_FEED to its path")


def build() -> Path:
    log("building the release preset ...")
    run(["cmake", "--preset", "release"], cwd=ROOT, stdout=subprocess.DEVNULL)
    run(["cmake", "--build", str(BUILD), "--target", "bench_readers", "hrnews_cli", "--", "-j2"], cwd=ROOT,
        stdout=subprocess.DEVNULL)
    return BUILD / "apps" / "hrnews"


def make_inputs(hrnews: Path, sizes: list[int]) -> dict[str, tuple[str, Path]]:
    """name -> (format, path)"""
    DATA.mkdir(parents=True, exist_ok=True)
    gen = gen_feed_script()
    inputs: dict[str, tuple[str, Path]] = {}
    for n in sizes:
        for fmt, ext in (("rss", "xml"), ("atom", "xml"), ("jsonfeed", "json")):
            path = DATA / f"{fmt}-{n}.{ext}"
            if not path.exists() or path.stat().st_size == 0:
                with open(path, "wb") as out:
                    run([sys.executable, str(gen), fmt, str(n)], stdout=out)
            inputs[f"{fmt}-{n}"] = (fmt, path)
        for fmt in ("json", "jsonl"):
            path = DATA / f"canonical-{n}.{fmt}"
            if not path.exists() or path.stat().st_size == 0:
                run([str(hrnews), "convert", str(DATA / f"jsonfeed-{n}.json"), "--to", fmt, "-o", str(path)],
                    stderr=subprocess.DEVNULL)
            inputs[f"{fmt}-{n}"] = (fmt, path)
    return inputs


def bench_cpp(fmt: str, path: Path, runs: int) -> list[dict]:
    out = run([str(BUILD / "bench" / "bench_readers"), fmt, str(path), str(runs)], capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines():
        name, size, items, seconds, baseline = line.split("\t")
        rows.append({"contender": name, "bytes": int(size), "items": int(items), "seconds": float(seconds),
                     "baseline": float(baseline)})
    return rows


# --- peers -------------------------------------------------------------------

PY_PEER = r"""
import json, sys, time
fmt, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(path, "rb").read()
def best(fn, n):
    b = float("inf")
    for _ in range(n):
        t = time.perf_counter(); fn(); b = min(b, time.perf_counter() - t)
    return b
res = {}
try:
    import hrnews
    res["hrnews (Python)"] = best(lambda: hrnews.parse(data), runs)
except Exception as e:  # module not built
    print("hrnews Python module unavailable: %s" % e, file=sys.stderr)
if fmt in ("rss", "atom", "jsonfeed"):
    try:
        import feedparser
        res["feedparser (Python)"] = best(lambda: feedparser.parse(data), max(1, runs // 2))
    except ImportError as e:
        print("feedparser unavailable: %s" % e, file=sys.stderr)
print(json.dumps(res))
"""

NODE_PEER = r"""
import fs from 'node:fs';
import { parseFeed } from 'feedsmith';
const [path, runs] = [process.argv[2], Number(process.argv[3])];
const text = fs.readFileSync(path, 'utf8');
let best = Infinity;
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  parseFeed(text);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
}
console.log(JSON.stringify({"feedsmith (Node.js)": best}));
"""


def python_module_path() -> str | None:
    for pattern in ("build/python/hrnews/_hrnews*.so", "build/**/hrnews/_hrnews*.so"):
        found = glob.glob(str(ROOT / pattern), recursive=True)
        if found:
            return str(Path(found[0]).parent.parent)
    return None


def setup_peers() -> tuple[Path | None, Path | None]:
    """The Python of the peers' venv and the Node.js peers' folder (None when unavailable)."""
    PEERS.mkdir(parents=True, exist_ok=True)
    py: Path | None = PEERS / "venv" / "bin" / "python"
    try:
        if not py.exists():
            run([sys.executable, "-m", "venv", str(PEERS / "venv")])
        run([str(py), "-m", "pip", "install", "-q", "feedparser"], stdout=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, OSError) as e:
        log(f"python peers unavailable: {e}")
        py = None
    node: Path | None = PEERS / "node"
    try:
        node.mkdir(exist_ok=True)
        if not (node / "node_modules" / "feedsmith").exists():
            if shutil.which("npm") is None:
                raise OSError("npm not installed (apt-get install npm)")
            run(["npm", "install", "--silent", "--prefix", str(node), "feedsmith"], stdout=subprocess.DEVNULL)
        (node / "bench_feedsmith.mjs").write_text(NODE_PEER)
    except (subprocess.CalledProcessError, OSError) as e:
        log(f"feedsmith unavailable: {e}")
        node = None
    return py, node


def bench_peers(fmt: str, path: Path, runs: int, py: Path | None, node: Path | None) -> dict[str, float]:
    res: dict[str, float] = {}
    if py is not None:
        env = dict(os.environ)
        module = python_module_path()
        if module:
            env["PYTHONPATH"] = module
        out = subprocess.run([str(py), "-c", PY_PEER, fmt, str(path), str(runs)], capture_output=True, text=True,
                             env=env)
        if out.returncode == 0:
            res.update(json.loads(out.stdout))
        else:
            log(out.stderr)
    if node is not None and fmt in ("rss", "atom", "jsonfeed"):
        out = subprocess.run(["node", str(node / "bench_feedsmith.mjs"), str(path), str(runs)], capture_output=True,
                             text=True, cwd=node)
        if out.returncode == 0:
            res.update(json.loads(out.stdout))
        else:
            log(out.stderr)
    return res


# --- memory, scale -----------------------------------------------------------

def peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one run of `cmd`, by GNU time.

    (Not os.wait4: a child's ru_maxrss also counts the pages it shared with
    this Python process between fork and exec.)"""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        kib = int(report.read().strip().splitlines()[-1])
    return elapsed, kib * 1024


def big_jsonl(source: Path, target_bytes: int) -> Path:
    """A JSON Lines file of about `target_bytes`: the header of `source`, then its records again and again."""
    path = DATA / f"big-{target_bytes >> 20}MiB.jsonl"
    if path.exists() and path.stat().st_size >= target_bytes:
        return path
    lines = source.read_bytes().split(b"\n")
    header, records = lines[0], [r for r in lines[1:] if r]
    with open(path, "wb") as out:
        out.write(header + b"\n")
        written = len(header) + 1
        block = b"\n".join(records) + b"\n"
        while written < target_bytes:
            out.write(block)
            written += len(block)
    return path


def doubling(hrnews_fmt: str, sizes: list[int], runs: int) -> list[tuple[int, float]]:
    gen = gen_feed_script()
    times = []
    for n in sizes:
        path = DATA / f"{hrnews_fmt}-{n}.xml"
        if not path.exists():
            with open(path, "wb") as out:
                run([sys.executable, str(gen), hrnews_fmt, str(n)], stdout=out)
        rows = bench_cpp(hrnews_fmt, path, runs)
        times.append((n, next(r["seconds"] for r in rows if r["contender"] == f"hrnews read {hrnews_fmt}")))
    return times


def jobs_scaling(hrnews: Path, inputs: dict[str, tuple[str, Path]], copies: int,
                 runs: int = 5) -> dict[str, tuple[float, float]]:
    """Wall seconds (GNU time, best of `runs`, --jobs 1 and --jobs 2 alternating) over `copies` files
    (rss-1000 and atom-1000 in turn), for validate, stats and convert to JSON Lines and to JSON."""
    folder = DATA / "many"
    folder.mkdir(exist_ok=True)
    files = []
    for i in range(copies):
        name = ("rss-1000", "atom-1000")[i % 2]
        target = folder / f"{i:03d}-{inputs[name][1].name}"
        if not target.exists():
            shutil.copyfile(inputs[name][1], target)
        files.append(str(target))
    out = folder / "out"  # a regular file, as users write: made as out.part, renamed at the end
    commands = {
        "validate": ["validate", *files],
        "stats": ["stats", *files],
        "convert --to jsonl": ["convert", *files, "--to", "jsonl", "-o", str(out)],
        "convert --to json": ["convert", *files, "--to", "json", "-o", str(out)],
    }

    def wall(command: list[str], jobs: int) -> float:
        return peak_rss([str(hrnews), *command, "--jobs", str(jobs)])[0]

    def best_pair(command: list[str]) -> tuple[float, float]:
        # --jobs 1 and --jobs 2 alternate, so that a slow spell of the machine
        # (a VM's neighbours) falls on both sides rather than on one.
        t1 = t2 = float("inf")
        for _ in range(runs):
            t1 = min(t1, wall(command, 1))
            t2 = min(t2, wall(command, 2))
        return t1, t2

    try:
        return {name: best_pair(command) for name, command in commands.items()}
    finally:
        out.unlink(missing_ok=True)


# --- report ------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description="hrnews benchmarks, side by side with their peers")
    parser.add_argument("--quick", action="store_true", help="1 000-item inputs only, fewer runs")
    parser.add_argument("--no-peers", action="store_true", help="skip feedparser, feedsmith and Python")
    parser.add_argument("--no-big", action="store_true", help="skip the 1 GB JSON Lines streaming run")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args()

    if not Path("/usr/bin/time").exists():
        sys.exit("perf.py: GNU time is needed for peak memory: apt-get install time")
    hrnews = build()
    sizes = [1000] if args.quick else [1000, 10000]
    runs = 3 if args.quick else 5
    inputs = make_inputs(hrnews, sizes)
    py, node = (None, None) if args.no_peers else setup_peers()

    lines = ["| input | MB | contender | MB/s | items/s | vs baseline |", "|---|---:|---|---:|---:|---:|"]
    measured: dict[tuple[str, str], float] = {}
    for name, (fmt, path) in inputs.items():
        log(f"measuring {name} ...")
        rows = bench_cpp(fmt, path, runs)
        peers = bench_peers(fmt, path, max(1, runs // 2), py, node) if py or node else {}
        size = rows[0]["bytes"]
        items = rows[0]["items"]
        for r in rows:
            measured[(name, r["contender"])] = r["seconds"]
            lines.append(f"| {name} | {size / 1e6:.1f} | {r['contender']} | {size / r['seconds'] / 1e6:.1f} | "
                         f"{items / r['seconds']:,.0f} | {r['baseline'] / r['seconds']:.2f}x |")
        for peer, seconds in peers.items():
            measured[(name, peer)] = seconds
            lines.append(f"| {name} | {size / 1e6:.1f} | {peer} | {size / seconds / 1e6:.1f} | "
                         f"{items / seconds:,.0f} | {rows[0]['seconds'] / seconds:.2f}x |")

    big = "10000" if not args.quick else "1000"
    extra = []
    rss_big = inputs[f"rss-{big}"][1]
    _, mem = peak_rss([str(hrnews), "convert", str(rss_big), "--to", "json", "-o", os.devnull])
    mem_ratio = mem / rss_big.stat().st_size
    extra.append(f"- peak memory converting rss-{big} ({rss_big.stat().st_size / 1e6:.1f} MB) to JSON: "
                 f"{mem / 1e6:.1f} MB = {mem_ratio:.2f}x the input")
    stream_mem = None
    if not args.no_big:
        big_file = big_jsonl(inputs[f"jsonl-{big}"][1], 1 << 30)
        seconds, stream_mem = peak_rss([str(hrnews), "convert", str(big_file), "--to", "jsonl", "-o", os.devnull])
        extra.append(f"- streaming {big_file.stat().st_size / 1e9:.2f} GB of JSON Lines (convert --to jsonl): "
                     f"peak memory {stream_mem / 1e6:.1f} MB, {big_file.stat().st_size / seconds / 1e6:.0f} MB/s")
    dbl = doubling("rss", [1250, 2500, 5000, 10000] if not args.quick else [500, 1000, 2000], runs)
    growth = [dbl[i + 1][1] / dbl[i][1] for i in range(len(dbl) - 1)]
    extra.append("- doubling check, read_rss: " + ", ".join(f"{n} items {t * 1000:.1f} ms" for n, t in dbl) +
                 "; time ratio per doubling " + ", ".join(f"{g:.2f}" for g in growth))
    scaling = jobs_scaling(hrnews, inputs, 16, 3 if args.quick else 15)
    for name, (t1, t2) in scaling.items():
        extra.append(f"- {name}, 16 files (rss-1000, atom-1000): --jobs 1 {t1:.2f} s, --jobs 2 {t2:.2f} s: "
                     f"{t1 / t2:.2f}x")

    def ratio(name: str, contender: str, base: str) -> float | None:
        a, b = measured.get((name, contender)), measured.get((name, base))
        return b / a if a and b else None

    bars = []

    def bar(text: str, value: float | None, target: float, fmt: str = "{:.2f}x", lower_is_better: bool = False) -> None:
        if value is None:
            bars.append(f"| {text} | not measured | - |")
            return
        met = value <= target if lower_is_better else value >= target
        bars.append(f"| {text} | {fmt.format(value)} | {'met' if met else 'missed'} |")

    n = big
    for f in ("rss", "atom"):
        bar(f"read {f} (classify on) vs bare pugixml, >= 0.5x", ratio(f"{f}-{n}", f"hrnews read {f}", "pugixml DOM parse"), 0.5)
        bar(f"read {f} vs feedparser, >= 60x", ratio(f"{f}-{n}", f"hrnews read {f}", "feedparser (Python)"), 60)
        bar(f"read {f} vs feedsmith, >= 6x", ratio(f"{f}-{n}", f"hrnews read {f}", "feedsmith (Node.js)"), 6)
    bar("read_json vs nlohmann DOM parse, >= 1x", ratio(f"json-{n}", "hrnews read json", "nlohmann DOM parse"), 1.0)
    bar("write_json vs nlohmann DOM parse, >= 2x", ratio(f"json-{n}", "hrnews write json", "nlohmann DOM parse"), 2.0)
    bar("write_jsonl vs nlohmann DOM parse of the lines, >= 2x",
        ratio(f"jsonl-{n}", "hrnews write jsonl", "nlohmann DOM parse, per line"), 2.0)
    bar("JSONL streaming of 1 GB, peak memory < 64 MB", None if stream_mem is None else stream_mem / 1e6, 64,
        "{:.1f} MB", lower_is_better=True)
    bar("peak memory for a 32 MB feed < 3x the input", mem_ratio, 3, lower_is_better=True)
    bar("Python hrnews.parse vs feedparser on rss, >= 50x",
        ratio(f"rss-{n}", "hrnews (Python)", "feedparser (Python)"), 50)
    for name, (t1, t2) in scaling.items():
        bar(f"{name} --jobs 2 vs --jobs 1, >= 1.7x", t1 / t2, 1.7)

    report = [f"Machine: {platform.node()}, {platform.machine()}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at the end; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
              "", *lines, "", *extra, "", "| bar (DESIGN.md section 7) | measured | |", "|---|---:|---|", *bars]
    text = "\n".join(report) + "\n"
    print(text)
    if args.report:
        args.report.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
