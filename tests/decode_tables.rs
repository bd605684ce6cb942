//! `src/decode/tables.rs` is exactly what `tools/gen_tables.py` prints (the
//! generator needs python3 and perl with Encode; without them the test prints
//! a notice and skips).

mod common;

use std::process::Command;

#[test]
fn committed_tables_match_the_generator() {
    let root = env!("CARGO_MANIFEST_DIR");
    let has = |tool: &str, arg: &str| {
        Command::new(tool)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has("python3", "--version") || !has("perl", "-MEncode=decode") {
        assert!(
            !common::strict(),
            "python3 or perl (Encode) missing, and VIETFACTS_STRICT forbids skipping"
        );
        eprintln!(
            "NOTICE: decode_tables: python3 or perl (Encode) missing; generator check skipped"
        );
        return;
    }
    let out = Command::new("python3")
        .arg(format!("{root}/tools/gen_tables.py"))
        .arg("--stdout")
        .output()
        .expect("run the generator");
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed =
        std::fs::read_to_string(format!("{root}/src/decode/tables.rs")).expect("tables.rs");
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        committed == generated,
        "src/decode/tables.rs differs from `python3 tools/gen_tables.py --stdout`: regenerate it"
    );
}
