//! `repower.evaluate` fed generated JavaScript values in a real browser
//! (`cargo test --target wasm32-unknown-unknown --test web_fuzz`, run by
//! wasm-bindgen-test-runner in headless Chromium): objects and arrays nested a
//! few levels, the real field names and invented ones, NaN, infinities, -0,
//! huge and tiny numbers, BigInt, symbols, lone surrogates, JSON text, and
//! real scenarios with edited values. Every call must give what the model
//! gives for the same value read as the evaluator reads a file (its JSON
//! text, as `JSON.stringify` writes it; a NaN or an infinity, which JSON
//! cannot carry, is an error at its own path): a result with the model's
//! figures when that is valid, else an `Error` naming each path the model
//! names, in the same order (`scenario` for a value that cannot be written
//! as JSON at all). It must never trap (a Rust panic shows in JavaScript as
//! a `WebAssembly.RuntimeError`), and the API must keep working afterwards.
//!
//! Each run draws from a new seed, printed with any failure.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use repower::model::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Generated values per test. Each goes through the API and through the
/// model, and the whole file must finish within the test runner's 20 s
/// (debug builds, a loaded machine): a new seed each run widens the search.
const VALUES: u32 = 2000;

/// splitmix64: small, fast, and good enough to spread the inputs.
struct Gen {
    state: u64,
}

impl Gen {
    fn new(seed: u64) -> Self {
        Self { state: seed }
    }
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn number(&mut self) -> f64 {
        const ODD: &[f64] = &[
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            0.0,
            1.0,
            -1.0,
            0.5,
            2.0,
            3.0,
            12.0,
            12.5,
            100.0,
            120.0,
            121.0,
            240.0,
            241.0,
            1000.0,
            1001.0,
            1002.0,
            4294967295.0,
            4294967296.0,
            9007199254740993.0,
            1e15,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            1e-9,
        ];
        match self.below(5) {
            0 | 1 => *self.pick(ODD),
            2 => self.unit() * 2000.0 - 500.0,
            3 => (self.below(300) as f64).copysign(if self.below(8) == 0 { -1.0 } else { 1.0 }),
            _ => f64::from_bits(self.next()),
        }
    }

    /// A JS string: printable text, number-like text, or raw UTF-16 units
    /// (lone surrogates included).
    fn string(&mut self) -> (JsValue, String) {
        match self.below(5) {
            0 => {
                let units: Vec<u16> = (0..self.below(12)).map(|_| self.next() as u16).collect();
                let s = js_sys::JsString::from_char_code(&units);
                (s.into(), format!("<utf16 {units:?}>"))
            }
            1 => {
                let s = self.number().to_string();
                (JsValue::from_str(&s), format!("{s:?}"))
            }
            2 => {
                let s = (*self.pick(&[
                    "", " ", "{}", "[]", "null", "{", "150", "1e999", "NaN", "\u{0}", "true",
                ]))
                .to_owned();
                (JsValue::from_str(&s), format!("{s:?}"))
            }
            3 => {
                let s = self.json_text();
                (JsValue::from_str(&s), format!("{s:?}"))
            }
            _ => {
                let s: String = (0..self.below(16))
                    .map(|_| char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}'))
                    .collect();
                (JsValue::from_str(&s), format!("{s:?}"))
            }
        }
    }

    /// Scenario JSON text, sometimes cut short or with a value swapped.
    fn json_text(&mut self) -> String {
        let mut s = Scenario::default().to_json_pretty();
        match self.below(3) {
            0 => {
                let at = self.below(s.len() + 1);
                if s.is_char_boundary(at) {
                    s.truncate(at);
                }
            }
            1 => {
                let n = self.number();
                s = s.replacen("150", &format!("{n}"), 1);
            }
            _ => {}
        }
        s
    }

