//! `percentage` facts, with what they measure.
//!
//! | written | value | other fields |
//! |---|---|---|
//! | `trồng rừng mới vượt 13,6% kế hoạch` | 13.6 | relation exceeds, subject "trồng rừng mới", reference "kế hoạch" |
//! | `Thu ngân sách vượt 8% dự toán` | 8 | exceeds, "Thu ngân sách", "dự toán" |
//! | `tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” là 90,73%` | 90.73 | equals, subject up to the verb nearest the number |
//! | `có 70% số thôn đạt danh hiệu “Thôn văn hóa”` | 70 | subject after the number ("X% số thôn …") |
//! | `doanh thu tăng khoảng 12% so với cùng kỳ năm trước` | 12 | increases, about, reference "cùng kỳ năm trước" |
//! | `10-15%`, `10%–15%`, `từ 10 đến 15%` | 10, end 15 | a typed range |
//! | `-5%`, `−5%` | −5 | a sign joined to the digits |
//! | `mười ba phẩy sáu phần trăm` | 13.6 | words, and `phần trăm` for `%` |
//!
//! Not percentages: a bare `%`, `% 13` (the sign comes after the number in
//! Vietnamese), and percentage points (`giảm 2 điểm phần trăm`, read by
//! `count.rs`). `50%%` is one fact, `50%`; the second sign is left over.
//!
//! Relations come from the verb nearest before the number in the same
//! clause: vượt → exceeds, đạt → reaches, tăng → increases, giảm →
//! decreases, là/bằng/chiếm → equals.

use super::WordSet;
use super::{Ctx, clause_break, qualifier_before, range_connector, range_end};
use crate::fact::{FactValue, Percentage, Relation};
use crate::number::NumberMatch;
use crate::token::{Kind, Tokens, WordFilter};

/// A percent sign (or `phần trăm`) at token `i`: the number of tokens.
pub(crate) fn percent_sign(t: &Tokens<'_>, i: usize) -> Option<usize> {
    if t.is_punct(i, '%') || t.is_punct(i, '％') || t.is_punct(i, '﹪') {
        return Some(1);
    }
    t.phrase(i, "phần trăm")
}

/// Relation verbs, nearest first wins.
const RELATIONS: &[(&str, Relation)] = &[
    ("vượt", Relation::Exceeds),
    ("đạt", Relation::Reaches),
    ("tăng", Relation::Increases),
    ("giảm", Relation::Decreases),
    ("là", Relation::Equals),
    ("bằng", Relation::Equals),
    ("chiếm", Relation::Equals),
];

/// Words that may stand between the verb and the number (`tăng lên 5%`,
/// `đạt tỷ lệ 90%`, `chiếm tới 70%`, `tăng trưởng 7%`).
const BETWEEN: &[&str] = &[
    "lên",
    "thêm",
    "xuống",
    "còn",
    "tới",
    "đến",
    "được",
    "tỷ",
    "tỉ",
    "lệ",
    "mức",
    "trưởng",
    "gần",
    "hơn",
    "khoảng",
    "trên",
    "dưới",
    "là",
    "ở",
    "vào",
    "có",
    "đạt",
    "chỉ",
    "gấp",
];

/// The relation verb before token `i` in the same clause: its token and meaning.
fn relation_before(t: &Tokens<'_>, i: usize) -> Option<(usize, Relation)> {
    let mut j = i;
    for _ in 0..5 {
        j = j.checked_sub(1)?;
        if clause_break(t, j) {
            return None;
        }
        let w = t.lower(j);
        if let Some((_, r)) = RELATIONS.iter().find(|(v, _)| *v == w) {
            return Some((j, *r));
        }
        if !t.is_word(j) || !BETWEEN.contains(&w) {
            return None;
        }
    }
    None
}

