"""The Spark job (examples/spark/extract_corpus.py) in local mode over the
first 1,000 corpus articles, both ways (the pandas_udf over extract_batch,
and RDD.pipe through the Rust batch tool): its facts must equal the Rust
batch tool's on the same articles."""

import glob
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, STRICT, corpus_articles

ARTICLES = 1000
JOB = ROOT / "examples" / "spark" / "extract_corpus.py"


def need(module):
    try:
        __import__(module)
    except ImportError:
        msg = f"NOTICE: {module} is not installed: the Spark test needs pyspark, pandas and pyarrow"
        if STRICT:
            pytest.fail(msg + "; VIETFACTS_STRICT=1 forbids skipping")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    for m in ("pyspark", "pandas", "pyarrow"):
        need(m)
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        msg = "NOTICE: no Java: the Spark test needs Java 17"
        if STRICT:
            pytest.fail(msg)
        pytest.skip(msg)
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for a in corpus_articles(ARTICLES):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def key(id_, kind, start, end, char_start, char_end, text, rule, value):
    """One fact, comparable: the value fields as canonical JSON."""
    return (id_, kind, start, end, char_start, char_end, text, rule, json.dumps(value, sort_keys=True))


@pytest.fixture(scope="module")
def rust_facts(corpus, batch_binary, tmp_path_factory):
    out = tmp_path_factory.mktemp("rust") / "facts.jsonl"
    subprocess.run([str(batch_binary), "--char-offsets", "--quiet", "--out", str(out), str(corpus)], check=True)
    facts = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for fact in doc["facts"]:
                value = {k: v for k, v in fact.items() if k not in ("kind", "span", "char_span", "text", "rule")}
                facts.append(key(doc["id"], fact["kind"], *fact["span"], *fact["char_span"],
                                 fact["text"], fact["rule"], value))
    assert len({f[0] for f in facts}) > ARTICLES * 0.9, "most articles have facts"
    return sorted(facts)


def run_job(corpus, outdir, *extra):
    subprocess.run([sys.executable, str(JOB), str(corpus), str(outdir), "--master", "local[2]", *extra],
                   check=True, cwd=ROOT)


def read_parquet(outdir):
    import pyarrow.parquet as pq

    rows = pq.read_table(str(outdir / "parquet")).to_pylist()
    return sorted(key(r["id"], r["kind"], r["start"], r["end"], r["char_start"], r["char_end"],
                      r["text"], r["rule"], json.loads(r["value"])) for r in rows)


def read_jsonl(outdir):
    rows = []
    for part in sorted(glob.glob(str(outdir / "jsonl" / "part-*"))):
        with open(part, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return sorted(key(r["id"], r["kind"], r["start"], r["end"], r["char_start"], r["char_end"],
                      r["text"], r["rule"], json.loads(r["value"])) for r in rows)


def check(outdir, rust_facts):
    parquet, jsonl = read_parquet(outdir), read_jsonl(outdir)
    assert len(parquet) == len(rust_facts)
    assert parquet == rust_facts
    assert jsonl == rust_facts


def test_spark_pandas_udf_job_equals_the_rust_batch_tool(corpus, rust_facts, tmp_path):
    run_job(corpus, tmp_path / "out", "--mode", "udf")
    check(tmp_path / "out", rust_facts)


def test_spark_pipe_job_equals_the_rust_batch_tool(corpus, rust_facts, batch_binary, tmp_path):
    run_job(corpus, tmp_path / "out", "--mode", "pipe", "--batch-binary", str(batch_binary), "--partitions", "3")
    check(tmp_path / "out", rust_facts)