    fn key(&mut self) -> String {
        match self.below(4) {
            0 | 1 => self.pick(&scenario_keys()).clone(),
            2 => (*self.pick(&[
                "__proto__",
                "constructor",
                "toString",
                "schema_version",
                "0",
                "",
                "length",
                "then",
            ]))
            .to_owned(),
            _ => (0..self.below(10))
                .map(|_| char::from(b'a' + self.below(26) as u8))
                .collect(),
        }
    }

    fn leaf(&mut self) -> (JsValue, String) {
        match self.below(12) {
            0 => (JsValue::UNDEFINED, "undefined".into()),
            1 => (JsValue::NULL, "null".into()),
            2 => {
                let b = self.below(2) == 0;
                (JsValue::from_bool(b), b.to_string())
            }
            3 => {
                let n = self.next() as i64;
                (js_sys::BigInt::from(n).into(), format!("{n}n"))
            }
            4 => (
                js_sys::Symbol::for_("repower").into(),
                "Symbol.for('repower')".into(),
            ),
            5..=8 => {
                let x = self.number();
                (JsValue::from_f64(x), format!("{x:?}"))
            }
            _ => self.string(),
        }
    }

    fn value(&mut self, depth: u32) -> (JsValue, String) {
        if depth == 0 {
            return self.leaf();
        }
        match self.below(6) {
            0 => {
                let arr = Array::new();
                let mut d = Vec::new();
                for _ in 0..self.below(6) {
                    let (v, s) = self.value(depth - 1);
                    arr.push(&v);
                    d.push(s);
                }
                (arr.into(), format!("[{}]", d.join(", ")))
            }
            1 | 2 => {
                let obj = Object::new();
                let mut d = Vec::new();
                for _ in 0..self.below(7) {
                    let k = self.key();
                    let (v, s) = self.value(depth - 1);
                    let _ = Reflect::set(&obj, &JsValue::from_str(&k), &v);
                    d.push(format!("{k:?}: {s}"));
                }
                (obj.into(), format!("{{{}}}", d.join(", ")))
            }
            _ => self.leaf(),
        }
    }

    /// A real scenario (as an object) with some fields, groups or keys changed.
    fn scenario(&mut self) -> (JsValue, String) {
        // A version-2 scenario, or one made under version 1 (its own
        // names and defaults).
        let text = if self.below(3) == 0 {
            repower::model::version::v1_defaults().to_json_pretty()
        } else {
            Scenario::default().to_json_pretty()
        };
        let Ok(doc) = js_sys::JSON::parse(&text) else {
            return (JsValue::NULL, "null".into());
        };
        let groups = Object::keys(doc.unchecked_ref::<Object>());
        let mut d = Vec::new();
        for _ in 0..=self.below(6) {
            let g = groups.get(self.below(groups.length() as usize) as u32);
            let gname = g.as_string().unwrap_or_default();
            let group = Reflect::get(&doc, &g).unwrap_or(JsValue::UNDEFINED);
            match self.below(8) {
                0 => {
                    let (v, s) = self.value(2);
                    let _ = Reflect::set(&doc, &g, &v);
                    d.push(format!("{gname} = {s}"));
                }
                1 => {
                    let k = self.key();
                    let (v, s) = self.value(1);
                    let _ = Reflect::set(&group, &JsValue::from_str(&k), &v);
                    d.push(format!("{gname}.{k} = {s}"));
                }
                _ if group.is_object() => {
                    let fields = Object::keys(group.unchecked_ref::<Object>());
                    if fields.length() == 0 {
                        continue;
                    }
                    let f = fields.get(self.below(fields.length() as usize) as u32);
                    let fname = f.as_string().unwrap_or_default();
                    if self.below(10) == 0 {
                        let _ = Reflect::delete_property(group.unchecked_ref::<Object>(), &f);
                        d.push(format!("delete {gname}.{fname}"));
                    } else {
                        let (v, s) = if self.below(3) == 0 {
                            self.value(1)
                        } else {
                            self.leaf()
                        };
                        let _ = Reflect::set(&group, &f, &v);
                        d.push(format!("{gname}.{fname} = {s}"));
                    }
                }
                _ => {}
            }
        }
        (doc, format!("defaults with {}", d.join("; ")))
    }
}

