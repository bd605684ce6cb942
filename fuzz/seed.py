#!/usr/bin/env python3
"""Lays out the fuzz corpora: fuzz/corpus/<target>/ from the fixtures, the
snippets in fuzz/seeds/, the regressions in fuzz/regressions/ and, when
given, lines of the shared news sample (written to the gitignored
fuzz/seeds-shared/, never committed).

    python3 fuzz/seed.py [--shared ../shared]

decode_as and the differential target read a first byte that picks the
encoding (its index in Encoding::ALL), so their seeds get one."""
import argparse, hashlib, json, pathlib, re

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = ["decode", "decode_as", "normalize", "extract", "differential"]
# Index in Encoding::ALL of each fixture's encoding.
ENCODING_INDEX = {"utf-8": 0, "utf-8-bom": 0, "utf-8-nfd": 1, "utf-16le": 2,
                  "tcvn3": 4, "vni": 5, "viqr": 6, "viscii": 7, "cp1258": 8,
                  "cp1252-mojibake": 0, "mixed-utf8-cp1258": 8}


def put(target, data):
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def seeds():
    """(encoding index, bytes) pairs."""
    out = []
    for f in sorted((ROOT / "fixtures" / "encodings").glob("*.txt")):
        enc = f.name.split(".")[1]
        data = f.read_bytes()
        idx = ENCODING_INDEX.get(enc, 0)
        out.append((idx, data))
        if enc != "utf-16le":
            out += [(idx, line) for line in data.split(b"\n") if line.strip()][:40]
    text = (ROOT / "fixtures" / "duong-quang-2017.txt").read_bytes()
    out.append((0, text))
    out += [(0, p) for p in text.split(b"\n") if p.strip()]
    for line in (HERE / "seeds" / "snippets.txt").read_text("utf-8").splitlines():
        line = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), line)
        out.append((0, line.encode("utf-8")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", help="the shared material (adds 300 news lines)")
    args = ap.parse_args()
    items = seeds()
    if args.shared:
        sample = pathlib.Path(args.shared) / "corpus" / "vi-news.sample.jsonl"
        shared_dir = HERE / "seeds-shared"
        shared_dir.mkdir(exist_ok=True)
        for n, line in enumerate(sample.read_text("utf-8").splitlines()[:100]):
            text = json.loads(line)["text"]
            paras = [p for p in text.split("\n") if p.strip()][:3]
            for k, p in enumerate(paras):
                data = p.encode("utf-8")
                (shared_dir / f"{n}-{k}.txt").write_bytes(data)
                items.append((0, data))
    for idx, data in items:
        for t in ("decode", "normalize", "extract"):
            put(t, data)
        put("decode_as", bytes([idx]) + data)
        put("differential", data)
    for t in TARGETS:
        reg = HERE / "regressions" / t
        if reg.is_dir():
            for f in reg.iterdir():
                put(t, f.read_bytes())
    for t in TARGETS:
        print(t, len(list((HERE / "corpus" / t).iterdir())))


if __name__ == "__main__":
    main()
