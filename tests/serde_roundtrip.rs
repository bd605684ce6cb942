//! A Document written as JSON (`SCHEMA.md`) reads back as the same
//! Document: every kind of fact, its optional fields, numbers and
//! diagnostics, through `Fact`'s flattened value and `FactValue`'s `kind`
//! tag.

use vietfacts::{Diagnostics, Document, Extractor, FactKind};

/// `doc` through JSON, compact and pretty.
fn round_trip(doc: &Document) {
    let compact = serde_json::to_string(doc).expect("writes");
    let back: Document = serde_json::from_str(&compact).expect("reads back");
    assert_eq!(&back, doc, "{compact}");
    let pretty = serde_json::to_string_pretty(doc).expect("writes");
    let back: Document = serde_json::from_str(&pretty).expect("reads back");
    assert_eq!(&back, doc);
}

#[test]
fn documents_read_back_as_they_were_written() {
    let ex = Extractor::builder()
        .with_numbers()
        .diagnostics(Diagnostics::Report)
        .build();
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/duong-quang-2017.txt"),
    )
    .expect("the seed article");
    let texts = [
        seed.as_str(),
        "Năm 2017, trồng rừng mới vượt 13,6% kế hoạch; thu ngân sách đạt khoảng 1,2 tỷ đồng, tăng 8% so với cùng kỳ.",
        "Từ 10–15% đến 3-5 người, từ 1 đến 2 triệu đồng, 1.234% và 0,000001%.",
        "Ngày 15/3/2018, quý I/2024, 2021 – 2026, rằm tháng Giêng, thứ hai tuần sau, 8h30 ngày 30/4.",
        "Đại hội thể dục thể thao lần thứ hai; Dự án Hồ chứa nước Nặm Cắt; “Gia đình văn hóa”; UBND xã Dương Quang.",
        "Con số 99999999999999999999999 và 1.2.3.4 không đọc được; mười chín, thứ ba.",
    ];
    let mut kinds = std::collections::BTreeSet::new();
    let mut diagnostics = 0;
    for (i, text) in texts.iter().enumerate() {
        let mut doc = ex.extract(text);
        doc.id = (i % 2 == 0).then(|| format!("doc-{i}"));
        kinds.extend(doc.facts.iter().map(|f| f.kind()));
        diagnostics += doc.diagnostics.len();
        round_trip(&doc);
    }
    // Every kind, and diagnostics, went through JSON and back.
    let every: std::collections::BTreeSet<FactKind> = FactKind::ALL.into_iter().collect();
    assert_eq!(kinds, every);
    assert!(diagnostics > 0);
    // A list of facts cut short says so, and reads back so.
    let cut = Extractor::builder().max_facts(2).build().extract(&seed);
    assert!(cut.truncated);
    round_trip(&cut);
}
