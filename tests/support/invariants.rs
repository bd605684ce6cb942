//! The invariants of issue 7, as checks shared by the property tests
//! (`tests/properties.rs`), the fuzz targets (`fuzz/fuzz_targets/*.rs`, which
//! include this file by path), the hostile-input catalogue
//! (`tests/bad_inputs_catalogue.rs`) and the replay of fuzz findings
//! (`tests/fuzz_regressions.rs`).
//!
//! Each check returns `Err(description)` instead of panicking, so a property
//! test can show the failing case and a fuzz target can `panic!` with it.
//! Everything here is linear or `n log n` in the input, so the fuzzer keeps
//! its speed.
#![allow(dead_code)]

use unicode_normalization::{UnicodeNormalization, is_nfc};
use vietfacts::{
    DecodeProblemKind, Decoded, Decoder, Diagnostics, Document, Encoding, Errors, Extractor,
    Ignorables, Lookalikes, Normalized, Normalizer, OffsetMap, Spaces, Span, ToneStyle,
};

/// A failed check.
pub type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

/// The legacy (and UTF-8) encodings whose decoders work byte by byte, so
/// that decoding line by line and concatenating gives the whole decoding.
pub const LINEWISE: [Encoding; 7] = [
    Encoding::Utf8,
    Encoding::Utf8Nfd,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viqr,
    Encoding::Viscii,
    Encoding::Cp1258,
];

/// `span` lies in `text` on char boundaries.
fn on_boundaries(text: &str, span: Span, what: &str) -> Check {
    ensure!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of bounds (len {})",
        text.len()
    );
    ensure!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
    Ok(())
}

/// The map's edits are sorted, disjoint, inside both texts, and on char
/// boundaries of the text sides that are strings.
fn check_map(map: &OffsetMap, original: Option<&str>, original_len: usize, output: &str) -> Check {
    ensure!(
        map.original_len() == original_len,
        "offset map: original_len {} != {original_len}",
        map.original_len()
    );
    ensure!(
        map.output_len() == output.len(),
        "offset map: output_len {} != {}",
        map.output_len(),
        output.len()
    );
    let (mut last_orig, mut last_out) = (0, 0);
    for e in map.edits() {
        ensure!(
            e.original.start >= last_orig && e.output.start >= last_out,
            "offset map: edit {e:?} out of order"
        );
        ensure!(
            e.original.start <= e.original.end && e.original.end <= original_len,
            "offset map: edit {e:?} outside the original"
        );
        on_boundaries(output, e.output, "offset map edit (output side)")?;
        if let Some(orig) = original {
            on_boundaries(orig, e.original, "offset map edit (original side)")?;
        }
        // Between edits the texts differ by a constant: the gap is as long
        // on both sides.
        ensure!(
            e.original.start - last_orig == e.output.start - last_out,
            "offset map: unequal gap before edit {e:?}"
        );
        last_orig = e.original.end;
        last_out = e.output.end;
    }
    ensure!(
        original_len - last_orig == output.len() - last_out,
        "offset map: unequal gap after the last edit"
    );
    Ok(())
}

/// Every range of the output on char boundaries maps to a range of the
/// original on char boundaries, and starts map monotonically.
fn check_to_original(map: &OffsetMap, original: &str, output: &str) -> Check {
    let bounds: Vec<usize> = output
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(output.len()))
        .collect();
    let mut last_start = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        for span in [Span::new(a, b), Span::new(a, a), Span::new(0, b)] {
            let back = map.to_original(span);
            on_boundaries(original, back, &format!("to_original({span:?})"))?;
        }
        let start = map.to_original(Span::new(a, b)).start;
        ensure!(
            start >= last_start,
            "to_original: starts not monotonic at output byte {a}"
        );
        last_start = start;
    }
    let whole = map.to_original(Span::new(0, output.len()));
    on_boundaries(original, whole, "to_original(whole)")?;
    Ok(())
}

/// The normalizer that only composes: every option that changes more than
/// NFC does switched off.
pub fn nfc_only() -> Normalizer {
    Normalizer::builder()
        .tone(ToneStyle::Preserve)
        .spaces(Spaces::Keep)
        .lookalikes(Lookalikes::Keep)
        .ignorables(Ignorables::Keep)
        .build()
}

