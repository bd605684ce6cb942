//! See the facts: one self-contained HTML page with the text, each fact
//! highlighted by kind, a legend, the typed values on hover and in a table.
//!
//! ```text
//! cargo run --example highlight -- [OPTIONS] FILE [--out page.html]
//!   FILE             a text file (decoded with detection), or a .jsonl file of {"id", "text"}
//!   --first N        with a .jsonl file: the first N documents (default 20)
//!   --out FILE       write the page there (default: standard output)
//!   and the options of `extract`: --encoding --kinds --tone --reference-date --numbers --diagnostics
//! ```
//!
//! The page needs no network: styles and the small script are inline. Facts
//! may nest (an award around its counts, an organization around its place):
//! each stretch of text carries one `<mark>` per fact covering it, so every
//! fact has at least one highlight (`data-fact` is its number in the table).
//! On load, the script counts the highlights of each fact into
//! `#render-check`, which the browser test reads.

#[path = "shared/cli.rs"]
mod cli;

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use vietfacts::{Document, Fact, FactKind};

const USAGE: &str = "usage: highlight [--first N] [--out FILE] [extract options] FILE";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Background colour of each kind.
fn colour(k: FactKind) -> &'static str {
    match k {
        FactKind::Percentage => "#ffd6a5",
        FactKind::Money => "#caffbf",
        FactKind::Date => "#9bf6ff",
        FactKind::Count => "#fdffb6",
        FactKind::Number => "#e0e0e0",
        FactKind::Award => "#ffc6ff",
        FactKind::Project => "#bdb2ff",
        FactKind::Place => "#a0c4ff",
        FactKind::Organization => "#ffadad",
        FactKind::Title => "#d0f4de",
        FactKind::Event => "#fcd5ce",
        _ => "#eeeeee",
    }
}

/// The typed fields of a fact as `name: value` pairs (no span, text, rule).
fn fields(f: &Fact) -> Vec<(String, String)> {
    let v = serde_json::to_value(f).unwrap_or_default();
    v.as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !matches!(k.as_str(), "kind" | "span" | "text" | "rule"))
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), v)
        })
        .collect()
}

fn hover(f: &Fact) -> String {
    let mut s = f.kind().name().to_string();
    for (k, v) in fields(f) {
        let _ = write!(s, "\n{k}: {v}");
    }
    let _ = write!(s, "\nrule: {}", f.rule);
    s
}

/// The text of one document with its facts marked.
fn marked_text(text: &str, facts: &[Fact], first_id: usize) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in facts {
        cuts.push(f.span.start);
        cuts.push(f.span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        // The facts covering this stretch, the longest outermost.
        let mut cover: Vec<(usize, &Fact)> = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.span.start <= a && b <= f.span.end && !f.span.is_empty())
            .collect();
        cover.sort_by_key(|(_, f)| (std::cmp::Reverse(f.span.len()), f.span.start));
        for (i, f) in &cover {
            let _ = write!(
                out,
                "<mark class=\"f {kind}\" data-fact=\"{id}\" data-kind=\"{kind}\" title=\"{title}\">",
                kind = f.kind().name(),
                id = first_id + i,
                title = escape(&hover(f)),
            );
        }
        out.push_str(&escape(piece));
        for _ in &cover {
            out.push_str("</mark>");
        }
    }
    out
}

