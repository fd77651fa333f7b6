//! The language catalogues against the code: every text the code writes
//! with `t!` or marks with `en!` (collected from `src/`) has a translation
//! in each catalogue, with the same placeholders; a catalogue holds no text
//! the code no longer writes; its keys are sorted (the page looks them up by
//! halves) and it reads as the page reads it.

use std::collections::BTreeSet;
use std::path::Path;

use repower::lang::{self, Lang};

/// Every `t!("…")` and `en!("…")` text in the Rust files under `dir`, with
/// where it is.
fn collect(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("lang.rs") {
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (line, text) in texts_in(&source) {
                out.push((text, format!("{}:{line}", path.display())));
            }
        }
    }
}

/// The texts of the `t!` and `en!` calls in `source`, each with its line.
fn texts_in(source: &str) -> Vec<(usize, String)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    for marker in ["t!(", "en!("] {
        let mut from = 0;
        while let Some(at) = source[from..].find(marker) {
            let start = from + at;
            from = start + marker.len();
            let before = start.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let rest = source[from..].trim_start();
            let line = source[..start].matches('\n').count() + 1;
            let Some(literal) = rest.strip_prefix('"') else {
                panic!("line {line}: `{marker}` takes a string literal");
            };
            out.push((line, unescape(literal, line)));
        }
    }
    out
}

/// A Rust string literal's text, from after its opening quote.
fn unescape(literal: &str, line: usize) -> String {
    let mut out = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => return out,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('"') => out.push('"'),
                Some('\'') => out.push('\''),
                Some('\\') => out.push('\\'),
                Some('\n') => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some('u') => {
                    let hex: String = chars
                        .by_ref()
                        .skip_while(|&c| c == '{')
                        .take_while(|&c| c != '}')
                        .collect();
                    let code = u32::from_str_radix(&hex, 16)
                        .unwrap_or_else(|e| panic!("line {line}: \\u{{{hex}}}: {e}"));
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                other => panic!("line {line}: escape \\{other:?} not read by tests/texts.rs"),
            },
            c => out.push(c),
        }
    }
    panic!("line {line}: a string literal that does not end")
}

fn code_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(!out.is_empty(), "no t! or en! text found under src/");
    out
}

#[test]
fn every_text_has_a_translation_with_the_same_placeholders() {
    let texts = code_texts();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let source = lang::built_in(lang);
        let catalogue = lang::parse(source).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        let mut problems = Vec::new();
        for (text, at) in &texts {
            match catalogue.binary_search_by(|(k, _)| k.as_str().cmp(text)) {
                Err(_) => {
                    problems.push(format!("{at}: no {} translation of {text:?}", lang.code()))
                }
                Ok(i) => {
                    let translated = &catalogue[i].1;
                    let mut want = lang::placeholders(text);
                    let mut got = lang::placeholders(translated);
                    want.sort_unstable();
                    got.sort_unstable();
                    if want != got {
                        problems.push(format!(
                            "{at}: {text:?} has placeholders {want:?}, its {} translation {translated:?} has {got:?}",
                            lang.code()
                        ));
                    }
                    if translated.trim().is_empty() {
                        problems.push(format!(
                            "{at}: {text:?} has an empty {} translation",
                            lang.code()
                        ));
                    }
                }
            }
        }
        let used: BTreeSet<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
        for (key, _) in &catalogue {
            if !used.contains(key.as_str()) {
                problems.push(format!(
                    "{}: {key:?} is no longer a text of the code",
                    lang.code()
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}

#[test]
fn catalogues_are_sorted_as_the_page_looks_them_up() {
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let source = lang::built_in(lang);
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(source)
        else {
            panic!("{}: not a JSON object", lang.code());
        };
        // The file's own order: one entry a line, each read as an object of
        // its own; keys as written, sorted by their bytes.
        let decoded: Vec<String> = source
            .lines()
            .map(|l| l.trim().trim_end_matches(','))
            .filter(|l| l.starts_with('"'))
            .map(
                |l| match serde_json::from_str::<serde_json::Value>(&format!("{{{l}}}")) {
                    Ok(serde_json::Value::Object(one)) if one.len() == 1 => {
                        one.keys().next().cloned().unwrap_or_default()
                    }
                    _ => panic!("{}: not one entry on its line: {l}", lang.code()),
                },
            )
            .collect();
        assert_eq!(
            decoded.len(),
            map.len(),
            "{}: one entry a line",
            lang.code()
        );
        let mut sorted = decoded.clone();
        sorted.sort();
        assert_eq!(decoded, sorted, "{}: keys out of order", lang.code());
        // The page's form holds one entry a line (lang::load).
        for (en, said) in &map {
            assert!(
                !said.as_str().is_some_and(|s| s.contains(['\n', '\r'])),
                "{}: the translation of {en:?} breaks its line",
                lang.code()
            );
        }
    }
}

#[test]
fn the_marker_reader_reads_what_rust_reads() {
    let source = "let a = t!(\"A \\\"quoted\\\" {n}\\u{2212}\", n = 1);\nconst B: &str = en!(\"Two \\\n   lines\");\nlet c = cat!(\"no\");";
    let got = texts_in(source);
    assert_eq!(
        got,
        [
            (1, "A \"quoted\" {n}\u{2212}".to_owned()),
            (2, "Two lines".to_owned())
        ]
    );
}

#[test]
fn every_text_has_a_key_of_its_own() {
    let mut seen = std::collections::BTreeMap::new();
    for (text, at) in code_texts() {
        if let Some((other, other_at)) = seen.insert(lang::key(&text), (text.clone(), at.clone())) {
            assert_eq!(
                other,
                text,
                "{at} and {other_at}: two texts share the key {:08x}",
                lang::key(&text)
            );
        }
    }
}
