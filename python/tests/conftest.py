"""Shared helpers of the Python tests: where the repository and the shared
material are, and the Rust command-line examples the tests compare with."""

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "duong-quang-2017.txt"
GOLDEN = ROOT / "fixtures" / "duong-quang-2017.json"
STRICT = os.environ.get("VIETFACTS_STRICT") == "1"


def shared_dir():
    """`$VIETFACTS_SHARED`, or `../shared` beside the repository; None if absent."""
    p = Path(os.environ.get("VIETFACTS_SHARED", ROOT.parent / "shared"))
    return p if p.is_dir() else None


def need_shared(rel):
    """The path of `rel` under the shared material. Without it the test is
    skipped with a notice, or fails when VIETFACTS_STRICT=1 (as in CI)."""
    base = shared_dir()
    path = base / rel if base else None
    if path is None or not path.exists():
        msg = f"NOTICE: shared material {rel} not found (set VIETFACTS_SHARED or put it in ../shared)"
        if STRICT:
            pytest.fail(msg + "; VIETFACTS_STRICT=1 forbids skipping")
        print(msg)
        pytest.skip(msg)
    return path


def corpus_articles(n):
    """The first `n` articles of the news corpus, as dicts with `id` and `text`."""
    path = need_shared("corpus/vi-news.jsonl.gz")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(out) == n:
                break
            r = json.loads(line)
            out.append({"id": r["id"], "text": r["text"]})
    return out


def rust_example(name):
    """The path of a release build of a Rust example, built if needed."""
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--example", name],
        cwd=ROOT,
        check=True,
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "examples" / name


@pytest.fixture(scope="session")
def batch_binary():
    return rust_example("batch")


@pytest.fixture(scope="session")
def extract_binary():
    return rust_example("extract")
