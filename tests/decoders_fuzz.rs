//! Every decoder of outside data fed arbitrary input: the link fragment, the
//! saved form, saved scenarios, percent escapes, scenario JSON (files, the evaluator, the JS
//! API's text form) and the text of each form field. Each must return a value
//! or an error, never panic, and what it returns must keep its promises (texts
//! cut to length, known presets only, no NaN or infinite output, round trips).
//!
//! A normal `cargo test` tries a few hundred inputs per decoder. For a long
//! run, raise the count with `PROPTEST_CASES` and watch the counts:
//!
//! ```sh
//! PROPTEST_CASES=200000 cargo test --release --test decoders_fuzz -- --nocapture
//! ```
//!
//! Each test prints `fuzz NAME: N inputs` (shrinking steps included). A
//! failure prints the smallest input found.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use repower::model::field::{form_number, read_number, scenario_from_texts, Bound, NumberSyntax};
use repower::model::{evaluate, evaluate_json, Evaluation, Field, Scenario};
use repower::saved::{self, Entry, Shelf, MAX_NAME};
use repower::share::{
    decode_fragment, decode_saved, encode_fragment, encode_saved, percent_decode, percent_encode,
    scenario_of_file, Decoded, MAX_FIELD_TEXT, MAX_INPUT,
};
use serde_json::{json, Map, Value};

// ---- the runner -------------------------------------------------------------

/// Inputs per test: `PROPTEST_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Runs `check` on `cases` inputs drawn from `strategy`; a panic inside
/// `check` counts as a failure and is shrunk like any other.
fn fuzz<S>(
    name: &str,
    default_cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases: cases(default_cases),
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    };
    let tried = AtomicU64::new(0);
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |input| {
        tried.fetch_add(1, Ordering::Relaxed);
        check(input)
    });
    eprintln!("fuzz {name}: {} inputs", tried.load(Ordering::Relaxed));
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, input)) => {
            panic!("{name}: {why}\nsmallest failing input: {input:?}")
        }
        Err(TestError::Abort(why)) => panic!("{name}: aborted: {why}"),
    }
}

// ---- inputs -----------------------------------------------------------------

fn field_paths() -> Vec<String> {
    let mut paths: Vec<String> = Field::ALL.iter().map(|f| f.path().to_owned()).collect();
    paths.push("greenfield.build_months[0]".to_owned());
    paths.push("greenfield.build_months[".to_owned());
    paths.push("preset".to_owned());
    paths
}

fn preset_ids() -> Vec<String> {
    repower::presets::all()
        .into_iter()
        .map(|p| p.id.to_owned())
        .collect()
}

/// Text that looks like what people type into a number box, and its near misses.
fn number_text() -> impl Strategy<Value = String> {
    let odd = [
        "",
        " ",
        "0",
        "-0",
        "+0",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "infinity",
        "1e309",
        "-1e309",
        "1e-400",
        "4294967295",
        "4294967296",
        "-1",
        "0x10",
        "1_000",
        "$1,000",
        "12%",
        "%",
        "$",
        "\u{2212}5",
        "1..2",
        ".",
        "-",
        "+",
        "e5",
        "1e",
        "true",
        "yes",
        "on",
        "off",
        "1, 2, 3",
        "12;18 24",
        "1,,,2",
        ",",
        ";",
        "\u{a0}5\u{202f}",
        "\u{663}",
        "\u{ff11}\u{ff12}",
        "1e15",
        "999999999999999.9",
        "0.0000009999",
        "1.7976931348623157e308",
        "5e-324",
        "18446744073709551616",
        "12.0",
        "12.5",
        "120",
        "121",
        "240",
        "241",
        "1001",
        "1002",
        "2",
        "1",
        "45,5",
        "1.000,5",
        "1,00",
        "1,0000",
        ",5",
        "1,,000",
        "0,500",
        "5 5",
        "1 000",
        "1\u{a0}000",
        "7,000,000",
        "1,234.5",
        "-1,000",
        "-$5",
        "\u{2212}$1,000",
        "$ 45",
        "95 %",
        "36,120",
        "120,180,240",
        "2,000, 36",
    ];
    prop_oneof![
        any::<f64>().prop_map(|x| x.to_string()),
        any::<f64>().prop_map(|x| format!("{x:e}")),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| n.to_string()),
        (-1000.0..10_000.0f64).prop_map(|x| format!("{x:.3}")),
        prop::sample::select(odd.to_vec()).prop_map(str::to_owned),
        "[-+$ 0-9.,;_%eE\u{2212}\u{a0}]{0,24}",
    ]
}

