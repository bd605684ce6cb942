//! Long texts in blocks: where [`crate::Extractor`] cuts a text too long to
//! extract in one piece.
//!
//! A news article (tens of kilobytes) is extracted whole. A text longer
//! than [`BLOCK`] — a book, a year of a gazette, a scraped page that never
//! breaks a line — is cut into blocks of about [`BLOCK`] bytes, each
//! extracted with [`CONTEXT`] bytes of the text on either side, and each
//! keeping the facts and sentences that *start* inside it. The working set
//! (tokens, claims, the number memo) then stays the size of one block, so a
//! 100 MB text costs a hundred times what a megabyte costs and fits in a
//! processor's caches while it is read.
//!
//! The cuts are at whitespace, so no token is split: first choice a line
//! break (a paragraph's end) shortly after the block's size, then a
//! sentence's end (`. `), then any space. A text with no whitespace at all
//! is one block. A fact or sentence starting in a block is read with the
//! same words around it as in the whole text unless it reaches more than
//! [`CONTEXT`] bytes away from its start, which no fact kind does (names
//! and quoted titles are bounded far below that).
//!
//! ```text
//! | context |  block k (its facts)  | context |
//!           ^ cut                   ^ cut
//! ```

use core::ops::Range;

/// Size of a block: a text at most this long is extracted whole.
pub(crate) const BLOCK: usize = 512 * 1024;

/// Text read on either side of a block, so that facts near a cut see the
/// words they would see in the whole text.
pub(crate) const CONTEXT: usize = 16 * 1024;

/// One block of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// The bytes whose facts and sentences this block reports.
    pub(crate) own: Range<usize>,
    /// The bytes it reads: `own` with up to [`CONTEXT`] bytes either side,
    /// cut at whitespace.
    pub(crate) read: Range<usize>,
}

/// The one block of a text of `len` bytes that is extracted whole (what
/// [`plan`] gives for a text at most a block long).
pub(crate) fn whole(len: usize) -> Block {
    Block {
        own: 0..len,
        read: 0..len,
    }
}

/// The blocks of `text`: one, the whole text, when it is at most `block`
/// bytes long. Every range is on char boundaries; the `own` ranges tile
/// the text in order. Linear in the text's length.
pub(crate) fn plan(text: &str, block: usize, context: usize) -> Vec<Block> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut cuts = vec![0];
    let mut start = 0;
    while len - start > block {
        // A line break or a sentence's end is looked for in the eighth of
        // a block after its size before any space will do.
        match cut_after(bytes, start + block, block / 8) {
            Some(c) if c < len => {
                cuts.push(c);
                start = c;
            }
            _ => break,
        }
    }
    cuts.push(len);
    cuts.windows(2)
        .filter_map(|w| match *w {
            [a, b] => Some(Block {
                own: a..b,
                read: context_start(bytes, a, context)..context_end(bytes, b, context),
            }),
            _ => None,
        })
        .collect()
}

/// Is `b` a byte a cut may follow?
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The cut at or after `from`: just after a line break within `slack`
/// bytes, else after a sentence's end (`. `, `! `, `? `, `; `) within
/// `slack` bytes, else after the first whitespace byte anywhere after
/// `from`. `None` when there is no whitespace after `from`.
fn cut_after(bytes: &[u8], from: usize, slack: usize) -> Option<usize> {
    let window = bytes.get(from..(from + slack).min(bytes.len()))?;
    if let Some(k) = window.iter().position(|&b| b == b'\n') {
        return Some(from + k + 1);
    }
    if let Some(k) = window
        .windows(2)
        .position(|w| matches!(w, [b'.' | b'!' | b'?' | b';', b' ']))
    {
        return Some(from + k + 2);
    }
    let rest = bytes.get(from..)?;
    rest.iter().position(|&b| is_space(b)).map(|k| from + k + 1)
}

/// Where the context before a cut at `at` starts: just after the last
/// whitespace at or before `at - context` (and not before the text); `at`
/// itself when there is none in the `context` bytes before that.
fn context_start(bytes: &[u8], at: usize, context: usize) -> usize {
    if at <= context {
        return 0;
    }
    let target = at - context;
    let lo = target.saturating_sub(context);
    bytes
        .get(lo..target)
        .and_then(|w| w.iter().rposition(|&b| is_space(b)))
        .map_or(at, |k| lo + k + 1)
}

