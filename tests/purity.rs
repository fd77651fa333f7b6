//! The pure core stays pure: nothing under `src/model/` or `src/charts/`,
//! nor `src/export.rs` (the cash flows and their CSV), `src/currency.rs`, `src/order.rs` or `src/format.rs`
//! (which it and the charts use), names the browser's crates or does IO
//! (ARCHITECTURE.md, "Invariants").
//! A file that does fails this test, naming the file, the line and the word.

use std::path::{Path, PathBuf};

/// Words the pure core never says, outside comments.
const FORBIDDEN: &[&str] = &[
    "yew",
    "web_sys",
    "web-sys",
    "js_sys",
    "js-sys",
    "gloo",
    "wasm_bindgen",
    "wasm-bindgen",
    "std::fs",
    "std::io",
    "std::net",
    "std::env",
    "std::process",
    "println!",
    "eprintln!",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The forbidden words in `source`, as `line: word`, comments left out.
fn violations(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for word in FORBIDDEN {
            let bytes = code.as_bytes();
            let hit = code.match_indices(word).any(|(i, _)| {
                let before = i.checked_sub(1).map(|j| bytes[j]);
                let after = bytes.get(i + word.len()).copied();
                let ident =
                    |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
                !ident(before) && !ident(after)
            });
            if hit {
                found.push(format!("{}: {word}", n + 1));
            }
        }
    }
    found
}

#[test]
fn the_model_the_charts_and_the_export_name_no_browser_crate_and_do_no_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["model", "charts"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() >= 10, "{files:?}");
    for file in ["currency.rs", "export.rs", "format.rs", "order.rs"] {
        let path = root.join(file);
        assert!(path.is_file(), "{} is missing", path.display());
        files.push(path);
    }
    let mut problems = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
        for v in violations(&source) {
            problems.push(format!("{}:{v}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "the pure core must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_a_violation() {
    assert_eq!(violations("use yew::prelude::*;"), vec!["1: yew"]);
    assert_eq!(violations("let w = web_sys::window();"), vec!["1: web_sys"]);
    assert_eq!(violations("    std::fs::read(p)"), vec!["1: std::fs"]);
    assert!(violations("// yew is not named here").is_empty());
    assert!(violations("let yewtree = 1; let gloom = 2;").is_empty());
}