/// The first token of the clause that token `i` is in.
fn clause_start(t: &Tokens<'_>, i: usize, limit: usize) -> usize {
    let mut j = i;
    while j > 0 && i - j < limit {
        if clause_break(t, j - 1) || t.get(j).is_some_and(|x| x.line_before) {
            break;
        }
        j -= 1;
    }
    j
}

/// Words that open a clause without being part of its subject, and verbs
/// that act on it (`nâng tỉ lệ …`, `phấn đấu …`, `góp phần …`).
const OPENERS: &[&str] = &[
    "và", "nhưng", "còn", "riêng", "trong", "đó", "với", "có", "đã", "thì", "mà", "cả", "toàn",
    "nâng", "đưa", "hạ", "kéo", "giữ", "duy", "trì", "phấn", "đấu", "góp", "phần", "làm", "giúp",
    "để", "nhằm", "đến", "cuối", "tới", "hết", "năm", "này", "đây", "kết", "quả", "theo", "đó,",
];

/// Words that end a subject without being part of it.
const CLOSERS: &[&str] = &[
    "đã", "được", "sẽ", "đều", "cũng", "vẫn", "có", "thì", "là", "lên", "xuống", "còn", "từ",
    "với", "chỉ", "thể", "ở", "mức", "khoảng", "đến", "tới", "gần", "hơn", "trên", "dưới", "đạt",
    "tăng", "giảm", "tiếp", "tục", "luôn",
];

/// Nouns that name what a percentage measures: a subject starts at the
/// first of them in its clause (`góp phần nâng tỉ lệ lao động …` → `tỉ lệ
/// lao động …`).
const MEASURES: &[&str] = &[
    "tỷ lệ",
    "tỉ lệ",
    "tổng",
    "số",
    "lượng",
    "doanh thu",
    "kim ngạch",
    "giá trị",
    "thu nhập",
    "sản lượng",
    "diện tích",
    "chỉ số",
    "tốc độ",
    "lợi nhuận",
    "năng suất",
    "dư nợ",
    "giá",
    "lãi suất",
    "tăng trưởng",
    "tổng sản phẩm",
    "thu ngân sách",
    "vốn",
];

static MEASURE_PHRASES: once_cell::sync::Lazy<super::Phrases> =
    once_cell::sync::Lazy::new(|| super::Phrases::new(MEASURES.iter().copied()));

/// Words that end a baseline (or a share's whole) after the words of its
/// clause: `so với quý I | và bằng 70%`.
const REFERENCE_STOP: &[&str] = &[
    "và", "nhưng", "trong", "khi", "đạt", "tăng", "giảm", "bằng", "là", "còn", "nên", "để", "nhằm",
    "song", "đồng", "thời", "trở", "thành", "riêng", "ước", "thì", "mà", "với",
];

/// Baselines a percentage is measured against.
const REFERENCES: &[&str] = &[
    "kế hoạch",
    "dự toán",
    "chỉ tiêu",
    "cùng kỳ",
    "mục tiêu",
    "nghị quyết",
    "năm trước",
    "năm ngoái",
    "đầu năm",
    "tháng trước",
    "quý trước",
    "kỳ trước",
];

static REFERENCE_PHRASES: once_cell::sync::Lazy<super::Phrases> =
    once_cell::sync::Lazy::new(|| super::Phrases::new(REFERENCES.iter().copied()));

/// The baseline after token `i` (`kế hoạch`, `cùng kỳ năm 2020`, `so với
/// năm 2022`, `chỉ tiêu kế hoạch do Thủ tướng Chính phủ giao`): its token
/// range. It runs to the end of the clause, or to a word that starts
/// something else (`và`, `đạt`, a number that is not a year).
fn reference_after(t: &Tokens<'_>, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    let compared = t.phrase(j, "so với").is_some();
    if compared {
        j += 2;
    }
    let start = j;
    match REFERENCE_PHRASES.longest_at(t, j) {
        Some((n, _)) => j += n,
        None if compared => {}
        None => return None,
    }
    Some((start, phrase_end(t, j, start + 10))).filter(|(s, e)| e > s)
}