/// Any text: number-like, arbitrary Unicode, or arbitrary bytes read as
/// (lossy) UTF-8.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => number_text(),
        2 => any::<String>(),
        2 => prop::collection::vec(any::<u8>(), 0..80).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => "[%&=#+a-zA-Z0-9._\\[\\]]{0,40}",
        1 => (any::<char>(), 190..230usize).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// Arbitrary bytes as the page would receive them (lossy UTF-8).
fn lossy_bytes(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..max)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// A link fragment: real and invented keys, raw and escaped values, broken
/// escapes, stray `&`, `=` and `#`.
fn fragment() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        4 => prop::sample::select(field_paths()),
        1 => prop::sample::select(field_paths()).prop_map(|p| percent_encode(&p)),
        1 => "[a-z_.\\[\\]0-9%]{0,30}",
        1 => any::<String>(),
    ];
    let value = prop_oneof![
        3 => any_text().prop_map(|t| percent_encode(&t)),
        2 => any_text(),
        1 => prop::sample::select(preset_ids()),
        1 => "(%[0-9a-fA-F]{0,2}|%[^&]{0,2}|[^&]){0,30}",
    ];
    let part = (key, value, 0..4u8).prop_map(|(k, v, form)| match form {
        0 => k,
        1 => format!("{k}={v}={v}"),
        _ => format!("{k}={v}"),
    });
    (
        any::<bool>(),
        prop::collection::vec(part, 0..24),
        prop::sample::select(vec!["&", "&&", "#", "&#"]),
    )
        .prop_map(|(hash, parts, sep)| {
            format!("{}{}", if hash { "#" } else { "" }, parts.join(sep))
        })
}

/// A JSON leaf with the numbers that break things: extremes, negatives,
/// fractions where whole numbers belong.
fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_filter_map("finite", |x| serde_json::Number::from_f64(x)
            .map(Value::Number)),
        (-1000.0..10_000.0f64).prop_map(|x| json!(x)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (0..300u32).prop_map(|n| json!(n)),
        any_text().prop_map(Value::String),
    ]
}

fn json_key() -> impl Strategy<Value = String> {
    let mut keys = scenario_keys();
    keys.extend(["v", "texts", "preset", "schema_version", "__proto__", ""].map(str::to_owned));
    prop_oneof![3 => prop::sample::select(keys), 1 => any::<String>()]
}

/// Any JSON value, nested a few levels, keyed with real and invented names.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(json_key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every key of the scenario document (groups and their fields).
fn scenario_keys() -> Vec<String> {
    let mut keys = Vec::new();
    if let Ok(Value::Object(groups)) = serde_json::to_value(Scenario::default()) {
        for (g, v) in groups {
            if let Value::Object(fields) = v {
                keys.extend(fields.keys().cloned());
            }
            keys.push(g);
        }
    }
    keys
}

/// The scenarios a real document starts from: the defaults and every preset.
fn base_scenarios() -> Vec<Value> {
    let mut out = vec![serde_json::to_value(Scenario::default()).unwrap_or(Value::Null)];
    out.extend(
        repower::presets::all()
            .into_iter()
            .filter_map(|p| serde_json::to_value(p.scenario).ok()),
    );
    out
}

#[derive(Clone, Debug)]
enum Edit {
    /// Replace a field (group index, field index) with a value.
    Set(usize, usize, Value),
    /// Remove a field.
    Remove(usize, usize),
    /// Replace a whole group, or add an unknown one.
    Group(usize, Value),
    /// Add a key (known or not) to a group.
    Add(usize, String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<usize>(), any::<usize>(), json_leaf()).prop_map(|(g, f, v)| Edit::Set(g, f, v)),
        1 => (any::<usize>(), any::<usize>(), json_value()).prop_map(|(g, f, v)| Edit::Set(g, f, v)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(g, f)| Edit::Remove(g, f)),
        1 => (any::<usize>(), json_value()).prop_map(|(g, v)| Edit::Group(g, v)),
        1 => (any::<usize>(), json_key(), json_value()).prop_map(|(g, k, v)| Edit::Add(g, k, v)),
    ]
}

fn apply(mut doc: Value, edits: &[Edit]) -> Value {
    let Value::Object(top) = &mut doc else {
        return doc;
    };
    let groups: Vec<String> = top.keys().cloned().collect();
    for e in edits {
        let pick = |g: usize| &groups[g % groups.len()];
        match e {
            Edit::Group(g, v) => {
                top.insert(pick(*g).clone(), v.clone());
            }
            Edit::Set(g, f, _) | Edit::Remove(g, f) => {
                if let Some(Value::Object(fields)) = top.get_mut(pick(*g)) {
                    if fields.is_empty() {
                        continue;
                    }
                    let key = fields
                        .keys()
                        .nth(f % fields.len())
                        .cloned()
                        .unwrap_or_default();
                    match e {
                        Edit::Set(_, _, v) => {
                            fields.insert(key, v.clone());
                        }
                        _ => {
                            fields.remove(&key);
                        }
                    }
                }
            }
            Edit::Add(g, k, v) => match top.get_mut(pick(*g)) {
                Some(Value::Object(fields)) => {
                    fields.insert(k.clone(), v.clone());
                }
                _ => {
                    top.insert(k.clone(), v.clone());
                }
            },
        }
    }
    doc
}

