//! The conversion-economics model: pure arithmetic, no UI, no IO.
//!
//! This module is the contract of docs/MODEL.md in code. It never depends on the
//! UI, the browser or the file system: a scenario goes in, an [`Evaluation`]
//! or a list of field-named errors comes out, and nothing panics on any input.
//!
//! * [`scenario`]: the inputs, their defaults, the JSON format.
//! * [`field`]: the catalogue of inputs (path, range, unit, help) and their
//!   reading from text.
//! * [`plan`]: the monthly arithmetic of keeping mining and converting.
//! * [`finance`]: present value, IRR, payback.
//! * [`sweep`]: the energy-price sensitivity and the crossover price.
//! * [`result`]: the named outputs.
//! * [`error`]: typed errors whose `Display` names the field.

pub mod breakeven;
pub mod compare;
pub mod debt;
pub mod error;
pub mod field;
pub mod finance;
pub mod finite;
pub mod json;
pub mod number;
pub mod output;
pub mod plan;
pub mod result;
pub mod risk;
pub mod scenario;
pub mod sweep;
pub mod version;

pub use error::{ScenarioError, ScenarioErrors};
pub use field::{Field, Group, Kind};
pub use result::{BridgeItem, BridgeStep, BuildTime, Derived, Evaluation, MonthRow, Searches};
pub use scenario::Scenario;
pub use sweep::SensitivityPoint;

/// Validates `scenario` and computes every output. A scenario that breaks a
/// rule is refused as a whole, one error per broken field.
///
/// Valid inputs whose outputs overflow (only at the far edges of the ranges)
/// are refused too, naming each input that, put back to its default, makes
/// the scenario computable.
pub fn evaluate(scenario: &Scenario) -> Result<Evaluation, ScenarioErrors> {
    evaluate_with(scenario, Searches::Run)
}

/// [`evaluate`], with its searches run or left for later ([`Searches`]):
/// the same errors either way (the searches' outputs are always finite).
pub fn evaluate_with(
    scenario: &Scenario,
    searches: Searches,
) -> Result<Evaluation, ScenarioErrors> {
    scenario.validate()?;
    Evaluation::compute(scenario, searches).map_err(|e| blame(scenario, e))
}

/// For an overflow, the inputs to blame: each field that differs from its
/// default and, reset alone, lets the scenario evaluate. Other errors pass
/// through.
fn blame(scenario: &Scenario, error: ScenarioError) -> ScenarioErrors {
    let ScenarioError::NotRepresentable { output, .. } = error else {
        return ScenarioErrors(vec![error]);
    };
    let defaults = Scenario::default();
    let fields: Vec<ScenarioError> = Field::ALL
        .iter()
        .filter(|f| f.text(scenario) != f.text(&defaults))
        .filter(|f| {
            let mut tried = scenario.clone();
            f.set_text(&mut tried, &f.text(&defaults)).is_ok()
                && tried.validate().is_ok()
                && Evaluation::compute(&tried, Searches::Later).is_ok()
        })
        .map(|&f| ScenarioError::NotRepresentable {
            output,
            field: Some(f),
        })
        .collect();
    if fields.is_empty() {
        ScenarioErrors(vec![error])
    } else {
        ScenarioErrors(fields)
    }
}

/// Reads a scenario from JSON and evaluates it.
pub fn evaluate_json(text: &str) -> Result<Evaluation, ScenarioErrors> {
    evaluate(&Scenario::from_json(text)?)
}
