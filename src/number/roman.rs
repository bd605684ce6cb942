//! Roman numerals where Vietnamese uses them: `lần thứ XX`, `khóa XIII`,
//! `quý IV`, `thế kỷ XXI`.
//!
//! Only upper-case numerals in canonical form (`IV`, not `IIII`; at most
//! 3999) are read, and only as a whole word: `MIX` or `CD` inside a name are
//! the caller's to exclude by context (a Roman numeral is read after words
//! such as `quý`, `khóa`, `lần thứ`, never on its own).

use crate::token::Tokens;

fn digit(c: u8) -> Option<u32> {
    Some(match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        b'D' => 500,
        b'M' => 1000,
        _ => return None,
    })
}

/// The value of a canonical Roman numeral (`XIII` → 13), or `None`.
pub(crate) fn value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let bytes = s.as_bytes();
    let mut total = 0u32;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let v = digit(b)?;
        let next = bytes.get(i + 1).and_then(|&n| digit(n)).unwrap_or(0);
        if v < next {
            total += next - v;
            i += 2;
        } else {
            total += v;
            i += 1;
        }
    }
    // Canonical form only: writing the value back must give the same string.
    (to_roman(total).as_deref() == Some(s)).then_some(total)
}

/// The canonical Roman numeral for 1..=3999.
fn to_roman(mut n: u32) -> Option<String> {
    if n == 0 || n > 3999 {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    Some(s)
}

/// A Roman numeral word at token `i`: its value.
pub(crate) fn roman_at(t: &Tokens<'_>, i: usize) -> Option<u32> {
    if !t.is_word(i) {
        return None;
    }
    value(t.surface(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_numerals() {
        assert_eq!(value("XX"), Some(20));
        assert_eq!(value("XIII"), Some(13));
        assert_eq!(value("IV"), Some(4));
        assert_eq!(value("MCMXCIX"), Some(1999));
        assert_eq!(value("IIII"), None);
        assert_eq!(value("VX"), None);
        assert_eq!(value("xx"), None);
        assert_eq!(value("Xã"), None);
    }
}
