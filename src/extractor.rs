//! [`Extractor`]: build once, extract from many texts. [`extract`] is the
//! one-call convenience with the defaults.

use crate::blocks;
use crate::document::{Diagnostic, Document};
use crate::extract::{self, Ctx, CtxBuffers, RefDate};
use crate::fact::{Fact, FactKind};
use crate::number::Style;
use crate::token::{Buffers, Tokens};
use crate::{Decoded, Decoder, Encoding, Normalizer, Span, ToneStyle};
use std::borrow::Cow;

/// Buffers kept above this size are dropped after a text rather than kept
/// for the next one (a block of [`blocks::BLOCK`] bytes needs about 7 MB).
const SPARE_LIMIT: usize = 16 << 20;

/// The memory one text's extraction leaves for the next on its thread.
#[derive(Default)]
struct Spare {
    /// The tokens' buffers.
    buffers: Buffers,
    /// The claims, marks and facts of a [`Ctx`].
    ctx: CtxBuffers,
    /// [`sort_facts`]'s keys.
    order: Vec<(usize, FactKind, usize, usize)>,
}

thread_local! {
    /// The buffers of the last text extracted on this thread (tokens,
    /// claims, facts), reused by the next: a stream of short articles
    /// allocates them once per thread instead of once per article. The
    /// box itself is kept too (emptied while a text is extracted).
    static SPARE: core::cell::Cell<Option<Box<Spare>>> =
        const { core::cell::Cell::new(None) };
}

/// Whether to report what could not be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Diagnostics {
    /// Report nothing but decoding problems.
    #[default]
    Ignore,
    /// Also report every number the grammar recognized but could not read
    /// (overflow, malformed grouping, a megabyte of digits).
    Report,
}

/// Extracts facts from Vietnamese text.
///
/// ```
/// use vietfacts::{Extractor, FactValue};
/// let doc = Extractor::new().extract("Thu ngân sách vượt 8% dự toán.");
/// let pct = doc.facts.iter().find_map(|f| match &f.value {
///     FactValue::Percentage(p) => Some(p.value),
///     _ => None,
/// });
/// assert_eq!(pct, Some(8.0));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    normalizer: Normalizer,
    decoder: Decoder,
    kinds: Vec<FactKind>,
    reference: Option<RefDate>,
    diagnostics: Diagnostics,
    max_facts: Option<usize>,
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    normalizer: Normalizer,
    decoder: Decoder,
    kinds: Vec<FactKind>,
    reference: Option<RefDate>,
    diagnostics: Diagnostics,
    max_facts: Option<usize>,
}

/// The kinds extracted by default: all but `number`.
const DEFAULT_KINDS: [FactKind; 10] = [
    FactKind::Percentage,
    FactKind::Money,
    FactKind::Date,
    FactKind::Count,
    FactKind::Award,
    FactKind::Project,
    FactKind::Place,
    FactKind::Organization,
    FactKind::Title,
    FactKind::Event,
];

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            normalizer: Normalizer::new(),
            decoder: Decoder::new(),
            kinds: DEFAULT_KINDS.to_vec(),
            reference: None,
            diagnostics: Diagnostics::Ignore,
            max_facts: None,
        }
    }
}