/// Where the context after a cut at `at` ends: just after the first
/// whitespace at or after `at + context` (the text's end at most); `at`
/// itself when there is none in the `context` bytes after that.
fn context_end(bytes: &[u8], at: usize, context: usize) -> usize {
    let len = bytes.len();
    if len - at <= context {
        return len;
    }
    let target = at + context;
    let hi = (target + context).min(len);
    bytes
        .get(target..hi)
        .and_then(|w| w.iter().position(|&b| is_space(b)))
        .map_or(at, |k| target + k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_tiling(text: &str, blocks: &[Block]) {
        let mut at = 0;
        for b in blocks {
            assert_eq!(b.own.start, at);
            assert!(b.own.start < b.own.end || text.is_empty());
            assert!(b.read.start <= b.own.start && b.own.end <= b.read.end);
            for i in [b.own.start, b.own.end, b.read.start, b.read.end] {
                assert!(text.is_char_boundary(i), "{i} is no char boundary");
            }
            at = b.own.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn a_short_text_is_one_block() {
        let text = "Năm 2017, xã Dương Quang vượt 13,6% kế hoạch.";
        let blocks = plan(text, 1000, 100);
        assert_eq!(
            blocks,
            vec![Block {
                own: 0..text.len(),
                read: 0..text.len()
            }]
        );
        assert_eq!(plan("", 10, 10).len(), 1);
    }

    /// [`whole`] is the plan of every text up to a block long (what
    /// `Extractor` takes without planning).
    #[test]
    fn whole_is_the_plan_of_a_text_up_to_a_block() {
        let piece = "Năm 2017, xã Dương Quang vượt 13,6% kế hoạch.\n";
        for n in 0..40 {
            let text = piece.repeat(n);
            for block in [1, 100, 500, 1000, 2000] {
                let planned = plan(&text, block, 60);
                if text.len() <= block {
                    assert_eq!(planned, vec![whole(text.len())], "{n} {block}");
                }
            }
        }
    }

    #[test]
    fn cuts_prefer_line_breaks_then_sentence_ends_then_spaces() {
        // A line break within the slack after the block's size.
        let text = format!(
            "{}\n{}",
            "một hai ba. ".repeat(10),
            "bốn năm sáu ".repeat(10)
        );
        // (140 bytes of sentences, then the line break: found in the
        // eighth of a block after 130 bytes, before the sentence ends.)
        let blocks = plan(&text, 130, 10);
        check_tiling(&text, &blocks);
        let first = blocks[0].own.end;
        assert_eq!(first, 141);
        assert_eq!(&text[first - 1..first], "\n");
        // No line break: after a sentence's end.
        let text = "Bảy tám chín. ".repeat(40);
        let blocks = plan(&text, 160, 10);
        check_tiling(&text, &blocks);
        for b in &blocks[..blocks.len() - 1] {
            assert!(text[..b.own.end].ends_with(". "), "{:?}", b);
        }
        // Neither: after a space.
        let text = "mười một ".repeat(100);
        let blocks = plan(&text, 200, 20);
        check_tiling(&text, &blocks);
        assert!(blocks.len() > 2);
        for b in &blocks[..blocks.len() - 1] {
            assert!(text[..b.own.end].ends_with(' '));
            assert!(text[b.own.end..].starts_with("mười") || text[b.own.end..].starts_with("một"));
        }
    }

    #[test]
    fn context_reaches_whole_words_on_both_sides() {
        let text = "hai mươi ".repeat(200);
        let blocks = plan(&text, 300, 50);
        check_tiling(&text, &blocks);
        for b in &blocks {
            assert!(b.read.start == 0 || text[..b.read.start].ends_with(' '));
            assert!(b.read.end == text.len() || text[..b.read.end].ends_with(' '));
            if b.own.start > 0 {
                assert!(b.own.start - b.read.start >= 50);
            }
            if b.own.end < text.len() {
                assert!(b.read.end - b.own.end >= 50);
            }
        }
    }

    #[test]
    fn a_text_without_whitespace_stays_whole() {
        let text = "%".repeat(5000) + "ạ".repeat(3000).as_str();
        let blocks = plan(&text, 1000, 100);
        assert_eq!(blocks.len(), 1);
        check_tiling(&text, &blocks);
        // Whitespace only near the start: one cut there, the rest whole.
        let text = "a ".repeat(600) + "%".repeat(5000).as_str();
        let blocks = plan(&text, 1000, 100);
        check_tiling(&text, &blocks);
        assert!(blocks.len() <= 2);
    }
}
