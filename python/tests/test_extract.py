"""vietfacts from Python: the seed article, char_span, extract_batch, options."""

import datetime
import json
import subprocess
import threading
import time

import pytest

import vietfacts
from conftest import GOLDEN, SEED, corpus_articles


def seed_text():
    text, encoding = vietfacts.decode(SEED.read_bytes())
    assert encoding == "utf-8"
    return text


def by_kind(facts, kind):
    return [f for f in facts if f["kind"] == kind]


# --- the seed article ---------------------------------------------------------


def test_seed_article_gives_the_same_facts_as_the_rust_extract_example(extract_binary):
    out = subprocess.run(
        [str(extract_binary), "--char-offsets", str(SEED)],
        check=True,
        capture_output=True,
    )
    rust = json.loads(out.stdout)["facts"]
    py = vietfacts.extract(seed_text())
    assert len(py) == len(rust)
    for p, r in zip(py, rust):
        assert p == r
        # Same fields in the same order as the tool writes them.
        assert list(p) == list(r)


def test_seed_article_facts_a_reader_notes():
    facts = vietfacts.extract(seed_text())
    # Read from the article: "trồng rừng mới vượt 13,6% kế hoạch".
    pct = [f for f in by_kind(facts, "percentage") if f["value"] == 13.6]
    assert len(pct) == 1
    assert pct[0]["relation"] == "exceeds"
    assert pct[0]["subject"] == "trồng rừng mới"
    assert pct[0]["reference"] == "kế hoạch"
    assert pct[0]["text"] == "13,6%"
    # "Thu ngân sách vượt 8% dự toán": an integer stays an int.
    eight = [f for f in by_kind(facts, "percentage") if f["value"] == 8]
    assert len(eight) == 1 and isinstance(eight[0]["value"], int)
    assert eight[0]["reference"] == "dự toán"
    # "7 tập thể và 19 cá nhân … được Đảng bộ xã tặng Giấy khen".
    award = by_kind(facts, "award")[0]
    assert (award["collectives"], award["individuals"]) == (7, 19)
    assert award["honor"] == "Giấy khen"
    assert award["conferred_by"] == "Đảng bộ xã"
    # "Dự án Hồ chứa nước Nặm Cắt", "Đại hội thể dục thể thao lần thứ hai".
    project = by_kind(facts, "project")[0]
    assert (project["category"], project["name"]) == ("reservoir", "Nặm Cắt")
    event = by_kind(facts, "event")[0]
    assert event["ordinal"] == 2
    # "xã Dương Quang" is a commune; the report is about 2017 and plans 2018.
    assert {"level": "commune", "name": "Dương Quang"}.items() <= by_kind(facts, "place")[0].items()
    assert {f["year"] for f in by_kind(facts, "date")} == {2017, 2018}
    # "BTV" is the Ban Thường vụ.
    assert any(f.get("expanded") == "Ban Thường vụ" for f in by_kind(facts, "organization"))


def test_seed_article_has_every_golden_fact():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    facts = vietfacts.extract(seed_text())
    for want in golden["facts"]:
        got = [f for f in facts if f["kind"] == want["kind"] and f["span"] == want["span"]]
        assert got, f"missing {want['kind']} {want['text']!r}"
        for k, v in want.items():
            assert got[0][k] == v, f"{want['text']!r}: {k} = {got[0][k]!r}, want {v!r}"


# --- char_span ------------------------------------------------------------------


def check_spans(text, facts):
    data = text.encode("utf-8")
    for f in facts:
        s, e = f["char_span"]
        b0, b1 = f["span"]
        surface = text[s:e]
        assert surface == data[b0:b1].decode("utf-8"), f
        # The fact's text is that surface, normalized.
        assert vietfacts.normalize(surface) == f["text"], f


def test_char_span_slices_the_python_string_to_the_surface():
    text = seed_text()
    facts = vietfacts.extract(text)
    check_spans(text, facts)
    # The seed has many two- and three-byte letters before its last fact:
    # byte and character offsets differ there.
    last = facts[-1]
    assert last["char_span"] != last["span"]
    assert text[slice(*last["char_span"])] == last["text"]


def test_char_span_counts_code_points_past_astral_and_decomposed_characters():
    # An emoji (one code point, four bytes) and decomposed letters (NFD:
    # "ồ" as o + circumflex + grave) before the facts.
    text = "😀 Tin nhanh: Ho\u0302\u0300 Chi\u0301 Minh, tăng 12,5% so với cùng kỳ; thu 1,2 tỷ đồng."
    facts = vietfacts.extract(text)
    pct = by_kind(facts, "percentage")[0]
    assert pct["value"] == 12.5
    assert text[slice(*pct["char_span"])] == "12,5%"
    money = by_kind(facts, "money")[0]
    assert (money["value"], money["currency"]) == (1_200_000_000, "VND")
    check_spans(text, facts)


