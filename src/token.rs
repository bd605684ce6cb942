//! [`Tokens`]: normalized text cut into words, digit runs and punctuation,
//! the input of the number grammar and of every fact extractor.
//!
//! | token | what | example |
//! |---|---|---|
//! | word | a run of letters (with their marks) | `Đảng`, `triệu`, `TP` |
//! | digits | a run of ASCII digits | `2017`, `13` (in `13,6`) |
//! | punct | any other single character but spaces | `%`, `,`, `/`, `–`, `“`, `₫` |
//!
//! Spaces are not tokens: each token records whether a space (or a line
//! break) came before it, so `13,6` (digits, punct, digits, no spaces) and
//! `13, 6` differ. Only ASCII digits are digits: `١٢٣` and `１３` are
//! punctuation here, never numbers (BAD_INPUTS #25). Each word also has its
//! lower-case form, for matching lexicon entries whatever the case
//! (`NĂM 2017`, `Triệu`).

use crate::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Digits,
    /// One other character.
    Punct(char),
}

/// One token; positions are byte offsets into the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// A space (or any whitespace) separates it from the previous token.
    pub(crate) space_before: bool,
    /// A line break separates it from the previous token.
    pub(crate) line_before: bool,
    /// The lower-case form, as a range of [`Tokens::lower`]'s buffer (words
    /// only; empty otherwise).
    lower: (u32, u32),
    /// A word a numeral can start with (`hai`, `mười`, `triệu`, `âm`,
    /// `muoi`…): only these are worth the number grammar's time.
    numeral: bool,
}

/// The tokens of a text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens<'t> {
    text: &'t str,
    toks: Vec<Token>,
    /// Lower-case forms of the words, concatenated.
    lower: String,
}

use crate::normalize::class;

/// Is `c` an upper-case letter? Vietnamese vowels from the table's case
/// bit, ASCII directly, others from Unicode.
#[inline]
fn is_upper(c: char, table: &[u8]) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match table.get(c as usize) {
        Some(&k) if k < class::VOWELS => k % 2 == 1,
        Some(&class::D_STROKE) => c == 'Đ',
        _ => c.is_uppercase(),
    }
}

/// What a character is for tokenizing: 0 other, 1 letter, 2 combining mark,
/// from the normalizer's one-byte-per-code-point table.
#[inline]
fn letter_class(c: char, table: &[u8]) -> u8 {
    let k = match table.get(c as usize) {
        Some(&k) => k,
        None => class::compute(c),
    };
    match k {
        _ if k <= class::LETTER => 1,
        class::UNSTABLE_LETTER | class::LOOKALIKE => 1,
        class::MARK | class::MARK_LATIN => 2,
        _ => 0,
    }
}

impl<'t> Tokens<'t> {
    /// Tokenizes `text` (normalized: NFC, canonical spaces).
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        let table = class::bmp();
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut lower = String::with_capacity(text.len() / 2);
        let mut space = false;
        let mut line = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                space = true;
                line |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{c}' | '\u{b}');
                continue;
            }
            let mut has_upper = false;
            let (kind, end) = if c.is_ascii_digit() {
                let mut end = i + 1;
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                (Kind::Digits, end)
            } else if letter_class(c, table) == 1 {
                let mut end = i + c.len_utf8();
                let mut upper = is_upper(c, table);
                while let Some(&(j, d)) = chars.peek() {
                    if letter_class(d, table) == 0 {
                        break;
                    }
                    upper |= is_upper(d, table);
                    end = j + d.len_utf8();
                    chars.next();
                }
                has_upper = upper;
                (Kind::Word, end)
            } else {
                // A character with its combining marks.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if letter_class(d, table) != 2 {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                (Kind::Punct(c), end)
            };
            let lo_start = lower.len();
            if kind == Kind::Word {
                let word = text.get(i..end).unwrap_or_default();
                // Most words are lower case already: copy them.
                if !has_upper {
                    lower.push_str(word);
                } else {
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                }
            }
            let numeral = kind == Kind::Word
                && crate::number::words::may_start(lower.get(lo_start..).unwrap_or_default());
            toks.push(Token {
                kind,
                start: i,
                end,
                space_before: space,
                line_before: line,
                numeral,
                lower: (
                    u32::try_from(lo_start).unwrap_or(u32::MAX),
                    u32::try_from(lower.len()).unwrap_or(u32::MAX),
                ),
            });
            space = false;
            line = false;
        }
        Tokens { text, toks, lower }
    }

    /// The text the tokens index.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The surface of token `i` ("" past the end).
    pub(crate) fn surface(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The lower-case form of word `i` (its surface for other tokens, ""
    /// past the end).
    pub(crate) fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => self
                .lower
                .get(t.lower.0 as usize..t.lower.1 as usize)
                .unwrap_or_default(),
            Some(t) => self.text.get(t.start..t.end).unwrap_or_default(),
            None => "",
        }
    }

    /// Is token `i` the word `w` (lower case)?
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word) && self.lower(i) == w
    }

    /// Do tokens `i`, `i+1`, … spell the words of `phrase` (lower case,
    /// separated by single spaces)? Returns the number of tokens.
    pub(crate) fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for w in phrase.split(' ') {
            if !self.is(i + n, w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// Is token `i` the punctuation character `c`?
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Is token `i` a digit run?
    pub(crate) fn is_digits(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Digits)
    }

    /// Is token `i` a word a numeral may start with?
    pub(crate) fn is_numeral_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.numeral)
    }

    /// Is token `i` a word?
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Token `i` touches the previous token (no space between them).
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// The byte span of tokens `from..to` (exclusive) in the normalized text.
    pub(crate) fn span(&self, from: usize, to: usize) -> Span {
        let start = self.toks.get(from).map_or(self.text.len(), |t| t.start);
        let end = to
            .checked_sub(1)
            .and_then(|l| self.toks.get(l))
            .map_or(start, |t| t.end);
        Span::new(start, end)
    }

    /// The first token at or after byte `pos`.
    pub(crate) fn at_byte(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_digits_and_punctuation() {
        let t = Tokens::new("Vượt 13,6% KẾ hoạch.");
        let kinds: Vec<Kind> = (0..t.len())
            .map(|i| t.get(i).map(|x| x.kind).unwrap_or(Kind::Punct('?')))
            .collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Digits,
                Kind::Punct(','),
                Kind::Digits,
                Kind::Punct('%'),
                Kind::Word,
                Kind::Word,
                Kind::Punct('.')
            ]
        );
        assert_eq!(t.lower(0), "vượt");
        assert_eq!(t.lower(5), "kế");
        assert!(t.is(5, "kế"));
        assert_eq!(t.surface(5), "KẾ");
        assert!(t.joined(2) && t.joined(3) && !t.joined(1));
        assert_eq!(t.span(1, 5), Span::new(8, 13));
        assert_eq!(t.phrase(5, "kế hoạch"), Some(2));
    }

    #[test]
    fn only_ascii_digits_are_digits() {
        let t = Tokens::new("١٢٣ １３");
        assert!((0..t.len()).all(|i| !t.is_digits(i)));
    }

    #[test]
    fn line_breaks_are_recorded() {
        let t = Tokens::new("a\nb c");
        assert!(t.get(1).is_some_and(|x| x.line_before));
        assert!(t.get(2).is_some_and(|x| x.space_before && !x.line_before));
    }
}
