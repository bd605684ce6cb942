"""extract_batch against the Rust batch tool, and what it does to Python's
cyclic garbage collector (see "How extract_batch runs" in python/README.md)."""

import gc
import json
import subprocess
import threading
import time

import pytest

import vietfacts
from conftest import corpus_articles

ARTICLES = 2000


def rust_batch(batch_binary, tmp_path, articles, *options):
    """The facts of each article from `batch --char-offsets`, by id."""
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    out = tmp_path / "facts.jsonl"
    subprocess.run([str(batch_binary), "--char-offsets", "--quiet", *options, "--out", str(out), str(corpus)],
                   check=True)
    with open(out, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    return {d["id"]: d["facts"] for d in docs}


@pytest.mark.parametrize(
    "options, kwargs",
    [
        ((), {}),
        (("--kinds", ",".join(vietfacts.KINDS), "--reference-date", "2018-03-15"),
         {"kinds": list(vietfacts.KINDS), "reference_date": "2018-03-15"}),
    ],
)
def test_extract_batch_equals_the_rust_batch_tool_on_the_corpus(batch_binary, tmp_path, options, kwargs):
    articles = corpus_articles(ARTICLES)
    rust = rust_batch(batch_binary, tmp_path, articles, *options)
    py = vietfacts.extract_batch([a["text"] for a in articles], jobs=2, **kwargs)
    assert len(py) == len(articles)
    n = 0
    for a, facts in zip(articles, py):
        want = rust[a["id"]]
        assert facts == want, a["id"]
        # Same fields in the same order, int where the JSON has an integer,
        # float where it has a fraction, True for true.
        assert repr(facts) == repr(want), a["id"]
        n += len(facts)
    assert n > 10 * ARTICLES


def test_fact_dicts_and_spans_are_not_tracked_by_the_collector():
    texts = ["Năm 2017, trồng rừng mới vượt 13,6% kế hoạch; thu ngân sách đạt 1,2 tỷ đồng."] * 20
    for lists in (vietfacts.extract_batch(texts), [vietfacts.extract(texts[0])]):
        for facts in lists:
            assert facts and gc.is_tracked(facts)
            for f in facts:
                assert not gc.is_tracked(f)
                assert not gc.is_tracked(f["span"]) and not gc.is_tracked(f["char_span"])
    # A fact dict given a container is tracked again (by CPython itself).
    f = vietfacts.extract(texts[0])[0]
    f["extra"] = []
    assert gc.is_tracked(f)


def test_the_collector_is_left_as_it_was():
    texts = [a["text"] for a in corpus_articles(200)]
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            vietfacts.extract_batch(texts, jobs=2)
            assert gc.isenabled() is enabled
            # An error part way: a text that is no str.
            with pytest.raises(TypeError):
                vietfacts.extract_batch(texts[:100] + [None] + texts[100:], jobs=2)
            assert gc.isenabled() is enabled
            # A lone surrogate part way.
            with pytest.raises(UnicodeEncodeError):
                vietfacts.extract_batch(texts[:150] + ["a\ud800b"], jobs=2)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


def test_other_threads_never_see_the_collector_paused():
    texts = [a["text"] for a in corpus_articles(2000)]
    seen = []
    done = threading.Event()

    def work():
        vietfacts.extract_batch(texts, jobs=2)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        seen.append(gc.isenabled())
        time.sleep(0.0005)
    t.join()
    assert len(seen) >= 5, "the batch was too short to tell"
    assert all(seen)


def test_a_collector_disabled_by_another_thread_during_a_batch_stays_disabled():
    texts = [a["text"] for a in corpus_articles(2000)]
    done = threading.Event()

    def work():
        vietfacts.extract_batch(texts, jobs=2)
        done.set()

    t = threading.Thread(target=work)
    try:
        t.start()
        time.sleep(0.01)
        disabled_during = not done.is_set()
        gc.disable()
        t.join()
        assert disabled_during, "the batch was too short to tell"
        assert not gc.isenabled()
    finally:
        t.join()
        gc.enable()
