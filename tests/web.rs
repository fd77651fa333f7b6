//! wasm tests in a real browser (`cargo test --target wasm32-unknown-unknown
//! --test web`, run by wasm-bindgen-test-runner in headless Chromium): the
//! JavaScript API as a script calls it.
#![cfg(target_arch = "wasm32")]

use repower::model::{evaluate, Scenario};
use repower::web::api::evaluate_js;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

#[wasm_bindgen_test]
fn evaluate_takes_an_object_and_returns_the_named_outputs() {
    let result = evaluate_js(parse(r#"{"site":{"grid_capacity_mw":150}}"#)).expect("valid");
    let mut s = Scenario::default();
    s.site.grid_capacity_mw = 150.0;
    let native = evaluate(&s).expect("valid");
    assert_eq!(
        get(&result, "contract_total_revenue_usd").as_f64(),
        Some(native.contract_total_revenue_usd)
    );
    assert_eq!(
        get(&result, "incremental_npv_usd").as_f64(),
        Some(native.incremental_npv_usd)
    );
    assert!(js_sys::Array::is_array(&get(&result, "energy_sensitivity")));
    assert!(js_sys::Array::is_array(&get(&result, "monthly")));
    // Not defined is null (not undefined), as in the evaluator's JSON.
    let r = evaluate_js(parse(r#"{"contract":{"rate_usd_per_kw_month":0}}"#)).expect("valid");
    assert!(get(&r, "payback_month").is_null());
}

#[wasm_bindgen_test]
fn a_version_1_scenario_keeps_version_1s_figures() {
    let result = evaluate_js(parse(r#"{"schema_version":1,"hpc":{"pue":1.3}}"#)).expect("valid");
    let s = Scenario::from_json(r#"{"schema_version":1,"hpc":{"pue":1.3}}"#).expect("valid");
    let native = evaluate(&s).expect("valid");
    assert_eq!(get(&result, "input_schema_version").as_f64(), Some(1.0));
    assert_eq!(get(&result, "schema_version").as_f64(), Some(2.0));
    assert_eq!(
        get(&result, "incremental_npv_usd").as_f64(),
        Some(native.incremental_npv_usd)
    );
    assert_eq!(s.tax.rate_pct, 0.0);
}

#[wasm_bindgen_test]
fn evaluate_takes_json_text_and_nothing_for_defaults() {
    let a = evaluate_js(JsValue::from_str("{}")).expect("valid");
    let b = evaluate_js(JsValue::UNDEFINED).expect("valid");
    assert_eq!(
        get(&a, "convert_npv_usd").as_f64(),
        get(&b, "convert_npv_usd").as_f64()
    );
}

fn message(e: JsValue) -> String {
    get(&e, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_each_field() {
    let e = evaluate_js(parse(
        r#"{"hpc":{"design_pue":0.8},"site":{"energy_price_usd_per_mwh":-1}}"#,
    ))
    .expect_err("invalid");
    let m = message(e);
    assert!(
        m.contains("hpc.design_pue: must be between 1 and 3, got 0.8"),
        "{m}"
    );
    assert!(m.contains("site.energy_price_usd_per_mwh: "), "{m}");
    // Version 1's one PUE: read in a version-1 scenario, named in a version-2 one.
    let m = message(evaluate_js(parse(r#"{"hpc":{"pue":1.3}}"#)).expect_err("v1 name"));
    assert!(
        m.starts_with("hpc.pue: replaced in version 2 by hpc.design_pue"),
        "{m}"
    );
    let m = message(
        evaluate_js(parse(r#"{"schema_version":1,"hpc":{"pue":0.8}}"#)).expect_err("v1 range"),
    );
    assert!(
        m.contains("hpc.pue: must be between 1 and 3, got 0.8"),
        "{m}"
    );

    let m = message(evaluate_js(parse(r#"{"site":{"grid_capcity":1}}"#)).expect_err("unknown"));
    assert!(m.starts_with("site.grid_capcity: unknown field"), "{m}");

    let m =
        message(evaluate_js(parse(r#"{"hpc":{"conversion_months":"soon"}}"#)).expect_err("type"));
    assert!(m.starts_with("hpc.conversion_months: "), "{m}");

    // NaN can come from JavaScript (JSON cannot carry it).
    let obj = parse(r#"{"site":{}}"#);
    let site = get(&obj, "site");
    js_sys::Reflect::set(
        &site,
        &"grid_capacity_mw".into(),
        &JsValue::from_f64(f64::NAN),
    )
    .expect("set");
    let m = message(evaluate_js(obj).expect_err("nan"));
    assert!(
        m.starts_with("site.grid_capacity_mw: must be a finite number"),
        "{m}"
    );
}

#[wasm_bindgen_test]
fn odd_values_never_panic() {
    for v in [
        JsValue::from_f64(3.0),
        JsValue::TRUE,
        JsValue::from_str("not json"),
        parse("[]"),
        parse(r#"{"site":[200]}"#),
        parse(r#"{"greenfield":{"build_months":[1,2,3,4,5,6]}}"#),
        parse(r#"{"sensitivity":{"energy_usd_per_mwh":[10,5]}}"#),
        parse(r#"{"schema_version":9}"#),
    ] {
        assert!(evaluate_js(v).is_err());
    }
}

#[wasm_bindgen_test]
fn the_panic_banner_says_what_to_do_and_reloads_without_the_fragment() {
    repower::web::show_panic_banner();
    repower::web::show_panic_banner(); // once only
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let banners = doc.query_selector_all("#panic-banner").expect("query");
    assert_eq!(banners.length(), 1);
    let banner = doc.get_element_by_id("panic-banner").expect("banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("Reload"), "{text}");
    let link = banner.query_selector("a").expect("query").expect("link");
    let href = link.get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("http") && !href.contains('#'), "{href}");
}

/// The browser reads numerals as Rust does (`repower::numeral`): the same
/// bits for the hard cases (halfway and near-halfway values, the smallest
/// normal and subnormal numbers, more than 17 and more than 20 digits) and
/// for 20,000 random numerals of 1 to 20 digits across the whole exponent
/// range, and 20,000 of 1 to 17 digits with no exponent (most of them read
/// the short way, `numeral`'s own arithmetic in wasm). The test binary
/// carries Rust's parser; the page does not.
#[wasm_bindgen_test]
fn the_browser_reads_numerals_as_rust_does() {
    use rand::{RngExt, SeedableRng};
    let hard = [
        "0.1",
        "0.30000000000000004",
        "1e23",
        "8.98846567431158e307",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "9007199254740993",
        "9007199254740992.5",
        "9007199254740993.0000000000001",
        "123456789012345678901234567890",
        "0.000000000000000000000000000001234567890123456789012",
        "7.1e6",
        "-45.5",
        "+.5",
        "1.",
        "1e400",
        "-0",
    ];
    let check = |text: &str| {
        let want: f64 = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        let got = repower::numeral::read(text).unwrap_or_else(|| panic!("{text} refused"));
        assert_eq!(
            got.to_bits(),
            want.to_bits(),
            "{text}: {got} against {want}"
        );
    };
    for text in hard {
        check(text);
    }
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(2026_12_02);
    // Up to `most` random digits with a point among them (`12.345`, `.5`).
    let digits = |rng: &mut rand_pcg::Pcg64Mcg, most: u32| {
        let n: u32 = rng.random_range(1..=most);
        let mantissa: String = (0..n)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        let point = rng.random_range(0..=n) as usize;
        format!("{}.{}", &mantissa[..point], &mantissa[point..])
    };
    for _ in 0..20_000 {
        let exponent: i32 = rng.random_range(-345..=330);
        check(&format!("{}e{exponent}", digits(&mut rng, 20)));
    }
    for _ in 0..20_000 {
        let sign = ["", "-"][rng.random_range(0..2usize)];
        check(&format!("{sign}{}", digits(&mut rng, 17)));
    }
}
