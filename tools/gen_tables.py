#!/usr/bin/env python3
"""Generate src/decode/tables.rs: the byte tables of the legacy Vietnamese encodings.

Usage:
    python3 tools/gen_tables.py            # rewrite src/decode/tables.rs
    python3 tools/gen_tables.py --stdout   # print the file instead (the test compares)

Where each table comes from (never from glibc iconv or GNU recode, which are the
oracles the tests compare against):

* CP1258 and CP1252: Python's own `cp1258` / `cp1252` codecs (byte -> code point;
  a byte the codec rejects is undefined).
* VISCII 1.1: Perl's `Encode` module (`perl -MEncode`, encoding "viscii").
* TCVN 5712:1993 (VN1, which contains VN3 = the ABC/.VnTime font encoding): a
  transcription of the standard's code chart, written below.
* VNI (Windows): a transcription of the VNI font layout (base letter followed by
  a mark byte), written below.

The output is deterministic: same inputs, same bytes.
"""

import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "decode" / "tables.rs"


def nfc(s):
    return unicodedata.normalize("NFC", s)


GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = [GRAVE, HOOK, TILDE, ACUTE, DOT]  # tone index 1..5 (0 = level)

# --------------------------------------------------------------------------
# TCVN 5712:1993, table VN1. ASCII is kept (except the C0 cells listed).
# The G1 half (0xA0..0xFF) is VN3/VN2: lower-case letters, the seven toneless
# capitals, NBSP and the five combining tones at 0xB0..0xB4. VN1 puts the toned
# capitals that do not fit there into C0 (0x01..0x17) and C1 (0x80..0x9F) and
# into the G1 cells VN3 leaves free.
# --------------------------------------------------------------------------
TCVN_CHART = {
    # C0 cells holding capitals (VN1 only)
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
    # C1 cells (VN1 only)
    0x80: "À", 0x81: "Ả", 0x82: "Ã", 0x83: "Á", 0x84: "Ạ", 0x85: "Ặ", 0x86: "Ậ",
    0x87: "È", 0x88: "Ẻ", 0x89: "Ẽ", 0x8A: "É", 0x8B: "Ẹ", 0x8C: "Ệ",
    0x8D: "Ì", 0x8E: "Ỉ", 0x8F: "Ĩ", 0x90: "Í", 0x91: "Ị",
    0x92: "Ò", 0x93: "Ỏ", 0x94: "Õ", 0x95: "Ó", 0x96: "Ọ", 0x97: "Ộ",
    0x98: "Ờ", 0x99: "Ở", 0x9A: "Ỡ", 0x9B: "Ớ", 0x9C: "Ợ",
    0x9D: "Ù", 0x9E: "Ủ", 0x9F: "Ũ",
    # G1 (VN3 part)
    0xA0: "\u00a0",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB0: GRAVE, 0xB1: HOOK, 0xB2: TILDE, 0xB3: ACUTE, 0xB4: DOT,
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ",
    0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    # G1 cells left free by VN3, used by VN1 for capitals
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ",
    0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề",
    0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}


def tcvn_table():
    t = []
    for b in range(256):
        if b in TCVN_CHART:
            t.append(TCVN_CHART[b])
        elif b < 0x80:
            t.append(chr(b))
        else:
            raise SystemExit(f"TCVN chart has no cell 0x{b:02X}")
    return t


# --------------------------------------------------------------------------
# VNI (Windows fonts). A toned or modified vowel is its ASCII base letter
# followed by ONE mark byte; the mark byte's glyph in the VNI fonts is the
# accent alone. Lower-case mark bytes are 0xE0..0xFF, upper-case ones the same
# minus 0x20. A few letters are one byte (ơ ư đ, the toned i, ỵ).
# --------------------------------------------------------------------------
VNI_MARKS_LOWER = {
    # tone only (after any vowel, and after ơ/ư)
    0xF8: (None, 1), 0xFB: (None, 2), 0xF5: (None, 3), 0xF9: (None, 4), 0xEF: (None, 5),
    # circumflex (after a, e, o), with or without a tone
    0xE2: ("circumflex", 0), 0xE0: ("circumflex", 1), 0xE5: ("circumflex", 2),
    0xE3: ("circumflex", 3), 0xE1: ("circumflex", 4), 0xE4: ("circumflex", 5),
    # breve (after a), with or without a tone
    0xEA: ("breve", 0), 0xE8: ("breve", 1), 0xFA: ("breve", 2),
    0xFC: ("breve", 3), 0xE9: ("breve", 4), 0xEB: ("breve", 5),
}
VNI_SINGLE_LOWER = {
    0xF4: "ơ", 0xF6: "ư", 0xF1: "đ",
    0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xED: "í", 0xF2: "ị",
    0xEE: "ỵ",
}
MOD_CODE = {None: 0x00, "circumflex": 0x10, "breve": 0x20}


