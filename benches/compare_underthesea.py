#!/usr/bin/env python3
"""Side by side with what users run today: underthesea's text_normalize
against vietfacts' normalize and full extraction, on the same corpus text,
in one run.

    python3 benches/compare_underthesea.py [--articles N]

Creates a virtual environment in target/underthesea-venv (pip install
underthesea from PyPI) the first time. Builds the release examples. Then
times, over the first N articles of ../shared/corpus/vi-news.jsonl.gz
(default 2000; the same bytes for all three):

  1. underthesea.text_normalize(text) for every article (in-process, after
     a warm-up call so model loading is not counted);
  2. `extract --jsonl` (decode, normalize, extract every default kind, write
     JSON) over the same articles, wall clock of the process;
  3. `normalize` over the same texts joined into one file, wall clock.

Prints MB/s for each and the ratios; the figures go to benches/README.md.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("VIETFACTS_SHARED", os.path.join(ROOT, "..", "shared"))
VENV = os.path.join(ROOT, "target", "underthesea-venv")


def venv_python():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "underthesea"], check=True)
    return py


UNDERTHESEA_TIMER = r"""
import json, sys, time
from underthesea import text_normalize, __version__
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
text_normalize("Hoà bình")  # warm-up: imports and models
t = time.perf_counter()
for x in texts:
    text_normalize(x)
print(json.dumps({"seconds": time.perf_counter() - t, "version": __version__}))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    with gzip.open(os.path.join(SHARED, "corpus", "vi-news.jsonl.gz"), "rt", encoding="utf-8") as f:
        rows = [json.loads(l) for _, l in zip(range(args.articles), f)]
    texts = [r["text"] for r in rows]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    tmp = tempfile.mkdtemp(prefix="vietfacts-compare-")
    jsonl = os.path.join(tmp, "slice.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    joined = os.path.join(tmp, "slice.txt")
    with open(joined, "w", encoding="utf-8") as f:
        f.write("\n\n".join(texts))

    subprocess.run(["cargo", "build", "--release", "-q", "--example", "extract", "--example", "normalize"],
                   cwd=ROOT, check=True)
    examples = os.path.join(ROOT, "target", "release", "examples")

    py = venv_python()
    out = subprocess.run([py, "-c", UNDERTHESEA_TIMER, jsonl], check=True, capture_output=True, text=True)
    uts = json.loads(out.stdout.strip().splitlines()[-1])

    def wall(cmd):
        best = None
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            d = time.perf_counter() - t
            best = d if best is None else min(best, d)
        return best

    ours_extract = wall([os.path.join(examples, "extract"), "--jsonl", jsonl])
    ours_normalize = wall([os.path.join(examples, "normalize"), joined])

    mb = nbytes / 1e6
    print(f"slice: first {len(texts)} articles, {nbytes} bytes of text")
    print(f"underthesea {uts['version']} text_normalize: {uts['seconds']:.2f} s = {mb / uts['seconds']:.2f} MB/s")
    print(f"vietfacts extract --jsonl (full pipeline): {ours_extract:.2f} s = {mb / ours_extract:.1f} MB/s")
    print(f"vietfacts normalize: {ours_normalize:.2f} s = {mb / ours_normalize:.1f} MB/s")
    print(f"ratio: our full extraction is {uts['seconds'] / ours_extract:.0f}x faster than their normalization")
    print(f"ratio: our normalization is {uts['seconds'] / ours_normalize:.0f}x faster than theirs")


if __name__ == "__main__":
    main()
