//! Scores `vietfacts::Extractor::new()` on the development set.
//!
//! ```text
//! cargo run --release --example eval [-- --set corpus|sentences|all] [--verbose] [--shared DIR]
//! ```
//!
//! The set lives in `tests/data/dev/` (see its README for the annotation
//! conventions):
//! - `corpus.jsonl`: passages of `../shared/corpus/vi-news.jsonl.gz`, kept as
//!   offsets and hand annotations only. The passage text is read from the
//!   shared corpus at run time (`--shared`, else `$VIETFACTS_SHARED`, else
//!   `../shared` next to the crate) and checked against its SHA-1.
//! - `sentences.jsonl`: sentences written for the set, some stored in NFD and
//!   some with the bytes of a legacy encoding (`bytes_hex`), which are decoded
//!   by `vietfacts::decode` before extraction.
//!
//! Each passage or sentence is extracted alone (so corpus spans shift by the
//! passage start). A predicted fact matches a gold fact of the same kind when
//! the spans are equal or overlap with a Jaccard index ≥ 0.5 on bytes, and the
//! kind's key fields agree (see [`keys_agree`]); the matching is a maximum
//! bipartite matching per item and kind. Per set and kind it prints gold,
//! predicted and true-positive counts, precision, recall and F1, the micro
//! averages, and the accuracy of the secondary fields on matched facts.
//! `--verbose` lists every false negative and false positive.
//!
//! This is a tool, not library API: the matcher and its unit tests live here
//! and run with `tests/dev_eval.rs`, which includes this file as a module.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The kinds scored, in report order.
pub const KINDS: [&str; 10] = [
    "percentage",
    "money",
    "date",
    "count",
    "award",
    "project",
    "place",
    "organization",
    "title",
    "event",
];

/// Secondary fields whose accuracy is reported on matched facts.
pub const SECONDARY: [(&str, &str); 13] = [
    ("percentage", "relation"),
    ("percentage", "subject"),
    ("percentage", "reference"),
    ("percentage", "qualifier"),
    ("money", "qualifier"),
    ("count", "qualifier"),
    ("award", "conferred_by"),
    ("award", "reason"),
    ("project", "category_text"),
    ("organization", "expanded"),
    ("title", "category"),
    ("date", "hour"),
    ("date", "minute"),
];

/// A fact, gold or predicted: its kind, its byte span in the item's text and
/// its typed fields (the SCHEMA.md names; `span`, `kind`, `text` and `rule`
/// are not among them).
#[derive(Clone, Debug)]
pub struct Ann {
    /// `percentage`, `money`, …
    pub kind: String,
    /// Half-open byte range in the item's text.
    pub span: (usize, usize),
    /// The kind's fields.
    pub fields: Map<String, Value>,
    /// The rule id of a predicted fact (empty for gold).
    pub rule: String,
}

/// Which file an item comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Set {
    /// `corpus.jsonl`
    Corpus,
    /// `sentences.jsonl`
    Sentences,
}

impl Set {
    fn name(self) -> &'static str {
        match self {
            Set::Corpus => "corpus",
            Set::Sentences => "sentences",
        }
    }
}

/// One passage or sentence with its gold facts (spans into `text`).
#[derive(Clone, Debug)]
pub struct Item {
    /// The file it comes from.
    pub set: Set,
    /// `baomoi-988@219..674` or `sentence 12`.
    pub label: String,
    /// The text the extractor sees (for a legacy sentence: the expected
    /// decoding of `bytes`).
    pub text: String,
    /// The raw bytes of a legacy-encoded sentence.
    pub bytes: Option<Vec<u8>>,
    /// The gold facts.
    pub gold: Vec<Ann>,
}

/// A line of `corpus.jsonl` (spans into the whole article).
#[derive(Clone, Debug)]
pub struct Passage {
    /// Article id in the corpus.
    pub id: String,
    /// Passage start in the article's `text`, in bytes.
    pub start: usize,
    /// Passage end (exclusive).
    pub end: usize,
    /// SHA-1 of the passage bytes, hex.
    pub sha1: String,
    /// Gold facts, spans into the article.
    pub facts: Vec<Ann>,
}

/// The dev-set directory.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev")
}