def vni_tables():
    marks = [0] * 256
    single = [None] * 256
    for b, (mod, tone) in VNI_MARKS_LOWER.items():
        code = MOD_CODE[mod] | tone
        marks[b] = code
        marks[b - 0x20] = code | 0x80  # upper-case mark byte
    for b, ch in VNI_SINGLE_LOWER.items():
        single[b] = ch
        single[b - 0x20] = ch.upper()
    return marks, single


def python_codec(name):
    t = []
    for b in range(256):
        try:
            t.append(bytes([b]).decode(name))
        except UnicodeDecodeError:
            t.append(None)
    return t


def perl_viscii():
    script = (
        'use Encode; binmode STDOUT; '
        'print encode("UTF-8", decode("viscii", join("", map { chr } 0..255)));'
    )
    out = subprocess.run(["perl", "-e", script], check=True, capture_output=True).stdout
    s = out.decode("utf-8")
    if len(s) != 256:
        raise SystemExit(f"perl Encode viscii gave {len(s)} characters, expected 256")
    return list(s)


def rs_char(c):
    if c is None:
        return "None"
    cp = ord(c)
    if 0x20 <= cp < 0x7F and c not in "'\\":
        return f"'{c}'"
    return f"'\\u{{{cp:04x}}}'"


def char_table(name, doc, table, optional):
    ty = "Option<char>" if optional else "char"
    lines = [f"/// {d}" for d in doc]
    lines.append("#[rustfmt::skip]")
    lines.append(f"pub(crate) static {name}: [{ty}; 256] = [")
    for row in range(0, 256, 8):
        cells = []
        for b in range(row, row + 8):
            c = table[b]
            if optional:
                cells.append("None" if c is None else f"Some({rs_char(c)})")
            else:
                cells.append(rs_char(c))
        lines.append("    " + ", ".join(cells) + f",  // 0x{row:02X}")
    lines.append("];")
    return "\n".join(lines)


def byte_table(name, doc, table):
    lines = [f"/// {d}" for d in doc]
    lines.append("#[rustfmt::skip]")
    lines.append(f"pub(crate) static {name}: [u8; 256] = [")
    for row in range(0, 256, 16):
        cells = [f"0x{table[b]:02x}" for b in range(row, row + 16)]
        lines.append("    " + ", ".join(cells) + f",  // 0x{row:02X}")
    lines.append("];")
    return "\n".join(lines)


def generate():
    tcvn = tcvn_table()
    viscii = perl_viscii()
    cp1258 = python_codec("cp1258")
    cp1252 = python_codec("cp1252")
    for t in (tcvn, viscii, cp1258, cp1252):
        for c in t:
            if c is not None and len(c) != 1:
                raise SystemExit("a byte must decode to exactly one character")
    vni_marks, vni_single = vni_tables()
    parts = [
        "//! Byte tables of the legacy encodings: generated by tools/gen_tables.py — do not edit.",
        "//!",
        "//! | table | source |",
        "//! |---|---|",
        "//! | [`TCVN3`] | TCVN 5712:1993 VN1 code chart, transcribed in the generator |",
        "//! | [`VISCII`] | Perl `Encode` (`viscii`) |",
        "//! | [`CP1258`], [`CP1252`] | Python's `cp1258` / `cp1252` codecs |",
        "//! | [`VNI_MARK`], [`VNI_SINGLE`] | VNI (Windows) font layout, transcribed in the generator |",
        "//!",
        "//! Regenerate with `python3 tools/gen_tables.py`; `tests/decode_tables.rs`",
        "//! checks that this file is what the generator prints.",
        "",
        char_table("TCVN3", [
            "TCVN 5712:1993 VN1 (a superset of VN3, the ABC font encoding): byte → character.",
            "Bytes 0xB0..=0xB4 are the combining tones U+0300 U+0309 U+0303 U+0301 U+0323.",
        ], tcvn, False),
        "",
        char_table("VISCII", ["VISCII 1.1: byte → character (all 256 bytes are defined)."], viscii, False),
        "",
        char_table("CP1258", [
            "Windows-1258: byte → character, `None` for the undefined bytes.",
            "Bytes 0xCC 0xEC 0xD2 0xDE 0xF2 are combining marks.",
        ], cp1258, True),
        "",
        char_table("CP1252", [
            "Windows-1252: byte → character, `None` for the undefined bytes.",
            "Used for VNI's non-letter bytes and for mojibake repair.",
        ], cp1252, True),
        "",
        byte_table("VNI_MARK", [
            "VNI mark bytes: 0 = not a mark; else bits 0..=2 the tone (0 level, 1 grave,",
            "2 hook, 3 tilde, 4 acute, 5 dot below), bits 4..=5 the modifier (0x10",
            "circumflex, 0x20 breve), bit 7 set for the upper-case form of the mark.",
        ], vni_marks),
        "",
        char_table("VNI_SINGLE", ["VNI one-byte letters (ơ ư đ, the toned i, ỵ and their capitals)."], vni_single, True),
        "",
    ]
    return "\n".join(parts)


def main():
    text = generate()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
    else:
        OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
