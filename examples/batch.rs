//! Extract facts from a whole corpus, in parallel, in input order.
//!
//! ```text
//! cargo run --release --example batch -- [OPTIONS] [INPUT]
//!   INPUT            a JSON Lines file ({"id", "text"} per line), a directory of .txt
//!                    files (each decoded with detection), or - / nothing for standard input
//!   --out FILE       write there instead of standard output
//!   --jobs N         worker threads (default: all cores)
//!   --format jsonl|spacy|conll   output format (default jsonl: one Document per line)
//!   --id-field NAME, --text-field NAME   JSON field names (default id, text)
//!   --quiet          no progress, no summary
//!   and the options of `extract`: --encoding --kinds --tone --reference-date --numbers
//!   --diagnostics --char-offsets
//! ```
//!
//! Lines or files are read one at a time by a reader thread, parsed and
//! extracted by `--jobs` workers and written in input order, with at most a
//! fixed window of documents in flight: memory stays bounded whatever the corpus size, and
//! the output is the same for any number of jobs. A bad record (invalid
//! JSON, missing field, unreadable file) is reported on standard error with
//! its line number or path and skipped; the exit status is then 1. Ctrl-C
//! stops reading, finishes and writes what is in flight, and exits with 130.
//! Progress goes to standard error: a bar on a terminal, a status line every
//! ten seconds otherwise.

#[path = "shared/cli.rs"]
mod cli;
#[path = "shared/formats.rs"]
mod formats;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use vietfacts::{Decoder, Extractor, FactKind};

const USAGE: &str = "usage: batch [--out FILE] [--jobs N] [--format jsonl|spacy|conll] \
[--id-field NAME] [--text-field NAME] [--quiet] [extract options] [INPUT|-]";

/// How many documents may be read ahead of the one being written.
const WINDOW: usize = 1024;

/// Records travel between threads in bundles of up to this many (or
/// [`BUNDLE_BYTES`]): one hand-off per bundle, not per document.
const BUNDLE: usize = 32;

/// A bundle is sent once it holds this many bytes of input.
const BUNDLE_BYTES: usize = 256 * 1024;

/// Numbered records, read in order.
type Bundle = Vec<(usize, Result<Record, String>)>;

struct Options {
    common: cli::Common,
    input: Option<PathBuf>,
    out: Option<PathBuf>,
    jobs: usize,
    format: formats::Format,
    id_field: String,
    text_field: String,
    quiet: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        common: cli::Common::default(),
        input: None,
        out: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        format: formats::Format::Jsonl,
        id_field: "id".into(),
        text_field: "text".into(),
        quiet: false,
    };
    cli::each_arg(USAGE, |name, value| {
        if o.common.take(&name, value)? {
            return Ok(());
        }
        match name.as_str() {
            "--out" => o.out = Some(PathBuf::from(value("--out")?)),
            "--jobs" => {
                o.jobs = value("--jobs")?
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| "--jobs needs a positive number".to_string())?
            }
            "--format" => o.format = value("--format")?.parse()?,
            "--id-field" => o.id_field = value("--id-field")?,
            "--text-field" => o.text_field = value("--text-field")?,
            "--quiet" => o.quiet = true,
            "-h" | "--help" => {
                return Err(format!("{USAGE}\n  extract options: {}", cli::COMMON_USAGE));
            }
            "-" => o.input = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if o.input.is_some() => return Err(format!("more than one input\n{USAGE}")),
            _ => o.input = Some(PathBuf::from(name)),
        }
        Ok(())
    })?;
    Ok(o)
}

/// One input document.
enum Record {
    /// A line of a JSON Lines input (1-based line number, bytes without the
    /// newline): parsed by the worker, so the reader only splits lines and
    /// the one serial thread stays cheap.
    Line { no: usize, line: Vec<u8> },
    /// A file of a directory: its path (the id) and bytes.
    File { path: String, bytes: Vec<u8> },
}

/// What a worker hands the writer for one record.
struct Done {
    output: Result<Vec<u8>, String>,
    bytes: usize,
    /// Facts of each kind (by [`FactKind::ALL`]'s order), counted by the
    /// worker: the one writer thread only adds them up.
    facts: Tally,
}

/// Fact counts by kind, in [`FactKind::ALL`]'s order.
type Tally = [usize; FactKind::ALL.len()];