/// The shared material: `$VIETFACTS_SHARED`, else `../shared` next to the crate.
pub fn default_shared() -> PathBuf {
    std::env::var_os("VIETFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn ann_from_json(v: &Value, what: &str) -> Result<Ann, String> {
    let obj = v
        .as_object()
        .ok_or_else(|| format!("{what}: a fact is not an object"))?;
    let kind = obj
        .get("kind")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{what}: a fact has no kind"))?
        .to_string();
    let span = obj
        .get("span")
        .and_then(Value::as_array)
        .filter(|a| a.len() == 2)
        .and_then(|a| Some((a[0].as_u64()? as usize, a[1].as_u64()? as usize)))
        .ok_or_else(|| format!("{what}: a {kind} fact has no [start, end] span"))?;
    let mut fields = obj.clone();
    for k in ["kind", "span", "text", "rule"] {
        fields.remove(k);
    }
    check_fields(&kind, &fields).map_err(|e| format!("{what}: {kind} {span:?}: {e}"))?;
    Ok(Ann {
        kind,
        span,
        fields,
        rule: String::new(),
    })
}

fn one_of(fields: &Map<String, Value>, key: &str, allowed: &[&str]) -> Result<(), String> {
    match fields.get(key) {
        None => Ok(()),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
        Some(v) => Err(format!("{key} is {v}, not one of {allowed:?}")),
    }
}

fn need(fields: &Map<String, Value>, keys: &[&str]) -> Result<(), String> {
    for k in keys {
        if !fields.contains_key(*k) {
            return Err(format!("missing {k}"));
        }
    }
    Ok(())
}

/// Checks a gold fact's fields against SCHEMA.md: the kind is known, the
/// required fields are there, enumerations hold one of their names, and no
/// field is unknown.
pub fn check_fields(kind: &str, f: &Map<String, Value>) -> Result<(), String> {
    const QUALIFIERS: &[&str] = &[
        "about",
        "nearly",
        "more_than",
        "less_than",
        "at_least",
        "at_most",
    ];
    let known: &[&str] = match kind {
        "percentage" => {
            need(f, &["value"])?;
            one_of(
                f,
                "relation",
                &["exceeds", "reaches", "equals", "increases", "decreases"],
            )?;
            one_of(f, "qualifier", QUALIFIERS)?;
            &[
                "value",
                "end",
                "relation",
                "qualifier",
                "subject",
                "reference",
            ]
        }
        "money" => {
            need(f, &["value", "currency"])?;
            one_of(f, "qualifier", QUALIFIERS)?;
            &["value", "end", "currency", "qualifier"]
        }
        "date" => {
            if !["year", "month", "day", "quarter"]
                .iter()
                .any(|k| f.contains_key(*k))
            {
                return Err("a date needs a year, month, day or quarter".into());
            }
            &[
                "year", "month", "day", "quarter", "hour", "minute", "end", "weekday", "lunar",
            ]
        }
        "count" => {
            need(f, &["value", "unit"])?;
            one_of(f, "qualifier", QUALIFIERS)?;
            &["value", "end", "unit", "qualifier"]
        }
        "award" => &[
            "collectives",
            "individuals",
            "households",
            "honor",
            "conferred_by",
            "reason",
        ],
        "project" => {
            need(f, &["category", "category_text", "name"])?;
            one_of(
                f,
                "category",
                &[
                    "reservoir",
                    "hydropower",
                    "irrigation",
                    "road",
                    "bridge",
                    "industrial_park",
                    "urban_area",
                    "school",
                    "hospital",
                    "market",
                    "plant",
                    "other",
                ],
            )?;
            &["category", "category_text", "name"]
        }
        "place" => {
            need(f, &["level", "name"])?;
            one_of(
                f,
                "level",
                &[
                    "province",
                    "city",
                    "district",
                    "urban_district",
                    "town",
                    "township",
                    "commune",
                    "ward",
                    "village",
                ],
            )?;
            &["level", "name"]
        }
        "organization" => {
            need(f, &["category", "name"])?;
            one_of(
                f,
                "category",
                &[
                    "party",
                    "government",
                    "front",
                    "association",
                    "enterprise",
                    "other",
                ],
            )?;
            &["category", "name", "expanded"]
        }
        "title" => {
            need(f, &["value"])?;
            one_of(f, "category", &["honor_title", "campaign", "other"])?;
            &["value", "category"]
        }
        "event" => {
            need(f, &["name"])?;
            &["name", "ordinal"]
        }
        _ => return Err(format!("unknown kind {kind}")),
    };
    match f.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(format!("unknown field {k}")),
        None => Ok(()),
    }
}

fn read_lines(path: &Path) -> Result<Vec<(usize, Value)>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|v| (i + 1, v))
                .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn parse_hex(s: &str) -> Result<Vec<u8>, String> {
    if s.len() % 2 != 0 || !s.is_ascii() {
        return Err("bytes_hex has an odd length or non-ASCII characters".into());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| format!("bytes_hex: {e}")))
        .collect()
}

/// Checks that a gold span lies on char boundaries of `text`, inside it.
pub fn check_span(text: &str, span: (usize, usize)) -> Result<(), String> {
    let (s, e) = span;
    if s > e || e > text.len() {
        Err(format!("span {span:?} is outside 0..{}", text.len()))
    } else if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        Err(format!("span {span:?} is not on char boundaries"))
    } else if s == e {
        Err(format!("span {span:?} is empty"))
    } else {
        Ok(())
    }
}