impl ExtractorBuilder {
    /// The kinds of fact to extract (default: all but `number`).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = FactKind>) -> Self {
        self.kinds = kinds.into_iter().collect();
        self.kinds.sort();
        self.kinds.dedup();
        self
    }

    /// Adds `number` facts (every numeral) to the kinds, as `--numbers` does.
    pub fn with_numbers(mut self) -> Self {
        if !self.kinds.contains(&FactKind::Number) {
            self.kinds.push(FactKind::Number);
        }
        self
    }

    /// The tone style of the normalized `text` of each fact (default
    /// traditional).
    pub fn tone(mut self, tone: ToneStyle) -> Self {
        self.normalizer = Normalizer::builder().tone(tone).build();
        self
    }

    /// The normalizer (for its other options).
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// The decoder used by [`Extractor::extract_bytes`] (default: detect).
    pub fn decoder(mut self, decoder: Decoder) -> Self {
        self.decoder = decoder;
        self
    }

    /// The date relative dates (`hôm qua`, `tuần sau`) are resolved against.
    /// Without one, they are not emitted as dates.
    pub fn reference_date(mut self, date: RefDate) -> Self {
        self.reference = Some(date);
        self
    }

    /// Whether to report unreadable numbers.
    pub fn diagnostics(mut self, diagnostics: Diagnostics) -> Self {
        self.diagnostics = diagnostics;
        self
    }

    /// At most `n` facts per document; a document cut short says so
    /// ([`Document::truncated`]).
    pub fn max_facts(mut self, n: usize) -> Self {
        self.max_facts = Some(n);
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        // Every table and lexicon is built here, once per process, so the
        // first text costs what the others do.
        extract::warm();
        Extractor {
            normalizer: self.normalizer,
            decoder: self.decoder,
            kinds: self.kinds,
            reference: self.reference,
            diagnostics: self.diagnostics,
            max_facts: self.max_facts,
        }
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Extracts the default kinds from `text` with the default options.
///
/// ```
/// let doc = vietfacts::extract("Dự án Hồ chứa nước Nặm Cắt, năm 2017.");
/// assert!(doc.facts.iter().any(|f| f.text == "năm 2017"));
/// ```
pub fn extract(text: &str) -> Document {
    Extractor::new().extract(text)
}

impl Extractor {
    /// An extractor with the default options.
    pub fn new() -> Extractor {
        ExtractorBuilder::default().build()
    }

    /// Options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    fn wants(&self, kind: FactKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Extracts facts from text. Spans are byte offsets into `text`.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with(text, Encoding::Utf8, Vec::new())
    }

    /// Decodes `bytes` (see [`Decoder`]) and extracts facts. Spans are byte
    /// offsets into the decoded text (`decode(bytes).text()`); decoding
    /// problems are reported as diagnostics.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Document {
        match self.decoder.decode(bytes) {
            Ok(decoded) => self.extract_decoded(&decoded),
            Err(e) => Document {
                id: None,
                encoding: Encoding::Utf8,
                sentences: Vec::new(),
                facts: Vec::new(),
                diagnostics: vec![Diagnostic {
                    span: Span::new(0, 0),
                    kind: "decoding".to_string(),
                    detail: e.to_string(),
                }],
                truncated: false,
            },
        }
    }

    /// Extracts facts from text already decoded; its encoding and decoding
    /// problems go into the document.
    pub fn extract_decoded(&self, decoded: &Decoded<'_>) -> Document {
        let problems = decoded
            .problems()
            .iter()
            .filter(|p| p.kind.is_error())
            .map(|p| Diagnostic {
                span: decoded.offsets().to_output(p.span),
                kind: "decoding".to_string(),
                detail: format!("{:?}", p.kind),
            })
            .collect();
        self.extract_with(decoded.text(), decoded.encoding(), problems)
    }

    /// Runs every wanted kind over one block's tokens, in the order in
    /// which kinds claim tokens.
    fn run_kinds(&self, ctx: &mut Ctx<'_>) {
        if self.wants(FactKind::Date) {
            extract::date::run(ctx);
        }
        if self.wants(FactKind::Money) {
            extract::money::run(ctx);
        }
        if self.wants(FactKind::Percentage) {
            extract::percent::run(ctx);
        }
        if self.wants(FactKind::Count) {
            extract::count::run(ctx);
        }
        if self.wants(FactKind::Award) {
            extract::award::run(ctx);
        }
        if self.wants(FactKind::Project) {
            extract::project::run(ctx);
        }
        if self.wants(FactKind::Place) {
            extract::place::run(ctx);
        }
        if self.wants(FactKind::Organization) {
            extract::org::run(ctx);
        }
        if self.wants(FactKind::Title) {
            extract::title::run(ctx);
        }
        if self.wants(FactKind::Event) {
            extract::event::run(ctx);
        }
        let numbers = self.wants(FactKind::Number);
        if numbers || self.diagnostics == Diagnostics::Report {
            extract::number::run(ctx, numbers);
        }
    }

    fn extract_with(
        &self,
        text: &str,
        encoding: Encoding,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Document {
        let normalized = self.normalizer.normalize(text);
        let norm = normalized.as_str();
        // Most texts are one block: that one is not planned (nor kept in a
        // vector of its own).
        let whole;
        let planned;
        let blocks: &[blocks::Block] = if norm.len() <= blocks::BLOCK {
            whole = [blocks::whole(norm.len())];
            &whole
        } else {
            planned = blocks::plan(norm, blocks::BLOCK, blocks::CONTEXT);
            &planned
        };
        // A text cut into blocks has one decimal style, read off all of it
        // (the evidence adds up: no digit chain crosses a cut).
        // The blocks share one set of buffers (tokens, claims, facts).
        let mut spare = SPARE
            .try_with(core::cell::Cell::take)
            .ok()
            .flatten()
            .unwrap_or_default();
        let Spare {
            mut buffers,
            ctx: mut ctx_buffers,
            mut order,
        } = core::mem::take(&mut *spare);
        let style = (blocks.len() > 1).then(|| {
            blocks.iter().fold(Style::default(), |acc, b| {
                let part = norm.get(b.own.clone()).unwrap_or_default();
                let tokens = Tokens::new_in(part, std::mem::take(&mut buffers));
                let style = acc.add(Style::of(&tokens));
                buffers = tokens.into_buffers();
                style
            })
        });
        let mut facts: Vec<Fact> = Vec::new();
        let mut bad: Vec<(Span, crate::number::BadReason)> = Vec::new();
        let mut sentences: Vec<Span> = Vec::new();
        // One block's facts, sorted before they join the text's (the first
        // block's vector becomes the text's; later blocks are appended).
        let mut block_facts: Vec<Fact> = Vec::new();
        for b in blocks {
            let part = norm.get(b.read.clone()).unwrap_or_default();
            let at = b.read.start;
            let reused = std::mem::take(&mut buffers);
            let tokens = if self.normalizer.tone_style() == ToneStyle::Traditional {
                Tokens::new_traditional_in(part, reused)
            } else {
                Tokens::new_in(part, reused)
            };
            let mut ctx = Ctx::with_tokens_in(
                tokens,
                style,
                self.reference,
                std::mem::take(&mut ctx_buffers),
            );
            self.run_kinds(&mut ctx);
            // In the normalized text; a block keeps what starts in it.
            let place = |s: Span| Span::new(s.start + at, s.end + at);
            let own = |s: &Span| b.own.contains(&s.start);
            block_facts.reserve(ctx.found.len());
            for f in ctx.found.drain(..) {
                let in_norm = place(ctx.tokens.span(f.start, f.end));
                if !own(&in_norm) {
                    continue;
                }
                let span = normalized.to_original(in_norm);
                // A span that widened to a whole rewritten stretch (`7` of a
                // keycap `7\u{fe0f}\u{20e3}`) shows the whole stretch, so
                // that `text` is always the normalization of `input[span]`.
                let shown = normalized.offsets().to_output(span);
                block_facts.push(Fact {
                    value: f.value,
                    span,
                    text: norm.get(shown.range()).unwrap_or_default().to_string(),
                    rule: Cow::Borrowed(f.rule),
                });
            }
            // In order within the block; the blocks are in order, and
            // every fact starts in its own block: the text's order.
            sort_facts(&mut block_facts, &mut order);
            if facts.is_empty() {
                // The first block (most texts have one): its vector, not a
                // copy of it.
                core::mem::swap(&mut facts, &mut block_facts);
            } else {
                facts.append(&mut block_facts);
            }
            if self.diagnostics == Diagnostics::Report {
                for x in &ctx.bad {
                    let in_norm = place(ctx.tokens.span(x.start, x.end));
                    if own(&in_norm) {
                        bad.push((in_norm, x.reason));
                    }
                }
            }
            // The first block's vector becomes the text's, as for facts
            // (not grown one sentence at a time into another).
            let mut found = extract::sentence::sentences(&ctx.tokens);
            for s in &mut found {
                *s = place(*s);
            }
            found.retain(own);
            if sentences.is_empty() {
                sentences = found;
            } else {
                sentences.append(&mut found);
            }
            let (tokens, parts) = ctx.into_parts();
            buffers = tokens.into_buffers();
            ctx_buffers = parts;
        }
        if buffers.held_bytes() <= SPARE_LIMIT {
            *spare = Spare {
                buffers,
                ctx: ctx_buffers,
                order,
            };
            // Gone only while the thread itself is being torn down.
            let _ = SPARE.try_with(|s| s.set(Some(spare)));
        }
        let truncated = self.max_facts.is_some_and(|m| facts.len() > m);
        if let Some(m) = self.max_facts {
            facts.truncate(m);
        }
        if self.diagnostics == Diagnostics::Report {
            diagnostics.extend(bad.into_iter().map(|(in_norm, reason)| {
                Diagnostic {
                    span: normalized.to_original(in_norm),
                    kind: match reason {
                        crate::number::BadReason::InvalidDate => "invalid_date",
                        crate::number::BadReason::PrecisionLoss => "inexact_number",
                        _ => "unreadable_number",
                    }
                    .to_string(),
                    detail: reason.name().to_string(),
                }
            }));
        }
        diagnostics.sort_by_key(|d| d.span.start);
        for s in &mut sentences {
            *s = normalized.to_original(*s);
        }
        Document {
            id: None,
            encoding,
            sentences,
            facts,
            diagnostics,
            truncated,
        }
    }
}