fn check_normalized(n: &Normalizer, input: &str, out: &Normalized<'_>, what: &str) -> Check {
    let text = out.as_str();
    check_map(out.offsets(), Some(input), input.len(), text).map_err(|e| format!("{what}: {e}"))?;
    check_to_original(out.offsets(), input, text).map_err(|e| format!("{what}: {e}"))?;
    for note in out.notes() {
        on_boundaries(input, note.span, &format!("{what}: note {:?}", note.kind))?;
    }
    let again = n.normalize(text);
    ensure!(
        again.as_str() == text,
        "{what}: not idempotent: {input:?} -> {text:?} -> {:?}",
        again.as_str()
    );
    ensure!(
        is_nfc(text),
        "{what}: output {text:?} of {input:?} is not NFC"
    );
    Ok(())
}

/// Normalization: idempotent in every tone style, NFC output, offsets on
/// char boundaries of the input; with every option off the output is exactly
/// the NFC of the input (so canonically equivalent to it); the search key
/// maps back inside the input and is idempotent.
pub fn check_normalize(input: &str) -> Check {
    let default = Normalizer::new();
    let out = default.normalize(input);
    check_normalized(&default, input, &out, "normalize")?;
    let free = vietfacts::normalize(input);
    ensure!(
        free.as_str() == out.as_str(),
        "normalize() differs from Normalizer::new().normalize()"
    );
    for tone in [ToneStyle::Modern, ToneStyle::Preserve] {
        let n = Normalizer::builder().tone(tone).build();
        check_normalized(
            &n,
            input,
            &n.normalize(input),
            &format!("normalize {tone:?}"),
        )?;
    }
    let collapse = Normalizer::builder().spaces(Spaces::Collapse).build();
    check_normalized(
        &collapse,
        input,
        &collapse.normalize(input),
        "normalize Collapse",
    )?;
    let nfc = nfc_only();
    let composed = nfc.normalize(input);
    check_normalized(&nfc, input, &composed, "normalize nfc-only")?;
    let expected: String = input.nfc().collect();
    ensure!(
        composed.as_str() == expected,
        "nfc-only normalizer: {input:?} gave {:?}, NFC is {expected:?}",
        composed.as_str()
    );
    let key = default.key(input);
    check_map(key.offsets(), Some(input), input.len(), key.as_str())
        .map_err(|e| format!("key: {e}"))?;
    check_to_original(key.offsets(), input, key.as_str()).map_err(|e| format!("key: {e}"))?;
    let key2 = default.key(key.as_str());
    ensure!(
        key2.as_str() == key.as_str(),
        "key not idempotent: {input:?} -> {:?} -> {:?}",
        key.as_str(),
        key2.as_str()
    );
    // Determinism: the same input gives the same output.
    ensure!(
        default.normalize(input) == out,
        "normalize not deterministic on {input:?}"
    );
    Ok(())
}

/// What a decoding must satisfy: the map covers every input byte; a byte
/// that produced no text is reported (or is the leading BOM); every error
/// left a U+FFFD; problems and segments are in bounds and in order.
pub fn check_decoded(bytes: &[u8], d: &Decoded<'_>, what: &str) -> Check {
    let text = d.text();
    check_map(d.offsets(), None, bytes.len(), text).map_err(|e| format!("{what}: {e}"))?;
    let mut last = 0;
    for p in d.problems() {
        ensure!(
            p.span.start <= p.span.end && p.span.end <= bytes.len(),
            "{what}: problem {p:?} out of bounds ({} bytes)",
            bytes.len()
        );
        ensure!(p.span.start >= last, "{what}: problems out of order");
        last = p.span.start;
        if p.kind.is_error() {
            ensure!(!p.span.is_empty(), "{what}: empty error span {p:?}");
            let out = d.offsets().to_output(p.span);
            ensure!(
                text.get(out.range())
                    .is_some_and(|s| s.contains('\u{fffd}')),
                "{what}: error {p:?} left no U+FFFD (output {out:?})"
            );
        }
    }
    // Nothing dropped silently: a stretch of input that became no text is a
    // reported problem or the leading byte order mark.
    for e in d.offsets().edits() {
        if e.output.is_empty() && !e.original.is_empty() {
            let bom = d.had_bom() && e.original.start == 0;
            let reported = d.problems().iter().any(|p| p.span.contains(e.original));
            ensure!(
                bom || reported,
                "{what}: input bytes {:?} ({:02x?}) dropped without a report",
                e.original,
                bytes.get(e.original.range()).unwrap_or_default()
            );
        }
    }
    let mut end = 0;
    for s in d.segments() {
        ensure!(
            s.span.end <= bytes.len() && s.span.start >= end,
            "{what}: segment {s:?} out of order or bounds"
        );
        ensure!(
            (0.0..=1.0).contains(&s.confidence),
            "{what}: segment confidence {}",
            s.confidence
        );
        end = s.span.end;
    }
    ensure!(
        (0.0..=1.0).contains(&d.confidence()),
        "{what}: confidence {}",
        d.confidence()
    );
    // Every range of the text maps back inside the input.
    let back = d.offsets().to_original(Span::new(0, text.len()));
    ensure!(
        back.start <= back.end && back.end <= bytes.len(),
        "{what}: whole text maps to {back:?}"
    );
    Ok(())
}

