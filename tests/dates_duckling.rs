//! Duckling's Vietnamese time corpus (`../shared/peer/duckling_vi_time.jsonl`,
//! from facebook/duckling `Duckling/Time/VI/Corpus.hs`) through the public
//! API with the corpus's reference date, 2017-02-02.
//!
//! A row is resolved when ONE date fact covers the whole input with the
//! expected value at the row's grain: day → year, month, day; month → year,
//! month (no day); year → year (no month); quarter → year, quarter; week →
//! its first day and an end; hour/minute/second → the day and the hour (and
//! minute). A negative row is resolved when no date fact is found. Interval
//! rows (parts of days, seasons, "the next 3 days") are reported apart.
//!
//! Rows that are not resolved must be listed, with a reason, in
//! `tests/data/dates/duckling_unresolved.txt`; a listed row that now
//! resolves is reported as stale. The share of day rows is held at a
//! floor, so a regression fails.
//!
//! Run with `cargo test --test dates_duckling -- --nocapture` for the
//! figures.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use vietfacts::{Date, Extractor, FactKind, FactValue};

const TEST: &str = "dates_duckling";

/// Day-grain rows resolved, at least (of 58).
const DAY_FLOOR: usize = 33;
/// Day-grain rows resolved or right but for the year the text leaves open.
const DAY_OPEN_FLOOR: usize = 48;
/// Month-, year-, quarter- and week-grain rows resolved, at least.
const MONTH_FLOOR: usize = 5;
const YEAR_FLOOR: usize = 7;
const QUARTER_FLOOR: usize = 8;
const WEEK_FLOOR: usize = 3;

/// `2017-03-07T19:30:00.000-02:00` → (2017, 3, 7, 19, 30).
fn parse_value(s: &str) -> Option<(i32, u8, u8, u8, u8)> {
    Some((
        s.get(0..4)?.parse().ok()?,
        s.get(5..7)?.parse().ok()?,
        s.get(8..10)?.parse().ok()?,
        s.get(11..13)?.parse().ok()?,
        s.get(14..16)?.parse().ok()?,
    ))
}

/// How a row came out.
#[derive(PartialEq)]
enum Outcome {
    Resolved,
    /// Month and day right, the year not written and left open.
    YearOpen,
    No,
}

fn judge(grain: &str, v: (i32, u8, u8, u8, u8), d: &Date) -> Outcome {
    let (y, m, day, h, min) = v;
    let ok = match grain {
        "day" => d.year == Some(y) && d.month == Some(m) && d.day == Some(day) && d.end.is_none(),
        "month" => d.year == Some(y) && d.month == Some(m) && d.day.is_none(),
        "year" => d.year == Some(y) && d.month.is_none() && d.quarter.is_none(),
        "quarter" => d.year == Some(y) && d.quarter == Some((m - 1) / 3 + 1),
        "week" => d.year == Some(y) && d.month == Some(m) && d.day == Some(day) && d.end.is_some(),
        "hour" => {
            d.year == Some(y) && d.month == Some(m) && d.day == Some(day) && d.hour == Some(h)
        }
        "minute" | "second" => {
            d.year == Some(y)
                && d.month == Some(m)
                && d.day == Some(day)
                && d.hour == Some(h)
                && d.minute == Some(min)
        }
        _ => false,
    };
    if ok {
        return Outcome::Resolved;
    }
    let open = d.year.is_none()
        && match grain {
            "day" => d.month == Some(m) && d.day == Some(day) && d.end.is_none(),
            "month" => d.month == Some(m) && d.day.is_none(),
            "quarter" => d.quarter == Some((m - 1) / 3 + 1),
            _ => false,
        };
    if open { Outcome::YearOpen } else { Outcome::No }
}