/// Loads `sentences.jsonl`, checking every span.
pub fn load_sentences(path: &Path) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for (line, v) in read_lines(path)? {
        let what = format!("{}:{line}", path.display());
        let text = v
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what}: no text"))?
            .to_string();
        let bytes = match v.get("bytes_hex").and_then(Value::as_str) {
            Some(h) => Some(parse_hex(h).map_err(|e| format!("{what}: {e}"))?),
            None => None,
        };
        if bytes.is_some() != v.get("encoding").is_some() {
            return Err(format!("{what}: encoding and bytes_hex go together"));
        }
        let mut gold = Vec::new();
        for f in v
            .get("facts")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{what}: no facts array"))?
        {
            let a = ann_from_json(f, &what)?;
            check_span(&text, a.span).map_err(|e| format!("{what}: {} {e}", a.kind))?;
            gold.push(a);
        }
        items.push(Item {
            set: Set::Sentences,
            label: format!("sentence {line}"),
            text,
            bytes,
            gold,
        });
    }
    Ok(items)
}

/// Loads `corpus.jsonl` (offsets and annotations only), checking that every
/// span lies inside its passage.
pub fn load_passages(path: &Path) -> Result<Vec<Passage>, String> {
    let mut out = Vec::new();
    for (line, v) in read_lines(path)? {
        let what = format!("{}:{line}", path.display());
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what}: no id"))?
            .to_string();
        let num = |k: &str| {
            v.get(k)
                .and_then(Value::as_u64)
                .map(|n| n as usize)
                .ok_or_else(|| format!("{what}: no {k}"))
        };
        let (start, end) = (num("start")?, num("end")?);
        if start >= end {
            return Err(format!("{what}: empty passage {start}..{end}"));
        }
        let sha1 = v
            .get("sha1")
            .and_then(Value::as_str)
            .filter(|s| s.len() == 40)
            .ok_or_else(|| format!("{what}: no sha1"))?
            .to_string();
        let mut facts = Vec::new();
        for f in v
            .get("facts")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{what}: no facts array"))?
        {
            let a = ann_from_json(f, &what)?;
            if a.span.0 < start || a.span.1 > end || a.span.0 >= a.span.1 {
                return Err(format!(
                    "{what}: {} span {:?} is outside the passage {start}..{end}",
                    a.kind, a.span
                ));
            }
            facts.push(a);
        }
        out.push(Passage {
            id,
            start,
            end,
            sha1,
            facts,
        });
    }
    Ok(out)
}

/// The `text` of the articles named in `ids`, read from the gzipped corpus
/// with the system's `gzip -dc` (the crate has no gzip dependency).
pub fn read_articles(gz: &Path, ids: &BTreeSet<String>) -> Result<HashMap<String, String>, String> {
    let out = Command::new("gzip")
        .arg("-dc")
        .arg(gz)
        .output()
        .map_err(|e| format!("gzip -dc {}: {e}", gz.display()))?;
    if !out.status.success() {
        return Err(format!("gzip -dc {} failed", gz.display()));
    }
    let data = String::from_utf8(out.stdout).map_err(|e| format!("{}: {e}", gz.display()))?;
    let mut found = HashMap::new();
    for line in data.lines() {
        // Every line starts with {"id": "<id>", …: parse only the ones we need.
        let id = line
            .strip_prefix("{\"id\": \"")
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        if !ids.contains(id) {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{id}: {e}"))?;
        let text = v.get("text").and_then(Value::as_str).unwrap_or_default();
        found.insert(id.to_string(), text.to_string());
    }
    Ok(found)
}

/// Cuts the passages out of their articles, checks SHA-1 and char
/// boundaries, and shifts the gold spans to the passage.
pub fn corpus_items(
    passages: &[Passage],
    articles: &HashMap<String, String>,
) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for p in passages {
        let label = format!("{}@{}..{}", p.id, p.start, p.end);
        let article = articles
            .get(&p.id)
            .ok_or_else(|| format!("{label}: article not in the corpus"))?;
        if p.end > article.len() {
            return Err(format!("{label}: past the end of the article"));
        }
        let bytes = &article.as_bytes()[p.start..p.end];
        let got = sha1_hex(bytes);
        if got != p.sha1 {
            return Err(format!(
                "{label}: SHA-1 {got} differs from {} (the corpus drifted)",
                p.sha1
            ));
        }
        let text = article
            .get(p.start..p.end)
            .ok_or_else(|| format!("{label}: passage not on char boundaries"))?
            .to_string();
        let mut gold = Vec::new();
        for f in &p.facts {
            let mut f = f.clone();
            f.span = (f.span.0 - p.start, f.span.1 - p.start);
            check_span(&text, f.span).map_err(|e| format!("{label}: {} {e}", f.kind))?;
            gold.push(f);
        }
        items.push(Item {
            set: Set::Corpus,
            label,
            text,
            bytes: None,
            gold,
        });
    }
    Ok(items)
}

