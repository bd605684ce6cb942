//! Decode and normalize a Vietnamese text file.
//!
//! ```text
//! cargo run --example normalize -- [--encoding auto|utf-8|tcvn3|vni|viqr|viscii|cp1258]
//!     [--tone traditional|modern|preserve] [--key] [FILE|-]
//! ```
//!
//! Reads FILE (or standard input) as bytes, decodes it (detecting the
//! encoding unless one is named), normalizes it (NFC, one tone placement,
//! canonical spaces) and prints the text — or, with `--key`, its search key
//! (lowercase, no diacritics) — to standard output. The encoding, its
//! confidence and a count of what was reported go to standard error.

#[path = "shared/cli.rs"]
mod cli;

use std::io::{Read, Write};
use std::process::ExitCode;
use vietfacts::{Decoder, Encoding, Normalizer, ToneStyle};

const USAGE: &str = "usage: normalize [--encoding auto|utf-8|tcvn3|vni|viqr|viscii|cp1258] \
[--tone traditional|modern|preserve] [--key] [FILE|-]";

struct Options {
    encoding: Option<Encoding>,
    tone: ToneStyle,
    key: bool,
    input: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        encoding: None,
        tone: ToneStyle::Traditional,
        key: false,
        input: None,
    };
    cli::each_arg(USAGE, |name, value| {
        match name.as_str() {
            "--encoding" => {
                opts.encoding =
                    Encoding::from_label(&value("--encoding")?).map_err(|e| e.to_string())?
            }
            "--tone" => {
                opts.tone = value("--tone")?
                    .parse()
                    .map_err(|e: vietfacts::Error| e.to_string())?
            }
            "--key" => opts.key = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            "-" => opts.input = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if opts.input.is_some() => return Err(format!("more than one input file\n{USAGE}")),
            _ => opts.input = Some(name),
        }
        Ok(())
    })?;
    Ok(opts)
}

fn run() -> Result<(), String> {
    let opts = parse_args()?;
    let bytes = match &opts.input {
        Some(path) => std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("standard input: {e}"))?;
            buf
        }
    };
    let decoder = Decoder::builder().encoding(opts.encoding).build();
    let decoded = decoder.decode(&bytes).map_err(|e| e.to_string())?;
    let normalizer = Normalizer::builder().tone(opts.tone).build();
    let normalized = if opts.key {
        normalizer.key(decoded.text())
    } else {
        normalizer.normalize(decoded.text())
    };
    eprintln!(
        "encoding: {} (confidence {:.2}); {} decoding problem(s), {} normalization note(s), {} edit(s)",
        decoded.encoding(),
        decoded.confidence(),
        decoded.problems().len(),
        normalized.notes().len(),
        normalized.offsets().edits().len()
    );
    let mut out = std::io::stdout().lock();
    match out
        .write_all(normalized.as_str().as_bytes())
        .and_then(|()| out.flush())
    {
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("standard output: {e}")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("normalize: {e}");
            ExitCode::from(2)
        }
    }
}
