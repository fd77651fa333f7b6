//! The conversion-economics model: pure arithmetic, no UI, no IO.
//!
//! This module is the contract of MODEL.md in code. It never depends on the
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

pub mod error;
pub mod field;
pub mod finance;
pub mod plan;
pub mod result;
pub mod scenario;
pub mod sweep;

pub use error::{ScenarioError, ScenarioErrors};
pub use field::{Field, Group, Kind};
pub use result::{BuildTime, Derived, Evaluation, MonthRow};
pub use scenario::Scenario;
pub use sweep::SensitivityPoint;

/// Validates `scenario` and computes every output. A scenario that breaks a
/// rule is refused as a whole, one error per broken field.
pub fn evaluate(scenario: &Scenario) -> Result<Evaluation, ScenarioErrors> {
    scenario.validate()?;
    Ok(Evaluation::compute(scenario)?)
}

/// Reads a scenario from JSON and evaluates it.
pub fn evaluate_json(text: &str) -> Result<Evaluation, ScenarioErrors> {
    evaluate(&Scenario::from_json(text)?)
}
