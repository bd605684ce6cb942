#!/usr/bin/env python3
"""Throughput of `vietfacts.extract_batch` against the Rust `batch` tool, on
the same corpus text, the same cores, in one run.

    target/py-venv/bin/python python/bench_batch.py [--articles N] [--jobs J] [--repeat R]

(from the repository root, with the wheel installed in that environment:
see python/README.md). It reads the first N articles (default: all 9,631)
of ../shared/corpus/vi-news.jsonl.gz (or $VIETFACTS_SHARED), then:

1. `batch --jobs J --char-offsets --quiet` (release build) over the same
   articles as a JSON Lines file, output to /dev/null: wall clock of the
   process (it reads and parses the JSON, extracts, writes JSON);
2. `vietfacts.extract_batch(texts, jobs=J)` in this process: wall clock of
   the call (extraction on J threads, then the dicts built under the GIL).

Both extract the default kinds with `char_span`. Throughput is the UTF-8
size of the article texts over the wall clock, in MB/s (10^6 bytes); the
ratio is Python's over Rust's. J defaults to the number of cores. The two
are timed alternately R times (default 3) and the best of each is compared,
since a shared machine's load comes and goes; every round is printed, with
the CPU time (user + system, all threads) beside the wall clock, and for
Python the CPU time of the calling thread alone (where the dicts are built,
under the GIL: the part that does not shrink with the extraction).
"""

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import vietfacts

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("VIETFACTS_SHARED", os.path.join(ROOT, "..", "shared"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    corpus = os.path.join(SHARED, "corpus", "vi-news.jsonl.gz")
    if not os.path.exists(corpus):
        sys.exit(f"bench_batch: {corpus} not found (set VIETFACTS_SHARED)")
    rows = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if args.articles is not None and len(rows) == args.articles:
                break
            r = json.loads(line)
            rows.append({"id": r["id"], "text": r["text"]})
    texts = [r["text"] for r in rows]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "batch"], cwd=ROOT, check=True)
    batch = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")),
                         "release", "examples", "batch")
    with tempfile.TemporaryDirectory(prefix="vietfacts-bench-") as tmp:
        jsonl = os.path.join(tmp, "corpus.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        # Warm both up on a few articles (page cache, lazy tables).
        subprocess.run([batch, "--quiet", "--out", os.devnull, "-"],
                       input="\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:20]).encode(),
                       check=True)
        vietfacts.extract_batch(texts[:20], jobs=args.jobs)

        rust, py = [], []
        for round_ in range(1, args.repeat + 1):
            cpu = children_cpu()
            t = time.perf_counter()
            subprocess.run([batch, "--jobs", str(args.jobs), "--char-offsets", "--quiet",
                            "--out", os.devnull, jsonl], check=True)
            rust.append((time.perf_counter() - t, children_cpu() - cpu))

            cpu, own = time.process_time(), time.thread_time()
            t = time.perf_counter()
            facts = vietfacts.extract_batch(texts, jobs=args.jobs)
            py.append((time.perf_counter() - t, time.process_time() - cpu, time.thread_time() - own))
            n_facts = sum(len(x) for x in facts)
            del facts
            print(f"round {round_}: Rust batch {rust[-1][0]:.2f} s wall, {rust[-1][1]:.2f} s CPU; "
                  f"Python extract_batch {py[-1][0]:.2f} s wall, {py[-1][1]:.2f} s CPU "
                  f"({py[-1][2]:.2f} s on the calling thread)", flush=True)

    rust_s, py_s = min(r[0] for r in rust), min(r[0] for r in py)
    rust_mbs, py_mbs = mb / rust_s, mb / py_s
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB of text; {n_facts} facts; jobs {args.jobs}; "
          f"vietfacts {vietfacts.__version__}, Python {sys.version.split()[0]}; best of {args.repeat}")
    print(f"Rust batch tool:          {rust_s:7.2f} s  {rust_mbs:6.2f} MB/s")
    print(f"Python extract_batch:     {py_s:7.2f} s  {py_mbs:6.2f} MB/s")
    print(f"ratio (Python / Rust):    {py_mbs / rust_mbs:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


if __name__ == "__main__":
    main()
