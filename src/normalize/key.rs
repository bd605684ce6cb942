//! The search key: lowercase, no diacritics, `đ` → `d`.
//!
//! `Đảng bộ` → `dang bo`, `HOÀ BÌNH` → `hoa binh`. Both tone styles, NFC and
//! NFD input and `Ð` look-alikes give the same key, so the key is what a
//! search index or a fuzzy join compares. Spaces and invisible characters
//! follow the [`Normalizer`]'s options. Every changed character is an edit in
//! the offset map, so a hit in the key maps back to the original text.

use super::syllable::{self, Letter};
use super::{Ignorables, Lookalikes, Normalized, Normalizer, Spaces, Writer, space};
use unicode_normalization::char::decompose_canonical;

/// Folds one character into `out`; `false` (and nothing written) when it is
/// kept as it is.
fn fold(c: char, opts: &Normalizer, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_uppercase() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    match syllable::classify(c) {
        Letter::Vowel { vowel, .. } => {
            out.push(vowel.base());
            return true;
        }
        Letter::Consonant { .. } => {
            out.push('d');
            return true;
        }
        Letter::Other => {}
    }
    if opts.lookalikes == Lookalikes::Fold && space::lookalike(c).is_some() {
        out.push('d');
        return true;
    }
    if opts.ignorables == Ignorables::Remove && space::is_ignorable(c) {
        return true;
    }
    if opts.spaces != Spaces::Keep && space::is_unicode_space(c) {
        out.push(' ');
        return true;
    }
    if matches!(c, '\u{300}'..='\u{36F}') {
        return true;
    }
    let mut changed = false;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            first = false;
            changed |= d != c;
        } else {
            changed = true;
        }
        if matches!(d, '\u{300}'..='\u{36F}') {
            return;
        }
        for l in d.to_lowercase() {
            changed |= l != d;
            if !matches!(l, '\u{300}'..='\u{36F}') {
                out.push(l);
            }
        }
    });
    changed
}

pub(super) fn key<'a>(opts: &Normalizer, text: &'a str) -> Normalized<'a> {
    let mut w = Writer::merging(text);
    let mut buf = String::new();
    let collapse = opts.spaces == Spaces::Collapse;
    // Start of the current run of spaces, and whether it is already one ' '.
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let is_space =
            c == ' ' || c == '\t' || (opts.spaces != Spaces::Keep && space::is_unicode_space(c));
        if collapse {
            if is_space {
                run = Some(match run {
                    None => (i, c == ' '),
                    Some((s, _)) => (s, false),
                });
                continue;
            }
            if let Some((s, clean)) = run.take() {
                if !clean {
                    w.replace(s, i, " ");
                }
            }
        }
        buf.clear();
        if fold(c, opts, &mut buf) {
            w.replace(i, i + c.len_utf8(), &buf);
        }
    }
    if let Some((s, false)) = run {
        w.replace(s, text.len(), " ");
    }
    let (text, offsets) = w.finish();
    Normalized {
        text,
        offsets,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_letter_to_ascii() {
        let n = Normalizer::new();
        let k = n.key("ĂÂÊÔƠƯĐ ăâêôơưđ ẰẲẴẮẶ ỳỷỹýỵ");
        assert_eq!(k.as_str(), "aaeooud aaeooud aaaaa yyyyy");
    }

    #[test]
    fn key_is_the_same_for_nfd_old_style_and_eth() {
        let n = Normalizer::new();
        let want = "dong bang song cuu long hoa";
        for s in [
            "Đồng bằng sông Cửu Long hòa",
            "ÐỒNG BẰNG SÔNG CỬU LONG HOÀ",
            "Đo\u{302}\u{300}ng ba\u{306}\u{300}ng so\u{302}ng Cu\u{31b}\u{309}u Long ho\u{300}a",
        ] {
            assert_eq!(n.key(s).as_str(), want, "{s}");
        }
    }

    #[test]
    fn key_maps_back_to_the_original() {
        let n = Normalizer::new();
        let original = "Tỉnh ủy Hà Giang";
        let k = n.key(original);
        let pos = k.as_str().find("ha giang").unwrap_or(0);
        let back = k.to_original(crate::Span::new(pos, pos + "ha giang".len()));
        assert_eq!(&original[back.range()], "Hà Giang");
    }

    #[test]
    fn collapse_applies_to_keys() {
        let n = Normalizer::builder().spaces(Spaces::Collapse).build();
        assert_eq!(n.key("Hà \u{a0}\t Nội  ").as_str(), "ha noi ");
    }
}
