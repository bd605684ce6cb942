//! NeMo's Vietnamese date rows (`../shared/peer/nemo_vi_tn.jsonl` and
//! `nemo_vi_itn.jsonl`, dimension `date`) through the public API.
//!
//! NeMo gives no values, only the spoken and the written form of each
//! row (`ngày mười lăm tháng một năm hai nghìn hai mươi tư` ↔ `ngày
//! 15/01/2024`). Each row is read in both forms; it *agrees* when both give
//! the same date facts (fields only: year, month, day, quarter, end,
//! lunar), and a row where NeMo writes no date (`tháng năm` stays `tháng
//! năm`) agrees when neither form gives one. The figures are printed
//! (`cargo test --test dates_nemo -- --nocapture`) and held at a floor.

mod common;

use serde_json::Value;
use vietfacts::{Extractor, FactKind, FactValue};

const TEST: &str = "dates_nemo";

/// Rows whose two forms agree, at least.
const AGREE_FLOOR: usize = 95;

/// The date values of a text, as comparable strings.
fn dates(ex: &Extractor, text: &str) -> Vec<String> {
    ex.extract(text)
        .facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Date(d) => Some(format!(
                "{:?}-{:?}-{:?} q{:?} end{:?} lunar{:?}",
                d.year, d.month, d.day, d.quarter, d.end, d.lunar
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn nemo_date_rows() {
    let ex = Extractor::builder().kinds([FactKind::Date]).build();
    let mut rows = 0;
    let mut with_date = 0;
    let mut agree = 0;
    let mut disagree = Vec::new();
    for file in ["peer/nemo_vi_tn.jsonl", "peer/nemo_vi_itn.jsonl"] {
        let Some(path) = common::shared_path(TEST, file) else {
            return;
        };
        let data = std::fs::read_to_string(path).expect("read NeMo rows");
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).expect("a JSON row");
            if v["dimension"] != "date" {
                continue;
            }
            let text = v["text"].as_str().unwrap_or_default();
            // The other form: spoken for a written row, written for a
            // spoken one.
            let other = ["written", "expected_written", "spoken"]
                .iter()
                .find_map(|k| v[*k].as_str())
                .unwrap_or_default();
            rows += 1;
            let a = dates(&ex, text);
            let b = dates(&ex, other);
            if !a.is_empty() {
                with_date += 1;
            }
            if a == b {
                agree += 1;
            } else {
                disagree.push(format!("{text:?} {a:?}\n    vs {other:?} {b:?}"));
            }
        }
    }
    println!(
        "NeMo date rows read: {rows}; with a date fact: {with_date}; both forms agree: {agree}"
    );
    if !disagree.is_empty() {
        println!("forms that disagree:");
        for d in &disagree {
            println!("  {d}");
        }
    }
    assert_eq!(rows, 95, "the NeMo files changed");
    assert!(
        agree >= AGREE_FLOOR,
        "agreeing rows: {agree} < {AGREE_FLOOR}"
    );
}