# --- extract_batch --------------------------------------------------------------

SENTENCES = [
    "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch; thu ngân sách đạt 1,2 tỷ đồng.",
    "",
    "UBND tỉnh Quảng Ninh khen thưởng 12 tập thể và 30 cá nhân.",
    "Không có con số nào ở đây.",
    "Đại hội Đảng bộ huyện lần thứ XX diễn ra ngày 15/3/2020.",
] * 20


def test_extract_batch_equals_a_loop_of_extract():
    loop = [vietfacts.extract(t) for t in SENTENCES]
    assert vietfacts.extract_batch(SENTENCES) == loop
    assert vietfacts.extract_batch(SENTENCES, jobs=1) == loop
    assert vietfacts.extract_batch(SENTENCES, jobs=7) == loop
    assert vietfacts.extract_batch(iter(SENTENCES)) == loop
    assert vietfacts.extract_batch([]) == []


def test_extract_batch_equals_a_loop_of_extract_on_the_corpus():
    texts = [a["text"] for a in corpus_articles(300)]
    for kinds in (None, ["percentage", "number"]):
        loop = [vietfacts.extract(t, kinds=kinds) for t in texts]
        assert vietfacts.extract_batch(texts, kinds=kinds) == loop
    for t, facts in zip(texts, vietfacts.extract_batch(texts)):
        check_spans(t, facts)


def test_extract_batch_releases_the_gil():
    def run(texts):
        ticks = 0
        done = threading.Event()

        def work():
            vietfacts.extract_batch(texts)
            done.set()

        t = threading.Thread(target=work)
        start = time.perf_counter()
        t.start()
        # While the batch runs, this thread keeps running Python code: it
        # could not if the GIL were held for the whole batch.
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)
        t.join()
        return ticks, time.perf_counter() - start

    n = 200
    while True:
        ticks, elapsed = run([seed_text()] * n)
        if elapsed >= 0.2 or n >= 200 * 4**4:
            break
        n *= 4
    assert elapsed >= 0.05, "the batch was too short to tell"
    assert ticks >= 10, f"only {ticks} ticks in {elapsed:.2f}s: the GIL was held"


# --- options ----------------------------------------------------------------------


def test_kinds_select_what_is_extracted():
    text = SENTENCES[0]
    assert {f["kind"] for f in vietfacts.extract(text, kinds=["percentage"])} == {"percentage"}
    both = vietfacts.extract(text, kinds="percentage,money")
    assert {f["kind"] for f in both} == {"percentage", "money"}
    assert vietfacts.extract(text, kinds=[]) == []
    # "number" is off by default and on when asked.
    assert not by_kind(vietfacts.extract(text), "number")
    numbers = by_kind(vietfacts.extract("mười chín cá nhân", kinds=["number"]), "number")
    assert numbers and numbers[0]["value"] == 19
    assert set(vietfacts.KINDS) >= {"percentage", "money", "date", "count", "number", "award",
                                    "project", "place", "organization", "title", "event"}


def test_reference_date_resolves_relative_dates():
    text = "Hôm qua, huyện đã khánh thành cây cầu."
    assert not by_kind(vietfacts.extract(text), "date")
    for ref in ("2018-03-15", datetime.date(2018, 3, 15), datetime.datetime(2018, 3, 15, 9, 30)):
        dates = by_kind(vietfacts.extract(text, reference_date=ref), "date")
        assert len(dates) == 1
        assert (dates[0]["year"], dates[0]["month"], dates[0]["day"]) == (2018, 3, 14)
        assert dates[0]["relative"] is True
    batch = vietfacts.extract_batch([text], reference_date="2018-03-15")
    assert batch == [vietfacts.extract(text, reference_date="2018-03-15")]


# --- decode and normalize ---------------------------------------------------------


def test_decode_detects_legacy_encodings():
    # TCVN3 bytes of "Năm 2017, Đảng bộ xã" (an old .VnTime document).
    assert vietfacts.decode(b"N\xa8m 2017, \xa7\xb6ng b\xe9 x\xb7") == ("Năm 2017, Đảng bộ xã", "tcvn3")
    # VNI: letter + mark bytes.
    vni = b"Vie\xe4t Nam: tro\xe0ng r\xf6\xf8ng m\xf4\xf9i v\xf6\xf4\xeft 13,6% ke\xe1 hoa\xefch"
    text, enc = vietfacts.decode(vni)
    assert (text, enc) == ("Việt Nam: trồng rừng mới vượt 13,6% kế hoạch", "vni")
    assert vietfacts.decode(bytearray(vni), encoding="vni") == (text, "vni")
    assert vietfacts.decode("Việt".encode("utf-16-le"), "utf-16le") == ("Việt", "utf-16le")
    assert vietfacts.decode(b"") == ("", "utf-8")


