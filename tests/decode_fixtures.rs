//! Every fixture in fixtures/encodings/ (made by tools/make_encoding_fixtures.sh,
//! see its README) decodes back to the NFC text of the seed article, with
//! the right encoding detected from the bytes alone.

use unicode_normalization::UnicodeNormalization;
use vietfacts::{DecodeProblemKind, Decoder, Encoding, MojibakeRepair, Scope, decode};

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed() -> String {
    String::from_utf8(read("duong-quang-2017.txt"))
        .expect("UTF-8 seed")
        .nfc()
        .collect()
}

/// The seed with the punctuation folding the legacy fixtures went through.
fn folded() -> String {
    seed()
        .replace('–', "-")
        .replace(['“', '”'], "\"")
        .replace('\u{a0}', " ")
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

fn check(file: &str, want_enc: Encoding, want_text: &str) -> Vec<String> {
    let bytes = read(&format!("encodings/{file}"));
    let d = decode(&bytes);
    let mut fails = Vec::new();
    if d.encoding() != want_enc {
        fails.push(format!(
            "{file}: detected {} (confidence {}), expected {want_enc}",
            d.encoding(),
            d.confidence()
        ));
    }
    let got = nfc(d.text());
    if got != want_text {
        let i = got
            .chars()
            .zip(want_text.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let ctx = |s: &str| {
            s.chars()
                .skip(i.saturating_sub(15))
                .take(30)
                .collect::<String>()
        };
        fails.push(format!(
            "{file}: text differs at char {i}: {:?} vs {:?}",
            ctx(&got),
            ctx(want_text)
        ));
    }
    if let Some(p) = d.problems().iter().find(|p| p.kind.is_error()) {
        fails.push(format!("{file}: unexpected problem {p:?}"));
    }
    fails
}

#[test]
fn every_encoding_fixture_decodes_to_the_seed() {
    let seed = seed();
    let folded = folded();
    let mut fails = Vec::new();
    for (file, enc, text) in [
        ("duong-quang-2017.tcvn3.txt", Encoding::Tcvn3, &folded),
        ("duong-quang-2017.viscii.txt", Encoding::Viscii, &folded),
        ("duong-quang-2017.vni.txt", Encoding::Vni, &folded),
        ("duong-quang-2017.viqr.txt", Encoding::Viqr, &folded),
        ("duong-quang-2017.cp1258.txt", Encoding::Cp1258, &seed),
        ("duong-quang-2017.utf-8-nfd.txt", Encoding::Utf8Nfd, &seed),
        ("duong-quang-2017.utf-16le.txt", Encoding::Utf16Le, &seed),
        ("duong-quang-2017.utf-8-bom.txt", Encoding::Utf8, &seed),
    ] {
        fails.extend(check(file, enc, text));
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn bom_fixture_reports_the_bom() {
    let bytes = read("encodings/duong-quang-2017.utf-8-bom.txt");
    let d = decode(&bytes);
    assert!(d.had_bom());
    assert!(matches!(d.into_text(), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn mojibake_fixture_is_reported_and_repaired_on_request() {
    let bytes = read("encodings/duong-quang-2017.cp1252-mojibake.txt");
    let plain = decode(&bytes);
    assert_eq!(plain.encoding(), Encoding::Utf8);
    assert_eq!(
        plain.text().as_bytes(),
        &bytes[..],
        "not repaired by default"
    );
    assert!(
        plain
            .problems()
            .iter()
            .any(|p| p.kind == DecodeProblemKind::SuspectedMojibake)
    );
    let fixed = Decoder::builder()
        .mojibake(MojibakeRepair::Cp1252)
        .build()
        .decode(&bytes)
        .unwrap();
    assert_eq!(fixed.repair(), MojibakeRepair::Cp1252);
    assert_eq!(nfc(fixed.text()), seed());
    assert!(
        fixed
            .problems()
            .iter()
            .all(|p| p.kind == DecodeProblemKind::MojibakeRepaired)
    );
}

#[test]
fn vntimeh_heading_gets_its_capitals() {
    let bytes = read("encodings/vntimeh-heading.tcvn3.txt");
    let d = decode(&bytes);
    assert_eq!(d.encoding(), Encoding::Tcvn3);
    let seed = folded();
    let mut lines = seed.lines();
    let heading = lines.next().unwrap().to_uppercase();
    let body: Vec<&str> = lines.take(2).collect();
    let want = format!("{heading}\n{}\n", body.join("\n"));
    assert_eq!(nfc(d.text()), want);
    assert!(
        d.problems()
            .iter()
            .any(|p| p.kind == DecodeProblemKind::CaseRestored)
    );
}

#[test]
fn mixed_fixture_per_document_and_per_line() {
    let bytes = read("encodings/duong-quang-2017.mixed-utf8-cp1258.txt");
    // Per document: most Vietnamese letters are in the Windows-1258
    // paragraph, so the document is read as Windows-1258, and every UTF-8
    // line (mojibake under that reading) is reported.
    let d = decode(&bytes);
    assert_eq!(d.encoding(), Encoding::Cp1258);
    let mixed: Vec<_> = d
        .problems()
        .iter()
        .filter(|p| p.kind == DecodeProblemKind::MixedEncoding)
        .collect();
    // the heading and the three non-empty lines after the paragraph
    assert_eq!(mixed.len(), 4, "{mixed:?}");
    // Per line: every line in its own encoding, the whole seed back.
    let d = Decoder::builder()
        .scope(Scope::Line)
        .build()
        .decode(&bytes)
        .unwrap();
    assert_eq!(nfc(d.text()), seed());
    let encs: Vec<Encoding> = d.segments().iter().map(|s| s.encoding).collect();
    assert_eq!(encs, vec![Encoding::Utf8, Encoding::Cp1258, Encoding::Utf8]);
    assert!(d.problems().iter().all(|p| !p.kind.is_error()));
}