/// Detected decoding (`decode`), the strict decoder agreeing with the lossy
/// one, valid UTF-8 kept as it is, and determinism.
pub fn check_decode_auto(bytes: &[u8]) -> Check {
    let d = vietfacts::decode(bytes);
    check_decoded(bytes, &d, "decode")?;
    let again = vietfacts::decode(bytes);
    ensure!(
        again.text() == d.text()
            && again.encoding() == d.encoding()
            && again.problems() == d.problems(),
        "decode not deterministic"
    );
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.starts_with('\u{feff}') && matches!(d.encoding(), Encoding::Utf8 | Encoding::Utf8Nfd)
        {
            ensure!(
                d.text() == s,
                "valid UTF-8 decoded as {:?} changed",
                d.encoding()
            );
        }
    }
    check_strict(&Decoder::builder(), bytes, &d)?;
    let per_line = Decoder::builder().scope(vietfacts::Scope::Line).build();
    if let Ok(d) = per_line.decode(bytes) {
        check_decoded(bytes, &d, "decode per line")?;
    }
    Ok(())
}

fn check_strict(builder: &vietfacts::DecoderBuilder, bytes: &[u8], lossy: &Decoded<'_>) -> Check {
    let strict = builder.clone().errors(Errors::Strict).build();
    let has_error = lossy.problems().iter().any(|p| p.kind.is_error());
    match strict.decode(bytes) {
        Ok(d) => {
            ensure!(
                !has_error,
                "strict decoding succeeded where lossy reported errors"
            );
            ensure!(d.text() == lossy.text(), "strict and lossy texts differ");
        }
        Err(e) => {
            ensure!(
                has_error,
                "strict decoding failed ({e}) where lossy reported no error"
            );
            if let vietfacts::ErrorKind::InvalidUtf8 { valid_up_to, .. } = e.kind() {
                ensure!(
                    *valid_up_to <= bytes.len(),
                    "valid_up_to {valid_up_to} > {}",
                    bytes.len()
                );
            }
        }
    }
    Ok(())
}

/// The positions right after each `\n` that are safe places to cut the
/// input for a byte-wise decoder: a piece that would start with a byte order
/// mark is not cut off (a BOM at the start of a piece would win over the
/// encoding, which it does not in the middle of the whole).
fn line_cuts(bytes: &[u8]) -> Vec<usize> {
    let mut cuts = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            let rest = bytes.get(i + 1..).unwrap_or_default();
            let bom = rest.starts_with(b"\xef\xbb\xbf")
                || rest.starts_with(b"\xff\xfe")
                || rest.starts_with(b"\xfe\xff");
            if !bom {
                cuts.push(i + 1);
            }
        }
    }
    cuts
}

/// Decoding with a fixed encoding, and (for byte-wise decoders) decoding
/// line by line gives the same text and the same problems as decoding the
/// whole.
pub fn check_decode_as(bytes: &[u8], enc: Encoding) -> Check {
    let what = format!("decode_as {}", enc.name());
    let d = vietfacts::decode_as(bytes, enc);
    check_decoded(bytes, &d, &what)?;
    check_strict(&Decoder::builder().encoding(enc), bytes, &d)
        .map_err(|e| format!("{what}: {e}"))?;
    if !LINEWISE.contains(&enc)
        || bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff")
    {
        return Ok(());
    }
    let mut text = String::new();
    let mut problems = Vec::new();
    let mut start = 0;
    for cut in line_cuts(bytes)
        .into_iter()
        .chain(std::iter::once(bytes.len()))
    {
        let piece = bytes.get(start..cut).unwrap_or_default();
        let p = vietfacts::decode_as(piece, enc);
        text.push_str(p.text());
        problems.extend(
            p.problems()
                .iter()
                .map(|q| (Span::new(q.span.start + start, q.span.end + start), q.kind)),
        );
        start = cut;
    }
    ensure!(
        text == d.text(),
        "{what}: line by line {text:?} != whole {:?}",
        d.text()
    );
    let whole: Vec<(Span, DecodeProblemKind)> =
        d.problems().iter().map(|p| (p.span, p.kind)).collect();
    ensure!(
        problems == whole,
        "{what}: line-by-line problems {problems:?} != whole {whole:?}"
    );
    Ok(())
}