def test_decode_reads_every_encoding_of_the_seed_article():
    fixtures = SEED.parent / "encodings"
    for name, enc in [("tcvn3", "tcvn3"), ("vni", "vni"), ("viscii", "viscii"), ("cp1258", "cp1258"),
                      ("utf-16le", "utf-16le"), ("utf-8-nfd", "utf-8-nfd")]:
        text, got = vietfacts.decode((fixtures / f"duong-quang-2017.{name}.txt").read_bytes())
        assert got == enc
        # The converters dropped what an encoding lacks (“ ” – …): compare
        # the facts' years and percentages, which every encoding keeps.
        facts = vietfacts.extract(vietfacts.normalize(text))
        assert sorted(f["value"] for f in by_kind(facts, "percentage")) == [8, 13.6, 70, 89.65, 90.73], name


def test_normalize():
    assert vietfacts.normalize("Ho\u0300a Bi\u0300nh\u00a0– ÐBSCL") == "Hòa Bình – ĐBSCL"
    assert vietfacts.normalize("hoà bình, khoẻ mạnh") == "hòa bình, khỏe mạnh"
    assert vietfacts.normalize("hòa bình, khỏe mạnh", tone="modern") == "hoà bình, khoẻ mạnh"
    assert vietfacts.normalize("hoà", tone="preserve") == "hoà"
    assert vietfacts.normalize("") == ""


# --- bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: vietfacts.decode("Việt Nam"), TypeError, "bytes"),
        (lambda: vietfacts.decode(None), TypeError, "NoneType"),
        (lambda: vietfacts.decode(b"abc", encoding="koi8-r"), ValueError, "koi8-r"),
        (lambda: vietfacts.decode(b"abc", encoding=5), TypeError, "encoding"),
        (lambda: vietfacts.normalize(b"abc"), TypeError, "str"),
        (lambda: vietfacts.normalize("abc", tone="loud"), ValueError, "loud"),
        (lambda: vietfacts.extract(123), TypeError, "int"),
        (lambda: vietfacts.extract(b"abc"), TypeError, "bytes"),
        (lambda: vietfacts.extract("abc", kinds=["percent"]), ValueError, "percent"),
        (lambda: vietfacts.extract("abc", kinds="money,bogus"), ValueError, "bogus"),
        (lambda: vietfacts.extract("abc", kinds=[1]), TypeError, "int"),
        (lambda: vietfacts.extract("abc", kinds=3), TypeError, "int"),
        (lambda: vietfacts.extract("abc", reference_date="15/3/2018"), ValueError, "15/3/2018"),
        (lambda: vietfacts.extract("abc", reference_date="2017-02-29"), ValueError, "2017-02-29"),
        (lambda: vietfacts.extract("abc", reference_date=20180315), TypeError, "reference_date"),
        (lambda: vietfacts.extract_batch("một văn bản"), TypeError, "extract()"),
        (lambda: vietfacts.extract_batch(["a", 1, "b"]), TypeError, "texts[1]"),
        (lambda: vietfacts.extract_batch(5), TypeError, "int"),
        (lambda: vietfacts.extract_batch(["a"], jobs=0), ValueError, "jobs"),
        (lambda: vietfacts.extract_batch(["a"], kinds=["nope"]), ValueError, "nope"),
    ],
)
def test_bad_input_raises_a_clear_python_exception(call, error, words):
    with pytest.raises(error) as e:
        call()
    assert words in str(e.value)


def test_odd_text_does_not_fail():
    odd = ["\x00\x01", "\ufffd" * 10, "%" * 1000, "9" * 5000 + "%", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
           "“" * 50, "lần thứ " * 200, "😀" * 100 + " 5%"]
    results = vietfacts.extract_batch(odd)
    assert len(results) == len(odd)
    for t, facts in zip(odd, results):
        check_spans(t, facts)
    assert by_kind(results[-1], "percentage")[0]["char_span"] == [101, 103]


def test_a_lone_surrogate_is_a_unicode_error_not_a_crash():
    # Python strings may hold lone surrogates, which are not text; UTF-8
    # cannot hold them.
    with pytest.raises(UnicodeEncodeError):
        vietfacts.extract("a\ud800b")
    with pytest.raises(UnicodeEncodeError):
        vietfacts.extract_batch(["ok", "a\ud800b"])


def test_the_package_ships_type_stubs():
    import importlib.resources as res

    files = {p.name for p in res.files("vietfacts").iterdir()}
    assert {"py.typed", "_vietfacts.pyi", "__init__.py"} <= files
    stub = res.files("vietfacts").joinpath("_vietfacts.pyi").read_text(encoding="utf-8")
    for name in ("def decode", "def normalize", "def extract", "def extract_batch"):
        assert name in stub
