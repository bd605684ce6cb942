#!/usr/bin/env bash
# Regenerates fixtures/encodings/ from the seed article with the oracles
# (glibc iconv, GNU recode) and Python. Run from the repository root:
#     bash tools/make_encoding_fixtures.sh
# Every command is also listed in fixtures/encodings/README.md.
set -euo pipefail
SEED=fixtures/duong-quang-2017.txt
OUT=fixtures/encodings
mkdir -p "$OUT"

# Typographic punctuation that TCVN3, VISCII, VNI (as recode writes it) and
# VIQR cannot hold, folded to ASCII first: – → -, “ ” → ", NBSP → space.
fold() { sed -e 's/–/-/g' -e 's/[“”]/"/g' -e 's/\xc2\xa0/ /g' "$SEED"; }

fold | iconv -f UTF-8 -t TCVN5712-1 > "$OUT/duong-quang-2017.tcvn3.txt"
fold | iconv -f UTF-8 -t VISCII > "$OUT/duong-quang-2017.viscii.txt"
fold | recode utf8..VNI > "$OUT/duong-quang-2017.vni.txt"
fold | recode utf8..VIQR > "$OUT/duong-quang-2017.viqr.txt"
iconv -f UTF-8 -t CP1258 "$SEED" > "$OUT/duong-quang-2017.cp1258.txt"
python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", open(sys.argv[1], encoding="utf-8").read()))' "$SEED" > "$OUT/duong-quang-2017.utf-8-nfd.txt"
iconv -f UTF-8 -t UTF-16LE "$SEED" > "$OUT/duong-quang-2017.utf-16le.txt"
{ printf '\xef\xbb\xbf'; cat "$SEED"; } > "$OUT/duong-quang-2017.utf-8-bom.txt"
# UTF-8 bytes read as Windows-1252 (the five undefined bytes as the C1
# controls, as Windows and browsers read them), saved again as UTF-8.
python3 -c 'import sys; b = open(sys.argv[1], "rb").read(); sys.stdout.buffer.write("".join(bytes([x]).decode("cp1252") if x not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(x) for x in b).encode("utf-8"))' "$SEED" > "$OUT/duong-quang-2017.cp1252-mojibake.txt"
# A .VnTimeH heading: the seed's first line in capitals, typed with ASCII
# capitals and the Vietnamese letters at their lower-case TCVN3 cells (what
# the all-capitals font shows as capitals), followed by the first paragraph
# in the ordinary .VnTime font.
{ head -n 1 "$SEED" | python3 -c 'import sys; s = sys.stdin.read().upper(); sys.stdout.write("".join(c.lower() if not c.isascii() else c for c in s))'; sed -n 2,3p "$SEED" | sed -e 's/–/-/g' -e 's/[“”]/"/g' -e 's/\xc2\xa0/ /g'; } | iconv -f UTF-8 -t TCVN5712-1 > "$OUT/vntimeh-heading.tcvn3.txt"
# A mixed document: the seed in UTF-8 with its first paragraph (line 3) in
# Windows-1258.
{ sed -n 1,2p "$SEED"; sed -n 3p "$SEED" | iconv -f UTF-8 -t CP1258; sed -n '4,$p' "$SEED"; } > "$OUT/duong-quang-2017.mixed-utf8-cp1258.txt"