/// Sorts a block's facts by start, kind and end, equal keys in the order
/// found (what a stable sort by that key gives). The keys are sorted
/// apart, with their positions, and the facts (144 bytes each) then moved
/// once each into place by following the permutation's cycles; most
/// blocks' facts come from a dozen kinds' in-order runs, which a merge
/// sort would move several times. `order` is scratch space.
fn sort_facts(facts: &mut [Fact], order: &mut Vec<(usize, FactKind, usize, usize)>) {
    order.clear();
    order.extend(
        facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.span.start, f.kind(), f.span.end, i)),
    );
    if order.is_sorted() {
        return;
    }
    if !sort_packed(order) {
        order.sort_unstable();
    }
    // Position `k` must receive the fact at `order[k].3`; a position whose
    // fact has been placed is marked `usize::MAX`.
    for i in 0..order.len() {
        let mut at = i;
        while let Some(slot) = order.get_mut(at) {
            let from = core::mem::replace(&mut slot.3, usize::MAX);
            if from == usize::MAX || from == i {
                break;
            }
            facts.swap(at, from);
            at = from;
        }
    }
}

/// Sorts the keys of at most 64 facts as words: the start (32 bits),
/// the kind (4), the length (22) and the position (6) of each, which
/// compare as the tuples do (a fact's end follows its start). Every word
/// differs, so an unstable sort of them is the stable sort, and a small
/// sort of integers is made of branch-free comparisons where the tuples'
/// are branches that go either way. `false` (`order` untouched) when a key
/// does not fit.
fn sort_packed(order: &mut [(usize, FactKind, usize, usize)]) -> bool {
    const MOST: usize = 64;
    let mut words = [0u64; MOST];
    if order.len() > MOST {
        return false;
    }
    for (w, &(start, kind, end, i)) in words.iter_mut().zip(order.iter()) {
        let (Ok(start), Some(Ok(len)), Ok(i)) = (
            u64::try_from(start),
            end.checked_sub(start).map(u64::try_from),
            u64::try_from(i),
        ) else {
            return false;
        };
        if start >= 1 << 32 || len >= 1 << 22 {
            return false;
        }
        *w = start << 32 | (kind as u64) << 28 | len << 6 | i;
    }
    let words = words.get_mut(..order.len()).unwrap_or_default();
    words.sort_unstable();
    // Only the positions are read after the sort.
    for (slot, w) in order.iter_mut().zip(words.iter()) {
        slot.3 = usize::try_from(w & 63).unwrap_or_default();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Rng, seed_texts};

    /// [`sort_facts`] against the stable sort by the same key, on real
    /// facts in shuffled, reversed and partly equal orders.
    #[test]
    fn sort_facts_is_the_stable_sort() {
        let ex = Extractor::builder().with_numbers().build();
        let mut rng = Rng::new();
        let mut order = Vec::new();
        let mut tried = 0;
        for text in seed_texts(97) {
            let facts = ex.extract(&text).facts;
            if facts.len() < 2 {
                continue;
            }
            for round in 0..20 {
                let mut mixed = facts.clone();
                match round {
                    0 => mixed.reverse(),
                    // Equal keys: copies that differ in their rule only,
                    // so that the order among them shows.
                    1..=5 => {
                        for k in 0..mixed.len() / 2 {
                            let mut copy = mixed[rng.below(mixed.len())].clone();
                            copy.rule = Cow::Owned(format!("copy/{k}"));
                            let at = rng.below(mixed.len() + 1);
                            mixed.insert(at, copy);
                        }
                    }
                    // Keys that do not fit in a word (the tuples' sort).
                    6 => {
                        for f in &mut mixed {
                            f.span = Span::new(f.span.start + (1 << 32), f.span.end + (1 << 32));
                        }
                    }
                    7 => {
                        let k = rng.below(mixed.len());
                        mixed[k].span.end += 1 << 22;
                    }
                    _ => {}
                }
                // At most 64 facts (the words' sort) in most rounds, with
                // copies of equal keys among them.
                if round >= 8 {
                    mixed.truncate(2 + rng.below(60));
                    for k in 0..rng.below(6) {
                        let mut copy = mixed[rng.below(mixed.len())].clone();
                        copy.rule = Cow::Owned(format!("copy/{k}"));
                        mixed.push(copy);
                    }
                    // A length that does not fit among them.
                    if round % 4 == 0 {
                        let k = rng.below(mixed.len());
                        mixed[k].span.end += 1 << 27;
                    }
                }
                for i in (1..mixed.len()).rev() {
                    if round > 0 && rng.below(3) > 0 {
                        mixed.swap(i, rng.below(i + 1));
                    }
                }
                let mut want = mixed.clone();
                want.sort_by(|a, b| {
                    (a.span.start, a.kind(), a.span.end).cmp(&(b.span.start, b.kind(), b.span.end))
                });
                sort_facts(&mut mixed, &mut order);
                assert_eq!(mixed, want);
                tried += 1;
            }
        }
        assert!(tried > 100, "only {tried} orders tried");
    }

    /// Every kind fits in the four bits [`sort_packed`] gives it.
    #[test]
    fn kinds_fit_in_four_bits() {
        assert!(FactKind::ALL.iter().all(|&k| (k as u64) < 16));
    }
}