#[derive(Clone, Debug)]
enum Cut {
    Delete(usize, usize),
    Insert(usize, String),
}

/// Byte-level damage to a text: deletions and insertions at any character
/// boundary (a truncated file, a stray paste).
fn damage(mut text: String, cuts: &[Cut]) -> String {
    let boundary = |s: &str, at: usize| {
        let mut i = if s.is_empty() { 0 } else { at % (s.len() + 1) };
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for c in cuts {
        match c {
            Cut::Delete(at, n) => {
                let a = boundary(&text, *at);
                let b = boundary(&text, a + n % 40);
                if b > a {
                    text.replace_range(a..b, "");
                }
            }
            Cut::Insert(at, s) => {
                let a = boundary(&text, *at);
                text.insert_str(a, s);
            }
        }
    }
    text
}

fn cut() -> impl Strategy<Value = Cut> {
    let insert = prop_oneof![
        any_text(),
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "1e999", "-"
        ])
        .prop_map(str::to_owned),
    ];
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Cut::Delete(a, n)),
        (any::<usize>(), insert).prop_map(|(a, s)| Cut::Insert(a, s)),
    ]
}

/// Scenario JSON: arbitrary text and bytes, arbitrary JSON, and real
/// scenarios with edited values and damaged text.
fn scenario_json() -> impl Strategy<Value = String> {
    let edited = || {
        (
            prop::sample::select(base_scenarios()),
            prop::collection::vec(edit(), 0..8),
        )
            .prop_map(|(doc, edits)| apply(doc, &edits))
    };
    prop_oneof![
        1 => any::<String>(),
        1 => lossy_bytes(200),
        2 => json_value().prop_map(|v| v.to_string()),
        6 => edited().prop_map(|v| v.to_string()),
        2 => (edited(), prop::collection::vec(cut(), 1..4)).prop_map(|(v, cuts)| damage(v.to_string(), &cuts)),
    ]
}

/// A saved form: its real shape with arbitrary contents, arbitrary JSON,
/// damaged real forms, arbitrary text.
fn saved_text() -> impl Strategy<Value = String> {
    let version = prop_oneof![4 => Just(json!(1)), 1 => json_leaf()];
    let preset = prop_oneof![
        Just(None),
        prop::sample::select(preset_ids()).prop_map(|p| Some(json!(p))),
        json_leaf().prop_map(Some),
    ];
    let key = prop_oneof![4 => prop::sample::select(field_paths()), 1 => any::<String>()];
    let text = prop_oneof![6 => any_text().prop_map(Value::String), 1 => json_leaf()];
    let texts = prop_oneof![
        6 => prop::collection::btree_map(key, text, 0..12)
            .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        1 => json_value(),
    ];
    let shaped = (version, preset, texts, any::<bool>()).prop_map(|(v, preset, texts, extra)| {
        let mut o = Map::new();
        o.insert("v".to_owned(), v);
        if let Some(p) = preset {
            o.insert("preset".to_owned(), p);
        }
        o.insert("texts".to_owned(), texts);
        if extra {
            o.insert("unknown".to_owned(), json!([1, 2]));
        }
        Value::Object(o).to_string()
    });
    prop_oneof![
        6 => shaped.clone(),
        2 => (shaped, prop::collection::vec(cut(), 1..4)).prop_map(|(t, cuts)| damage(t, &cuts)),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => any::<String>(),
        1 => lossy_bytes(200),
    ]
}

/// A value inside (or just at) a field's range, written as text, so that
/// whole scenarios get through validation and reach the arithmetic.
fn in_range_text(field: Field) -> impl Strategy<Value = String> {
    let rule = field.rule();
    let end = |b: Bound, open: f64| match b {
        Bound::Open => open,
        Bound::Incl(x) => x,
        Bound::Excl(x) => x,
    };
    let lo = end(rule.min, -1e12);
    let hi = end(rule.max, 1e12);
    let whole = field.is_whole();
    let fix = move |x: f64| {
        let x = if whole { x.round() } else { x };
        if whole && field.kind() == repower::model::Kind::WholeList {
            format!("{x}, {x}")
        } else {
            format!("{x}")
        }
    };
    prop_oneof![
        Just(lo),
        Just(hi),
        Just(lo.max(-1e300).min(hi) + 1e-9),
        (0.0..=1.0f64).prop_map(move |t| lo + (hi - lo) * t),
        (0.0..=1.0f64).prop_map(move |t| lo + (hi - lo) * t * t * t * t),
        prop::sample::select(vec![-1e300, -1e15, -1.0, 0.0, 1e-300, 1.0, 1e15, 1e300]),
    ]
    .prop_map(fix)
}