/// Every group and field name of the scenario document.
fn scenario_keys() -> Vec<String> {
    let mut keys = Vec::new();
    if let Ok(serde_json::Value::Object(groups)) = serde_json::to_value(Scenario::default()) {
        for (g, v) in groups {
            if let serde_json::Value::Object(fields) = v {
                keys.extend(fields.keys().cloned());
            }
            keys.push(g);
        }
    }
    // Version 1's one PUE, read in version-1 scenarios only.
    keys.push("pue".to_owned());
    keys
}

fn seed() -> u64 {
    (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * 4_294_967_296.0) as u64) << 20
}

/// `window.repower.evaluate`, as a page script sees it.
fn api_evaluate() -> Function {
    repower::web::api::install();
    let window: JsValue = js_sys::global().into();
    let api = Reflect::get(&window, &"repower".into()).unwrap_or(JsValue::UNDEFINED);
    Reflect::get(&api, &"evaluate".into())
        .unwrap_or(JsValue::UNDEFINED)
        .unchecked_into()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// What `evaluate` must give for a value: the model's incremental NPV, or
/// what its errors name, in order: each field by its path
/// (`greenfield.build_months`, whichever of its elements is wrong), any
/// other part of the document by its own path.
#[derive(Debug, PartialEq)]
enum Expected {
    Result { incremental_npv_usd: f64 },
    Error { paths: Vec<String> },
}

thread_local! {
    static STRINGIFY: Function = Function::new_with_args(
        "v",
        "return JSON.stringify(v, (k, x) => (typeof x === 'number' && !Number.isFinite(x)) ? 'not a finite number' : x);",
    );
}

/// `JSON.stringify`, with each NaN or infinity written as a string the
/// scenario format refuses where a number belongs (so it is an error at its
/// own path, as the API reports it).
fn stringify() -> Function {
    STRINGIFY.with(Function::clone)
}

/// What the model gives for `value`, read as the evaluator reads a file:
/// its JSON text (a string is that text already; nothing means the
/// defaults).
fn expected(value: &JsValue, stringify: &Function) -> Expected {
    let whole = || Expected::Error {
        paths: vec!["scenario".to_owned()],
    };
    let read = if let Some(text) = value.as_string() {
        Scenario::from_json(&text)
    } else if value.is_undefined() || value.is_null() {
        Ok(Scenario::default())
    } else {
        match stringify
            .call1(&JsValue::NULL, value)
            .map(|t| t.as_string())
        {
            Ok(Some(text)) => Scenario::from_json(&text),
            // A throwing getter, a cycle, a BigInt; a function or a symbol.
            Err(_) | Ok(None) => return whole(),
        }
    };
    match read.and_then(|s| repower::model::evaluate(&s)) {
        Ok(r) => Expected::Result {
            incremental_npv_usd: r.incremental_npv_usd,
        },
        Err(errors) => Expected::Error {
            paths: errors.iter().map(|e| named(&e.path())).collect(),
        },
    }
}

/// The field a path is in, by the field's path; another path as it is.
fn named(path: &str) -> String {
    repower::model::Field::from_path(path).map_or_else(|| path.to_owned(), |f| f.path().to_owned())
}

/// What the API gave: the figure, or the paths its error's lines name. A
/// trap, a thrown non-`Error`, an empty message or a line without a path
/// fails with the value and the seed.
fn outcome(result: Result<JsValue, JsValue>, what: &str, seed: u64) -> Expected {
    match result {
        Ok(result) => {
            let total = get(&result, "contract_total_revenue_usd").as_f64();
            assert!(
                total.is_some_and(f64::is_finite),
                "seed {seed}: a result without a finite total for {what}"
            );
            let npv = get(&result, "incremental_npv_usd").as_f64();
            Expected::Result {
                incremental_npv_usd: npv
                    .unwrap_or_else(|| panic!("seed {seed}: a result without an NPV for {what}")),
            }
        }
        Err(e) => {
            assert!(
                !e.is_instance_of::<js_sys::WebAssembly::RuntimeError>(),
                "seed {seed}: evaluate trapped ({:?}) on {what}",
                get(&e, "message").as_string()
            );
            assert!(
                e.is_instance_of::<js_sys::Error>(),
                "seed {seed}: threw a non-Error for {what}"
            );
            let message = get(&e, "message").as_string().unwrap_or_default();
            assert!(
                !message.trim().is_empty(),
                "seed {seed}: an empty message for {what}"
            );
            let paths = message
                .lines()
                .map(|line| match line.split_once(": ") {
                    // A key may be empty, and so the path that names it.
                    Some((path, said)) if !said.is_empty() => named(path),
                    _ => panic!("seed {seed}: a line without `path: message` for {what}: {line:?}"),
                })
                .collect();
            Expected::Error { paths }
        }
    }
}

/// Calls `evaluate(value)` from JavaScript's side and checks it gives what
/// the model gives. Returns whether it gave a result.
fn check_one(evaluate: &Function, value: &JsValue, what: &str, seed: u64) -> bool {
    let got = outcome(evaluate.call1(&JsValue::NULL, value), what, seed);
    let want = expected(value, &stringify());
    assert_eq!(got, want, "seed {seed}: {what}");
    matches!(got, Expected::Result { .. })
}

/// Every 200 values, lets the browser run its other tasks (the test
/// runner's own polling among them) before going on.
async fn breathe(i: u32) {
    if i % 200 != 0 {
        return;
    }
    let later = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}

/// The API still answers the defaults correctly.
fn still_works(evaluate: &Function) {
    let result = evaluate
        .call1(&JsValue::NULL, &JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("the defaults no longer evaluate: {e:?}"));
    let native = repower::model::evaluate(&Scenario::default())
        .unwrap_or_else(|e| panic!("the defaults are invalid: {e}"));
    assert_eq!(
        get(&result, "incremental_npv_usd").as_f64(),
        Some(native.incremental_npv_usd)
    );
}

#[wasm_bindgen_test]
async fn arbitrary_values_return_or_throw_an_error() {
    let evaluate = api_evaluate();
    let seed = seed();
    let mut g = Gen::new(seed);
    let mut evaluated = 0;
    for i in 0..VALUES {
        breathe(i).await;
        let (value, what) = g.value(4);
        if check_one(&evaluate, &value, &what, seed) {
            evaluated += 1;
        }
    }
    still_works(&evaluate);
    web_sys::console::log_1(
        &format!("web_fuzz arbitrary values: {VALUES} inputs, {evaluated} evaluated (seed {seed})")
            .into(),
    );
}

#[wasm_bindgen_test]
async fn edited_scenarios_return_or_throw_an_error() {
    let evaluate = api_evaluate();
    let seed = seed();
    let mut g = Gen::new(seed);
    let mut evaluated = 0;
    for i in 0..VALUES {
        breathe(i).await;
        let (value, what) = g.scenario();
        if check_one(&evaluate, &value, &what, seed) {
            evaluated += 1;
        }
    }
    // Some edits keep the scenario valid, so the model itself runs too.
    assert!(evaluated > 0, "seed {seed}: no edited scenario was valid");
    still_works(&evaluate);
    web_sys::console::log_1(
        &format!("web_fuzz edited scenarios: {VALUES} inputs, {evaluated} evaluated (seed {seed})")
            .into(),
    );
}

#[wasm_bindgen_test]
async fn the_rust_entry_point_returns_ok_or_err() {
    // The same values straight into `evaluate_js`, without the JS wrapper.
    let seed = seed();
    let mut g = Gen::new(seed);
    let stringify = stringify();
    for i in 0..VALUES / 3 {
        breathe(i).await;
        let (value, what) = if g.below(2) == 0 {
            g.value(3)
        } else {
            g.scenario()
        };
        let want = expected(&value, &stringify);
        let got = outcome(repower::web::api::evaluate_js(value), &what, seed);
        assert_eq!(got, want, "seed {seed}: {what}");
    }
    let defaults = outcome(
        repower::web::api::evaluate_js(JsValue::UNDEFINED),
        "undefined",
        seed,
    );
    assert_eq!(defaults, expected(&JsValue::UNDEFINED, &stringify));
}

#[wasm_bindgen_test]
fn hostile_objects_never_break_the_api() {
    // Getters that throw, proxies, functions, dates, maps, typed arrays,
    // frozen and prototype-less objects, cycles.
    let evaluate = api_evaluate();
    let make = Function::new_no_args(
        r#"
        const boom = () => { throw new Error('getter threw'); };
        const withGetter = (o, k) => { Object.defineProperty(o, k, { get: boom, enumerable: true }); return o; };
        const site = { grid_capacity_mw: 150 };
        const cyclic = { site: {} }; cyclic.site.self = cyclic;
        const bare = Object.create(null); bare.site = Object.create(null); bare.site.grid_capacity_mw = 120;
        return [
          withGetter({}, 'site'),
          { site: withGetter({}, 'grid_capacity_mw') },
          new Proxy({}, { ownKeys: boom }),
          new Proxy({}, { get: boom, ownKeys: () => ['site'], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) }),
          { site: new Proxy(site, { get: boom }) },
          () => 1,
          { site: () => 1 },
          new Date(),
          { site: new Date() },
          new Map([['site', { grid_capacity_mw: 150 }]]),
          { site: new Map([['grid_capacity_mw', 150]]) },
          new Uint8Array([1, 2, 3]),
          { greenfield: { build_months: new Uint32Array([12, 18]) } },
          { greenfield: { build_months: new Set([12, 18]) } },
          { greenfield: { build_months: { length: 2, 0: 12, 1: 18 } } },
          { greenfield: { build_months: { [Symbol.iterator]: boom } } },
          { greenfield: { build_months: { [Symbol.iterator]() { return { next: boom }; } } } },
          Object.freeze({ site: Object.freeze({ grid_capacity_mw: 150 }) }),
          bare,
          cyclic,
          { site: { grid_capacity_mw: new Number(150) } },
          { site: { grid_capacity_mw: Object(150n) } },
          { schema_version: 1n },
          { schema_version: '1' },
          new String('{}'),
          Symbol('x'),
          { [Symbol('k')]: 1 },
          Object.assign(Object.create({ site: { grid_capacity_mw: 1 } }), {}),
          new Error('not a scenario'),
          Promise.resolve({}),
          { then: boom },
          globalThis.repower,
        ];
        "#,
    );
    let values: Array = make
        .call0(&JsValue::NULL)
        .unwrap_or_else(|e| panic!("the values do not build: {e:?}"))
        .unchecked_into();
    let mut evaluated = 0;
    for (i, value) in values.iter().enumerate() {
        if check_one(&evaluate, &value, &format!("hostile value {i}"), 0) {
            evaluated += 1;
        }
        // After each, the API still works.
        still_works(&evaluate);
    }
    // Some are scenarios after all (a frozen object, one without a
    // prototype, a Number object), the others errors.
    assert!(
        (1..values.length() as usize).contains(&evaluated),
        "{evaluated} hostile values evaluated"
    );
    // And after many throwing getters in a row, still no harm done. (The
    // getter's exception passes through the decoder as a JS exception; debug
    // glue logs each one, so the count stays modest.)
    let thrower = values.get(0);
    for _ in 0..1000 {
        let got = outcome(
            evaluate.call1(&JsValue::NULL, &thrower),
            "a throwing getter",
            0,
        );
        assert_eq!(
            got,
            Expected::Error {
                paths: vec!["scenario".to_owned()]
            }
        );
    }
    for _ in 0..50 {
        still_works(&evaluate);
    }
}
