#!/usr/bin/env python3
"""Extract vietfacts' facts from a JSON Lines corpus with PySpark.

    python examples/spark/extract_corpus.py INPUT OUTDIR [--mode udf|pipe]
        [--batch-binary PATH] [--master URL] [--partitions N] [--threads-per-task N]

INPUT is JSON Lines, one article per line with an `id` and a `text` (other
fields are ignored; `.gz` is read as is). OUTDIR receives the facts, one row
per fact, twice: `OUTDIR/parquet/` (Parquet) and `OUTDIR/jsonl/` (JSON
Lines), as Spark writes them (part files). Every row has:

    id          the article's id (a string)
    kind        percentage, money, date, count, award, project, place, …
    start, end  the byte span of the fact in the article's text (UTF-8)
    char_start, char_end   the same span in characters (code points, as
                Python and Spark's own string functions count)
    text        the fact's surface, normalized
    rule        the rule that found it
    value       the kind's own fields (value, relation, year, name, …) as
                one JSON object, exactly as SCHEMA.md names them

Two ways to run the same core:

- `--mode udf` (default): the `vietfacts` wheel is installed on every
  worker; a vectorized `pandas_udf` (Arrow) hands each batch of texts to
  `vietfacts.extract_batch`.
- `--mode pipe`: no Python package needed on the workers, only the Rust
  `batch` tool: each partition's lines are piped through it (`RDD.pipe`)
  and its JSON Lines output is read back. `--batch-binary` is the tool's
  path on the workers (build it with `cargo build --release --example
  batch`; on a cluster ship it with `spark-submit --files` and pass
  `./batch`).

Run with `python` (a local Spark: `--master local[*]` by default) or with
`spark-submit` (which sets the master).
"""

import argparse
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The fields of a fact that are columns; the rest go into `value`.
FACT = T.StructType([
    T.StructField("kind", T.StringType(), False),
    T.StructField("start", T.LongType(), False),
    T.StructField("end", T.LongType(), False),
    T.StructField("char_start", T.LongType(), False),
    T.StructField("char_end", T.LongType(), False),
    T.StructField("text", T.StringType(), False),
    T.StructField("rule", T.StringType(), False),
    T.StructField("value", T.StringType(), False),
])
ROW = T.StructType([T.StructField("id", T.StringType(), True)] + FACT.fields)
COLUMNS = ("kind", "span", "char_span", "text", "rule")


def fact_row(f):
    """A fact dict (SCHEMA.md, with char_span) → the row's fact fields."""
    return {
        "kind": f["kind"],
        "start": f["span"][0],
        "end": f["span"][1],
        "char_start": f["char_span"][0],
        "char_end": f["char_span"][1],
        "text": f["text"],
        "rule": f["rule"],
        "value": json.dumps({k: v for k, v in f.items() if k not in COLUMNS}, ensure_ascii=False),
    }


def facts_udf(threads):
    """The vectorized UDF: a batch of texts → a batch of lists of facts."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    @pandas_udf(T.ArrayType(FACT))
    def extract_facts(texts: pd.Series) -> pd.Series:
        import vietfacts

        batch = vietfacts.extract_batch(texts.fillna("").tolist(), jobs=threads)
        return pd.Series([[fact_row(f) for f in facts] for facts in batch])

    return extract_facts


def with_udf(spark, path, partitions, threads):
    docs = spark.read.json(path).select(F.col("id").cast("string").alias("id"), "text")
    if partitions:
        docs = docs.repartition(partitions)
    return (docs.select("id", F.explode(facts_udf(threads)("text")).alias("f"))
                .select("id", "f.*"))


def with_pipe(spark, path, partitions, binary):
    lines = spark.sparkContext.textFile(path)
    if partitions:
        lines = lines.repartition(partitions)
    command = [binary, "--quiet", "--char-offsets", "--jobs", "1"]
    documents = lines.pipe(shlex.join(command), checkCode=True)

    def rows(line):
        doc = json.loads(line)
        for f in doc["facts"]:
            yield {"id": doc.get("id"), **fact_row(f)}

    return spark.createDataFrame(documents.flatMap(rows), ROW)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Extract vietfacts' facts from a JSON Lines corpus with Spark.")
    ap.add_argument("input", help="JSON Lines, {\"id\", \"text\"} per line (.gz allowed)")
    ap.add_argument("outdir", help="receives parquet/ and jsonl/")
    ap.add_argument("--mode", choices=("udf", "pipe"), default="udf")
    ap.add_argument("--batch-binary", default="target/release/examples/batch",
                    help="--mode pipe: the Rust batch tool's path on the workers")
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, or local[*])")
    ap.add_argument("--partitions", type=int, default=0, help="repartition the input (default: as read)")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="--mode udf: extract_batch threads in each Spark task (Spark runs one task per core)")
    args = ap.parse_args(argv)

    # Local runs: the workers use this interpreter (with vietfacts, pandas,
    # pyarrow), not whichever `python3` is first on the PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(f"vietfacts-{args.mode}")
    if args.master or "SPARK_ENV_LOADED" not in os.environ:
        builder = builder.master(args.master or "local[*]")
    spark = builder.getOrCreate()
    try:
        if args.mode == "udf":
            facts = with_udf(spark, args.input, args.partitions, args.threads_per_task)
        else:
            facts = with_pipe(spark, args.input, args.partitions, os.path.abspath(args.batch_binary)
                              if os.path.exists(args.batch_binary) else args.batch_binary)
        facts = facts.cache()
        facts.write.mode("overwrite").parquet(os.path.join(args.outdir, "parquet"))
        facts.write.mode("overwrite").json(os.path.join(args.outdir, "jsonl"))
        n = facts.count()
        print(f"extract_corpus ({args.mode}): {n} facts → {args.outdir}/parquet, {args.outdir}/jsonl",
              file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