/// The text of every field as a form holds it: a preset's (or the default)
/// texts with a few fields changed, mostly to values in (or at the ends of)
/// their ranges, sometimes to anything at all.
fn form_texts() -> impl Strategy<Value = Vec<String>> {
    let mut bases = vec![Scenario::default()];
    bases.extend(repower::presets::all().into_iter().map(|p| p.scenario));
    let change = (0..Field::ALL.len()).prop_flat_map(|i| {
        let field = Field::ALL[i];
        (
            Just(i),
            prop_oneof![4 => in_range_text(field), 1 => any_text()],
        )
    });
    (
        prop::sample::select(bases),
        prop::collection::vec(change, 0..8),
    )
        .prop_map(|(base, changes)| {
            let mut texts: Vec<String> = Field::ALL.iter().map(|f| f.text(&base)).collect();
            for (i, text) in changes {
                texts[i] = text;
            }
            texts
        })
}

// ---- what every result must keep ---------------------------------------------

fn check_decoded(d: &Decoded) -> Result<(), TestCaseError> {
    // One line per problem, whatever the text quoted.
    for p in &d.problems {
        prop_assert!(!p.contains(['\n', '\r']), "{}", p);
    }
    let known = preset_ids();
    if let Some(p) = &d.preset {
        prop_assert!(known.contains(p), "unknown preset kept: {p:?}");
    }
    for (i, (field, text)) in d.texts.iter().enumerate() {
        prop_assert!(
            text.chars().count() <= MAX_FIELD_TEXT,
            "{}: {} characters kept",
            field.path(),
            text.chars().count()
        );
        prop_assert!(
            d.texts[..i].iter().all(|(f, _)| f != field),
            "{} kept twice",
            field.path()
        );
    }
    Ok(())
}

/// No output is NaN or infinite: the model's own check over every number.
fn check_evaluation(e: &Evaluation) -> Result<(), TestCaseError> {
    prop_assert_eq!(repower::model::finite::first_non_finite(e), None);
    Ok(())
}

// ---- the link fragment and percent escapes ----------------------------------

#[test]
fn percent_decode_takes_any_text() {
    let input = prop_oneof![
        any::<String>(),
        lossy_bytes(120),
        "(%[0-9a-fA-F]{0,2}|%|\\+|[a-z]|\u{fffd}|\u{10ffff}){0,40}",
    ];
    fuzz("percent_decode", 1024, input, |s| {
        let out = percent_decode(&s);
        // Decoding never grows the text beyond a replacement character per byte.
        prop_assert!(out.len() <= 3 * s.len());
        Ok(())
    });
}

#[test]
fn percent_encoding_round_trips() {
    fuzz(
        "percent_encode round trip",
        1024,
        prop_oneof![any::<String>(), lossy_bytes(120)],
        |s| {
            let enc = percent_encode(&s);
            prop_assert!(
                enc.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~,%".contains(&b)),
                "{enc}"
            );
            prop_assert_eq!(percent_decode(&enc), s);
            Ok(())
        },
    );
}

#[test]
fn decode_fragment_takes_any_text() {
    let input = prop_oneof![3 => fragment(), 1 => any::<String>(), 1 => lossy_bytes(300)];
    fuzz("decode_fragment", 512, input, |s| {
        check_decoded(&decode_fragment(&s))
    });
}

#[test]
fn fragments_round_trip() {
    let ids = prop::option::of(prop::sample::select(preset_ids()));
    let texts = prop::collection::vec(
        (prop::sample::select(Field::ALL.to_vec()), any_text()),
        0..12,
    );
    fuzz(
        "encode_fragment round trip",
        512,
        (texts, ids),
        |(texts, preset)| {
            // The form holds one text per field: keep the last of each.
            let mut form: Vec<(Field, String)> = Vec::new();
            for (f, t) in texts {
                let t: String = t.chars().take(MAX_FIELD_TEXT).collect();
                form.retain(|(g, _)| *g != f);
                form.push((f, t));
            }
            let frag = encode_fragment(
                form.iter().map(|(f, t)| (*f, t.as_str())),
                preset.as_deref(),
                repower::model::scenario::SCHEMA_VERSION,
            );
            let d = decode_fragment(&format!("#{frag}"));
            prop_assert!(d.problems.is_empty(), "{:?}", d.problems);
            prop_assert_eq!(&d.preset, &preset);
            // The link carries what differs from the preset's own values
            // (the generic defaults when there is none).
            let base = preset
                .as_deref()
                .and_then(repower::presets::by_id)
                .map(|p| p.scenario)
                .unwrap_or_default();
            let expected: Vec<(Field, String)> = form
                .into_iter()
                .filter(|(f, t)| f.text(&base) != *t)
                .collect();
            prop_assert_eq!(d.texts, expected);
            Ok(())
        },
    );
}

