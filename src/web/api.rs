//! `window.repower`: the model for scripts and the browser console.
//!
//! ```js
//! repower.evaluate({ site: { grid_capacity_mw: 150 } })  // the evaluator's result object
//! repower.defaults()                                       // the default scenario
//! repower.presets()                                        // [{id, name, source, date, note, scenario}]
//! ```
//! `evaluate` takes a scenario object (or its JSON text), reads it exactly as
//! the evaluator reads a file, and throws an `Error` whose message has one
//! `field.path: message` line per problem.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::{evaluate, Scenario, ScenarioError, ScenarioErrors};

/// `value` as a JavaScript value, through JSON text: exactly what the
/// evaluator prints, read by `JSON.parse` (numbers round-trip to the last
/// bit). Written through `serde_json::Value`, as the page writes scenarios
/// and results files, so the page's WebAssembly holds one writer of each
/// type rather than two.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let value = serde_json::to_value(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("result: {e}"))))?;
    js_sys::JSON::parse(&value.to_string())
}

fn error(errors: &ScenarioErrors) -> JsValue {
    js_sys::Error::new(&errors.to_string()).into()
}

/// Marks a NaN or infinity on its way through JSON text (which cannot carry them).
const NON_FINITE: &str = "repower:non-finite-number";

/// Reads a scenario from a JS value: an object, or a JSON string.
///
/// An object is written to JSON text (`JSON.stringify`) and read exactly as
/// the evaluator reads a file, so both accept and refuse the same things.
/// NaN and infinities, which JSON cannot carry, are marked on the way and
/// reported as "must be a finite number" for their field. A getter that
/// throws, a cycle or a BigInt make `JSON.stringify` throw; that is caught
/// and reported too.
pub fn scenario_from_js(value: JsValue) -> Result<Scenario, ScenarioErrors> {
    if let Some(text) = value.as_string() {
        return Scenario::from_json(&text);
    }
    if value.is_undefined() || value.is_null() {
        return Ok(Scenario::default());
    }
    let replacer =
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, v: JsValue| {
            match v.as_f64() {
                Some(x) if !x.is_finite() => JsValue::from_str(NON_FINITE),
                _ => v,
            }
        });
    let text = js_sys::JSON::stringify_with_replacer(&value, replacer.as_ref()).map_err(|e| {
        // On one line, as every problem is reported (a cycle's message
        // spans several).
        let message = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "could not be read".to_owned());
        ScenarioError::Decode {
            path: "scenario".to_owned(),
            message: format!("cannot be read: {message}"),
        }
    })?;
    // A function or a symbol stringifies to `undefined`.
    let text = text.as_string().ok_or_else(|| ScenarioError::Decode {
        path: "scenario".to_owned(),
        message: "must be an object".to_owned(),
    })?;
    Scenario::from_json(&text).map_err(|errors| {
        ScenarioErrors(
            errors
                .0
                .into_iter()
                .map(|e| match e {
                    ScenarioError::Decode { path, message } if message.contains(NON_FINITE) => {
                        match crate::model::Field::from_path(&path) {
                            Some(field) => ScenarioError::NotFinite { field },
                            None => ScenarioError::Decode {
                                path,
                                message: "must be a finite number".to_owned(),
                            },
                        }
                    }
                    other => other,
                })
                .collect(),
        )
    })
}

/// `repower.evaluate(scenario)`.
pub fn evaluate_js(value: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_from_js(value).map_err(|e| error(&e))?;
    let result = evaluate(&scenario).map_err(|e| error(&e))?;
    to_js(&result)
}

#[derive(Serialize)]
struct PresetJs {
    id: &'static str,
    name: &'static str,
    source: &'static str,
    date: &'static str,
    note: &'static str,
    scenario: Scenario,
}

/// Sets `window.repower`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let evaluate = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(evaluate_js);
    let defaults =
        Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(|| to_js(&Scenario::default()));
    let presets = Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(|| {
        let list: Vec<PresetJs> = crate::presets::all()
            .into_iter()
            .map(|p| PresetJs {
                id: p.id,
                name: p.name,
                source: p.source,
                date: p.date,
                note: p.note,
                scenario: p.scenario,
            })
            .collect();
        to_js(&list)
    });
    let _ = js_sys::Reflect::set(&api, &"evaluate".into(), evaluate.as_ref());
    let _ = js_sys::Reflect::set(&api, &"defaults".into(), defaults.as_ref());
    let _ = js_sys::Reflect::set(&api, &"presets".into(), presets.as_ref());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    let _ = js_sys::Reflect::set(&window, &"repower".into(), &api);
    // The API lives as long as the page.
    evaluate.forget();
    defaults.forget();
    presets.forget();
}