fn page(docs: &[(Document, String)]) -> String {
    let mut kinds: Vec<FactKind> = docs
        .iter()
        .flat_map(|(d, _)| d.facts.iter().map(Fact::kind))
        .collect();
    kinds.sort();
    kinds.dedup();
    let mut css = String::from(
        "body{font:16px/1.6 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}\
         .text{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:6px}\
         mark.f{padding:0;border-radius:2px;color:inherit}\
         mark.f mark.f{box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}\
         .legend span{display:inline-block;margin:0 .5em .3em 0;padding:0 .4em;border-radius:3px}\
         table{border-collapse:collapse;margin:1em 0;width:100%;font-size:14px}\
         td,th{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left}\
         #render-check{display:none}",
    );
    for k in FactKind::ALL {
        let _ = write!(
            css,
            "mark.{k},.legend .{k},td.{k}{{background:{}}}",
            colour(k),
            k = k.name()
        );
    }
    let mut body = String::new();
    body.push_str("<div class=\"legend\">");
    for k in &kinds {
        let _ = write!(body, "<span class=\"{k}\">{k}</span>", k = k.name());
    }
    body.push_str("</div>");
    let mut first_id = 0;
    for (doc, text) in docs {
        let _ = write!(
            body,
            "<section><h2>{}</h2><p>encoding: {} · {} facts · {} sentences</p><div class=\"text\">{}</div>",
            escape(doc.id.as_deref().unwrap_or("document")),
            doc.encoding.name(),
            doc.facts.len(),
            doc.sentences.len(),
            marked_text(text, &doc.facts, first_id)
        );
        body.push_str(
            "<table><tr><th>#</th><th>kind</th><th>text</th><th>values</th><th>rule</th></tr>",
        );
        for (i, f) in doc.facts.iter().enumerate() {
            let values: Vec<String> = fields(f)
                .iter()
                .map(|(k, v)| format!("{k}: {}", escape(v)))
                .collect();
            let _ = write!(
                body,
                "<tr id=\"fact-{id}\"><td>{id}</td><td class=\"{k}\">{k}</td><td>{t}</td><td>{v}</td><td>{r}</td></tr>",
                id = first_id + i,
                k = f.kind().name(),
                t = escape(&f.text),
                v = values.join("<br>"),
                r = escape(&f.rule),
            );
        }
        body.push_str("</table></section>");
        first_id += doc.facts.len();
    }
    let script = "addEventListener('DOMContentLoaded',function(){var c={};\
        document.querySelectorAll('mark.f').forEach(function(m){var k=m.dataset.fact;\
        c[k]=c[k]||{kind:m.dataset.kind,marks:0};c[k].marks++;});\
        document.getElementById('render-check').textContent=JSON.stringify(c);});";
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>vietfacts</title>\
         <style>{css}</style><script>{script}</script></head><body><h1>vietfacts</h1>{body}\
         <pre id=\"render-check\"></pre></body></html>\n"
    )
}

fn run() -> Result<(), String> {
    let mut common = cli::Common::default();
    let (mut input, mut out, mut first) = (None, None, 20usize);
    cli::each_arg(USAGE, |name, value| {
        if common.take(&name, value)? {
            return Ok(());
        }
        match name.as_str() {
            "--out" => out = Some(value("--out")?),
            "--first" => {
                first = value("--first")?
                    .parse()
                    .map_err(|_| "--first needs a number".to_string())?
            }
            "-h" | "--help" => {
                return Err(format!("{USAGE}\n  extract options: {}", cli::COMMON_USAGE));
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if input.is_some() => return Err(format!("more than one input\n{USAGE}")),
            _ => input = Some(name),
        }
        Ok(())
    })?;
    let input = input.ok_or_else(|| format!("no input file\n{USAGE}"))?;
    let ex = common.extractor();
    let mut docs: Vec<(Document, String)> = Vec::new();
    if input.ends_with(".jsonl") {
        let file = std::fs::File::open(&input).map_err(|e| format!("{input}: {e}"))?;
        for (no, line) in std::io::BufReader::new(file).lines().enumerate() {
            if docs.len() >= first {
                break;
            }
            let line = line.map_err(|e| format!("{input}: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line)
                .map_err(|e| format!("{input}:{}: not JSON: {e}", no + 1))?;
            let text = v["text"]
                .as_str()
                .ok_or_else(|| format!("{input}:{}: no \"text\" string field", no + 1))?
                .to_string();
            let mut doc = ex.extract(&text);
            doc.id = v["id"]
                .as_str()
                .map(str::to_string)
                .or_else(|| Some(format!("line {}", no + 1)));
            docs.push((doc, text));
        }
    } else {
        let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
        let decoded = vietfacts::Decoder::builder()
            .encoding(common.encoding)
            .build()
            .decode(&bytes)
            .map_err(|e| format!("{input}: {e}"))?;
        let mut doc = ex.extract_decoded(&decoded);
        doc.id = Some(input.clone());
        docs.push((doc, decoded.text().to_string()));
    }
    let html = page(&docs);
    match out {
        Some(path) => std::fs::write(&path, html).map_err(|e| format!("{path}: {e}")),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(html.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("standard output: {e}"))
                }
                _ => Ok(()),
            }
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("highlight: {e}");
            ExitCode::from(2)
        }
    }
}