#[test]
fn oversized_links_and_forms_are_refused_whole() {
    let long = "site.grid_capacity_mw=1&".repeat(MAX_INPUT / 24 + 1);
    let d = decode_fragment(&long);
    assert!(
        d.texts.is_empty() && d.problems.len() == 1,
        "{:?}",
        d.problems
    );
    let form = format!(
        r#"{{"v":1,"texts":{{"hpc.pue":"{}"}}}}"#,
        "9".repeat(MAX_INPUT)
    );
    let d = decode_saved(&form);
    assert!(
        d.texts.is_empty() && d.problems.len() == 1,
        "{:?}",
        d.problems
    );
    // Just under the limit still reads, and each text is cut.
    let form = format!(
        r#"{{"v":1,"texts":{{"hpc.pue":"{}"}}}}"#,
        "9".repeat(MAX_INPUT - 40)
    );
    let d = decode_saved(&form);
    // A version-1 form's one PUE sets both of version 2's.
    assert_eq!(d.texts.len(), 2);
    assert!(d.texts.iter().all(|(_, t)| t.len() == MAX_FIELD_TEXT));
}

// ---- the saved form -----------------------------------------------------------

#[test]
fn decode_saved_takes_any_text() {
    fuzz("decode_saved", 512, saved_text(), |s| {
        check_decoded(&decode_saved(&s))
    });
}

#[test]
fn saved_forms_round_trip() {
    let ids = prop::option::of(prop::sample::select(preset_ids()));
    let texts =
        prop::collection::btree_map(prop::sample::select(Field::ALL.to_vec()), any_text(), 0..12);
    fuzz(
        "encode_saved round trip",
        512,
        (texts, ids),
        |(texts, preset): (BTreeMap<Field, String>, _)| {
            let texts: Vec<(Field, String)> = texts
                .into_iter()
                .map(|(f, t)| (f, t.chars().take(MAX_FIELD_TEXT).collect()))
                .collect();
            let json = encode_saved(
                texts.iter().map(|(f, t)| (*f, t.as_str())),
                preset.as_deref(),
                repower::model::scenario::SCHEMA_VERSION,
                None,
            );
            let d = decode_saved(&json);
            prop_assert!(d.problems.is_empty(), "{:?}", d.problems);
            prop_assert_eq!(d.preset, preset);
            let mut got = d.texts;
            got.sort_by_key(|(f, _)| f.path());
            let mut want = texts;
            want.sort_by_key(|(f, _)| f.path());
            prop_assert_eq!(got, want);
            Ok(())
        },
    );
}

// ---- saved scenarios --------------------------------------------------------

/// A stored saved scenario: its real shape with arbitrary contents, damaged
/// real entries, arbitrary JSON, arbitrary text.
fn saved_entry_text() -> impl Strategy<Value = String> {
    let real = prop::sample::select(base_scenarios()).prop_map(|doc| {
        let scenario = Scenario::from_json(&doc.to_string()).unwrap_or_default();
        Entry {
            id: "x".to_owned(),
            name: "Case".to_owned(),
            saved_at: 1,
            scenario,
        }
        .encode()
    });
    let leaf = json_leaf;
    let shaped = (
        prop_oneof![4 => Just(json!(1)), 1 => leaf()],
        prop_oneof![4 => any_text().prop_map(Value::String), 1 => leaf()],
        prop_oneof![4 => any::<u64>().prop_map(|n| json!(n)), 1 => leaf()],
        prop_oneof![2 => Just(json!(2)), 2 => Just(json!(1)), 1 => leaf()],
        prop_oneof![
            4 => prop::sample::select(base_scenarios()).prop_map(|v| Value::String(v.to_string())),
            1 => any_text().prop_map(Value::String),
            1 => leaf(),
        ],
    )
        .prop_map(|(format, name, at, version, scenario)| {
            json!({"format": format, "name": name, "saved_at": at,
                   "model_version": version, "scenario": scenario})
            .to_string()
        });
    prop_oneof![
        2 => real.clone(),
        6 => shaped,
        2 => (real, prop::collection::vec(cut(), 1..4)).prop_map(|(t, cuts)| damage(t, &cuts)),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => any::<String>(),
        1 => lossy_bytes(200),
    ]
}

#[test]
fn saved_scenarios_take_any_text_and_set_aside_what_does_not_read() {
    // The strategy nests deeply enough that building its values overflows a
    // test thread's stack in a debug build now and then: a larger one.
    let run = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(saved_scenarios_fuzz)
        .expect("a thread for the fuzz run");
    if let Err(panic) = run.join() {
        std::panic::resume_unwind(panic);
    }
}