/// Where a noun phrase that continues at token `j` ends (before `limit`).
fn phrase_end(t: &Tokens<'_>, mut j: usize, limit: usize) -> usize {
    while j < limit && !clause_break(t, j) {
        let Some(tok) = t.get(j) else { break };
        let year = t.is_digits(j) && t.surface(j).len() == 4;
        let word = t.is_word(j) && !REFERENCE_STOP.contains(&t.lower(j));
        if tok.line_before || !(word || year || t.is_punct(j, '-')) {
            break;
        }
        j += 1;
    }
    // Not ending on a dash.
    while j > 0 && t.is_punct(j - 1, '-') {
        j -= 1;
    }
    j
}

/// The surface of tokens `from..to` in the normalized text.
fn text(t: &Tokens<'_>, from: usize, to: usize) -> Option<String> {
    let s = t.span(from, to);
    (to > from)
        .then(|| t.text().get(s.range()).map(str::to_string))
        .flatten()
}

/// [`OPENERS`] and [`CLOSERS`] by hash.
static OPENER_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(OPENERS.iter().copied()));
static CLOSER_SET: once_cell::sync::Lazy<WordSet> =
    once_cell::sync::Lazy::new(|| WordSet::new(CLOSERS.iter().copied()));

/// Trims opener and closer words off a token range.
fn trim(t: &Tokens<'_>, mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && OPENER_SET.has(t, from) {
        from += 1;
    }
    while to > from && CLOSER_SET.has(t, to - 1) {
        to -= 1;
    }
    (from, to)
}

/// The subject in tokens `from..to` of a clause: from the first noun that
/// names a measure (`tỉ lệ`, `doanh thu`) if there is one, without the
/// words that open a clause or act on it, and without trailing adverbs and
/// prepositions.
fn subject_in(t: &Tokens<'_>, from: usize, to: usize) -> Option<(usize, usize)> {
    let measure = (from..to).find(|&k| {
        MEASURE_PHRASES
            .longest_at(t, k)
            .is_some_and(|(n, _)| k + n <= to)
    });
    let (f, e) = trim(t, measure.unwrap_or(from), to);
    (e > f).then_some((f, e))
}

