//! Proper names: runs of capitalized syllables, shared by places,
//! organizations, projects and awards.
//!
//! | written | name |
//! |---|---|
//! | `xã Dương Quang tổ chức` | `Dương Quang` (stops at the lower-case word) |
//! | `Thủy điện Sông Bung 4,` | `Sông Bung 4` (a number may end a name) |
//! | `Khu công nghiệp Yên Phong II` | `Yên Phong II` (so may a Roman numeral) |
//! | `tỉnh Bà Rịa-Vũng Tàu` | `Bà Rịa-Vũng Tàu` (a joined hyphen between capitals) |
//! | `HUYỆN ĐIỆN BIÊN ĐÔNG` | `ĐIỆN BIÊN ĐÔNG` (headings in capitals) |
//! | `huyện M'Đrắk`, `huyện Ea H'leo` | `M'Đrắk`, `Ea H'leo` (an apostrophe inside a word) |
//!
//! A name never crosses a line break or a clause mark, and is at most
//! [`MAX_NAME`] tokens long.

use crate::token::{Kind, Tokens};

/// The longest a name gets, in tokens.
pub(crate) const MAX_NAME: usize = 10;

/// Does word `i` start with a capital letter?
pub(crate) fn capitalized(t: &Tokens<'_>, i: usize) -> bool {
    t.capitalized(i)
}

/// The end (exclusive) of the proper name starting at token `i`, or `None`
/// when token `i` does not start one.
pub(crate) fn proper_name(t: &Tokens<'_>, i: usize) -> Option<usize> {
    if !capitalized(t, i) {
        return None;
    }
    let mut end = i + 1;
    while end < i + MAX_NAME {
        let Some(tok) = t.get(end) else { break };
        if tok.line_before {
            break;
        }
        if capitalized(t, end) && tok.space_before {
            end += 1;
            continue;
        }
        // `Bà Rịa-Vũng Tàu`: a hyphen joined on both sides to capitals.
        if matches!(tok.kind, Kind::Punct('-' | '–'))
            && !tok.space_before
            && capitalized(t, end + 1)
            && t.joined(end + 1)
        {
            end += 2;
            continue;
        }
        // `M'Đrắk`, `Ea H'leo`, `H’Mông`: an apostrophe inside a word.
        if matches!(tok.kind, Kind::Punct('\'' | '’'))
            && !tok.space_before
            && t.is_word(end + 1)
            && t.joined(end + 1)
            && t.is_word(end - 1)
        {
            end += 2;
            continue;
        }
        // A number or a Roman numeral ends a name: `Sông Bung 4`, `Yên Phong II`.
        if tok.space_before
            && (t.is_digits(end)
                && !(t.joined(end + 1) && (t.is_word(end + 1) || t.is_digits(end + 1)))
                || crate::number::roman::roman_at(t, end).is_some())
        {
            end += 1;
        }
        break;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, at: usize) -> Option<String> {
        let t = Tokens::new(text);
        let end = proper_name(&t, at)?;
        Some(text[t.span(at, end).range()].to_string())
    }

    #[test]
    fn names_run_to_the_end_of_the_capitals() {
        assert_eq!(
            name("xã Dương Quang tổ chức", 1).as_deref(),
            Some("Dương Quang")
        );
        assert_eq!(
            name("Thủy điện Sông Bung 4, tỉnh", 2).as_deref(),
            Some("Sông Bung 4")
        );
        assert_eq!(
            name("Khu công nghiệp Yên Phong II mới", 3).as_deref(),
            Some("Yên Phong II")
        );
        assert_eq!(
            name("tỉnh Bà Rịa-Vũng Tàu có", 1).as_deref(),
            Some("Bà Rịa-Vũng Tàu")
        );
        assert_eq!(
            name("HUYỆN ĐIỆN BIÊN ĐÔNG", 1).as_deref(),
            Some("ĐIỆN BIÊN ĐÔNG")
        );
        assert_eq!(name("huyện M'Đrắk, tỉnh", 1).as_deref(), Some("M'Đrắk"));
        assert_eq!(name("huyện Ea H’leo có", 1).as_deref(), Some("Ea H’leo"));
        assert_eq!(name("‘Hà Nội’ và", 1).as_deref(), Some("Hà Nội"));
        assert_eq!(name("xã dương", 1), None);
        assert_eq!(name("xã Dương\nQuang", 1).as_deref(), Some("Dương"));
    }
}