fn saved_scenarios_fuzz() {
    let key = prop_oneof![
        4 => Just(format!("{}abc", saved::PREFIX)),
        1 => any::<String>().prop_map(|k| format!("{}{k}", saved::PREFIX)),
        1 => any::<String>(),
    ];
    fuzz(
        "saved scenario",
        512,
        (key, saved_entry_text()),
        |(key, text)| {
            let shelf = Shelf::read([(key.clone(), text.clone())]);
            let ours = usize::from(key.starts_with(saved::PREFIX));
            prop_assert_eq!(
                shelf.entries.len() + shelf.set_aside.len(),
                ours,
                "nothing lost"
            );
            for e in &shelf.entries {
                prop_assert!(e.scenario.validate().is_ok());
                prop_assert!(!e.name.is_empty() && e.name.chars().count() <= MAX_NAME);
                prop_assert_eq!(e.name.trim(), e.name.as_str());
                prop_assert_eq!(&e.key(), &key);
                // Written again, it reads back the same.
                let again = Entry::decode(&key, &e.encode());
                prop_assert_eq!(again.as_ref(), Ok(e));
            }
            for s in &shelf.set_aside {
                prop_assert_eq!(&s.key, &key);
                prop_assert!(!s.why.to_string().is_empty());
            }
            Ok(())
        },
    );
}

// ---- scenario JSON ----------------------------------------------------------

#[test]
fn opened_files_take_any_text() {
    // Scenario files, and results files wrapping one under `scenario`.
    let input = prop_oneof![
        2 => scenario_json(),
        1 => scenario_json().prop_map(|s| format!(r#"{{"contract_total_revenue_usd":1,"scenario":{s}}}"#)),
    ];
    fuzz("scenario_of_file", 256, input, |text| {
        match scenario_of_file(&text) {
            Ok(s) => prop_assert!(s.validate().is_ok()),
            Err(e) => prop_assert!(!e.0.is_empty()),
        }
        Ok(())
    });
}

#[test]
fn scenario_json_takes_any_text() {
    let ran = AtomicU64::new(0);
    fuzz(
        "Scenario::from_json + evaluate_json",
        256,
        scenario_json(),
        |text| {
            let decoded = Scenario::from_json(&text);
            let evaluated = evaluate_json(&text);
            match (&decoded, &evaluated) {
                (Err(_), Ok(_)) => prop_assert!(false, "evaluated a scenario that does not decode"),
                (Err(e), Err(f)) => {
                    prop_assert!(!e.0.is_empty());
                    // One line per problem, whatever the text quoted.
                    for one in &e.0 {
                        prop_assert!(!one.to_string().contains(['\n', '\r']), "{}", one);
                    }
                    prop_assert_eq!(e.to_string(), f.to_string());
                }
                (Ok(_), Err(e)) => prop_assert!(!e.0.is_empty(), "an empty error list"),
                (Ok(s), Ok(r)) => {
                    prop_assert!(s.validate().is_ok());
                    check_evaluation(r)?;
                    ran.fetch_add(1, Ordering::Relaxed);
                }
            }
            Ok(())
        },
    );
    eprintln!(
        "  of which {} decoded and evaluated",
        ran.load(Ordering::Relaxed)
    );
}

/// The page's JSON reader (`model::json`) agrees with serde_json's on any
/// text: the same texts read, to the same values (every number to the bit),
/// except a key given twice in one object, which ours refuses.
#[test]
fn the_json_reader_agrees_with_serde_json() {
    fn bits(v: &Value) -> Value {
        match v {
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => json!(format!("u{u}")),
                (_, Some(i), _) => json!(format!("i{i}")),
                (_, _, Some(x)) => json!(format!("f{:x}", x.to_bits())),
                _ => Value::Null,
            },
            Value::Array(a) => Value::Array(a.iter().map(bits).collect()),
            Value::Object(m) => {
                Value::Object(m.iter().map(|(k, v)| (k.clone(), bits(v))).collect())
            }
            other => other.clone(),
        }
    }
    let number = "-?0?[0-9]{0,25}(\\.[0-9]{0,20})?([eE][+-]?[0-9]{0,4})?";
    let text = prop_oneof![
        2 => prop::collection::vec(number, 1..4).prop_map(|n| format!("[{}]", n.join(", "))),
        2 => scenario_json(),
        1 => saved_text(),
        1 => json_value().prop_map(|v| serde_json::to_string_pretty(&v).unwrap_or_default()),
        1 => prop::collection::vec(prop_oneof![
            Just("{".to_owned()), Just("}".to_owned()), Just("[".to_owned()), Just("]".to_owned()),
            Just(",".to_owned()), Just(":".to_owned()), Just("\"a\"".to_owned()), Just(" ".to_owned()),
            Just("\"\\u00e9\\ud83d\\ude00\"".to_owned()), Just("\"\\ud800\"".to_owned()),
            "-?[0-9]{1,25}(\\.[0-9]{0,20})?([eE][+-]?[0-9]{1,4})?",
            Just("true".to_owned()), Just("nul".to_owned()),
        ], 0..24).prop_map(|parts| parts.concat()),
    ];
    fuzz("model::json::parse", 1024, text, |text| {
        let ours = repower::model::json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(bits(a), bits(b)),
            (Err(_), Err(_)) => {}
            (Err(e), Ok(_)) => {
                prop_assert!(e.what.starts_with("duplicate field"), "refused: {}", e)
            }
            (Ok(v), Err(e)) => prop_assert!(false, "read {} where serde_json says {}", v, e),
        }
        Ok(())
    });
}

