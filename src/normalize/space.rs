//! Classifying the characters that normalization treats specially: spaces,
//! invisible (default-ignorable) characters, bidi controls and look-alikes.
//!
//! | class | characters | default treatment |
//! |---|---|---|
//! | space | U+00A0 NBSP, U+1680, U+2000–U+200A, U+202F NNBSP, U+205F, U+3000 | ASCII space |
//! | ignorable | U+00AD soft hyphen, U+034F CGJ, U+061C, U+17B4–5, U+180B–F, U+200B–U+200F, U+202A–U+202E, U+2060–U+206F, U+FE00–U+FE0F, U+FEFF, U+1BCA0–3, U+1D173–A, U+E0000–U+E0FFF | removed |
//! | bidi control | U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 (a subset of ignorable) | removed and noted |
//! | look-alike | U+00D0 `Ð`, U+00F0 `ð` (Icelandic eth) | `Đ`, `đ` |
//!
//! The ignorable list is Unicode's `Default_Ignorable_Code_Point` without the
//! Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which are letters of
//! Korean text, and without unassigned code points.

/// A horizontal space other than U+0020 and tab (General Category Zs).
#[inline]
pub(crate) fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// A default-ignorable character that normalization removes.
#[inline]
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{34F}'
        | '\u{61C}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// A bidirectional formatting control (Trojan-Source material).
#[inline]
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The letter a look-alike stands for: `Ð` → `Đ`, `ð` → `đ`.
#[inline]
pub(crate) fn lookalike(c: char) -> Option<char> {
    match c {
        '\u{D0}' => Some('Đ'),
        '\u{F0}' => Some('đ'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces() {
        for c in ['\u{A0}', '\u{202F}', '\u{2009}', '\u{3000}', '\u{2000}'] {
            assert!(is_unicode_space(c), "{:04X}", c as u32);
        }
        for c in [' ', '\t', '\n', 'a', '\u{200B}'] {
            assert!(!is_unicode_space(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn ignorables_include_the_catalogue_of_bad_inputs() {
        // BAD_INPUTS #21: ZWJ, ZWNJ, ZWSP, U+2060, soft hyphen, CGJ, VS16; BOM.
        for c in [
            '\u{200D}', '\u{200C}', '\u{200B}', '\u{2060}', '\u{AD}', '\u{34F}', '\u{FE0F}',
            '\u{FEFF}',
        ] {
            assert!(is_ignorable(c), "{:04X}", c as u32);
        }
        // Hangul fillers are letters of Korean text: kept.
        assert!(!is_ignorable('\u{3164}'));
    }

    #[test]
    fn every_bidi_control_is_ignorable() {
        for u in 0..=0x10FFFFu32 {
            if let Some(c) = char::from_u32(u) {
                if is_bidi_control(c) {
                    assert!(is_ignorable(c), "{u:04X}");
                }
            }
        }
    }
}
