//! Version-1 scenarios open with exactly the figures version 1 gave: every
//! output the version-1 evaluator printed for the fixtures in
//! `tests/fixtures/v1` (saved from release 0eb1573, never regenerated) is
//! printed again, under the same name, by this build from the same inputs.
//!
//! "Exactly" is to the last few bits of floating point: version 2 adds up
//! the same months in another order, so money may differ by a few
//! hundred-millionths of a cent per billion; every figure as shown is equal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

/// Version 1's names that version 2 renamed.
fn renamed(key: &str) -> &str {
    match key {
        "delivered_critical_mw" => "leased_critical_mw",
        other => other,
    }
}

/// Every number of `want` is in `got` at the same place, within a relative
/// 1e-9 and an absolute 1e-4 (a hundredth of a cent).
fn compare(path: &str, got: &Value, want: &Value, problems: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                match g.get(renamed(k)) {
                    Some(gv) => compare(&format!("{path}.{k}"), gv, wv, problems),
                    None => problems.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                problems.push(format!("{path}: {} items, want {}", g.len(), w.len()));
                return;
            }
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                compare(&format!("{path}[{i}]"), gv, wv, problems);
            }
        }
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            if (g - w).abs() > 1e-9 * w.abs() + 1e-4 {
                problems.push(format!("{path}: {g}, want {w}"));
            }
        }
        (g, w) if g == w => {}
        (g, w) => problems.push(format!("{path}: {g}, want {w}")),
    }
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("scenarios"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn version_1_fixtures_keep_their_figures() {
    let names = names();
    assert!(names.len() >= 20, "{names:?}");
    let mut problems = Vec::new();
    for name in &names {
        let input =
            std::fs::read_to_string(fixtures().join(format!("scenarios/{name}.json"))).unwrap();
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(fixtures().join(format!("outputs/{name}.json"))).unwrap(),
        )
        .unwrap();
        let got = match repower::model::evaluate_json(&input) {
            Ok(r) => serde_json::to_value(r).unwrap(),
            Err(e) => {
                problems.push(format!("{name}: refused: {e:?}"));
                continue;
            }
        };
        assert_eq!(got["input_schema_version"], 1, "{name}");
        let before = problems.len();
        compare(name, &got, &want, &mut problems);
        problems.truncate(before + 5);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