/// The subject: before the relation verb in the clause; in the clause
/// before when the verb opens its clause (`Doanh thu du lịch đạt 500 tỷ
/// đồng, tăng 20%`); after the number when nothing stands before it (`có
/// 70% số thôn …`).
fn subject(t: &Tokens<'_>, before: usize, pct_end: usize, share: bool) -> Option<String> {
    let cs = clause_start(t, before, 30);
    if let Some((f, e)) = subject_in(t, cs, before) {
        return text(t, f, e);
    }
    // The verb opens the clause: the subject of the clause before it.
    if cs == before && cs >= 2 && t.is_punct(cs - 1, ',') {
        let pcs = clause_start(t, cs - 1, 30);
        let verb = (pcs..cs - 1).find(|&k| {
            let w = t.lower(k);
            t.is_word(k) && (RELATIONS.iter().any(|(v, _)| *v == w) || matches!(w, "có" | "ước"))
        });
        if let Some((f, e)) = verb.and_then(|v| subject_in(t, pcs, v)) {
            return text(t, f, e);
        }
    }
    // "có 70% số thôn đạt …": the subject follows (for a share, that is
    // its whole: the reference).
    if share
        || !t.is_word(pct_end)
        || t.surface(pct_end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        || REFERENCE_PHRASES.longest_at(t, pct_end).is_some()
        || t.phrase(pct_end, "so với").is_some()
    {
        return None;
    }
    let mut end = pct_end;
    while end < pct_end + 20 && !clause_break(t, end) && t.get(end).is_some_and(|x| !x.line_before)
    {
        end += 1;
    }
    let (from, to) = trim(t, pct_end, end);
    text(t, from, to)
}

/// Finds the percentages (kept out of line: one call per text, and its cost
/// stays measurable on its own).
#[inline(never)]
pub(crate) fn run(ctx: &mut Ctx<'_>) {
    // Most numbers are ruled out at once: no sign or range after them (most
    // are not even read).
    let mut found = percentages(ctx, sign_or_range_at);
    let t = &ctx.tokens;
    // `X tăng từ 42,06% năm 2016 lên 45% năm 2017`: the second figure
    // measures the same X.
    for k in 1..found.len() {
        let (head, tail) = found.split_at_mut(k);
        let (Some(prev), Some(this)) = (head.last(), tail.first_mut()) else {
            continue;
        };
        let (prev_end, this_start) = (prev.1, this.0);
        let linked = this_start > prev_end
            && this_start - prev_end <= 6
            && (prev_end..this_start).all(|j| !clause_break(t, j))
            && (prev_end..this_start).any(|j| t.is(j, "lên") || t.is(j, "xuống") || t.is(j, "còn"));
        if linked && prev.2.subject.is_some() {
            this.2.subject = prev.2.subject.clone();
        }
    }
    for (start, end, p) in found {
        if ctx.free(start, end) {
            let rule = match (p.relation.is_some(), p.end.is_some()) {
                (_, true) => "percent/range",
                (true, false) => "percent/relation",
                (false, false) => "percent/plain",
            };
            ctx.push(start, end, FactValue::Percentage(p), rule);
        }
    }
}

/// The percentages whose first numbers [`super::each_number`] finds with
/// the gate `may_use` (the pass's gate is [`sign_or_range_at`]; with none,
/// every number start is read: the path the gate shortcuts).
fn percentages<'t>(
    ctx: &mut Ctx<'t>,
    may_use: impl Fn(&Tokens<'t>, usize) -> bool,
) -> Vec<(usize, usize, Percentage)> {
    super::facts_of_numbers(ctx, may_use, percentage_at)
}

/// The percentage whose first number is `a`, if a percent sign or a range
/// connector follows it ([`sign_or_range_at`]: most numbers are ruled out
/// at that test).
fn percentage_at(ctx: &Ctx<'_>, a: NumberMatch) -> Option<(usize, usize, Percentage)> {
    if !sign_or_range_at(&ctx.tokens, a.end) {
        return None;
    }
    percentage(ctx, &ctx.tokens, a)
}

/// May a percent sign (`%`, `phần trăm`) or a range connector (`-`, `đến`,
/// `và`…, see [`range_connector`]) start at token `i`? `false` is sure: no
/// percentage has its first number end before token `i`.
#[inline]
fn sign_or_range_at(t: &Tokens<'_>, i: usize) -> bool {
    match t.get(i).map(|x| x.kind) {
        Some(Kind::Punct(c)) => matches!(c, '%' | '％' | '﹪' | '-' | '–' | '—' | '~'),
        // Most words are ruled out by their hash at one bit test.
        Some(Kind::Word) => {
            t.hash(i)
                .is_some_and(|h| SIGN_OR_RANGE_FILTER.may_contain(h))
                && SIGN_OR_RANGE_WORDS.contains(&t.lower(i))
        }
        _ => false,
    }
}

/// The words [`sign_or_range_at`] takes: `phần` (of `phần trăm`) and the
/// range connectors.
const SIGN_OR_RANGE_WORDS: &[&str] = &["phần", "đến", "tới", "và"];

/// [`SIGN_OR_RANGE_WORDS`] by hash.
static SIGN_OR_RANGE_FILTER: once_cell::sync::Lazy<WordFilter> = once_cell::sync::Lazy::new(|| {
    let mut f = WordFilter::default();
    SIGN_OR_RANGE_WORDS.iter().for_each(|w| f.insert(w));
    f
});

/// A percentage whose first number is `a`: its token range and value.
fn percentage(ctx: &Ctx<'_>, t: &Tokens<'_>, a: NumberMatch) -> Option<(usize, usize, Percentage)> {
    // "điểm phần trăm" is percentage points, not a percentage.
    if t.is(a.end, "điểm") {
        return None;
    }
    let mut start = a.start;
    let between = a.start > 0 && t.is(a.start - 1, "giữa");
    if a.start > 0 && (t.is(a.start - 1, "từ") || between) {
        start = a.start - 1;
    }
    let (end, last) = if let Some(n) = percent_sign(t, a.end) {
        // `10%`, or `10%-15%`, `10% đến 15%`.
        let after = a.end + n;
        match range_end(t, &ctx.style, after, between) {
            Some(b) if percent_sign(t, b.end).is_some() && !t.is(b.end, "điểm") => {
                (b.end + percent_sign(t, b.end).unwrap_or(1), Some(b))
            }
            _ => {
                start = if start < a.start && !between {
                    a.start
                } else {
                    start
                };
                (after, None)
            }
        }
    } else {
        // `10-15%`, `từ 10 đến 15%`.
        range_connector(t, a.end, between)?;
        let b = range_end(t, &ctx.style, a.end, between)?;
        let n = percent_sign(t, b.end)?;
        (b.end + n, Some(b))
    };
    let qualifier = qualifier_before(t, start);
    let q_start = qualifier.map_or(start, |(s, _)| s);
    let relation = relation_before(t, q_start);
    let before = relation.map_or(q_start, |(v, _)| v);
    // `chiếm 32% tổng hộ dân`: a share; what follows is its whole.
    let share = relation.is_some_and(|(v, _)| t.is(v, "chiếm"));
    let reference = reference_after(t, end).or_else(|| {
        (share && t.is_word(end))
            .then(|| (end, phrase_end(t, end, end + 10)))
            .filter(|(s, e)| e > s)
    });
    let p = Percentage {
        value: a.value.to_f64(),
        end: last.map(|b| b.value.to_f64()),
        relation: relation.map(|(_, r)| r),
        qualifier: qualifier.map(|(_, q)| q),
        subject: subject(t, before, end, share),
        reference: reference.and_then(|(s, e)| text(t, s, e)),
        ambiguous: a.ambiguous || last.is_some_and(|b| b.ambiguous),
    };
    // A "range" that runs backwards (`15-10%`) is not one.
    if p.end.is_some_and(|e| e < p.value) {
        return None;
    }
    // The qualifier is part of the fact's surface; the relation verb is not.
    Some((q_start, end, p))
}

/// Builds this module's tables now (see `Extractor::new`), not at the
/// first text that needs them.
pub(crate) fn warm() {
    once_cell::sync::Lazy::force(&MEASURE_PHRASES);
    once_cell::sync::Lazy::force(&REFERENCE_PHRASES);
    once_cell::sync::Lazy::force(&OPENER_SET);
    once_cell::sync::Lazy::force(&CLOSER_SET);
    once_cell::sync::Lazy::force(&SIGN_OR_RANGE_FILTER);
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, FactKind, FactValue, Percentage, Qualifier, Relation};

    #[test]
    fn the_gate_loses_no_percentage() {
        // The percentages found reading only where a sign or a range may
        // follow a one-token number are those found reading everywhere.
        let mut found = 0;
        for text in &crate::number::tests::around_numbers(12_000) {
            let mut ctx = crate::extract::Ctx::new(text, None);
            let full = super::percentages(&mut ctx, |_, _| true);
            let gated = super::percentages(&mut ctx, super::sign_or_range_at);
            assert_eq!(gated, full, "{text:?}");
            found += full.len();
        }
        assert!(found > 1_000, "{found}");
    }

    fn pcts(text: &str) -> Vec<(String, Percentage)> {
        let doc = Extractor::builder()
            .kinds([FactKind::Percentage])
            .build()
            .extract(text);
        doc.facts
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Percentage(p) => Some((f.text, p)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn opener_and_closer_sets_answer_as_their_lists() {
        let words: Vec<&str> = super::OPENERS
            .iter()
            .chain(super::CLOSERS)
            .copied()
            .chain(["tỷ", "lệ", "Và", "ĐÃ", "x"])
            .collect();
        let text = words.join(" ");
        let t = crate::token::Tokens::new(&text);
        for j in 0..t.len() + 1 {
            let w = if t.is_word(j) { t.lower(j) } else { "" };
            assert_eq!(super::OPENER_SET.has(&t, j), super::OPENERS.contains(&w));
            assert_eq!(super::CLOSER_SET.has(&t, j), super::CLOSERS.contains(&w));
        }
    }

    #[test]
    fn the_seed_sentences() {
        let p =
            pcts("Sản xuất nông – lâm nghiệp được đẩy mạnh, trồng rừng mới vượt 13,6% kế hoạch.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, "13,6%");
        assert_eq!(p[0].1.value, 13.6);
        assert_eq!(p[0].1.relation, Some(Relation::Exceeds));
        assert_eq!(p[0].1.subject.as_deref(), Some("trồng rừng mới"));
        assert_eq!(p[0].1.reference.as_deref(), Some("kế hoạch"));

        let p = pcts(
            "tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” là 90,73%; có 70% số thôn đạt danh hiệu “Thôn văn hóa”.",
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1.relation, Some(Relation::Equals));
        assert_eq!(
            p[0].1.subject.as_deref(),
            Some("tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”")
        );
        assert_eq!(p[1].1.value, 70.0);
        assert_eq!(
            p[1].1.subject.as_deref(),
            Some("số thôn đạt danh hiệu “Thôn văn hóa”")
        );
    }

    #[test]
    fn ranges_signs_and_qualifiers() {
        let p = pcts("tăng từ 10 đến 15%, giảm 10-15%, khoảng 5%–7%, lãi -5%");
        let got: Vec<(f64, Option<f64>)> = p.iter().map(|(_, x)| (x.value, x.end)).collect();
        assert_eq!(
            got,
            vec![
                (10.0, Some(15.0)),
                (10.0, Some(15.0)),
                (5.0, Some(7.0)),
                (-5.0, None)
            ]
        );
        assert_eq!(p[0].0, "từ 10 đến 15%");
        assert_eq!(p[2].1.qualifier, Some(Qualifier::About));
        assert_eq!(p[2].0, "khoảng 5%–7%");
    }

    #[test]
    fn only_signs_and_connectors_follow_a_first_number() {
        let t = crate::token::Tokens::new(
            "5% 6％ 7﹪ 8 phần trăm 1-2 3–4 5—6 7~8 9 đến 10 11 tới 12 và 13 người , điểm",
        );
        for j in 0..t.len() {
            let follows = super::percent_sign(&t, j).is_some()
                || super::range_connector(&t, j, true).is_some();
            if follows {
                assert!(super::sign_or_range_at(&t, j), "{}", t.surface(j));
            }
        }
        assert!(!super::sign_or_range_at(&t, t.len()));
        let p = pcts("tăng 5 người và giảm 2 điểm, giữa 3 và 4 phần trăm");
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].1.value, p[0].1.end), (3.0, Some(4.0)));
    }

    #[test]
    fn not_percentages() {
        assert!(pcts("%%%%% và % 13 và giảm 2 điểm phần trăm").is_empty());
        let p = pcts("50%%");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, "50%");
    }

    #[test]
    fn references_after_so_voi() {
        let p = pcts("Doanh thu tăng khoảng 12% so với cùng kỳ năm trước.");
        assert_eq!(p[0].1.reference.as_deref(), Some("cùng kỳ năm trước"));
        assert_eq!(p[0].1.subject.as_deref(), Some("Doanh thu"));
        let p = pcts("GRDP tăng 7,5% so với năm 2022.");
        assert_eq!(p[0].1.reference.as_deref(), Some("năm 2022"));
    }
}