/// SHA-1 (FIPS 180-4) of `data`, lower-case hex: enough to notice a drifted
/// corpus without a dependency.
pub fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

// ------------------------------------------------------------------ matching

/// Jaccard index of two byte ranges (1 for equal ranges, even empty ones).
pub fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    if a == b {
        return 1.0;
    }
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = (a.1 - a.0) + (b.1 - b.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// A string for comparison: normalized by vietfacts (NFC, one tone style,
/// `Ð` → `Đ`), lower case, `&amp;` → `&`, quotes removed, dashes unified and
/// unspaced, spaces collapsed, outer punctuation trimmed.
pub fn norm_str(s: &str) -> String {
    let n = vietfacts::normalize(s).as_str().to_lowercase();
    let n = n.replace("&amp;", "&");
    let mut out = String::with_capacity(n.len());
    for c in n.chars() {
        match c {
            '“' | '”' | '"' | '‘' | '’' | '«' | '»' | '„' => {}
            '–' | '—' | '‑' | '‐' | '−' => out.push('-'),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let joined = words.join(" ").replace(" -", "-").replace("- ", "-");
    joined
        .trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '…' | ' '))
        .to_string()
}

fn num_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Two optional field values agree: both absent, or both present and equal
/// (numbers with a relative tolerance, strings by [`norm_str`]).
pub fn value_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (None | Some(Value::Null), None | Some(Value::Null)) => true,
        (Some(Value::Number(x)), Some(Value::Number(y))) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => num_eq(x, y),
            _ => false,
        },
        (Some(Value::String(x)), Some(Value::String(y))) => norm_str(x) == norm_str(y),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x == y,
        _ => false,
    }
}

/// The fields of a date or date end that gold fills in agree in `pred`.
fn date_part_agrees(gold: &Map<String, Value>, pred: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter()
        .filter(|k| gold.contains_key(**k))
        .all(|k| value_eq(gold.get(*k), pred.get(*k)))
}

/// The key fields of `kind` agree between a gold and a predicted fact:
///
/// | kind | key fields |
/// |---|---|
/// | percentage | value |
/// | money | value, currency |
/// | date | year, month, day, quarter (those gold fills in), and end (present in both with gold's fields agreeing, or absent in both) |
/// | count | value, unit |
/// | award | collectives, individuals, households, honor (see [`honor_key`]) |
/// | project | category, name |
/// | place | level, name |
/// | organization | category, name |
/// | title | value |
/// | event | name, ordinal |
pub fn keys_agree(kind: &str, gold: &Map<String, Value>, pred: &Map<String, Value>) -> bool {
    let same = |keys: &[&str]| keys.iter().all(|k| value_eq(gold.get(*k), pred.get(*k)));
    match kind {
        "percentage" => same(&["value"]),
        "money" => same(&["value", "currency"]),
        "date" => {
            const PARTS: [&str; 4] = ["year", "month", "day", "quarter"];
            if !date_part_agrees(gold, pred, &PARTS) {
                return false;
            }
            match (
                gold.get("end").and_then(Value::as_object),
                pred.get("end").and_then(Value::as_object),
            ) {
                (None, None) => true,
                (Some(g), Some(p)) => date_part_agrees(g, p, &PARTS[..3]),
                _ => false,
            }
        }
        "count" => same(&["value", "unit"]),
        "award" => {
            same(&["collectives", "individuals", "households"])
                && honor_key(gold.get("honor")) == honor_key(pred.get("honor"))
        }
        "project" => same(&["category", "name"]),
        "place" => same(&["level", "name"]),
        "organization" => same(&["category", "name"]),
        "title" => same(&["value"]),
        "event" => same(&["name", "ordinal"]),
        _ => false,
    }
}

/// An honour for comparison: [`norm_str`] without a leading generic
/// `danh hiệu` ("the title"), which SCHEMA.md leaves open: `danh hiệu “Gia
/// đình văn hóa”` and `Gia đình văn hóa` name the same honour.
pub fn honor_key(v: Option<&Value>) -> Option<String> {
    let s = norm_str(v?.as_str()?);
    Some(
        s.strip_prefix("danh hiệu ")
            .map(str::to_string)
            .unwrap_or(s),
    )
}

/// Gold `g` and prediction `p` may be paired: same kind, spans equal or with
/// a Jaccard index ≥ 0.5, key fields agreeing.
pub fn can_match(g: &Ann, p: &Ann) -> bool {
    g.kind == p.kind && jaccard(g.span, p.span) >= 0.5 && keys_agree(&g.kind, &g.fields, &p.fields)
}