// ---- form fields --------------------------------------------------------------

#[test]
fn set_text_takes_any_text_and_reads_back_what_it_writes() {
    let input = (
        prop::sample::select(Field::ALL.to_vec()),
        prop_oneof![any_text(), lossy_bytes(60)],
    );
    fuzz("Field::set_text", 2048, input, |(field, text)| {
        let mut s = Scenario::default();
        if field.set_text(&mut s, &text).is_ok() {
            // What the field shows reads back to the same value.
            let shown = field.text(&s);
            let mut again = Scenario::default();
            prop_assert!(
                field.set_text(&mut again, &shown).is_ok(),
                "{shown:?} (from {text:?}) does not read"
            );
            prop_assert_eq!(field.text(&again), shown);
        }
        Ok(())
    });
}

#[test]
fn scenario_from_texts_takes_any_form() {
    let evaluated = AtomicU64::new(0);
    fuzz(
        "scenario_from_texts + evaluate",
        256,
        form_texts(),
        |texts| {
            let result = scenario_from_texts(|f| {
                let i = Field::ALL.iter().position(|g| *g == f).unwrap_or(0);
                texts[i].as_str()
            });
            match result {
                Err(errors) => prop_assert!(!errors.is_empty()),
                Ok(s) => {
                    prop_assert!(s.validate().is_ok());
                    if let Ok(r) = evaluate(&s) {
                        check_evaluation(&r)?;
                        evaluated.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            Ok(())
        },
    );
    eprintln!(
        "  of which {} read, validated and evaluated",
        evaluated.load(Ordering::Relaxed)
    );
}

// ---- the number syntax --------------------------------------------------------

/// How the form read a number before commas and inner spaces were checked:
/// spaces, commas and underscores dropped anywhere. The new reading must agree
/// with it wherever it reads at all.
fn old_reading(text: &str) -> Option<f64> {
    let t = text.trim();
    // The one addition: a sign may stand before the `$` (`-$5`, as the page
    // writes money). The old reading took it after (`$-5`).
    let t = ["-", "+", "\u{2212}"]
        .iter()
        .find_map(|s| {
            t.strip_prefix(s)
                .filter(|r| r.starts_with('$'))
                .map(|r| format!("${s}{}", r.trim_start_matches('$')))
        })
        .unwrap_or_else(|| t.to_owned());
    let cleaned: String = t
        .trim_start_matches('$')
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    cleaned.parse().ok()
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

#[test]
fn read_number_only_refuses_what_the_old_reading_could_misread() {
    fuzz(
        "read_number against the old reading",
        4096,
        prop_oneof![3 => any_text(), 1 => lossy_bytes(40)],
        |text| {
            let new = read_number(&text);
            let old = old_reading(&text);
            match (new, old) {
                (Ok(x), Some(y)) => prop_assert!(same(x, y), "{text:?}: {x} now, {y} before"),
                (Ok(x), None) => prop_assert!(false, "{text:?}: reads {x}, did not before"),
                (Err(e), Some(_)) => prop_assert!(
                    text.contains(',') || text.trim().chars().any(char::is_whitespace),
                    "{text:?}: refused ({e:?}) without a comma or an inner space"
                ),
                (Err(_), None) => {}
            }
            Ok(())
        },
    );
}

/// A number written with correct thousands groups, and its plain reading.
fn grouped_number() -> impl Strategy<Value = (String, String, f64)> {
    (
        "[1-9][0-9]{3,16}",
        prop::option::of("[0-9]{0,5}"),
        prop::sample::select(vec!["", "-", "+", "\u{2212}", "$", "-$", "$-", "\u{2212}$"]),
        prop::sample::select(vec!["", "%", " %"]),
    )
        .prop_map(|(int, frac, before, after)| {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let text = format!(
                "{before}{}{frac}{after}",
                repower::format::group_digits(&int)
            );
            let negative = before.contains(['-', '\u{2212}']);
            let plain = format!("{}{int}{frac}", if negative { "-" } else { "" });
            let value = plain.parse().unwrap_or(f64::NAN);
            (text, plain, value)
        })
}

#[test]
fn thousands_groups_read_and_misplaced_commas_and_spaces_do_not() {
    fuzz(
        "grouped numbers",
        2048,
        (grouped_number(), any::<usize>(), 0..4u8),
        |((text, plain, value), at, how)| {
            prop_assert_eq!(read_number(&text), Ok(value), "{} ({})", text, plain);
            // Damage the digits: a comma or a space where none belongs.
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            let i = digits[at % digits.len()];
            let mut bad = text.clone();
            let want = match how {
                // A comma after a digit: it splits a group, doubles a comma,
                // ends the whole part or lands in the fraction.
                0 => {
                    bad.insert(i + 1, ',');
                    NumberSyntax::Comma
                }
                // A doubled comma.
                1 => {
                    bad = bad.replacen(',', ",,", 1);
                    NumberSyntax::Comma
                }
                // A space after a digit that is not the number's last
                // character.
                2 if i + 1 < text.trim_end_matches(['%', ' ']).len() => {
                    bad.insert(i + 1, ' ');
                    NumberSyntax::Space
                }
                // Points and commas swapped, as written in much of Europe
                // (1,234.5 → 1.234,5).
                3 if text.contains('.') => {
                    bad = text
                        .replace(',', "\u{1}")
                        .replace('.', ",")
                        .replace('\u{1}', ".");
                    NumberSyntax::Comma
                }
                _ => return Ok(()),
            };
            prop_assert_eq!(read_number(&bad), Err(want), "{:?} from {:?}", bad, text);
            Ok(())
        },
    );
}

#[test]
fn form_numbers_read_back() {
    let x = prop_oneof![
        any::<f64>(),
        (-1e16..1e16f64),
        (-1e6..1e6f64),
        any::<i64>().prop_map(|n| n as f64),
        any::<u32>().prop_map(f64::from),
    ];
    fuzz("form_number round trip", 4096, x, |x| {
        let shown = form_number(x);
        match read_number(&shown) {
            Ok(y) if x.is_finite() => {
                // Nine decimals at most below 1e15, exact in exponent form.
                let tolerance = 5e-10 + x.abs() * f64::EPSILON;
                prop_assert!((y - x).abs() <= tolerance, "{x} shown {shown} reads {y}");
                prop_assert_eq!(form_number(y), shown.clone(), "not stable");
                // Grouped from 1,000 on, so never four digits in a row before
                // the point.
                let int = shown.split(['.', 'e']).next().unwrap_or("");
                prop_assert!(
                    int.split(',').skip(1).all(|g| g.len() == 3)
                        && int
                            .trim_start_matches('-')
                            .split(',')
                            .next()
                            .map_or(0, str::len)
                            <= 3,
                    "{shown}"
                );
            }
            Ok(y) => prop_assert!(!y.is_finite(), "{x} shown {shown} reads {y}"),
            Err(e) => prop_assert!(!x.is_finite(), "{x} shown {shown} is refused: {e:?}"),
        }
        Ok(())
    });
}

#[test]
fn baseline_lists_never_read_a_grouped_number_as_several() {
    let field = Field::GreenfieldBuildMonths;
    let list = prop::collection::vec(0..=240u32, 1..6);
    let sep = prop::sample::select(vec![", ", " ", "; ", " , ", ",\t", "  ", ","]);
    fuzz("baseline lists", 2048, (list, sep), |(list, sep)| {
        let text = list
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(sep);
        let mut s = Scenario::default();
        let read = field.set_text(&mut s, &text);
        // Only a bare comma before a three-digit baseline is ambiguous.
        let ambiguous = sep == "," && list.iter().skip(1).any(|n| *n >= 100);
        if ambiguous {
            prop_assert!(
                read.is_err(),
                "{text:?} read as {:?}",
                s.greenfield.build_months
            );
        } else {
            prop_assert!(read.is_ok(), "{text:?}: {read:?}");
            prop_assert_eq!(&s.greenfield.build_months, &list);
            prop_assert_eq!(
                field.text(&s),
                list.iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        Ok(())
    });
    fuzz(
        "grouped numbers in a baseline list",
        2048,
        (1_000..=u32::MAX, prop::option::of(0..=240u32)),
        |(n, before)| {
            let grouped = repower::format::group_digits(&n.to_string());
            let text = match before {
                Some(b) => format!("{b}, {grouped}"),
                None => grouped,
            };
            let mut s = Scenario::default();
            prop_assert!(
                field.set_text(&mut s, &text).is_err(),
                "{text:?} read as {:?}",
                s.greenfield.build_months
            );
            Ok(())
        },
    );
}