/// The [`Tally`] of a document's facts.
fn tally(doc: &vietfacts::Document) -> Tally {
    let mut t: Tally = [0; FactKind::ALL.len()];
    for f in &doc.facts {
        let kind = f.kind();
        if let Some(n) = FactKind::ALL
            .iter()
            .position(|&k| k == kind)
            .and_then(|p| t.get_mut(p))
        {
            *n += 1;
        }
    }
    t
}

/// Limits how far the reader may run ahead of the writer.
struct Window {
    written: Mutex<usize>,
    moved: Condvar,
}

impl Window {
    fn wait_for(&self, seq: usize, stop: &AtomicBool) {
        let mut w = self.written.lock().unwrap_or_else(|e| e.into_inner());
        while seq >= *w + WINDOW && !stop.load(Ordering::Relaxed) {
            w = self
                .moved
                .wait_timeout(w, Duration::from_millis(200))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }

    fn advance(&self, written: usize) {
        *self.written.lock().unwrap_or_else(|e| e.into_inner()) = written;
        self.moved.notify_all();
    }
}

/// What the reader needs to know (owned: the reader thread may outlive the
/// run when it is blocked on a silent standard input after Ctrl-C).
struct Source {
    input: Option<PathBuf>,
}

/// Reads the input, sending numbered records; bad JSON lines are sent as
/// errors so they keep their place.
fn read_input(
    o: &Source,
    tx: SyncSender<Bundle>,
    window: &Window,
    stop: &AtomicBool,
) -> Result<(), String> {
    let mut seq = 0;
    let mut bundle: Bundle = Vec::with_capacity(BUNDLE);
    let mut bytes = 0;
    // Adds a record to the bundle, sending the bundle when it is full (or
    // `flush`); false when the run is over.
    let mut send = |item: Option<Result<Record, String>>, flush: bool| -> bool {
        if let Some(item) = item {
            bytes += match &item {
                Ok(Record::Line { line, .. }) => line.len(),
                Ok(Record::File { bytes, .. }) => bytes.len(),
                Err(_) => 0,
            };
            bundle.push((seq, item));
            seq += 1;
        }
        if bundle.is_empty() || !(flush || bundle.len() >= BUNDLE || bytes >= BUNDLE_BYTES) {
            return !stop.load(Ordering::Relaxed);
        }
        window.wait_for(seq - 1, stop);
        bytes = 0;
        let ok = tx.send(std::mem::take(&mut bundle)).is_ok();
        ok && !stop.load(Ordering::Relaxed)
    };
    match &o.input {
        Some(dir) if dir.is_dir() => {
            for path in txt_files(dir)? {
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                let item = std::fs::read(&path)
                    .map(|bytes| Record::File { path: name, bytes })
                    .map_err(|e| format!("{}: {e}", path.display()));
                if !send(Some(item), false) {
                    break;
                }
            }
        }
        input => {
            let name = input
                .as_ref()
                .map_or_else(|| "standard input".to_string(), |p| p.display().to_string());
            let source: Box<dyn Read> = match input {
                Some(p) => Box::new(std::fs::File::open(p).map_err(|e| format!("{name}: {e}"))?),
                None => Box::new(std::io::stdin().lock()),
            };
            let mut reader = std::io::BufReader::with_capacity(1 << 20, source);
            let mut no = 0;
            loop {
                // The next read may wait (a pipe that is slow to fill):
                // send what is bundled first, so that every line read is
                // extracted without waiting for more.
                if reader.buffer().is_empty() && !send(None, true) {
                    break;
                }
                let mut line = Vec::new();
                if !cli::read_line(&mut reader, &mut line).map_err(|e| format!("{name}: {e}"))? {
                    break;
                }
                no += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if !send(Some(Ok(Record::Line { no, line })), false) {
                    break;
                }
            }
        }
    }
    send(None, true);
    Ok(())
}

/// How errors name the input.
fn input_name(o: &Options) -> String {
    o.input
        .as_ref()
        .map_or_else(|| "standard input".to_string(), |p| p.display().to_string())
}

/// The `.txt` files under `dir`, sorted by path.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in entries {
            let p = e.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Total input size, when it can be known (for the ETA).
fn input_size(o: &Options) -> Option<u64> {
    let p = o.input.as_ref()?;
    if p.is_dir() {
        txt_files(p).ok().map(|fs| {
            fs.iter()
                .filter_map(|f| f.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
    } else {
        p.metadata().ok().map(|m| m.len())
    }
}

fn work(
    ex: &Extractor,
    decoder: &Decoder,
    o: &Options,
    rx: &Mutex<Receiver<Bundle>>,
    tx: &SyncSender<Vec<(usize, Done)>>,
    stop: &AtomicBool,
) {
    loop {
        let next = rx
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .recv_timeout(Duration::from_millis(100));
        let bundle = match next {
            Ok(x) => x,
            // Nothing to do: go on waiting, unless interrupted.
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if !stop.load(Ordering::Relaxed) => {
                continue;
            }
            Err(_) => return,
        };
        let done = bundle
            .into_iter()
            .map(|(seq, item)| (seq, process(ex, decoder, o, item)))
            .collect();
        if tx.send(done).is_err() {
            return;
        }
    }
}

/// Extracts one record and renders it.
fn process(ex: &Extractor, decoder: &Decoder, o: &Options, item: Result<Record, String>) -> Done {
    match item {
        Err(e) => Done {
            output: Err(e),
            bytes: 0,
            facts: Tally::default(),
        },
        Ok(Record::Line { no, line }) => match cli::parse_record(&line, &o.id_field, &o.text_field)
        {
            Ok(cli::Record { id, text }) => {
                let mut doc = ex.extract(&text);
                doc.id = id;
                Done {
                    facts: tally(&doc),
                    output: Ok(o.format.render(&doc, &text, o.common.char_offsets)),
                    bytes: line.len() + 1,
                }
            }
            Err(e) => Done {
                output: Err(format!("{}:{no}: {e}", input_name(o))),
                bytes: line.len() + 1,
                facts: Tally::default(),
            },
        },
        Ok(Record::File { path, bytes }) => match decoder.decode(&bytes) {
            Ok(decoded) => {
                let mut doc = ex.extract_decoded(&decoded);
                doc.id = Some(path);
                Done {
                    facts: tally(&doc),
                    output: Ok(o.format.render(&doc, decoded.text(), o.common.char_offsets)),
                    bytes: bytes.len(),
                }
            }
            Err(e) => Done {
                output: Err(format!("{path}: {e}")),
                bytes: bytes.len(),
                facts: Tally::default(),
            },
        },
    }
}

/// Progress on standard error.
struct Progress {
    start: Instant,
    last: Instant,
    tty: bool,
    quiet: bool,
    total: Option<u64>,
}

impl Progress {
    fn show(&mut self, docs: usize, bytes: u64, last: bool) {
        if self.quiet {
            return;
        }
        let now = Instant::now();
        let every = if self.tty {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(10)
        };
        if !last && now.duration_since(self.last) < every {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.start).as_secs_f64().max(1e-9);
        let mbs = bytes as f64 / 1e6 / secs;
        let eta = self
            .total
            .filter(|t| *t > 0 && bytes > 0)
            .map(|t| {
                let left = t.saturating_sub(bytes) as f64 / (bytes as f64 / secs);
                format!(", ETA {:.0}s", left)
            })
            .unwrap_or_default();
        let pct = self
            .total
            .filter(|t| *t > 0)
            .map(|t| format!(" {:5.1}%", 100.0 * bytes as f64 / t as f64))
            .unwrap_or_default();
        let line = format!(
            "batch:{pct} {docs} documents, {:.1} MB, {mbs:.1} MB/s{eta}",
            bytes as f64 / 1e6
        );
        if self.tty {
            // On a terminal, a bar when the size of the input is known.
            let bar = self
                .total
                .filter(|t| *t > 0)
                .map(|t| {
                    let filled = ((bytes as f64 / t as f64).min(1.0) * 24.0) as usize;
                    format!("[{}{}] ", "#".repeat(filled), ".".repeat(24 - filled))
                })
                .unwrap_or_default();
            eprint!("\r\x1b[2K{bar}{line}");
            if last {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    }
}

fn run() -> Result<u8, String> {
    let o = parse_args()?;
    let ex = o.common.extractor();
    let decoder = Decoder::builder().encoding(o.common.encoding).build();
    let stop = Arc::new(AtomicBool::new(false));
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let (stop, interrupted) = (Arc::clone(&stop), Arc::clone(&interrupted));
        // A second Ctrl-C is the default: gone at once.
        let _ = ctrlc::set_handler(move || {
            if interrupted.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            stop.store(true, Ordering::SeqCst);
        });
    }
    let mut out: Box<dyn Write> = match &o.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let window = Arc::new(Window {
        written: Mutex::new(0),
        moved: Condvar::new(),
    });
    let (in_tx, in_rx) = sync_channel(o.jobs * 4);
    let in_rx = Mutex::new(in_rx);
    let (out_tx, out_rx) = sync_channel::<Vec<(usize, Done)>>(o.jobs * 4);
    // The reader is not joined: after Ctrl-C it may be blocked on a silent
    // standard input, and the run must end anyway.
    let (read_tx, read_rx) = std::sync::mpsc::channel();
    {
        let source = Source {
            input: o.input.clone(),
        };
        let (window, stop) = (Arc::clone(&window), Arc::clone(&stop));
        std::thread::spawn(move || {
            let r = read_input(&source, in_tx, &window, &stop);
            let _ = read_tx.send(r);
        });
    }
    let mut progress = Progress {
        start: Instant::now(),
        last: Instant::now(),
        tty: std::io::stderr().is_terminal(),
        quiet: o.quiet,
        total: input_size(&o),
    };
    let (mut docs, mut bytes, mut errors) = (0usize, 0u64, 0usize);
    let mut per_kind: BTreeMap<FactKind, usize> = BTreeMap::new();
    let mut write_error: Option<String> = None;
    std::thread::scope(|s| {
        for _ in 0..o.jobs {
            let tx = out_tx.clone();
            let (ex, decoder, o, in_rx, stop) = (&ex, &decoder, &o, &in_rx, &*stop);
            s.spawn(move || work(ex, decoder, o, in_rx, &tx, stop));
        }
        drop(out_tx);
        // Write in input order.
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        // Written output is flushed whenever the writer would wait, so a
        // document read from a slow pipe shows up as soon as it is done.
        loop {
            let bundle = match out_rx.try_recv() {
                Ok(bundle) => bundle,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    if write_error.is_none() {
                        if let Err(e) = out.flush() {
                            if e.kind() != std::io::ErrorKind::BrokenPipe {
                                write_error = Some(format!("output: {e}"));
                            }
                            stop.store(true, Ordering::SeqCst);
                        }
                    }
                    match out_rx.recv() {
                        Ok(bundle) => bundle,
                        Err(_) => break,
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
            };
            for (seq, done) in bundle {
                pending.insert(seq, done);
                while let Some(done) = pending.remove(&next) {
                    next += 1;
                    bytes += done.bytes as u64;
                    match done.output {
                        Ok(output) => {
                            docs += 1;
                            for (&k, &n) in FactKind::ALL.iter().zip(&done.facts) {
                                if n > 0 {
                                    *per_kind.entry(k).or_default() += n;
                                }
                            }
                            if write_error.is_none() {
                                if let Err(e) = out.write_all(&output) {
                                    // A closed pipe (`| head`) ends the run quietly.
                                    if e.kind() != std::io::ErrorKind::BrokenPipe {
                                        write_error = Some(format!("output: {e}"));
                                    }
                                    stop.store(true, Ordering::SeqCst);
                                }
                            }
                        }
                        Err(e) => {
                            errors += 1;
                            eprintln!("batch: {e}");
                        }
                    }
                    window.advance(next);
                    progress.show(docs, bytes, false);
                }
            }
        }
    });
    // The reader's own error (an unreadable file), if it finished.
    let read_result = read_rx.try_recv().unwrap_or(Ok(()));
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe && write_error.is_none() {
            write_error = Some(format!("output: {e}"));
        }
    }
    progress.show(docs, bytes, true);
    read_result?;
    if let Some(e) = write_error {
        return Err(e);
    }
    if !o.quiet {
        let secs = progress.start.elapsed().as_secs_f64().max(1e-9);
        let kinds: Vec<String> = per_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        eprintln!(
            "batch: {docs} documents, {:.1} MB in {secs:.1}s ({:.1} MB/s, {} jobs); facts: {}; errors: {errors}",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs,
            o.jobs,
            if kinds.is_empty() {
                "none".to_string()
            } else {
                kinds.join(", ")
            },
        );
    }
    Ok(if interrupted.load(Ordering::SeqCst) {
        130
    } else if errors > 0 {
        1
    } else {
        0
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::from(2)
        }
    }
}