/// A maximum matching between `gold` and `pred` under [`can_match`]
/// (augmenting paths; candidates tried best-overlap first): the
/// `(gold index, pred index)` pairs.
pub fn match_facts(gold: &[Ann], pred: &[Ann]) -> Vec<(usize, usize)> {
    let cands: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| {
            let mut c: Vec<usize> = (0..pred.len())
                .filter(|&j| can_match(g, &pred[j]))
                .collect();
            c.sort_by(|&a, &b| {
                jaccard(g.span, pred[b].span)
                    .total_cmp(&jaccard(g.span, pred[a].span))
                    .then(a.cmp(&b))
            });
            c
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; pred.len()];
    fn augment(
        i: usize,
        cands: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &j in &cands[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            if owner[j].is_none_or(|k| augment(k, cands, owner, seen)) {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    for i in 0..gold.len() {
        let mut seen = vec![false; pred.len()];
        augment(i, &cands, &mut owner, &mut seen);
    }
    let mut pairs: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(j, o)| o.map(|i| (i, j)))
        .collect();
    pairs.sort_unstable();
    pairs
}

// ------------------------------------------------------------------ scoring

/// Gold, predicted and matched counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold facts.
    pub gold: usize,
    /// Predicted facts.
    pub pred: usize,
    /// Matched pairs.
    pub tp: usize,
}

impl Counts {
    /// Precision, recall, F1 (0 when undefined).
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.tp += o.tp;
    }
}

/// What one evaluation run found.
#[derive(Debug, Default)]
pub struct Score {
    /// Per kind.
    pub kinds: BTreeMap<String, Counts>,
    /// Secondary field accuracy on matched facts: (kind, field) → (agreeing,
    /// compared). A field is compared when gold or prediction has it.
    pub fields: BTreeMap<(String, String), (usize, usize)>,
    /// Lines for `--verbose`.
    pub misses: Vec<String>,
}

impl Score {
    /// Micro average over the scored kinds.
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.kinds.values() {
            c.add(*v);
        }
        c
    }
}

fn show_fields(f: &Map<String, Value>) -> String {
    serde_json::to_string(f).unwrap_or_default()
}

/// The surface of `span` in `text`, or a note when the span does not fit.
fn surface(text: &str, span: (usize, usize)) -> String {
    text.get(span.0..span.1)
        .map(|s| s.replace(['\n', '\r'], " "))
        .unwrap_or_else(|| format!("<span {span:?} does not fit the text>"))
}

/// Scores one item's predictions against its gold facts.
pub fn score_item(item: &Item, pred: &[Ann], score: &mut Score) {
    for kind in KINDS {
        let g: Vec<Ann> = item
            .gold
            .iter()
            .filter(|a| a.kind == kind)
            .cloned()
            .collect();
        let p: Vec<Ann> = pred.iter().filter(|a| a.kind == kind).cloned().collect();
        let pairs = match_facts(&g, &p);
        score
            .kinds
            .entry(kind.to_string())
            .or_default()
            .add(Counts {
                gold: g.len(),
                pred: p.len(),
                tp: pairs.len(),
            });
        for &(i, j) in &pairs {
            for (k, field) in SECONDARY {
                if k != kind {
                    continue;
                }
                let (a, b) = (g[i].fields.get(field), p[j].fields.get(field));
                if a.is_none() && b.is_none() {
                    continue;
                }
                let e = score
                    .fields
                    .entry((kind.to_string(), field.to_string()))
                    .or_default();
                e.1 += 1;
                if value_eq(a, b) {
                    e.0 += 1;
                }
            }
        }
        let gm: BTreeSet<usize> = pairs.iter().map(|x| x.0).collect();
        let pm: BTreeSet<usize> = pairs.iter().map(|x| x.1).collect();
        for (_, a) in g.iter().enumerate().filter(|(i, _)| !gm.contains(i)) {
            // The nearest unmatched prediction of the kind, to tell a wrong
            // field from a missed fact.
            let near = p
                .iter()
                .enumerate()
                .filter(|(j, b)| !pm.contains(j) && jaccard(a.span, b.span) >= 0.5)
                .max_by(|x, y| jaccard(a.span, x.1.span).total_cmp(&jaccard(a.span, y.1.span)));
            let mut line = format!(
                "  FN {kind:12} {} [{}] {}",
                item.label,
                surface(&item.text, a.span),
                show_fields(&a.fields)
            );
            if let Some((_, b)) = near {
                line.push_str(&format!(
                    "\n     ~ predicted [{}] {} ({})",
                    surface(&item.text, b.span),
                    show_fields(&b.fields),
                    b.rule
                ));
            }
            score.misses.push(line);
        }
        for (_, b) in p.iter().enumerate().filter(|(j, _)| !pm.contains(j)) {
            score.misses.push(format!(
                "  FP {kind:12} {} [{}] {} ({})",
                item.label,
                surface(&item.text, b.span),
                show_fields(&b.fields),
                b.rule
            ));
        }
    }
}