/// The extractor used for the digit rule: numbers and diagnostics on.
pub fn reporting() -> Extractor {
    Extractor::builder()
        .with_numbers()
        .diagnostics(Diagnostics::Report)
        .build()
}

/// Facts, sentences and diagnostics of `doc` point into `text` on char
/// boundaries, each fact's slice normalizes to its `text`, facts are in
/// order.
pub fn check_document(text: &str, doc: &Document, what: &str) -> Check {
    let n = Normalizer::new();
    let mut last = (0, 0);
    for f in &doc.facts {
        on_boundaries(text, f.span, &format!("{what}: {:?} fact", f.kind()))?;
        let slice = text.get(f.span.range()).unwrap_or_default();
        let norm = n.normalize(slice);
        ensure!(
            norm.as_str() == f.text,
            "{what}: {:?} fact at {:?}: {slice:?} normalizes to {:?}, the fact says {:?}",
            f.kind(),
            f.span,
            norm.as_str(),
            f.text
        );
        ensure!(
            (f.span.start, f.span.end) >= (last.0, 0) && f.span.start >= last.0,
            "{what}: facts out of order"
        );
        last = (f.span.start, f.span.end);
        value_is_finite(f).map_err(|e| format!("{what}: {e}"))?;
    }
    let mut end = 0;
    for s in &doc.sentences {
        on_boundaries(text, *s, &format!("{what}: sentence"))?;
        ensure!(
            s.start >= end,
            "{what}: sentence {s:?} overlaps the one before"
        );
        end = s.end;
    }
    for d in &doc.diagnostics {
        on_boundaries(text, d.span, &format!("{what}: diagnostic {}", d.kind))?;
    }
    Ok(())
}

/// No fact carries an infinite or NaN number (BAD_INPUTS #30).
fn value_is_finite(f: &vietfacts::Fact) -> Check {
    use vietfacts::FactValue;
    let values: Vec<f64> = match &f.value {
        FactValue::Percentage(p) => vec![p.value],
        FactValue::Money(m) => vec![m.value],
        FactValue::Count(c) => vec![c.value],
        FactValue::Number(n) => vec![n.value],
        _ => Vec::new(),
    };
    for v in values {
        ensure!(v.is_finite(), "{:?} fact with value {v}", f.kind());
    }
    Ok(())
}

