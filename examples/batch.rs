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
use std::ops::Range;
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
/// [`BUNDLE_BYTES`]): one hand-off per bundle, not per document. Small
/// enough that the last bundles of a run keep every worker busy.
const BUNDLE: usize = 16;

// Once a window ahead, the reader waits until the writer is less than
// half a window behind the last document of the bundle it sends
// (`Window::wait_for`): a bundle larger than that could never be sent.
const _: () = assert!(BUNDLE < WINDOW / 2);

/// A bundle is sent once it holds this many bytes of input.
const BUNDLE_BYTES: usize = 64 * 1024;

/// The input is read this many bytes at a time, straight into the buffer
/// its lines are extracted from: the lines are not copied one by one.
const CHUNK: usize = 256 * 1024;

/// Numbered records, read in order, with the bytes their lines lie in.
struct Bundle {
    /// One read of the input (whole lines, then bytes that mean nothing: a
    /// buffer read into again), shared by the bundles cut from it;
    /// [`Record::Line`] ranges index it.
    chunk: Arc<Vec<u8>>,
    /// The number of the first record; the others follow it in order.
    first: usize,
    /// The records; bad JSON lines and unreadable files are errors, so
    /// that they keep their place.
    records: Vec<Result<Record, String>>,
}

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
    /// A line of a JSON Lines input (1-based line number, its bytes in the
    /// bundle's chunk without the newline): parsed by the worker, so the
    /// reader only splits lines and the one serial thread stays cheap.
    Line { no: usize, range: Range<usize> },
    /// A file of a directory: its path (the id) and bytes.
    File { path: String, bytes: Vec<u8> },
}

/// What a worker hands the writer for one bundle.
struct Done {
    /// The bundle's first record number.
    first: usize,
    /// Its records.
    records: usize,
    /// The documents extracted, rendered one after the other in input
    /// order: the writer writes them with one call.
    output: Vec<u8>,
    /// The documents in `output`.
    docs: usize,
    /// The records that failed, in order.
    errors: Vec<String>,
    /// Input bytes of the records.
    bytes: usize,
    /// Facts of each kind (by [`FactKind::ALL`]'s order), counted by the
    /// worker: the one writer thread only adds them up.
    facts: Tally,
}

/// Fact counts by kind, in [`FactKind::ALL`]'s order.
type Tally = [usize; FactKind::ALL.len()];

/// Adds a document's facts to the [`Tally`] `t`.
fn tally(doc: &vietfacts::Document, t: &mut Tally) {
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
}

/// Limits how far the reader may run ahead of the writer.
///
/// Once [`WINDOW`] documents ahead, the reader sleeps until the writer has
/// caught up by half of it: it is woken once per half window, not once
/// per bundle written (each wake is a context switch, taken from the
/// workers' time when they use every core).
struct Window {
    /// Documents written, and how many the sleeping reader waits for (0
    /// when it does not sleep).
    state: Mutex<(usize, usize)>,
    moved: Condvar,
}

impl Window {
    fn new() -> Window {
        Window {
            state: Mutex::new((0, 0)),
            moved: Condvar::new(),
        }
    }

    /// Returns once document `seq`, the last of a bundle, may be sent (or
    /// the run stops): at once while it is less than [`WINDOW`] documents
    /// ahead of the writer, else once it is less than half of that. The
    /// documents before its bundle are sent already, so the writer can get
    /// there ([`BUNDLE`] is less than half a window).
    fn wait_for(&self, seq: usize, stop: &AtomicBool) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if seq < s.0 + WINDOW {
            return;
        }
        let wanted = seq + 1 + WINDOW / 2 - WINDOW;
        while s.0 < wanted && !stop.load(Ordering::Relaxed) {
            s.1 = wanted;
            s = self
                .moved
                .wait_timeout(s, Duration::from_millis(200))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        s.1 = 0;
    }

    /// Notes that `written` documents are written, waking the reader if
    /// it waits for no more.
    fn advance(&self, written: usize) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 = written;
        if s.1 != 0 && written >= s.1 {
            self.moved.notify_all();
        }
    }
}

/// What the reader needs to know (owned: the reader thread may outlive the
/// run when it is blocked on a silent standard input after Ctrl-C).
struct Source {
    input: Option<PathBuf>,
}