/// Converts the extractor's facts to [`Ann`]s through their JSON form (the
/// SCHEMA.md contract), keeping the kinds that are scored.
pub fn predictions(doc: &vietfacts::Document) -> Vec<Ann> {
    doc.facts
        .iter()
        .filter_map(|f| {
            let v = serde_json::to_value(f).ok()?;
            let mut fields = v.as_object()?.clone();
            let kind = fields.remove("kind")?.as_str()?.to_string();
            if !KINDS.contains(&kind.as_str()) {
                return None;
            }
            let rule = fields
                .remove("rule")
                .and_then(|r| r.as_str().map(str::to_string))
                .unwrap_or_default();
            fields.remove("span");
            fields.remove("text");
            Some(Ann {
                kind,
                span: (f.span.start, f.span.end),
                fields,
                rule,
            })
        })
        .collect()
}

/// Runs the extractor on every item and scores it.
pub fn evaluate(items: &[Item], ex: &vietfacts::Extractor) -> Score {
    let mut score = Score::default();
    for item in items {
        let doc = match &item.bytes {
            Some(bytes) => {
                let decoded = vietfacts::decode(bytes);
                if decoded.text() != item.text {
                    score.misses.push(format!(
                        "  !! {}: decoded as {:?} to {:?}, not the expected text; spans may not line up",
                        item.label,
                        decoded.encoding(),
                        decoded.text()
                    ));
                }
                ex.extract_decoded(&decoded)
            }
            None => ex.extract(&item.text),
        };
        score_item(item, &predictions(&doc), &mut score);
    }
    score
}

/// The report printed for one set.
pub fn report(name: &str, items: &[Item], score: &Score, verbose: bool) -> String {
    let mut s = String::new();
    s.push_str(&format!("== {name}: {} items\n", items.len()));
    s.push_str(&format!(
        "{:14} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}\n",
        "kind", "gold", "pred", "tp", "P", "R", "F1"
    ));
    let row = |k: &str, c: Counts| {
        let (p, r, f) = c.prf();
        format!(
            "{:14} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}\n",
            k, c.gold, c.pred, c.tp, p, r, f
        )
    };
    for kind in KINDS {
        s.push_str(&row(
            kind,
            score.kinds.get(kind).copied().unwrap_or_default(),
        ));
    }
    s.push_str(&row("micro", score.micro()));
    if !score.fields.is_empty() {
        s.push_str("secondary fields on matched facts (agree/compared):\n");
        for ((kind, field), (ok, n)) in &score.fields {
            s.push_str(&format!(
                "  {:26} {:>4}/{:<4} {:>6.1}%\n",
                format!("{kind}.{field}"),
                ok,
                n,
                100.0 * *ok as f64 / (*n).max(1) as f64
            ));
        }
    }
    if verbose && !score.misses.is_empty() {
        s.push_str("false negatives (FN), false positives (FP):\n");
        for m in &score.misses {
            s.push_str(m);
            s.push('\n');
        }
    }
    s
}

fn usage() -> ! {
    eprintln!("usage: eval [--set corpus|sentences|all] [--verbose] [--shared DIR]");
    std::process::exit(2)
}