#[test]
fn duckling_time_corpus() {
    let Some(path) = common::shared_path(TEST, "peer/duckling_vi_time.jsonl") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read the Duckling corpus");
    let listed_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dates/duckling_unresolved.txt");
    let listed_text = std::fs::read_to_string(&listed_path).expect("read duckling_unresolved.txt");
    let listed: BTreeMap<&str, &str> = listed_text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let ex = Extractor::builder()
        .kinds([FactKind::Date])
        .reference_date("2017-02-02".parse().expect("a date"))
        .build();

    // grain → (rows, resolved, year left open)
    let mut tally: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut unlisted = Vec::new();
    let mut stale = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("a JSON row");
        let text = row["text"].as_str().expect("a text");
        let doc = ex.extract(text);
        let dates: Vec<(&Date, bool)> = doc
            .facts
            .iter()
            .filter_map(|f| match &f.value {
                FactValue::Date(d) => Some((d, f.span.start == 0 && f.span.end == text.len())),
                _ => None,
            })
            .collect();
        let expected = &row["expected"];
        let (grain, outcome) = if expected.is_null() {
            let ok = dates.is_empty();
            (
                "negative".to_string(),
                if ok { Outcome::Resolved } else { Outcome::No },
            )
        } else if expected["type"] == "interval" {
            let from = &expected["from"];
            let grain = format!("interval ({})", from["grain"].as_str().unwrap_or("?"));
            let v = from["value"].as_str().and_then(parse_value);
            // An interval counts when one fact covers the input and starts
            // on the interval's first day.
            let ok = v.is_some_and(|v| {
                dates.iter().any(|(d, whole)| {
                    *whole && judge("day", v, &Date { end: None, ..**d }) == Outcome::Resolved
                })
            });
            (grain, if ok { Outcome::Resolved } else { Outcome::No })
        } else {
            let grain = expected["grain"].as_str().unwrap_or("?").to_string();
            let v = expected["value"]
                .as_str()
                .and_then(parse_value)
                .expect("a value");
            let whole: Vec<&Date> = dates.iter().filter(|(_, w)| *w).map(|(d, _)| *d).collect();
            let outcome = if whole.len() != 1 {
                Outcome::No
            } else {
                judge(&grain, v, whole[0])
            };
            (grain, outcome)
        };
        let entry = tally.entry(grain).or_default();
        entry.0 += 1;
        match outcome {
            Outcome::Resolved => {
                entry.1 += 1;
                if listed.contains_key(text) {
                    stale.push(text.to_string());
                }
            }
            Outcome::YearOpen | Outcome::No => {
                if outcome == Outcome::YearOpen {
                    entry.2 += 1;
                }
                if !listed.contains_key(text) {
                    unlisted.push(format!("{text}\t(unlisted: found {})", dates.len()));
                }
            }
        }
    }

    println!(
        "Duckling VI time corpus, reference 2017-02-02 (`cargo test --test {TEST} -- --nocapture`):"
    );
    println!(
        "{:<22} {:>5} {:>9} {:>7} {:>20}",
        "grain", "rows", "resolved", "share", "+ year left open"
    );
    for (grain, (rows, ok, open)) in &tally {
        println!(
            "{grain:<22} {rows:>5} {ok:>9} {:>6.1}% {:>20}",
            100.0 * *ok as f64 / *rows as f64,
            if *open > 0 {
                format!(
                    "{open} ({:.1}%)",
                    100.0 * (*ok + *open) as f64 / *rows as f64
                )
            } else {
                String::new()
            }
        );
    }
    if !stale.is_empty() {
        println!("STALE: listed in duckling_unresolved.txt but now resolved:");
        for s in &stale {
            println!("  {s}");
        }
    }
    let get = |g: &str| tally.get(g).map_or(0, |x| x.1);
    assert!(
        unlisted.is_empty(),
        "unresolved rows missing from duckling_unresolved.txt:\n{}",
        unlisted.join("\n")
    );
    assert!(
        get("day") >= DAY_FLOOR,
        "day rows resolved: {} < {DAY_FLOOR}",
        get("day")
    );
    assert!(
        get("month") >= MONTH_FLOOR,
        "month rows: {} < {MONTH_FLOOR}",
        get("month")
    );
    assert!(
        get("year") >= YEAR_FLOOR,
        "year rows: {} < {YEAR_FLOOR}",
        get("year")
    );
    assert!(
        get("quarter") >= QUARTER_FLOOR,
        "quarter rows: {} < {QUARTER_FLOOR}",
        get("quarter")
    );
    assert!(
        get("week") >= WEEK_FLOOR,
        "week rows: {} < {WEEK_FLOOR}",
        get("week")
    );
    let day_open = tally.get("day").map_or(0, |x| x.1 + x.2);
    assert!(
        day_open >= DAY_OPEN_FLOOR,
        "day rows right but for the year: {day_open} < {DAY_OPEN_FLOOR}"
    );
    assert_eq!(
        get("negative"),
        tally.get("negative").map_or(0, |x| x.0),
        "a negative row matched"
    );
}