/// Reads the input, sending numbered records in bundles; bad JSON lines
/// are sent as errors so they keep their place.
fn read_input(
    o: &Source,
    tx: SyncSender<Bundle>,
    window: &Window,
    stop: &AtomicBool,
) -> Result<(), String> {
    let mut out = Bundler {
        tx,
        window,
        stop,
        next: 0,
    };
    match &o.input {
        Some(dir) if dir.is_dir() => {
            let none = Arc::new(Vec::new());
            for path in txt_files(dir)? {
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                let item = std::fs::read(&path)
                    .map(|bytes| Record::File { path: name, bytes })
                    .map_err(|e| format!("{}: {e}", path.display()));
                if !out.send(&none, vec![item]) {
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
            read_lines(source, &mut out).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}

/// Numbers records and sends them in bundles.
struct Bundler<'a> {
    tx: SyncSender<Bundle>,
    window: &'a Window,
    stop: &'a AtomicBool,
    /// The next record's number.
    next: usize,
}

impl Bundler<'_> {
    /// Sends `records` (whose lines lie in `chunk`) as one bundle, once the
    /// writer is close enough; false when the run is over.
    fn send(&mut self, chunk: &Arc<Vec<u8>>, records: Vec<Result<Record, String>>) -> bool {
        if records.is_empty() {
            return !self.stop.load(Ordering::Relaxed);
        }
        let first = self.next;
        self.next += records.len();
        self.window.wait_for(self.next - 1, self.stop);
        let bundle = Bundle {
            chunk: Arc::clone(chunk),
            first,
            records,
        };
        self.tx.send(bundle).is_ok() && !self.stop.load(Ordering::Relaxed)
    }
}

/// Reads JSON Lines from `source` in chunks of whole lines and sends them.
///
/// Each read goes straight into a chunk; once the chunk holds [`CHUNK`]
/// bytes, or a read came back short (a pipe that is slow to fill: the next
/// read may wait), its whole lines are sent and the unfinished last line
/// starts the next chunk. A line longer than a chunk grows it. A last line
/// without a line break is a record too; blank lines are skipped but
/// counted in the line numbers.
///
/// A chunk the workers are done with is read into again ([`Chunks`]): its
/// memory is neither zeroed nor faulted in anew for every 256 KB of input
/// (this thread's time is taken from the workers' when they use every core).
fn read_lines(mut source: impl Read, out: &mut Bundler<'_>) -> std::io::Result<()> {
    let mut chunks = Chunks::default();
    // The chunk read into: its bytes are all initialized, the first
    // `filled` are input.
    let mut chunk = chunks.take();
    let mut filled = 0;
    // Lines read so far (the next line's number is one more).
    let mut no = 0;
    loop {
        // Room for half a chunk at least, else twice the size for a line
        // longer than a chunk (only the new part is zeroed).
        if chunk.len() - filled < CHUNK / 2 {
            chunk.resize(filled + filled.max(CHUNK), 0);
        }
        let room = chunk.len() - filled;
        let n = loop {
            match source.read(chunk.get_mut(filled..).unwrap_or_default()) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        let read = filled..filled + n;
        filled += n;
        let eof = n == 0;
        // Whole lines end at the last line break; at the end of the input
        // the rest is a line too.
        let whole = if eof {
            filled
        } else {
            match memchr::memrchr(b'\n', chunk.get(read.clone()).unwrap_or_default()) {
                Some(i) => read.start + i + 1,
                None => continue,
            }
        };
        if !(eof || n < room || filled >= CHUNK) {
            continue;
        }
        // The unfinished last line starts the next chunk.
        let rest = filled - whole;
        let mut next = chunks.take();
        if next.len() < rest {
            next.resize(rest, 0);
        }
        if let (Some(to), Some(from)) = (next.get_mut(..rest), chunk.get(whole..filled)) {
            to.copy_from_slice(from);
        }
        filled = rest;
        let full = Arc::new(std::mem::replace(&mut chunk, next));
        if !send_lines(&full, whole, &mut no, out) || eof {
            return Ok(());
        }
        chunks.keep(full);
    }
}

/// The chunks sent to the workers, oldest first, taken back to be read
/// into once no bundle holds them any more.
#[derive(Default)]
struct Chunks {
    sent: std::collections::VecDeque<Arc<Vec<u8>>>,
}

impl Chunks {
    /// Chunks kept at most: the reader runs at most [`WINDOW`] documents
    /// ahead of the writer, so this many are rarely in flight.
    const KEPT: usize = 32;

    /// A buffer of at least [`CHUNK`] initialized bytes: the oldest chunk
    /// sent if the workers are done with it, else a new one.
    fn take(&mut self) -> Vec<u8> {
        if let Some(oldest) = self.sent.pop_front() {
            match Arc::try_unwrap(oldest) {
                Ok(buffer) => return buffer,
                Err(oldest) => self.sent.push_front(oldest),
            }
        }
        vec![0; CHUNK]
    }

    /// Keeps a chunk just sent, to read into again later; one grown for a
    /// long line is let go.
    fn keep(&mut self, chunk: Arc<Vec<u8>>) {
        if chunk.len() <= 2 * CHUNK {
            self.sent.push_back(chunk);
        }
        if self.sent.len() > Self::KEPT {
            self.sent.pop_front();
        }
    }
}

/// Sends the lines of `chunk[..end]` (whole lines, the last one's break
/// optional) in bundles; false when the run is over.
fn send_lines(chunk: &Arc<Vec<u8>>, end: usize, no: &mut usize, out: &mut Bundler<'_>) -> bool {
    let lines = chunk.get(..end).unwrap_or_default();
    let mut records = Vec::with_capacity(BUNDLE);
    let mut bytes = 0;
    let mut start = 0;
    while start < lines.len() {
        let end = memchr::memchr(b'\n', lines.get(start..).unwrap_or_default())
            .map_or(lines.len(), |i| start + i);
        *no += 1;
        let line = lines.get(start..end).unwrap_or_default();
        if !line.iter().all(u8::is_ascii_whitespace) {
            records.push(Ok(Record::Line {
                no: *no,
                range: start..end,
            }));
            bytes += line.len();
            if records.len() >= BUNDLE || bytes >= BUNDLE_BYTES {
                bytes = 0;
                let full = std::mem::replace(&mut records, Vec::with_capacity(BUNDLE));
                if !out.send(chunk, full) {
                    return false;
                }
            }
        }
        start = end + 1;
    }
    out.send(chunk, records)
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
    tx: &SyncSender<Done>,
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
        // The output of news articles is about three quarters of their
        // input: room for it in one allocation.
        let input: usize = bundle
            .records
            .iter()
            .map(|r| match r {
                Ok(Record::Line { range, .. }) => range.len(),
                Ok(Record::File { bytes, .. }) => bytes.len(),
                Err(_) => 0,
            })
            .sum();
        let mut done = Done {
            first: bundle.first,
            records: bundle.records.len(),
            output: Vec::with_capacity(input),
            docs: 0,
            errors: Vec::new(),
            bytes: 0,
            facts: [0; FactKind::ALL.len()],
        };
        for record in bundle.records {
            process(ex, decoder, o, &bundle.chunk, record, &mut done);
        }
        if tx.send(done).is_err() {
            return;
        }
    }
}

/// Extracts one record and renders it into `done`.
fn process(
    ex: &Extractor,
    decoder: &Decoder,
    o: &Options,
    chunk: &[u8],
    record: Result<Record, String>,
    done: &mut Done,
) {
    let mut keep = |doc: &vietfacts::Document, text: &str, bytes: usize| {
        tally(doc, &mut done.facts);
        o.format
            .render_into(doc, text, o.common.char_offsets, &mut done.output);
        done.docs += 1;
        done.bytes += bytes;
    };
    match record {
        Err(e) => done.errors.push(e),
        Ok(Record::Line { no, range }) => {
            let line = chunk.get(range).unwrap_or_default();
            match cli::parse_record(line, &o.id_field, &o.text_field) {
                Ok(cli::Record { id, text }) => {
                    let mut doc = ex.extract(&text);
                    doc.id = id;
                    keep(&doc, &text, line.len() + 1);
                }
                Err(e) => {
                    done.errors.push(format!("{}:{no}: {e}", input_name(o)));
                    done.bytes += line.len() + 1;
                }
            }
        }
        Ok(Record::File { path, bytes }) => match decoder.decode(&bytes) {
            Ok(decoded) => {
                let mut doc = ex.extract_decoded(&decoded);
                doc.id = Some(path);
                keep(&doc, decoded.text(), bytes.len());
            }
            Err(e) => {
                done.errors.push(format!("{path}: {e}"));
                done.bytes += bytes.len();
            }
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
    let window = Arc::new(Window::new());
    // Room for a whole window of bundles (each has a document at least):
    // the window, not the channel, holds the reader back (see [`Window`]).
    let (in_tx, in_rx) = sync_channel(WINDOW);
    let in_rx = Mutex::new(in_rx);
    let (out_tx, out_rx) = sync_channel::<Done>(o.jobs * 4);
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
    // Built while the reader reads the first chunk.
    let ex = o.common.extractor();
    let decoder = Decoder::builder().encoding(o.common.encoding).build();
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
        // Write in input order, a bundle at a time.
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        // Written output is flushed whenever the writer would wait, so a
        // document read from a slow pipe shows up as soon as it is done.
        loop {
            let done = match out_rx.try_recv() {
                Ok(done) => done,
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
                        Ok(done) => done,
                        Err(_) => break,
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
            };
            pending.insert(done.first, done);
            while let Some(done) = pending.remove(&next) {
                next += done.records;
                bytes += done.bytes as u64;
                docs += done.docs;
                for (&k, &n) in FactKind::ALL.iter().zip(&done.facts) {
                    if n > 0 {
                        *per_kind.entry(k).or_default() += n;
                    }
                }
                if write_error.is_none() {
                    if let Err(e) = out.write_all(&done.output) {
                        // A closed pipe (`| head`) ends the run quietly.
                        if e.kind() != std::io::ErrorKind::BrokenPipe {
                            write_error = Some(format!("output: {e}"));
                        }
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                for e in &done.errors {
                    errors += 1;
                    eprintln!("batch: {e}");
                }
                window.advance(next);
                progress.show(docs, bytes, false);
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