fn run() -> Result<(), String> {
    let mut set = "all".to_string();
    let mut verbose = false;
    let mut shared = default_shared();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--set" => set = args.next().unwrap_or_else(|| usage()),
            "--verbose" | "-v" => verbose = true,
            "--shared" => shared = PathBuf::from(args.next().unwrap_or_else(|| usage())),
            "--help" | "-h" => usage(),
            _ => {
                eprintln!("eval: unknown argument {a:?}");
                usage()
            }
        }
    }
    let wanted: &[Set] = match set.as_str() {
        "corpus" => &[Set::Corpus],
        "sentences" => &[Set::Sentences],
        "all" => &[Set::Corpus, Set::Sentences],
        _ => usage(),
    };
    let ex = vietfacts::Extractor::new();
    let mut all_items = Vec::new();
    let mut all_score = Score::default();
    for &which in wanted {
        let items = match which {
            Set::Sentences => load_sentences(&data_dir().join("sentences.jsonl"))?,
            Set::Corpus => {
                let passages = load_passages(&data_dir().join("corpus.jsonl"))?;
                let gz = shared.join("corpus/vi-news.jsonl.gz");
                let ids = passages.iter().map(|p| p.id.clone()).collect();
                let articles = read_articles(&gz, &ids)?;
                corpus_items(&passages, &articles)?
            }
        };
        let score = evaluate(&items, &ex);
        print!("{}", report(which.name(), &items, &score, verbose));
        for (k, c) in &score.kinds {
            all_score.kinds.entry(k.clone()).or_default().add(*c);
        }
        for (k, (a, b)) in &score.fields {
            let e = all_score.fields.entry(k.clone()).or_default();
            e.0 += a;
            e.1 += b;
        }
        all_items.extend(items);
    }
    if wanted.len() > 1 {
        print!("{}", report("all", &all_items, &all_score, false));
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("eval: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ann(kind: &str, span: (usize, usize), fields: Value) -> Ann {
        Ann {
            kind: kind.to_string(),
            span,
            fields: fields.as_object().cloned().unwrap_or_default(),
            rule: String::new(),
        }
    }

    #[test]
    fn sha1_known_vectors() {
        assert_eq!(sha1_hex(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(sha1_hex(long), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
        // 64 bytes: the padding takes a block of its own.
        let block = [b'a'; 64];
        assert_eq!(sha1_hex(&block), "0098ba824b5c16427bd7a1122a5a442a25ec644d");
    }

    #[test]
    fn jaccard_of_spans() {
        assert_eq!(jaccard((0, 4), (0, 4)), 1.0);
        assert_eq!(jaccard((3, 3), (3, 3)), 1.0);
        assert_eq!(jaccard((0, 4), (4, 8)), 0.0);
        assert_eq!(jaccard((0, 4), (2, 6)), 2.0 / 6.0);
        assert_eq!(jaccard((0, 10), (0, 5)), 0.5);
    }

    #[test]
    fn strings_compare_normalized() {
        assert_eq!(norm_str("Bà Rịa-Vũng Tàu"), norm_str("Bà Rịa – Vũng Tàu"));
        assert_eq!(norm_str("“Gia đình văn hóa”"), norm_str("Gia đình văn hoá"));
        assert_eq!(
            norm_str("Sở Lao động &amp; xã hội"),
            norm_str("Sở Lao động & xã hội")
        );
        assert_eq!(norm_str("Giấy khen."), norm_str("giấy khen"));
        assert_eq!(norm_str("ÐBSCL"), norm_str("ĐBSCL"));
        assert_ne!(norm_str("Bằng khen"), norm_str("Giấy khen"));
    }

    #[test]
    fn equal_spans_and_keys_match() {
        let g = ann(
            "percentage",
            (10, 15),
            json!({"value": 13.6, "relation": "exceeds"}),
        );
        let p = ann("percentage", (10, 15), json!({"value": 13.6}));
        assert!(can_match(&g, &p));
        // The relation is secondary: a missing one still matches.
        let wrong = ann("percentage", (10, 15), json!({"value": 13.5}));
        assert!(!can_match(&g, &wrong));
        let other_kind = ann("money", (10, 15), json!({"value": 13.6}));
        assert!(!can_match(&g, &other_kind));
    }

    #[test]
    fn overlap_needs_half_the_union() {
        let g = ann(
            "place",
            (0, 14),
            json!({"level": "commune", "name": "Dương Quang"}),
        );
        let inside = ann(
            "place",
            (4, 14),
            json!({"level": "commune", "name": "Dương Quang"}),
        );
        assert!(can_match(&g, &inside));
        let sliver = ann(
            "place",
            (12, 30),
            json!({"level": "commune", "name": "Dương Quang"}),
        );
        assert!(!can_match(&g, &sliver));
    }

    #[test]
    fn award_counts_are_keys() {
        let g = ann(
            "award",
            (0, 40),
            json!({"collectives": 7, "individuals": 19, "honor": "Giấy khen", "conferred_by": "Đảng bộ xã"}),
        );
        let p = ann(
            "award",
            (0, 38),
            json!({"collectives": 7, "individuals": 19, "honor": "giấy khen"}),
        );
        assert!(can_match(&g, &p));
        let extra = ann(
            "award",
            (0, 38),
            json!({"collectives": 7, "individuals": 19, "households": 2, "honor": "Giấy khen"}),
        );
        assert!(!can_match(&g, &extra));
    }

    #[test]
    fn a_leading_danh_hieu_does_not_change_the_honour() {
        let g = ann(
            "award",
            (0, 30),
            json!({"individuals": 10, "honor": "Công dân Thủ đô ưu tú"}),
        );
        let p = ann(
            "award",
            (0, 30),
            json!({"individuals": 10, "honor": "danh hiệu “Công dân Thủ đô ưu tú”"}),
        );
        assert!(can_match(&g, &p));
        let other = ann(
            "award",
            (0, 30),
            json!({"individuals": 10, "honor": "Chiến sĩ thi đua"}),
        );
        assert!(!can_match(&g, &other));
    }

    #[test]
    fn date_keys_are_the_ones_gold_fills_in() {
        let g = ann("date", (0, 8), json!({"month": 6, "day": 2}));
        let p = ann("date", (0, 8), json!({"year": 2017, "month": 6, "day": 2}));
        assert!(can_match(&g, &p));
        let range = ann(
            "date",
            (0, 8),
            json!({"month": 6, "day": 2, "end": {"month": 6, "day": 3}}),
        );
        assert!(!can_match(&g, &range));
        let gr = ann("date", (0, 9), json!({"year": 2021, "end": {"year": 2026}}));
        let pr = ann(
            "date",
            (0, 9),
            json!({"year": 2021, "end": {"year": 2026, "month": 12}}),
        );
        assert!(can_match(&gr, &pr));
        let pr2 = ann("date", (0, 9), json!({"year": 2021, "end": {"year": 2025}}));
        assert!(!can_match(&gr, &pr2));
    }

    #[test]
    fn matching_is_maximum() {
        // Gold 0 fits prediction 0 best but also fits prediction 1; gold 1
        // fits only prediction 0. Taking the best overlap first would leave
        // gold 1 unmatched.
        let f = json!({"value": 5, "unit": "xã"});
        let gold = vec![
            ann("count", (0, 10), f.clone()),
            ann("count", (5, 10), f.clone()),
        ];
        let pred = vec![
            ann("count", (0, 10), f.clone()),
            ann("count", (0, 12), f.clone()),
        ];
        assert_eq!(jaccard(gold[0].span, pred[0].span), 1.0);
        assert!(jaccard(gold[0].span, pred[1].span) >= 0.5);
        assert!(jaccard(gold[1].span, pred[1].span) < 0.5);
        let pairs = match_facts(&gold, &pred);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn scores_count_each_side_once() {
        let item = Item {
            set: Set::Sentences,
            label: "t".into(),
            text: "7 tập thể và 19 cá nhân".into(),
            bytes: None,
            gold: vec![
                ann("count", (0, 11), json!({"value": 7, "unit": "tập thể"})),
                ann("count", (16, 29), json!({"value": 19, "unit": "cá nhân"})),
            ],
        };
        let pred = vec![
            ann("count", (0, 11), json!({"value": 7, "unit": "tập thể"})),
            ann("count", (0, 11), json!({"value": 7, "unit": "tập thể"})),
            ann("count", (16, 29), json!({"value": 19, "unit": "người"})),
        ];
        let mut score = Score::default();
        score_item(&item, &pred, &mut score);
        let c = score.kinds["count"];
        assert_eq!(
            c,
            Counts {
                gold: 2,
                pred: 3,
                tp: 1
            }
        );
        let (p, r, _) = c.prf();
        assert!((p - 1.0 / 3.0).abs() < 1e-12 && (r - 0.5).abs() < 1e-12);
        assert_eq!(
            score.misses.iter().filter(|m| m.contains(" FN ")).count(),
            1
        );
        assert_eq!(
            score.misses.iter().filter(|m| m.contains(" FP ")).count(),
            2
        );
    }

    #[test]
    fn secondary_fields_are_scored_on_matches() {
        let item = Item {
            set: Set::Sentences,
            label: "t".into(),
            text: "trồng rừng mới vượt 13,6% kế hoạch".into(),
            bytes: None,
            gold: vec![ann(
                "percentage",
                (25, 31),
                json!({"value": 13.6, "relation": "exceeds", "subject": "trồng rừng mới", "reference": "kế hoạch"}),
            )],
        };
        let pred = vec![ann(
            "percentage",
            (25, 31),
            json!({"value": 13.6, "relation": "exceeds", "subject": "rừng mới"}),
        )];
        let mut score = Score::default();
        score_item(&item, &pred, &mut score);
        let get = |f: &str| score.fields[&("percentage".to_string(), f.to_string())];
        assert_eq!(get("relation"), (1, 1));
        assert_eq!(get("subject"), (0, 1));
        assert_eq!(get("reference"), (0, 1));
    }

    #[test]
    fn gold_fields_are_checked_against_the_schema() {
        let ok = json!({"level": "commune", "name": "Dương Quang"});
        assert!(check_fields("place", ok.as_object().unwrap()).is_ok());
        let bad = json!({"level": "hamlet", "name": "X"});
        assert!(check_fields("place", bad.as_object().unwrap()).is_err());
        let missing = json!({"value": 3});
        assert!(check_fields("count", missing.as_object().unwrap()).is_err());
        let unknown = json!({"value": 3, "unit": "xã", "colour": "red"});
        assert!(check_fields("count", unknown.as_object().unwrap()).is_err());
        assert!(check_fields("weather", &Map::new()).is_err());
    }

    #[test]
    fn spans_must_sit_on_char_boundaries() {
        let t = "xã Dương Quang";
        assert!(check_span(t, (0, t.len())).is_ok());
        assert!(check_span(t, (2, 4)).is_err());
        assert!(check_span(t, (0, t.len() + 1)).is_err());
        assert!(check_span(t, (3, 3)).is_err());
    }
}