/// The ASCII digits of `text` that no fact and no diagnostic covers and no
/// documented rule passes over (see [`passed_over`]), as byte offsets into
/// the normalized text: the rules are about what the number grammar sees
/// (`Covid\u{200b}19` is `Covid19` to it, a no-break space is a space).
pub fn lost_digits(text: &str, doc: &Document) -> Vec<usize> {
    let normalized = Normalizer::new().normalize(text);
    let norm = normalized.as_str();
    let mut covered = vec![false; norm.len()];
    let spans = doc
        .facts
        .iter()
        .map(|f| f.span)
        .chain(doc.diagnostics.iter().map(|d| d.span));
    for s in spans {
        let out = normalized.offsets().to_output(s);
        if let Some(c) = covered.get_mut(out.range()) {
            c.iter_mut().for_each(|c| *c = true);
        }
    }
    norm.bytes()
        .enumerate()
        .filter(|&(i, b)| {
            b.is_ascii_digit() && !covered.get(i).copied().unwrap_or(false) && !passed_over(norm, i)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Marks and invisible characters, which a rule looks through.
fn transparent(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{ad}' | '\u{34f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}')
}

/// The documented rules under which an ASCII digit is no number (the table
/// at the top of `src/number/digits.rs`, and BAD_INPUTS #26):
/// - digits glued to a word before them are part of a name: `H5N1`,
///   `v2.0`, `Covid-19`, `QL.1A`, `RV-01`, and a word, `/` or `_`, digits;
/// - phone-number shapes: a first group starting with `0` and 9–11 digits in
///   2–4-digit groups (`0912 345 678`, `0939.231.868`, `+84 912 345 678`),
///   or one chain starting with `0` of at least nine digits;
/// - a weekday: `thứ 2` … `thứ 7` (`src/number/ordinal.rs`);
/// - a time of day: `15h30`, `8g15`, `15:30` (read by the date extractor
///   when it is a time, never a number);
/// - a number may not start right after a digit or decimal separator of
///   another script (`13٫6%`).
pub fn passed_over(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(|b| b.is_ascii_digit());
    // The chain of digit groups joined by `.` or `,` around byte i.
    let mut s = i;
    loop {
        if s > 0 && digit(s - 1) {
            s -= 1;
        } else if s > 1 && matches!(bytes.get(s - 1), Some(b'.' | b',')) && digit(s - 2) {
            s -= 2;
        } else {
            break;
        }
    }
    let mut e = i + 1;
    loop {
        if digit(e) {
            e += 1;
        } else if matches!(bytes.get(e), Some(b'.' | b',')) && digit(e + 1) {
            e += 2;
        } else {
            break;
        }
    }
    let before = text.get(..s).unwrap_or_default();
    let mut back = before.chars().rev().filter(|&c| !transparent(c));
    let prev = back.next();
    let prev2 = back.next();
    let glued = match prev {
        Some(c) if c.is_alphabetic() => true,
        Some('-' | '.' | '_' | '/') => prev2.is_some_and(char::is_alphanumeric),
        Some(c) if c.is_numeric() && !c.is_ascii_digit() => true,
        Some('\u{66b}' | '\u{66c}') => true,
        _ => false,
    };
    // A weekday (`thứ 7`, `src/number/ordinal.rs`): no number at all.
    let weekday = matches!(text.get(s..e), Some("2" | "3" | "4" | "5" | "6" | "7"))
        && before
            .trim_end_matches([' ', '\t'])
            .to_lowercase()
            .ends_with("thứ");
    if glued || weekday {
        return true;
    }
    let chain = text.get(s..e).unwrap_or_default();
    let digits = chain.bytes().filter(u8::is_ascii_digit).count();
    if chain.starts_with('0') && digits >= 9 {
        return true;
    }
    time_shape(text, s, e) || phone_groups(text, s)
}

/// `H:MM`, `HhMM`, `HgMM` with the chain at `s..e` as either part.
fn time_shape(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let run = |a: usize, z: usize| {
        text.get(a..z)
            .is_some_and(|r| !r.is_empty() && r.bytes().all(|c| c.is_ascii_digit()))
    };
    let mark = |k: usize| matches!(b.get(k), Some(b'h' | b'g' | b':' | b'H' | b'G'));
    // As the hours.
    let hours = e - s <= 2 && run(s, e) && mark(e) && run(e + 1, e + 3);
    // As the minutes.
    let minutes =
        e - s == 2 && s >= 2 && mark(s - 1) && (run(s - 2, s - 1) || (s >= 3 && run(s - 3, s - 1)));
    hours || minutes
}

/// A phone number in groups (2–4 digits each, separated by spaces, one `.`
/// or one `-`, the first starting with `0` or being `+84`, 9–11 digits in
/// all, at most four groups after the first) that contains the group
/// starting at `s`.
fn phone_groups(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let space = |k: usize| matches!(b.get(k), Some(b' ' | b'\t'));
    // Groups of digits and separators around `s`, at most 12 back.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut a = s;
    for _ in 0..12 {
        let mut k = a;
        if k >= 2 && matches!(b.get(k - 1), Some(b'.' | b'-')) && digit(k - 2) {
            k -= 1;
        } else {
            while k > 0 && space(k - 1) {
                k -= 1;
            }
            if k == a || !digit(k.wrapping_sub(1)) {
                break;
            }
        }
        while k > 0 && digit(k - 1) {
            k -= 1;
        }
        a = k;
    }
    let mut k = a;
    while digit(k) && groups.len() < 24 {
        let g = k;
        while digit(k) {
            k += 1;
        }
        groups.push((g, k));
        if matches!(b.get(k), Some(b'.' | b'-')) && digit(k + 1) {
            k += 1;
        } else {
            let mut j = k;
            while space(j) {
                j += 1;
            }
            if j == k {
                break;
            }
            k = j;
        }
    }
    let Some(mine) = groups.iter().position(|&(g, z)| g <= s && s < z) else {
        return false;
    };
    let plus84 = |g: usize| g > 0 && b.get(g - 1) == Some(&b'+');
    for first in mine.saturating_sub(5)..=mine {
        let (g0, z0) = groups[first];
        let lead = text.get(g0..z0).unwrap_or_default();
        let p84 = lead == "84" && plus84(g0);
        if !(p84 || (lead.starts_with('0') && (2..=4).contains(&lead.len()))) {
            continue;
        }
        let mut total = if p84 { 0 } else { lead.len() };
        let most = if p84 { 4 } else { 3 };
        for (n, &(g, z)) in groups.iter().enumerate().skip(first + 1).take(most) {
            let len = z - g;
            if !(2..=4).contains(&len) {
                break;
            }
            total += len;
            if n >= mine && (9..=11).contains(&total) {
                return true;
            }
        }
    }
    false
}

/// Extraction: documents valid for default and reporting extractors,
/// deterministic, `max_facts` truncates honestly.
pub fn check_extract(text: &str) -> Check {
    let doc = vietfacts::extract(text);
    check_document(text, &doc, "extract")?;
    ensure!(
        Extractor::new().extract(text) == doc,
        "extract not deterministic"
    );
    let rep = reporting();
    let full = rep.extract(text);
    check_document(text, &full, "extract(numbers, report)")?;
    if doc.facts.len() > 1 {
        let k = doc.facts.len() / 2;
        let cut = Extractor::builder().max_facts(k).build().extract(text);
        ensure!(
            cut.truncated,
            "max_facts({k}) of {} not reported",
            doc.facts.len()
        );
        ensure!(
            cut.facts.as_slice() == doc.facts.get(..k).unwrap_or_default(),
            "max_facts({k}) is not a prefix"
        );
    }
    ensure!(!doc.truncated, "truncated without max_facts");
    Ok(())
}

/// Every ASCII digit lies in a fact or a diagnostic of the reporting
/// extractor, or is passed over by a documented rule.
pub fn check_digits(text: &str) -> Check {
    let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
    let normalized = Normalizer::new().normalize(text);
    ensure!(
        digits(normalized.as_str()) == digits(text),
        "normalization changed the number of ASCII digits of {text:?}"
    );
    let doc = reporting().extract(text);
    let lost = lost_digits(text, &doc);
    ensure!(
        lost.is_empty(),
        "digits at {lost:?} of the normalized {:?} (input {text:?}) are in no fact and no diagnostic",
        normalized.as_str()
    );
    Ok(())
}

/// The str API against the bytes API, and whole against line-by-line
/// decoding:
/// - on valid UTF-8 that decoding keeps as it is, `extract_bytes` gives the
///   facts, sentences and diagnostics of `extract`;
/// - for every encoding, `extract_decoded(decode_as(..))` gives the facts of
///   `extract` on the decoded text;
/// - every byte-wise decoder gives the same text and problems decoding line
///   by line as decoding the whole ([`check_decode_as`]).
pub fn check_differential(bytes: &[u8]) -> Check {
    let rep = reporting();
    if let Ok(s) = std::str::from_utf8(bytes) {
        if vietfacts::decode(bytes).text() == s {
            for (name, ex) in [("default", Extractor::new()), ("reporting", reporting())] {
                let a = ex.extract(s);
                let b = ex.extract_bytes(bytes);
                ensure!(
                    a.facts == b.facts && a.sentences == b.sentences,
                    "{name}: extract_bytes differs from extract on {s:?}"
                );
                ensure!(
                    a.diagnostics == b.diagnostics,
                    "{name}: extract_bytes diagnostics {:?} != extract's {:?}",
                    b.diagnostics,
                    a.diagnostics
                );
            }
        }
    }
    for enc in Encoding::ALL {
        let d = vietfacts::decode_as(bytes, enc);
        let via_decoded = rep.extract_decoded(&d);
        let via_text = rep.extract(d.text());
        ensure!(
            via_decoded.facts == via_text.facts,
            "{}: extract_decoded differs from extract on the decoded text",
            enc.name()
        );
        check_document(
            d.text(),
            &via_decoded,
            &format!("extract_decoded {}", enc.name()),
        )?;
        if LINEWISE.contains(&enc) {
            check_decode_as(bytes, enc)?;
        }
    }
    Ok(())
}
